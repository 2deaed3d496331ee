/** Auto mode's mood over recent checks: an exponentially weighted average of the checks' probabilities, so
 * that one odd check (a glance away, a single contrary face) does not switch the music. */
import { MOOD_NAMES, type Mood } from '../shared/messages';

/** Weight of the newest check: one contrary check moves a confident mood about 40% of the way, two in a
 * row take it over. */
export const NEW_WEIGHT = 0.4;

export interface SmoothedMood {
  probabilities: Record<Mood, number>;
  /** time of the last check that went in */
  at: number;
  /** checks averaged since the last restart */
  checks: number;
}

/** The average with one more check; an average older than staleMs starts afresh from the new check. */
export function addCheck(prev: SmoothedMood | undefined, probabilities: Record<Mood, number>, at: number, staleMs: number): SmoothedMood {
  if (!prev || at - prev.at > staleMs) return { probabilities: { ...probabilities }, at, checks: 1 };
  const mixed = Object.fromEntries(MOOD_NAMES.map((m) => [m, (1 - NEW_WEIGHT) * prev.probabilities[m] + NEW_WEIGHT * probabilities[m]])) as Record<Mood, number>;
  return { probabilities: mixed, at, checks: prev.checks + 1 };
}

export function topMood(s: SmoothedMood): { mood: Mood; confidence: number } {
  const mood = MOOD_NAMES.reduce((a, b) => (s.probabilities[b] > s.probabilities[a] ? b : a));
  return { mood, confidence: s.probabilities[mood] };
}
