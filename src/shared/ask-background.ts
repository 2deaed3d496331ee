/** Pages' side of the messages: send to the service worker and validate the answer. */
import { CheckOutcome, SongsOutcome, type Mood, type ToBackground } from './messages';

export async function checkMoodNow(): Promise<CheckOutcome> {
  try {
    const parsed = CheckOutcome.safeParse(await chrome.runtime.sendMessage({ type: 'check-mood' } satisfies ToBackground));
    return parsed.success ? parsed.data : { ok: false, error: { code: 'internal', message: 'The extension gave no valid answer.' } };
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: `The extension did not answer: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

export async function pickSongsFor(mood: Mood): Promise<SongsOutcome> {
  try {
    const parsed = SongsOutcome.safeParse(await chrome.runtime.sendMessage({ type: 'pick-songs', mood } satisfies ToBackground));
    return parsed.success ? parsed.data : { ok: false, error: 'The extension gave no valid list of songs.' };
  } catch (e) {
    return { ok: false, error: `No songs: ${e instanceof Error ? e.message : String(e)}` };
  }
}
