/** The song catalogue in IndexedDB. Songs are stored in chunks of up to 512 songs of one label, because one
 * IndexedDB record per song made a 278k import take 90 s here; chunks make it a few hundred writes. Each chunk
 * carries a random key r, indexed with its label, so a random song of a label is one index seek and no scan. */
import browser from 'webextension-polyfill';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
// Only the version string is bundled (Vite tree-shakes named JSON imports); the rows are fetched when needed.
import { version as CATALOGUE_VERSION } from '../../data/catalogue.json';
import { LABEL_CENTRE, type CatalogueFile, type Song, type SongLabel } from './songs';

type Origin = 'default' | 'import';

interface SongChunk {
  origin: Origin;
  seq: number;
  label: SongLabel;
  r: number;
  ids: string[];
  names?: string[];
  artists?: string[];
  valence: number[];
  energy: number[];
}

export interface ImportState {
  status: 'running' | 'done';
  songs: number;
}

interface MoodDjDb extends DBSchema {
  chunks: { key: [Origin, number]; value: SongChunk; indexes: { 'label-r': [number, number] } };
  meta: { key: string; value: unknown };
}

export const DB_NAME = 'mood-dj';
const CHUNK = 512;
let db: Promise<IDBPDatabase<MoodDjDb>> | undefined;

function songDb(): Promise<IDBPDatabase<MoodDjDb>> {
  db ??= openDB<MoodDjDb>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('chunks', { keyPath: ['origin', 'seq'] }).createIndex('label-r', ['label', 'r']);
      d.createObjectStore('meta');
    },
  });
  return db;
}

const ofOrigin = (origin: Origin) => IDBKeyRange.bound([origin, 0], [origin, Infinity]);

/** Groups songs into chunks of one label, numbered from `seq`. */
function toChunks(songs: Song[], origin: Origin, seq: number): SongChunk[] {
  const groups = new Map<SongLabel, Song[]>();
  for (const s of songs) {
    const g = groups.get(s.label);
    if (g) g.push(s);
    else groups.set(s.label, [s]);
  }
  const chunks: SongChunk[] = [];
  for (const [label, group] of groups) {
    for (let i = 0; i < group.length; i += CHUNK) {
      const part = group.slice(i, i + CHUNK);
      const named = part.some((s) => s.name);
      chunks.push({
        origin,
        seq: seq++,
        label,
        r: Math.random(),
        ids: part.map((s) => s.id),
        ...(named ? { names: part.map((s) => s.name ?? ''), artists: part.map((s) => s.artist ?? '') } : {}),
        valence: part.map((s) => s.valence),
        energy: part.map((s) => s.energy),
      });
    }
  }
  return chunks;
}

/** Loads the bundled catalogue unless this version is already in; one transaction, so a worker stopped
 * midway leaves the old state and the next start does it again: never a song twice. */
export async function installDefaultCatalogue(): Promise<{ installed: boolean; version: string }> {
  const d = await songDb();
  if ((await d.get('meta', 'defaultVersion')) === CATALOGUE_VERSION) return { installed: false, version: CATALOGUE_VERSION };
  const file: CatalogueFile = await (await fetch(browser.runtime.getURL('data/catalogue.json'))).json();
  const songs: Song[] = file.rows.map(([id, name, artist, label, valence, energy]) => ({ id, name, artist, label: label as SongLabel, valence, energy }));
  const tx = d.transaction(['chunks', 'meta'], 'readwrite');
  void tx.objectStore('chunks').delete(ofOrigin('default'));
  for (const chunk of toChunks(songs, 'default', 0)) void tx.objectStore('chunks').put(chunk);
  void tx.objectStore('meta').put(file.version, 'defaultVersion');
  void tx.objectStore('meta').put(songs.length, 'defaultSongs');
  await tx.done;
  return { installed: true, version: file.version };
}

export interface ImportWriter {
  write(songs: Song[]): Promise<void>;
  finish(): Promise<void>;
}

/** Starts an import: the songs of any earlier import are dropped first, so importing again (after a
 * cancel, a closed page or a finished import) restarts cleanly and never duplicates a song. */
export async function beginImport(): Promise<ImportWriter> {
  const d = await songDb();
  let seq = 0;
  let count = 0;
  const tx = d.transaction(['chunks', 'meta'], 'readwrite');
  void tx.objectStore('chunks').delete(ofOrigin('import'));
  void tx.objectStore('meta').put({ status: 'running', songs: 0 } satisfies ImportState, 'import');
  await tx.done;
  return {
    async write(songs) {
      const chunks = toChunks(songs, 'import', seq);
      seq += chunks.length;
      count += songs.length;
      const w = d.transaction(['chunks', 'meta'], 'readwrite');
      for (const chunk of chunks) void w.objectStore('chunks').put(chunk);
      void w.objectStore('meta').put({ status: 'running', songs: count } satisfies ImportState, 'import');
      await w.done;
    },
    async finish() {
      await d.put('meta', { status: 'done', songs: count } satisfies ImportState, 'import');
    },
  };
}

export async function catalogueSize(): Promise<{ total: number; import?: ImportState }> {
  const d = await songDb();
  const defaults = ((await d.get('meta', 'defaultSongs')) as number | undefined) ?? 0;
  const imported = (await d.get('meta', 'import')) as ImportState | undefined;
  return { total: defaults + (imported?.songs ?? 0), import: imported };
}

/** A random chunk of the label, then a random song in it: close to uniform, since most chunks are full
 * (a batch's last chunk per label is smaller, so its songs come up somewhat more often). */
async function randomOf(label: SongLabel): Promise<Song | undefined> {
  const index = (await songDb()).transaction('chunks').store.index('label-r');
  const x = Math.random();
  const chunk =
    (await index.get(IDBKeyRange.bound([label, x], [label, 1]))) ?? (await index.get(IDBKeyRange.bound([label, 0], [label, 1]))); // wrap around
  if (!chunk) return undefined;
  const i = Math.floor(Math.random() * chunk.ids.length);
  return { id: chunk.ids[i], name: chunk.names?.[i] || undefined, artist: chunk.artists?.[i] || undefined, label, valence: chunk.valence[i], energy: chunk.energy[i] };
}

/** n songs of the label at random, none of `skip`; with preferCentre, the n nearest the label's
 * valence/energy centre out of four times as many random candidates. */
export async function pickSongs(label: SongLabel, n: number, skip: ReadonlySet<string>, preferCentre: boolean): Promise<Song[]> {
  const want = preferCentre ? 4 * n : n;
  const picked = new Map<string, Song>();
  for (let tries = 0; picked.size < want && tries < want * 8; tries++) {
    const s = await randomOf(label);
    if (!s) break; // no song of this label at all
    if (!skip.has(s.id)) picked.set(s.id, s);
  }
  const songs = [...picked.values()];
  if (!preferCentre) return songs;
  const c = LABEL_CENTRE[label];
  const distance = (s: Song) => Math.hypot(s.valence - c.valence, s.energy - c.energy);
  return songs.sort((a, b) => distance(a) - distance(b)).slice(0, n);
}
