/** The mood history (browser.storage.local 'history'): every check of the last day as it was, older checks
 * compacted into hourly means, nothing older than eight weeks. Shared by the service worker, which writes
 * it, and the options page, which draws, exports and clears it. */
import { z } from 'zod';
import { Mood, MOOD_NAMES, type MoodResult } from './messages';

export const HISTORY_KEY = 'history';
export const RAW_FOR_MS = 24 * 3600_000;
export const BUCKET_MS = 3600_000;
export const KEEP_MS = 8 * 7 * 24 * 3600_000;

export const HistoryEntry = z.object({
  /** the check's time, or the start of the hour a compacted entry covers */
  at: z.number(),
  /** mean probabilities of the checks it holds */
  probabilities: z.record(Mood, z.number()),
  checks: z.number().int().min(1),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** Entries of earlier versions kept only the mood and its confidence; the other moods share the rest. */
const OldEntry = z.object({ mood: Mood, confidence: z.number(), at: z.number() });

export function parseHistory(raw: unknown): HistoryEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e): HistoryEntry[] => {
    const now = HistoryEntry.safeParse(e);
    if (now.success) return [now.data];
    const old = OldEntry.safeParse(e);
    if (!old.success) return [];
    const rest = (1 - old.data.confidence) / (MOOD_NAMES.length - 1);
    const probabilities = Object.fromEntries(MOOD_NAMES.map((m) => [m, m === old.data.mood ? old.data.confidence : rest])) as Record<Mood, number>;
    return [{ at: old.data.at, probabilities, checks: 1 }];
  });
}

export const topMood = (e: HistoryEntry): Mood => MOOD_NAMES.reduce((a, b) => (e.probabilities[b] > e.probabilities[a] ? b : a));

/** Entries older than a day merged per hour (check-weighted means), entries older than eight weeks dropped. */
export function compact(entries: HistoryEntry[], now: number): HistoryEntry[] {
  const recent: HistoryEntry[] = [];
  const buckets = new Map<number, HistoryEntry>();
  for (const e of entries) {
    if (e.at < now - KEEP_MS) continue;
    if (e.at >= now - RAW_FOR_MS) {
      recent.push(e);
      continue;
    }
    const start = Math.floor(e.at / BUCKET_MS) * BUCKET_MS;
    const b = buckets.get(start);
    if (!b) {
      buckets.set(start, { ...e, at: start, probabilities: { ...e.probabilities } });
      continue;
    }
    const n = b.checks + e.checks;
    for (const m of MOOD_NAMES) b.probabilities[m] = (b.probabilities[m] * b.checks + e.probabilities[m] * e.checks) / n;
    b.checks = n;
  }
  return [...buckets.values(), ...recent].sort((a, b) => a.at - b.at);
}

export function withResult(entries: HistoryEntry[], result: MoodResult): HistoryEntry[] {
  return compact([...entries, { at: result.at, probabilities: result.probabilities, checks: 1 }], result.at);
}

export function historyCsv(entries: HistoryEntry[]): string {
  const rows = entries.map((e) => {
    const mood = topMood(e);
    return [new Date(e.at).toISOString(), e.checks, mood, e.probabilities[mood].toFixed(3), ...MOOD_NAMES.map((m) => e.probabilities[m].toFixed(3))].join(',');
  });
  return [['time', 'checks', 'mood', 'confidence', ...MOOD_NAMES].join(','), ...rows].join('\n') + '\n';
}
