/** Writes a CSV with the exact column layout of Kaggle's 278k_labelled_uri.csv (see
 * ../shared/data/songs/manifest.json), N random rows, for tests and the import benchmark.
 *   npx tsx scripts/make-278k-csv.ts N OUT.csv [--bad K]   (K malformed rows spread through the file) */
import { createWriteStream } from 'node:fs';
import { LAYOUT_278K } from '../src/shared/import-278k';

export function* rows278k(n: number, bad = 0, seed = 1): Generator<string> {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const id = (k: number) => `mdj${k.toString(36).padStart(19, '0')}`; // 22 chars, never a real track's
  const badEvery = bad ? Math.floor(n / bad) : 0;
  yield LAYOUT_278K.join(',');
  for (let k = 0; k < n; k++) {
    const duration = 120000 + Math.floor(rand() * 240000);
    const speech = rand() * 0.3;
    const row = [k, k, duration, rand(), rand(), -30 * rand(), speech, rand(), rand(), rand(), rand(), 60 + 120 * rand(), speech / duration, Math.floor(rand() * 4), `spotify:track:${id(k)}`];
    if (badEvery && k % badEvery === badEvery - 1) {
      // one of several kinds of damage: bad label, bad uri, missing cells
      const kind = (k / badEvery) % 3;
      if (kind === 0) row[13] = 7;
      else if (kind === 1) row[14] = 'not-a-uri';
      else row.length = 9;
    }
    yield row.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toPrecision(6) : String(v))).join(',');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, out] = [Number(process.argv[2]), process.argv[3]];
  const badAt = process.argv.indexOf('--bad');
  if (!n || !out) throw new Error('usage: make-278k-csv.ts N OUT.csv [--bad K]');
  const stream = createWriteStream(out);
  for (const line of rows278k(n, badAt > 0 ? Number(process.argv[badAt + 1]) : 0)) {
    if (!stream.write(line + '\n')) await new Promise((r) => stream.once('drain', r));
  }
  stream.end();
  console.log(`wrote ${out}: ${n} rows`);
}
