/** npm run bench: the song half in real Chromium. Imports a generated CSV of the 278k file's layout
 * (277,938 rows) through the options page, then times song picks over the full catalogue.
 *   npm run bench [-- ROWS] */
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SongsOutcome } from '../src/shared/messages';
import { importThroughOptions, launchExtension } from './lib/browser';
import { rows278k } from './make-278k-csv';

const rows = Number(process.argv[2] ?? 277_938);
const PICKS = 200;

async function writeCsv(path: string) {
  const out = createWriteStream(path);
  for (const line of rows278k(rows)) if (!out.write(line + '\n')) await new Promise((r) => out.once('drain', r));
  await new Promise((r) => out.end(r));
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const p95 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length * 0.95)];

async function main() {
  const csv = join(mkdtempSync(join(tmpdir(), 'bench-')), '278k_labelled_uri.csv');
  await writeCsv(csv);
  const s = await launchExtension();
  try {
    await s.ask({ type: 'pick-songs', mood: 'happy' }); // default catalogue in place first
    const { page, ms, done } = await importThroughOptions(s, csv);
    if (!done) throw new Error(await page.getByTestId('import-error').innerText());
    const imported = Number(await page.getByTestId('import-done').getAttribute('data-imported'));
    const picks: number[] = [];
    for (let i = 0; i < PICKS; i++) {
      const outcome = SongsOutcome.parse(await s.ask({ type: 'pick-songs', mood: (['happy', 'sad', 'angry', 'neutral'] as const)[i % 4] }));
      if (!outcome.ok) throw new Error(outcome.error);
      picks.push(outcome.pickMs);
    }
    console.log(`| measure | value |\n|---|---|`);
    console.log(`| import of ${rows.toLocaleString('en')} rows (${imported.toLocaleString('en')} songs) through the options page | ${(ms / 1000).toFixed(1)} s, ${Math.round(imported / (ms / 1000)).toLocaleString('en')} rows/s |`);
    console.log(`| pick of 3 songs (${PICKS} picks over ${(imported + 7169).toLocaleString('en')} songs), median / p95 | ${median(picks).toFixed(1)} ms / ${p95(picks).toFixed(1)} ms |`);
  } finally {
    await s.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
