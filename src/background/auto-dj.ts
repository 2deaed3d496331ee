/** Auto mode: after each scheduled check, queue songs when the mood is confident and has changed, or when
 * the songs queued last time have about run out. */
import type { CheckOutcome, LastAutoQueue, QueueOutcome } from '../shared/messages';
import { confirmedCount } from '../shared/queue-summary';
import { songsForMood } from './song-picker';
import { queueInSpotify } from './spotify-tabs';

const MIN_CONFIDENCE = 0.5;
const AVERAGE_SONG_MS = 3.5 * 60_000;

interface LastQueued {
  mood: string;
  count: number;
  at: number;
}

/** Why the last scheduled check queued nothing, or what it queued: kept for the user to see. */
async function note(what: QueueOutcome | { skipped: string }): Promise<void> {
  await chrome.storage.local.set({ lastAutoQueue: { ...what, at: Date.now() } satisfies LastAutoQueue });
}

export async function autoQueue(outcome: CheckOutcome): Promise<void> {
  if (!outcome.ok) return note({ skipped: `no mood: ${outcome.error.message}` });
  const { mood, probabilities } = outcome.result;
  if (probabilities[mood] < MIN_CONFIDENCE) return note({ skipped: `${mood} at ${Math.round(100 * probabilities[mood])}% is not confident enough` });
  const { lastQueued } = (await chrome.storage.local.get('lastQueued')) as { lastQueued?: LastQueued };
  const queueRunsOut = lastQueued && Date.now() - lastQueued.at > lastQueued.count * AVERAGE_SONG_MS;
  if (lastQueued && lastQueued.mood === mood && !queueRunsOut) return note({ skipped: `still ${mood}; the songs queued before are still playing` });
  const songs = await songsForMood(mood); // as many as the settings ask for
  if (!songs.ok) return note({ skipped: songs.error });
  const queued = await queueInSpotify(songs.songs.map((s) => s.id));
  // Only what Spotify confirmed counts as playing; with nothing confirmed the next check tries again.
  const count = queued.ok ? confirmedCount(queued.songs) : 0;
  if (count) await chrome.storage.local.set({ lastQueued: { mood, count, at: Date.now() } satisfies LastQueued });
  await note(queued);
}
