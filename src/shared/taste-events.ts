/** The user's feedback on songs, as stored (browser.storage.local 'taste'): explicit (like, not for me, not for
 * this mood), one opinion per song and mood, reversible; and implicit, read from the Spotify tab for songs
 * mood-dj queued (skipped early, played through). The taste model and the bans are derived from it. */
import { z } from 'zod';
import { Feedback, Mood, Opinion, TrackId } from './messages';
import { FEATURE_COUNT, FEATURES } from './song-features';
import type { Evidence } from './taste-model';

export const TASTE_KEY = 'taste';
/** the songs recently offered, and those mood-dj queued in Spotify (src/background/taste-store.ts) */
export const OFFERED_KEY = 'tasteOffered';
export const QUEUED_KEY = 'tasteQueued';
/** Everything kept about the user's taste: exported and cleared with the mood history. */
export const TASTE_KEYS = [TASTE_KEY, OFFERED_KEY, QUEUED_KEY];

const EXPLICIT: readonly Feedback[] = Opinion.options;

export const TasteEvent = z.object({
  id: TrackId,
  /** the mood the song was offered for */
  mood: Mood,
  label: z.number().int().min(0).max(3),
  features: z.array(z.number()).length(FEATURE_COUNT),
  feedback: Feedback,
  at: z.number(),
  name: z.string().max(300).optional(),
  artist: z.string().max(300).optional(),
});
export type TasteEvent = z.infer<typeof TasteEvent>;

/** Implicit feedback counts less than a button pressed: a skip may mean "not now", a play "did not mind". */
const STRENGTH: Record<Feedback, number> = { like: 1, ban: 1, 'not-for-mood': 1, skip: 0.3, played: 0.3 };
/** Implicit events kept; explicit ones are few and kept all (the user sees and undoes them). */
const KEEP_IMPLICIT = 300;
/** The model reads at most this many recent events of a mood (older ones weigh almost nothing by then). */
const EVIDENCE_MAX = 150;

export function parseEvents(raw: unknown): TasteEvent[] {
  const events = (raw as { events?: unknown })?.events;
  return Array.isArray(events) ? events.flatMap((e) => TasteEvent.safeParse(e).data ?? []) : [];
}

/** The events with `event` added: an explicit opinion replaces the song's earlier one for that mood. */
export function withEvent(events: TasteEvent[], event: TasteEvent): TasteEvent[] {
  const explicit = EXPLICIT.includes(event.feedback);
  const kept = explicit ? events.filter((e) => !(e.id === event.id && e.mood === event.mood && EXPLICIT.includes(e.feedback))) : events;
  const next = [...kept, event];
  const implicit = next.filter((e) => !EXPLICIT.includes(e.feedback));
  const drop = new Set(implicit.slice(0, Math.max(0, implicit.length - KEEP_IMPLICIT)));
  return next.filter((e) => !drop.has(e));
}

/** The events without the song's explicit opinion for that mood (an undo). */
export const withoutOpinion = (events: TasteEvent[], id: string, mood: Mood) =>
  events.filter((e) => !(e.id === id && e.mood === mood && EXPLICIT.includes(e.feedback)));

/** What the model of a mood learns from: that mood's feedback on songs of the label it now maps to. */
export function evidenceFor(events: TasteEvent[], mood: Mood, label: number): Evidence[] {
  return events
    .filter((e) => e.mood === mood && e.label === label)
    .slice(-EVIDENCE_MAX)
    .map((e) => ({ features: e.features, liked: e.feedback === 'like' || e.feedback === 'played', strength: STRENGTH[e.feedback] }));
}

/** Songs never to offer for this mood: "not for me" anywhere, "not for this mood" here. */
export function bannedFor(events: TasteEvent[], mood: Mood): Set<string> {
  return new Set(events.filter((e) => e.feedback === 'ban' || (e.feedback === 'not-for-mood' && e.mood === mood)).map((e) => e.id));
}

const cell = (v: string | number | undefined) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v ?? ''));

/** The feedback as CSV, one row per event, for the user's export. */
export function tasteCsv(events: TasteEvent[]): string {
  const rows = events.map((e) => [new Date(e.at).toISOString(), e.mood, e.feedback, e.id, e.name, e.artist, e.label, ...e.features].map(cell).join(','));
  return [['time', 'mood', 'feedback', 'song', 'name', 'artist', 'label', ...FEATURES].join(','), ...rows].join('\n') + '\n';
}
