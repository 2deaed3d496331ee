/** Last mood and mood history in browser.storage.local: the worker can stop at any time, storage stays. */
import browser from 'webextension-polyfill';
import type { MoodResult } from '../shared/messages';
import { HISTORY_KEY, parseHistory, withResult } from '../shared/mood-history';

export async function recordResult(result: MoodResult): Promise<void> {
  const history = withResult(parseHistory((await browser.storage.local.get(HISTORY_KEY))[HISTORY_KEY]), result);
  await browser.storage.local.set({ lastResult: result, [HISTORY_KEY]: history });
}
