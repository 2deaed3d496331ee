/** A pick for a mood from a pool of candidate songs of its label, with the user's taste where there is any:
 * shared by the service worker and the taste simulation (npm run eval-taste), so both measure the same thing. */
import type { Mood } from './messages';
import { chooseSongs } from './song-choice';
import type { Song } from './songs';
import { bannedFor, evidenceFor, type TasteEvent } from './taste-events';
import { fitTaste, sampleScorer, type FeatureStats } from './taste-model';

export interface PickContext {
  mood: Mood;
  label: number;
  events: TasteEvent[];
  /** the learning switch: off, the picks ignore the feedback (bans still hold) */
  learn: boolean;
  preferCentre: boolean;
  /** songs offered recently, avoided while the pool has others */
  recent: ReadonlySet<string>;
  stats: FeatureStats;
  random: () => number;
}

export interface Pick {
  songs: Song[];
  /** how many pieces of feedback shaped it (0: a random pick of the label) */
  tasteEvents: number;
}

export function pickForTaste(pool: Song[], n: number, c: PickContext): Pick {
  const banned = bannedFor(c.events, c.mood);
  const allowed = pool.filter((s) => !banned.has(s.id));
  const fresh = allowed.filter((s) => !c.recent.has(s.id));
  const evidence = c.learn ? evidenceFor(c.events, c.mood, c.label) : [];
  const scorer = evidence.length ? sampleScorer(fitTaste(evidence, c.stats), c.random) : undefined;
  // All heard: start over rather than offer nothing.
  const songs = chooseSongs(fresh.length ? fresh : allowed, n, { centre: c.preferCentre ? c.stats.mean : undefined, scorer, random: c.random });
  return { songs, tasteEvents: evidence.length };
}
