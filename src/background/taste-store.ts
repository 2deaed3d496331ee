/** The user's feedback and what it applies to, in browser.storage.local (the worker may stop at any time):
 * 'taste' holds the feedback events (taste-events.ts); 'tasteOffered' the songs recently offered per mood, so
 * that feedback names a song mood-dj offered and carries its features; 'tasteQueued' the songs mood-dj put in
 * the Spotify tab, the only ones whose skips and plays count. Writes are serialised in this worker. */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { Mood, SongSchema, type Feedback, type Playback } from '../shared/messages';
import type { Song } from '../shared/songs';
import { OFFERED_KEY, parseEvents, QUEUED_KEY, TASTE_KEY, withEvent, withoutOpinion, type TasteEvent } from '../shared/taste-events';

const OFFERED_MAX = 100;
const QUEUED_MAX = 60;
/** A skip or a play counts only this long after mood-dj queued the song. */
const QUEUED_FOR_MS = 6 * 3600_000;

const Offered = z.object({ song: SongSchema, mood: Mood, at: z.number() });
type Offered = z.infer<typeof Offered>;

let chain: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const run = chain.then(work);
  chain = run.catch(() => undefined);
  return run;
}

const list = (raw: unknown): Offered[] => (Array.isArray(raw) ? raw.flatMap((o) => (Offered.safeParse(o).success ? [o as Offered] : [])) : []);

const latest = (items: Offered[], match: (o: Offered) => boolean) => [...items].reverse().find(match);

// Read and validated once per worker start and after each change: a pick must stay fast with many events.
let events: Promise<TasteEvent[]> | undefined;
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && TASTE_KEY in changes) events = undefined;
});

export function loadEvents(): Promise<TasteEvent[]> {
  events ??= browser.storage.local.get(TASTE_KEY).then((r) => parseEvents(r[TASTE_KEY]));
  return events;
}

async function saveEvents(next: TasteEvent[]): Promise<void> {
  await browser.storage.local.set({ [TASTE_KEY]: { events: next } });
  events = Promise.resolve(next); // the next pick sees it even before the change event arrives
}

export const rememberOffered = (songs: Song[], mood: Mood) =>
  serial(async () => {
    const offered = list((await browser.storage.local.get(OFFERED_KEY))[OFFERED_KEY]);
    const at = Date.now();
    await browser.storage.local.set({ [OFFERED_KEY]: [...offered, ...songs.map((song) => ({ song, mood, at }))].slice(-OFFERED_MAX) });
  });

/** The songs mood-dj queued (or played) in the Spotify tab, with the mood they were offered for. */
export const rememberQueued = (ids: string[]) =>
  serial(async () => {
    const got = await browser.storage.local.get([OFFERED_KEY, QUEUED_KEY]);
    const offered = list(got[OFFERED_KEY]);
    const queued = list(got[QUEUED_KEY]);
    const at = Date.now();
    const add = ids.flatMap((id) => {
      const o = latest(offered, (x) => x.song.id === id);
      return o ? [{ ...o, at }] : [];
    });
    await browser.storage.local.set({ [QUEUED_KEY]: [...queued.filter((q) => !ids.includes(q.song.id)), ...add].slice(-QUEUED_MAX) });
  });

const eventOf = ({ song, mood }: Offered, feedback: Feedback): TasteEvent => ({
  id: song.id,
  mood,
  label: song.label,
  features: song.features,
  feedback,
  at: Date.now(),
  ...(song.name ? { name: song.name } : {}),
  ...(song.artist ? { artist: song.artist } : {}),
});

/** The user's button on a song offered for a mood; false when mood-dj offered no such song lately. */
export const recordOpinion = (id: string, mood: Mood, feedback: Feedback) =>
  serial(async () => {
    const offered = latest(list((await browser.storage.local.get(OFFERED_KEY))[OFFERED_KEY]), (o) => o.song.id === id && o.mood === mood);
    if (!offered) return false;
    await saveEvents(withEvent(await loadEvents(), eventOf(offered, feedback)));
    return true;
  });

export const undoOpinion = (id: string, mood: Mood) => serial(async () => saveEvents(withoutOpinion(await loadEvents(), id, mood)));

/** A skip or a song played through, seen in the Spotify tab: kept only for a song mood-dj queued there lately,
 * once per queueing. */
export const recordPlayback = (id: string, feedback: Playback) =>
  serial(async () => {
    const queued = list((await browser.storage.local.get(QUEUED_KEY))[QUEUED_KEY]);
    const q = queued.find((x) => x.song.id === id && Date.now() - x.at < QUEUED_FOR_MS);
    if (!q) return false;
    await saveEvents(withEvent(await loadEvents(), eventOf(q, feedback)));
    await browser.storage.local.set({ [QUEUED_KEY]: queued.filter((x) => x !== q) });
    return true;
  });
