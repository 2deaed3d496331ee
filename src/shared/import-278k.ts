/** Import of Kaggle's "278k Emotion Labeled Spotify Songs" (278k_labelled_uri.csv): streamed with papaparse,
 * written to IndexedDB in batches. Rows are keyed by track id, so importing again never duplicates. */
import Papa from 'papaparse';
import { scaleFeatures } from './song-features';
import type { Song, SongLabel } from './songs';

/** Exact header of 278k_labelled_uri.csv (../shared/data/songs/manifest.json). */
export const LAYOUT_278K = [
  'Unnamed: 0.1', 'Unnamed: 0', 'duration (ms)', 'danceability', 'energy', 'loudness', 'speechiness', 'acousticness',
  'instrumentalness', 'liveness', 'valence', 'tempo', 'spec_rate', 'labels', 'uri',
] as const;
const NEEDED = ['labels', 'uri', 'valence', 'energy'] as const;

export class WrongColumns extends Error {}

/** Throws WrongColumns, with what to do, when the header lacks what mood-dj needs. */
export function checkHeader(fields: string[]): void {
  if (fields.length === 0) throw new WrongColumns('The file is empty. Choose 278k_labelled_uri.csv.');
  const missing = NEEDED.filter((c) => !fields.includes(c));
  if (missing.length === 0) return;
  if (missing.length === 1 && missing[0] === 'uri')
    throw new WrongColumns('This file has no "uri" column (it looks like 278k_song_labelled.csv), so its songs cannot be played. Choose 278k_labelled_uri.csv.');
  throw new WrongColumns(`This is not the 278k songs file: the columns ${missing.map((m) => `"${m}"`).join(', ')} are missing. Choose 278k_labelled_uri.csv.`);
}

const unit = (s: string | undefined) => {
  const v = Number(s);
  return s !== undefined && s.trim() !== '' && v >= 0 && v <= 1 ? v : undefined;
};

/** One CSV row as a song, or undefined when it is malformed. */
export function rowToSong(row: Record<string, string | undefined>): Song | undefined {
  const id = /^spotify:track:([A-Za-z0-9]{22})$/.exec(row.uri?.trim() ?? '')?.[1];
  const label = Number(row.labels);
  const valence = unit(row.valence);
  const energy = unit(row.energy);
  if (!id || !Number.isInteger(label) || label < 0 || label > 3 || valence === undefined || energy === undefined) return undefined;
  // The other features are kept as given; one missing is the middle of its range (it neither attracts nor repels).
  return { id, label: label as SongLabel, features: scaleFeatures({ ...row, valence, energy }) };
}

export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number;
  imported: number;
  bad: number;
}

export interface ImportJob {
  done: Promise<ImportProgress>;
  cancel(): void;
}

/** Streams `file` (or CSV text), hands each batch of good songs to `write` (awaited, parsing paused meanwhile). */
export function importCsv(file: File | string, write: (songs: Song[]) => Promise<void>, onProgress: (p: ImportProgress) => void): ImportJob {
  let parser: Papa.Parser | undefined;
  let cancelled = false;
  const size = typeof file === 'string' ? file.length : file.size;
  const progress: ImportProgress = { bytesRead: 0, bytesTotal: size, imported: 0, bad: 0 };
  const done = new Promise<ImportProgress>((resolve, reject) => {
    let checked = false;
    Papa.parse<Record<string, string>>(file as File, { // a string takes the same path in papaparse
      header: true,
      skipEmptyLines: 'greedy',
      chunkSize: 512 * 1024, // ~3,500 rows: progress moves often, writes stay large
      chunk(results, p) {
        parser = p;
        if (!checked) {
          checked = true;
          try {
            checkHeader(results.meta.fields ?? []);
          } catch (e) {
            reject(e); // before abort(), which calls complete() at once
            p.abort();
            return;
          }
        }
        const songs: Song[] = [];
        for (const row of results.data) {
          const song = rowToSong(row);
          if (song) songs.push(song);
          else progress.bad++;
        }
        p.pause();
        write(songs).then(
          () => {
            progress.imported += songs.length;
            progress.bytesRead = Math.min(size, results.meta.cursor);
            onProgress({ ...progress });
            if (cancelled) p.abort();
            else p.resume();
          },
          (e) => {
            reject(e);
            p.abort();
          },
        );
      },
      complete: () => (cancelled ? reject(new DOMException('import cancelled', 'AbortError')) : resolve({ ...progress, bytesRead: size })),
      error: (e) => reject(e),
    });
  });
  return {
    done,
    cancel() {
      cancelled = true;
      parser?.abort();
    },
  };
}
