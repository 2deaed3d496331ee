/** The song half in real Chromium: imports a generated CSV of the 278k file's layout through the options
 * page, then times song picks over the full catalogue, at random and with a taste model learned from 150
 * reactions per mood.   npx tsx bench/songs.ts [ROWS] prints this half alone. */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MOOD_NAMES, SongsOutcome, type Feedback, type Mood } from '../src/shared/messages';
import { importThroughOptions, launchExtension, type ExtensionSession } from '../scripts/lib/browser';
import { MOOD_TO_LABEL } from '../src/shared/songs';
import type { TasteEvent } from '../src/shared/taste-events';
import { rows278k } from '../scripts/make-278k-csv';
import catalogue from '../data/catalogue.json';
import { median, p95, type Row } from './table';

const PICKS = 200;
const DEFAULT_SONGS = catalogue.rows.length;
const REACTIONS = 150;

/** A user's reactions to songs of each mood's label: likes, bans, skips and plays, as the worker stores them. */
function reactions(): TasteEvent[] {
  const kinds: Feedback[] = ['like', 'played', 'skip', 'ban', 'not-for-mood'];
  return MOOD_NAMES.flatMap((mood: Mood) => {
    const label = MOOD_TO_LABEL.match[mood];
    const rows = catalogue.rows.filter((r) => r[3] === label);
    return Array.from({ length: REACTIONS }, (_, i): TasteEvent => {
      const r = rows[(i * 37) % rows.length];
      return { id: r[0] as string, mood, label, features: r.slice(4) as number[], feedback: kinds[i % kinds.length], at: i };
    });
  });
}

async function timePicks(s: ExtensionSession): Promise<number[]> {
  const picks: number[] = [];
  for (let i = 0; i < PICKS; i++) {
    const outcome = SongsOutcome.parse(await s.ask({ type: 'pick-songs', mood: MOOD_NAMES[i % 4] }));
    if (!outcome.ok) throw new Error(outcome.error);
    picks.push(outcome.pickMs);
  }
  return picks;
}

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
    await s.worker.evaluate(() => chrome.storage.local.remove('taste'));
    const random = await timePicks(s);
    await s.worker.evaluate((events) => chrome.storage.local.set({ taste: { events } }), reactions());
    const taste = await timePicks(s);
    const over = `${PICKS} picks over ${(imported + DEFAULT_SONGS).toLocaleString('en')} songs`;
    return [
      [`import of ${rows.toLocaleString('en')} CSV rows (${imported.toLocaleString('en')} songs) through the options page`, `${(ms / 1000).toFixed(1)} s (${Math.round(imported / (ms / 1000)).toLocaleString('en')} rows/s)`],
      [`pick of 3 songs for a mood, no feedback yet (${over}), median / p95`, `${median(random).toFixed(1)} ms / ${p95(random).toFixed(1)} ms`],
      [`pick of 3 songs with a taste model learned from ${REACTIONS} reactions per mood (${over}), median / p95`, `${median(taste).toFixed(1)} ms / ${p95(taste).toFixed(1)} ms`],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await launchExtension();
  try {
    for (const [what, value] of await songsBench(s, Number(process.argv[2] ?? 277_938))) console.log(`${what}: ${value}`);
  } finally {
    await s.close();
  }
}
