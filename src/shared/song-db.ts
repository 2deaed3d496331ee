/** The song catalogue in IndexedDB. Songs are stored in chunks of up to 512 songs of one label, because one
 * IndexedDB record per song made a 278k import take 90 s here; chunks make it a few hundred writes. Each chunk
 * carries a random key r, indexed with its label, so a random pool of a label's songs is one index read and no
 * scan. Names read from the Spotify tab for songs that came without (the 278k file has none) are kept beside. */
import browser from 'webextension-polyfill';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
// Only the version string is bundled (Vite tree-shakes named JSON imports); the rows are fetched when needed.
import { version as CATALOGUE_VERSION } from '../../data/catalogue.json';
import { packFeatures, scaleFeatures, unpackFeatures } from './song-features';
import type { CatalogueFile, Song, SongLabel } from './songs';

type Origin = 'default' | 'import';

interface SongChunk {
  origin: Origin;
  seq: number;
  label: SongLabel;
  r: number;
  ids: string[];
  names?: string[];
  artists?: string[];
  /** one byte per feature per song (song-features.ts) */
  features: Uint8Array;
}

/** A chunk as version 1 of the database stored it: valence and energy only. */
type ChunkV1 = Omit<SongChunk, 'features'> & { valence?: number[]; energy?: number[]; features?: Uint8Array };

export interface SongName {
  name: string;
  artist?: string;
}

export interface ImportState {
  status: 'running' | 'done';
  songs: number;
}

interface MoodDjDb extends DBSchema {
  chunks: { key: [Origin, number]; value: SongChunk; indexes: { 'label-r': [number, number] } };
  meta: { key: string; value: unknown };
  names: { key: string; value: SongName };
}

export const DB_NAME = 'mood-dj';
const CHUNK = 512;
let db: Promise<IDBPDatabase<MoodDjDb>> | undefined;

function songDb(): Promise<IDBPDatabase<MoodDjDb>> {
  db ??= openDB<MoodDjDb>(DB_NAME, 2, {
    async upgrade(d, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        d.createObjectStore('chunks', { keyPath: ['origin', 'seq'] }).createIndex('label-r', ['label', 'r']);
        d.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        d.createObjectStore('names');
        // Songs imported before features were kept: their valence and energy move over, the rest are unknown
        // (the middle of their range) until the file is imported again. The default catalogue is reinstalled.
        for (let cursor = await tx.objectStore('chunks').openCursor(); cursor; cursor = await cursor.continue()) {
          const old = cursor.value as ChunkV1;
          if (old.features) continue;
          const features = old.ids.map((_, i) => scaleFeatures({ valence: old.valence?.[i], energy: old.energy?.[i] }));
          const { valence: _v, energy: _e, ...rest } = old;
          await cursor.update({ ...rest, features: packFeatures(features) });
        }
      }
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
        features: packFeatures(part.map((s) => s.features)),
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
  const songs: Song[] = file.rows.map(([id, name, artist, label, ...features]) => ({ id, name, artist, label: label as SongLabel, features }));
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

const POOL_CHUNKS = 4;

/** Up to four whole chunks of the label from a random place in its random order: about 2,000 candidate songs of
 * a large catalogue (all of a label's songs in the default one) in one index read. */
export async function songPool(label: SongLabel): Promise<Song[]> {
  const index = (await songDb()).transaction('chunks').store.index('label-r');
  const x = Math.random();
  const chunks = await index.getAll(IDBKeyRange.bound([label, x], [label, 1]), POOL_CHUNKS);
  if (chunks.length < POOL_CHUNKS) chunks.push(...(await index.getAll(IDBKeyRange.bound([label, 0], [label, x], false, true), POOL_CHUNKS - chunks.length))); // wrap around
  return chunks.flatMap((c) =>
    c.ids.map((id, i) => ({ id, name: c.names?.[i] || undefined, artist: c.artists?.[i] || undefined, label, features: unpackFeatures(c.features, i) })),
  );
}

/** The songs with names filled in from what the Spotify tab showed, where the catalogue had none. */
export async function withKnownNames(songs: Song[]): Promise<Song[]> {
  const store = (await songDb()).transaction('names').store;
  return Promise.all(songs.map(async (s) => (s.name ? s : { ...s, ...(await store.get(s.id)) })));
}

/** Keeps the name the Spotify tab showed for a song. */
export async function rememberName(id: string, name: SongName): Promise<void> {
  await (await songDb()).put('names', name, id);
}
