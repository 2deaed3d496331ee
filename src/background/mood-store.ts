/** Last mood and mood history in chrome.storage.local: the worker can stop at any time, storage stays. */
import { z } from 'zod';
import { MoodResult } from '../shared/messages';

const HISTORY_MAX = 200;
const History = z.array(z.object({ mood: MoodResult.shape.mood, confidence: z.number(), at: z.number() }));

export async function recordResult(result: MoodResult): Promise<void> {
  const parsed = History.safeParse((await chrome.storage.local.get('history')).history);
  const history = parsed.success ? parsed.data : [];
  history.push({ mood: result.mood, confidence: result.probabilities[result.mood], at: result.at });
  await chrome.storage.local.set({ lastResult: result, history: history.slice(-HISTORY_MAX) });
}
