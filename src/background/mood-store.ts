/** Last mood and mood history in chrome.storage.local: the worker can stop at any time, storage stays. */
import type { MoodResult } from '../shared/messages';
import { HISTORY_KEY, parseHistory, withResult } from '../shared/mood-history';

export async function recordResult(result: MoodResult): Promise<void> {
  const history = withResult(parseHistory((await chrome.storage.local.get(HISTORY_KEY))[HISTORY_KEY]), result);
  await chrome.storage.local.set({ lastResult: result, [HISTORY_KEY]: history });
}
