/** Pages' side of the messages: send to the service worker and validate the answer. */
import type { z } from 'zod';
import { CheckOutcome, QueueOutcome, SongsOutcome, type Mood, type ToBackground } from './messages';

async function ask<S extends z.ZodType>(schema: S, msg: ToBackground, failed: (why: string) => z.infer<S>): Promise<z.infer<S>> {
  try {
    const parsed = schema.safeParse(await chrome.runtime.sendMessage(msg));
    return parsed.success ? parsed.data : failed('the extension gave no valid answer');
  } catch (e) {
    return failed(`the extension did not answer (${e instanceof Error ? e.message : String(e)})`);
  }
}

export const checkMoodNow = () =>
  ask(CheckOutcome, { type: 'check-mood' }, (why): CheckOutcome => ({ ok: false, error: { code: 'internal', message: `No mood: ${why}.` } }));

export const pickSongsFor = (mood: Mood) => ask(SongsOutcome, { type: 'pick-songs', mood }, (why): SongsOutcome => ({ ok: false, error: `No songs: ${why}.` }));

export const queueSongs = (ids: string[]) =>
  ask(QueueOutcome, { type: 'queue-songs', ids }, (why): QueueOutcome => ({ ok: false, code: 'internal', message: `Not queued: ${why}.` }));
