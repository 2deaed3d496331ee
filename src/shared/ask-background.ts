/** Pages' side of the messages: send to the service worker and validate the answer. */
import browser from 'webextension-polyfill';
import type { z } from 'zod';
import { CheckOutcome, FeedbackSaved, HealthOutcome, QueueOutcome, SongsOutcome, type Mood, type Opinion, type QueueSong, type ToBackground } from './messages';

async function ask<S extends z.ZodType>(schema: S, msg: ToBackground, failed: (why: string) => z.infer<S>, attempts = 2): Promise<z.infer<S>> {
  let lastError: unknown;
  // Chrome may stop the service worker at any time, dropping the reply; a check or a pick is safe to ask for
  // again once (queueing is not: the songs may be in the queue already).
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const parsed = schema.safeParse(await browser.runtime.sendMessage(msg));
      return parsed.success ? parsed.data : failed('the extension gave no valid answer');
    } catch (e) {
      lastError = e;
    }
  }
  return failed(`the extension did not answer (${lastError instanceof Error ? lastError.message : String(lastError)})`);
}

export const checkMoodNow = () =>
  ask(CheckOutcome, { type: 'check-mood' }, (why): CheckOutcome => ({ ok: false, error: { code: 'internal', message: `No mood: ${why}.` } }));

export const pickSongsFor = (mood: Mood) => ask(SongsOutcome, { type: 'pick-songs', mood }, (why): SongsOutcome => ({ ok: false, error: `No songs: ${why}.` }));

export const queueSongs = (songs: QueueSong[]) =>
  ask(QueueOutcome, { type: 'queue-songs', songs }, (why): QueueOutcome => ({ ok: false, code: 'internal', message: `Not queued: ${why}.` }), 1);

export const calibrateMood = (mood: Mood) =>
  ask(CheckOutcome, { type: 'calibrate', mood }, (why): CheckOutcome => ({ ok: false, error: { code: 'internal', message: `Not captured: ${why}.` } }), 1);

export const resetCalibration = () => browser.runtime.sendMessage({ type: 'reset-calibration' } satisfies ToBackground);

/** The user's button on a song offered for a mood ("like", "not for me", "not for this mood"). */
export const sendFeedback = (id: string, mood: Mood, feedback: Opinion) =>
  ask(FeedbackSaved, { type: 'song-feedback', id, mood, feedback }, (why): FeedbackSaved => ({ ok: false, error: why }), 1);

export const undoFeedback = (id: string, mood: Mood) =>
  ask(FeedbackSaved, { type: 'undo-feedback', id, mood }, (why): FeedbackSaved => ({ ok: false, error: why }), 1);

export const testSpotifyTab = () =>
  ask(HealthOutcome, { type: 'spotify-health' }, (why): HealthOutcome => ({ ok: false, code: 'internal', message: `Not tested: ${why}.` }), 1);
