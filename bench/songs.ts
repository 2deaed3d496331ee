/** The song half in real Chromium: imports a generated CSV of the 278k file's layout through the options
 * page, then times song picks over the full catalogue. */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SongsOutcome } from '../src/shared/messages';
import { importThroughOptions, type ExtensionSession } from '../scripts/lib/browser';
import { rows278k } from '../scripts/make-278k-csv';
import catalogue from '../data/catalogue.json';
import { median, p95, type Row } from './table';

const PICKS = 200;
const DEFAULT_SONGS = catalogue.rows.length;

async function writeCsv(path: string, rows: number) {
  const out = createWriteStream(path);
  for (const line of rows278k(rows)) if (!out.write(line + '\n')) await new Promise((r) => out.once('drain', r));
  await new Promise((r) => out.end(r));
}

export async function songsBench(s: ExtensionSession, rows: number): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    const csv = join(dir, '278k_labelled_uri.csv');
    await writeCsv(csv, rows);
    await s.ask({ type: 'pick-songs', mood: 'happy' }); // default catalogue in place first
    const { page, ms, done } = await importThroughOptions(s, csv);
    if (!done) throw new Error(await page.getByTestId('import-error').innerText());
    const imported = Number(await page.getByTestId('import-done').getAttribute('data-imported'));
    await page.close();
    const picks: number[] = [];
    for (let i = 0; i < PICKS; i++) {
      const outcome = SongsOutcome.parse(await s.ask({ type: 'pick-songs', mood: (['happy', 'sad', 'angry', 'neutral'] as const)[i % 4] }));
      if (!outcome.ok) throw new Error(outcome.error);
      picks.push(outcome.pickMs);
    }
    return [
      [`import of ${rows.toLocaleString('en')} CSV rows (${imported.toLocaleString('en')} songs) through the options page`, `${(ms / 1000).toFixed(1)} s (${Math.round(imported / (ms / 1000)).toLocaleString('en')} rows/s)`],
      [`pick of 3 songs for a mood (${PICKS} picks over ${(imported + DEFAULT_SONGS).toLocaleString('en')} songs), median / p95`, `${median(picks).toFixed(1)} ms / ${p95(picks).toFixed(1)} ms`],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
