/** Last mood and mood history in chrome.storage.local: the worker can stop at any time, storage stays. */
import { MoodResult, type CheckError } from '../shared/messages';
import { z } from 'zod';

const HISTORY_MAX = 200;
const Stored = z.object({
  lastResult: MoodResult.optional(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.number() }).optional(),
  history: z.array(z.object({ mood: MoodResult.shape.mood, confidence: z.number(), at: z.number() })).default([]),
});
export type MoodState = z.infer<typeof Stored>;

async function loadMoodState(): Promise<MoodState> {
  const raw = await chrome.storage.local.get(['lastResult', 'lastError', 'history']);
  const parsed = Stored.safeParse(raw);
  return parsed.success ? parsed.data : { history: [] };
}

export async function recordResult(result: MoodResult): Promise<void> {
  const { history } = await loadMoodState();
  history.push({ mood: result.mood, confidence: result.probabilities[result.mood], at: result.at });
  await chrome.storage.local.set({ lastResult: result, history: history.slice(-HISTORY_MAX) });
  await chrome.storage.local.remove('lastError');
}

export async function recordError(error: CheckError): Promise<void> {
  await chrome.storage.local.set({ lastError: { ...error, at: Date.now() } });
}
