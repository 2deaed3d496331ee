/** Auto mode: after each scheduled check, queue songs when the smoothed mood (mood-smoothing.ts) is confident
 * and has changed, or when the songs queued last time have about run out. */
import browser from 'webextension-polyfill';
import type { CheckOutcome, LastAutoQueue, Mood, QueueOutcome } from '../shared/messages';
import { confirmedCount } from '../shared/queue-summary';
import { loadSettings } from '../shared/settings';
import { addCheck, topMood, type SmoothedMood } from './mood-smoothing';
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
async function note(what: QueueOutcome | { skipped: string }, mood?: Mood): Promise<void> {
  await browser.storage.local.set({ lastAutoQueue: { ...what, mood, at: Date.now() } satisfies LastAutoQueue });
}

const pct = (x: number) => `${Math.round(100 * x)}%`;

export async function autoQueue(outcome: CheckOutcome): Promise<void> {
  // A check without a face (a glance away) leaves the average as it was.
  if (!outcome.ok) return note({ skipped: `no mood: ${outcome.error.message}` });
  const { intervalMinutes } = await loadSettings();
  const { smoothedMood: prev } = (await browser.storage.local.get('smoothedMood')) as { smoothedMood?: SmoothedMood };
  // Checks further apart than three intervals (or 15 minutes) say little about each other.
  const smoothed = addCheck(prev, outcome.result.probabilities, outcome.result.at, Math.max(3 * intervalMinutes, 15) * 60_000);
  await browser.storage.local.set({ smoothedMood: smoothed });
  const { mood, confidence } = topMood(smoothed);
  const seen = outcome.result.mood === mood ? '' : `this check read ${outcome.result.mood}, but `;
  if (confidence < MIN_CONFIDENCE) return note({ skipped: `${seen}${mood} at ${pct(confidence)} over recent checks is not confident enough` });
  const { lastQueued } = (await browser.storage.local.get('lastQueued')) as { lastQueued?: LastQueued };
  const queueRunsOut = lastQueued && Date.now() - lastQueued.at > lastQueued.count * AVERAGE_SONG_MS;
  if (lastQueued && lastQueued.mood === mood && !queueRunsOut)
    return note({ skipped: `${seen}still ${mood} over recent checks (${pct(confidence)}); the songs queued before are still playing` });
  const songs = await songsForMood(mood); // as many as the settings ask for
  if (!songs.ok) return note({ skipped: songs.error });
  const queued = await queueInSpotify(songs.songs.map(({ id, name, artist }) => ({ id, name, artist })));
  // Only what Spotify confirmed counts as playing; with nothing confirmed the next check tries again.
  const count = queued.ok ? confirmedCount(queued.songs) : 0;
  if (count) await browser.storage.local.set({ lastQueued: { mood, count, at: Date.now() } satisfies LastQueued });
  await note(queued, mood);
}
