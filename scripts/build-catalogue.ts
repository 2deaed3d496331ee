/** Builds the default song catalogue data/catalogue.json from ../shared/data/songs/songs.csv.gz:
 * Spotify track id, title, artist, label (278k numbering: 0 sad, 1 happy, 2 energetic, 3 calm), valence, energy.
 *   npx tsx scripts/build-catalogue.ts [songs.csv.gz] */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { CATALOGUE_COLUMNS, type CatalogueFile } from '../src/shared/songs';

const input = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../shared/data/songs/songs.csv.gz'));
const out = resolve(import.meta.dirname, '../data/catalogue.json');

const parsed = Papa.parse<Record<string, string>>(gunzipSync(readFileSync(input)).toString('utf8'), { header: true, skipEmptyLines: true });
if (parsed.errors.length) throw new Error(`${input}: ${parsed.errors.length} malformed rows, first: ${parsed.errors[0].message}`);
const rows = parsed.data.map((r) => {
  const id = /^spotify:track:([A-Za-z0-9]{22})$/.exec(r.uri)?.[1];
  if (!id) throw new Error(`bad uri ${r.uri}`);
  return [id, r.name, r.artist, Number(r.label), Number(Number(r.valence).toFixed(3)), Number(Number(r.energy).toFixed(3))] as CatalogueFile['rows'][number];
});
const body = JSON.stringify(rows);
const file: CatalogueFile = {
  version: createHash('sha256').update(body).digest('hex').slice(0, 16),
  source: 'shared/data/songs/songs.csv.gz (7,169 mood-labelled Spotify tracks, see its manifest)',
  columns: [...CATALOGUE_COLUMNS],
  rows,
};
writeFileSync(out, JSON.stringify(file));
console.log(`wrote ${out}: ${rows.length} songs, version ${file.version}`);
