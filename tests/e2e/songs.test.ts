/** The song catalogue in the extension's real IndexedDB, and picking songs for a mood. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from '../../scripts/lib/browser';
import { SongsOutcome } from '../../src/shared/messages';
import catalogue from '../../data/catalogue.json';

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension();
});
afterAll(() => s.close());

/** Songs stored in the extension's IndexedDB, read directly; -1 when a track id is stored twice. */
async function songCount(): Promise<number> {
  const page = await s.context.newPage();
  await page.goto(s.url('src/options/index.html'));
  const ids = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('mood-dj');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('chunks').objectStore('chunks').getAll();
          req.onsuccess = () => resolve(req.result.flatMap((c: { ids: string[] }) => c.ids));
        };
      }),
  );
  await page.close();
  return new Set(ids).size === ids.length ? ids.length : -1;
}

async function pick(mood: string) {
  const outcome = SongsOutcome.parse(await s.ask({ type: 'pick-songs', mood }));
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

const labelOf = new Map(catalogue.rows.map((r) => [r[0] as string, r[3] as number]));

it('installs the default catalogue once, also across worker restarts', async () => {
  await expect.poll(songCount, { timeout: 20_000 }).toBe(catalogue.rows.length);
  const cdp = await s.context.newCDPSession(await s.context.newPage());
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await pick('happy'); // wakes the worker, which checks the catalogue version again
  expect(await songCount()).toBe(catalogue.rows.length);
});

it('picks songs of the mapped label, without repeats', async () => {
  const seen = new Set<string>();
  for (const [mood, label] of [['happy', 1], ['sad', 0], ['angry', 2], ['neutral', 3]] as const) {
    const { songs, label: got } = await pick(mood);
    expect(got).toBe(label);
    expect(songs).toHaveLength(3);
    for (const song of songs) {
      expect(labelOf.get(song.id)).toBe(label);
      expect(seen.has(song.id)).toBe(false);
      seen.add(song.id);
    }
  }
});

it('"lift my mood" maps sad to happy songs, and the count follows the settings', async () => {
  await s.setSettings({ mapping: 'lift', songsPerCheck: 5, preferCentre: true });
  const { songs, label } = await pick('sad');
  expect(label).toBe(1);
  expect(songs).toHaveLength(5);
  expect(songs.every((x) => labelOf.get(x.id) === 1)).toBe(true);
});
