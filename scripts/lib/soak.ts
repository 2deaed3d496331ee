/** Many mood checks in a row on one offscreen document, with its tensors and JS heap before and after
 * (the soak test asserts on it, the benchmark reports it). Chromium needs --js-flags=--expose-gc and
 * --enable-precise-memory-info for heap figures that are not bucketed and delayed. */
import { CheckOutcome, type Diagnostics } from '../../src/shared/messages';
import type { ExtensionSession } from './browser';

export const SOAK_ARGS = ['--js-flags=--expose-gc', '--enable-precise-memory-info'];

export interface SoakResult {
  before: Diagnostics;
  after: Diagnostics;
  /** checks that answered with a mood, by mood */
  moods: Record<string, number>;
  failures: number;
  seconds: number;
}

export async function soak(s: ExtensionSession, checks: number, warmup = 20): Promise<SoakResult> {
  await s.setSettings({ backend: 'wasm', framesPerCheck: 1 });
  for (let i = 0; i < warmup; i++) await s.ask({ type: 'check-mood' });
  const before = await s.diagnostics();
  const moods: Record<string, number> = {};
  let failures = 0;
  const t0 = performance.now();
  for (let i = 0; i < checks; i++) {
    const outcome = CheckOutcome.parse(await s.ask({ type: 'check-mood' }));
    if (outcome.ok) moods[outcome.result.mood] = (moods[outcome.result.mood] ?? 0) + 1;
    else failures++;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { before, after: await s.diagnostics(), moods, failures, seconds };
}
