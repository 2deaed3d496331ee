/** Pages' side of the messages: send to the service worker and validate the answer. */
import { z } from 'zod';
import { CheckOutcome, MoodResult, type ToBackground } from './messages';

export async function checkMoodNow(): Promise<CheckOutcome> {
  try {
    const parsed = CheckOutcome.safeParse(await chrome.runtime.sendMessage({ type: 'check-mood' } satisfies ToBackground));
    return parsed.success ? parsed.data : { ok: false, error: { code: 'internal', message: 'The extension gave no valid answer.' } };
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: `The extension did not answer: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

export const LastState = z.object({ lastResult: MoodResult.optional() }).passthrough();

export async function lastResult(): Promise<MoodResult | undefined> {
  const parsed = LastState.safeParse(await chrome.runtime.sendMessage({ type: 'get-state' } satisfies ToBackground));
  return parsed.success ? parsed.data.lastResult : undefined;
}
