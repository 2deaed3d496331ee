/** The song catalogue in IndexedDB. Each row carries a random key r, indexed with its label, so a random
 * song of a label is one index seek, not a scan, however large an imported catalogue is. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { LABEL_CENTRE, type CatalogueFile, type Song, type SongLabel } from './songs';

export interface StoredSong extends Song {
  r: number;
  origin: 'default' | 'import';
}

interface MoodDjDb extends DBSchema {
  songs: { key: string; value: StoredSong; indexes: { 'label-r': [number, number]; origin: string } };
  meta: { key: string; value: unknown };
}

export const DB_NAME = 'mood-dj';
let db: Promise<IDBPDatabase<MoodDjDb>> | undefined;

export function songDb(): Promise<IDBPDatabase<MoodDjDb>> {
  db ??= openDB<MoodDjDb>(DB_NAME, 1, {
    upgrade(d) {
      const songs = d.createObjectStore('songs', { keyPath: 'id' });
      songs.createIndex('label-r', ['label', 'r']);
      songs.createIndex('origin', 'origin');
      d.createObjectStore('meta');
    },
  });
  return db;
}

/** Loads the bundled catalogue unless this version is already in; one transaction, so a worker stopped
 * midway leaves the old state and the next start does it again. Rows are keyed by track id: never twice. */
export async function installDefaultCatalogue(): Promise<{ installed: boolean; version: string; count: number }> {
  const file: CatalogueFile = await (await fetch(chrome.runtime.getURL('data/catalogue.json'))).json();
  const d = await songDb();
  if ((await d.get('meta', 'defaultVersion')) === file.version) return { installed: false, version: file.version, count: await d.count('songs') };
  const tx = d.transaction(['songs', 'meta'], 'readwrite');
  const songs = tx.objectStore('songs');
  for (let cursor = await songs.index('origin').openCursor('default'); cursor; cursor = await cursor.continue()) await cursor.delete();
  for (const [id, name, artist, label, valence, energy] of file.rows) {
    // A track also imported is replaced by the default row, which has a title and artist.
    void songs.put({ id, name, artist, label: label as SongLabel, valence, energy, r: Math.random(), origin: 'default' });
  }
  void tx.objectStore('meta').put(file.version, 'defaultVersion');
  await tx.done;
  return { installed: true, version: file.version, count: await d.count('songs') };
}

/** Adds or replaces imported songs in one transaction. */
export async function putImported(songs: Song[]): Promise<void> {
  const tx = (await songDb()).transaction('songs', 'readwrite');
  for (const song of songs) void tx.store.put({ ...song, r: Math.random(), origin: 'import' });
  await tx.done;
}

export async function songCounts(): Promise<{ total: number; imported: number }> {
  const d = await songDb();
  return { total: await d.count('songs'), imported: await d.countFromIndex('songs', 'origin', 'import') };
}

async function randomOf(label: SongLabel): Promise<StoredSong | undefined> {
  const index = (await songDb()).transaction('songs').store.index('label-r');
  const x = Math.random();
  const after = await index.openCursor(IDBKeyRange.bound([label, x], [label, 1]));
  if (after) return after.value;
  return (await index.openCursor(IDBKeyRange.bound([label, 0], [label, 1])))?.value; // wrap around
}

/** n songs of the label at random, none of `skip`; with preferCentre, the n nearest the label's
 * valence/energy centre out of four times as many random candidates. */
export async function pickSongs(label: SongLabel, n: number, skip: ReadonlySet<string>, preferCentre: boolean): Promise<Song[]> {
  const want = preferCentre ? 4 * n : n;
  const picked = new Map<string, StoredSong>();
  for (let tries = 0; picked.size < want && tries < want * 8; tries++) {
    const s = await randomOf(label);
    if (!s) break; // no song of this label at all
    if (!skip.has(s.id)) picked.set(s.id, s);
  }
  let songs = [...picked.values()];
  if (preferCentre) {
    const c = LABEL_CENTRE[label];
    songs = songs.sort((a, b) => Math.hypot(a.valence - c.valence, a.energy - c.energy) - Math.hypot(b.valence - c.valence, b.energy - c.energy)).slice(0, n);
  }
  return songs.map(({ id, name, artist, label: l, valence, energy }) => ({ id, name, artist, label: l, valence, energy }));
}
