import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { checkHeader, importCsv, LAYOUT_278K, rowToSong, WrongColumns } from '../../src/shared/import-278k';
import { rows278k } from '../../scripts/make-278k-csv';
import type { Song } from '../../src/shared/songs';

const good = { uri: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC', labels: '2', valence: '0.5', energy: '0.9' };

describe('278k rows', () => {
  it('reads a good row', () => {
    expect(rowToSong(good)).toEqual({ id: '4uLU6hMCjMI75M1A2tKUQC', label: 2, features: [0.5, 0.9, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5] });
  });

  it('keeps every audio feature, scaled to 0..1', () => {
    const full = { ...good, danceability: '0.7', acousticness: '0.1', instrumentalness: '0', speechiness: '0.05', liveness: '0.2', loudness: '-6', tempo: '125' };
    expect(rowToSong(full)?.features).toEqual([0.5, 0.9, 0.7, 0.1, 0, 0.05, 0.2, 0.8, 0.5]);
  });

  it.each([
    ['label out of range', { ...good, labels: '4' }],
    ['label not an integer', { ...good, labels: '1.5' }],
    ['uri of an album', { ...good, uri: 'spotify:album:4uLU6hMCjMI75M1A2tKUQC' }],
    ['short id', { ...good, uri: 'spotify:track:abc' }],
    ['valence missing', { ...good, valence: '' }],
    ['energy above 1', { ...good, energy: '1.2' }],
    ['no cells', {}],
  ])('rejects a row with %s', (_, row) => {
    expect(rowToSong(row)).toBeUndefined();
  });

  it('accepts the exact 278k_labelled_uri.csv header', () => {
    expect(() => checkHeader([...LAYOUT_278K])).not.toThrow();
  });

  it('explains that 278k_song_labelled.csv has no uri', () => {
    expect(() => checkHeader(LAYOUT_278K.filter((c) => c !== 'uri' && c !== 'Unnamed: 0.1'))).toThrow(/no "uri" column.*278k_labelled_uri\.csv/);
  });

  it('rejects an unrelated CSV', () => {
    expect(() => checkHeader(['name', 'artist'])).toThrow(WrongColumns);
  });
});

describe('streaming import', () => {
  const csv = (n: number, bad: number) => [...rows278k(n, bad)].join('\n');

  it('imports every good row once and counts the bad ones', async () => {
    const written: Song[] = [];
    const progress: number[] = [];
    const job = importCsv(csv(5000, 30), async (s) => void written.push(...s), (p) => progress.push(p.imported));
    const done = await job.done;
    expect(done.imported + done.bad).toBe(5000);
    expect(done.bad).toBe(30);
    expect(new Set(written.map((s) => s.id)).size).toBe(written.length);
    expect(progress.at(-1)).toBe(done.imported);
  });

  it('fails with WrongColumns on a file without uri, before writing anything', async () => {
    const noUri = Papa.unparse([...rows278k(50)].map((l) => l.split(',').slice(0, 14)));
    let writes = 0;
    await expect(importCsv(noUri, async () => void writes++, () => {}).done).rejects.toBeInstanceOf(WrongColumns);
    expect(writes).toBe(0);
  });

  it('survives random bytes and an empty file', async () => {
    const noise = String.fromCharCode(...new Uint8Array(20000).map((_, i) => (i * 7919 + 13) % 256));
    await expect(importCsv(noise, async () => {}, () => {}).done).rejects.toBeInstanceOf(WrongColumns);
    await expect(importCsv('', async () => {}, () => {}).done).rejects.toThrow(/empty/);
  });
});
