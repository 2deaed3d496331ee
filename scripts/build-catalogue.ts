/** Builds the default song catalogue data/catalogue.json from ../shared/data/songs/songs.csv.gz:
 * Spotify track id, title, artist, label (278k numbering: 0 sad, 1 happy, 2 energetic, 3 calm) and the scaled
 * audio features, with each label's feature means and spreads for the taste model.
 *   npx tsx scripts/build-catalogue.ts [songs.csv.gz] */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { FEATURE_COUNT, FEATURES, scaleFeatures } from '../src/shared/song-features';
import type { CatalogueFile } from '../src/shared/songs';

const input = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../shared/data/songs/songs.csv.gz'));
const out = resolve(import.meta.dirname, '../data/catalogue.json');

const parsed = Papa.parse<Record<string, string>>(gunzipSync(readFileSync(input)).toString('utf8'), { header: true, skipEmptyLines: true });
if (parsed.errors.length) throw new Error(`${input}: ${parsed.errors.length} malformed rows, first: ${parsed.errors[0].message}`);
const rows = parsed.data.map((r): CatalogueFile['rows'][number] => {
  const id = /^spotify:track:([A-Za-z0-9]{22})$/.exec(r.uri)?.[1];
  if (!id) throw new Error(`bad uri ${r.uri}`);
  return [id, r.name, r.artist, Number(r.label), ...scaleFeatures(r)];
});

const round = (v: number) => Number(v.toFixed(4));
const featureStats = [0, 1, 2, 3].map((label) => {
  const of = rows.filter((r) => r[3] === label).map((r) => r.slice(4) as number[]);
  const mean = Array.from({ length: FEATURE_COUNT }, (_, j) => of.reduce((a, f) => a + f[j], 0) / of.length);
  const std = mean.map((m, j) => Math.sqrt(of.reduce((a, f) => a + (f[j] - m) ** 2, 0) / of.length) || 1);
  return { mean: mean.map(round), std: std.map(round) };
});

const body = JSON.stringify(rows);
const file: CatalogueFile = {
  version: createHash('sha256').update(body).digest('hex').slice(0, 16),
  source: 'shared/data/songs/songs.csv.gz (7,169 mood-labelled Spotify tracks, see its manifest)',
  columns: ['id', 'name', 'artist', 'label', ...FEATURES],
  featureStats,
  rows,
};
writeFileSync(out, JSON.stringify(file));
console.log(`wrote ${out}: ${rows.length} songs, version ${file.version}`);
