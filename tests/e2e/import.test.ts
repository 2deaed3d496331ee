/** Import of a 278k-layout CSV through the options page into the extension's IndexedDB. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importThroughOptions, launchExtension, type ExtensionSession } from '../../scripts/lib/browser';
import { rows278k } from '../../scripts/make-278k-csv';
import catalogue from '../../data/catalogue.json';

const dir = mkdtempSync(join(tmpdir(), 'import-'));
const file = (name: string, lines: Iterable<string>) => {
  const path = join(dir, name);
  writeFileSync(path, [...lines].join('\n'));
  return path;
};
const ROWS = 12_000;
const BAD = 37;

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension();
});
afterAll(() => s.close());

const catalogueText = async () => {
  const page = await s.context.newPage();
  await page.goto(s.url('src/options/index.html'));
  await page.getByTestId('catalogue-size').filter({ hasText: 'songs in the catalogue' }).waitFor();
  const text = await page.getByTestId('catalogue-size').innerText();
  await page.close();
  return text;
};

it('imports every good row once with progress, counting the bad ones; a second import adds nothing', async () => {
  await expect.poll(catalogueText, { timeout: 20_000 }).toContain(`${catalogue.rows.length.toLocaleString('en')} songs`);
  const csv = file('278k_labelled_uri.csv', rows278k(ROWS, BAD));
  for (let round = 0; round < 2; round++) {
    const { page, done, progressSeen } = await importThroughOptions(s, csv);
    expect(done).toBe(true);
    expect(progressSeen.filter((v) => v > 0).length).toBeGreaterThan(1); // the bar moved on the way
    const result = page.getByTestId('import-done');
    expect(Number(await result.getAttribute('data-imported'))).toBe(ROWS - BAD);
    expect(Number(await result.getAttribute('data-bad'))).toBe(BAD);
    await page.close();
    expect(await catalogueText()).toBe(`${(catalogue.rows.length + ROWS - BAD).toLocaleString('en')} songs in the catalogue, ${(ROWS - BAD).toLocaleString('en')} of them imported.`);
  }
});

it('a service worker restart during an import loses and duplicates nothing', async () => {
  const csv = file('restart.csv', rows278k(ROWS, BAD));
  const page = await s.context.newPage();
  await page.goto(s.url('src/options/index.html'));
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await page.getByTestId('import-file').setInputFiles(csv);
  await page.getByTestId('import-progress').or(page.getByTestId('import-done')).first().waitFor();
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.getByTestId('import-done').waitFor();
  expect(Number(await page.getByTestId('import-done').getAttribute('data-imported'))).toBe(ROWS - BAD);
  expect(await catalogueText()).toContain(`${(ROWS - BAD).toLocaleString('en')} of them imported`);
});

it('refuses 278k_song_labelled.csv (no uri) with a clear message', async () => {
  const lines = [...rows278k(100)].map((l) => l.split(',').slice(1, 14).join(','));
  const { page, done } = await importThroughOptions(s, file('278k_song_labelled.csv', lines));
  expect(done).toBe(false);
  expect(await page.getByTestId('import-error').innerText()).toMatch(/no "uri" column/);
  // The wrong file did not cost the songs imported before.
  expect(await catalogueText()).toContain(`${(ROWS - BAD).toLocaleString('en')} of them imported`);
});

it('refuses an empty file and binary noise without crashing', async () => {
  for (const [name, content] of [['empty.csv', ''], ['noise.csv', String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))]]) {
    const { page, done } = await importThroughOptions(s, file(name, [content]));
    expect(done).toBe(false);
    expect(await page.getByTestId('import-error').innerText()).toMatch(/empty|not the 278k songs file/);
  }
});
