/** Opens the popup twice, as a user does: the first check starts the offscreen document and loads the
 * models (cold), the second finds them ready (warm). Shared by the demo and the benchmark. */
import type { Page } from 'playwright-core';
import type { MoodResult } from '../../src/shared/messages';
import type { ExtensionSession } from './browser';

export interface PopupRun {
  run: 'cold' | 'warm';
  /** popup opened to mood shown */
  ms: number;
  /** popup opened to the first frame's mood shown */
  firstMs: number;
  result: MoodResult;
  /** the popup, still open; the caller closes it */
  page: Page;
}

export async function popupRuns(s: ExtensionSession): Promise<PopupRun[]> {
  const runs: PopupRun[] = [];
  for (const run of ['cold', 'warm'] as const) {
    const { page, ms, firstMs, errorCode } = await s.popupCheck();
    if (errorCode) throw new Error(`the popup shows an error: ${await page.getByTestId('check-error').innerText()}`);
    runs.push({ run, ms, firstMs, result: await s.lastResult(), page });
  }
  return runs;
}
