/** What the user does with the songs mood-dj queued, read from the page without touching it: a song that
 * stops playing within its first 30 seconds was skipped; one heard to its last seconds was played through.
 * Only the songs of mood-dj's own runs are watched; the worker keeps a signal only for songs it queued. */
import type { Playback, QueueSong } from '../shared/messages';
import { playingNow, playState } from './spotify-now-playing';
import { playbackProgress } from './spotify-playback';
import { pageStrings, type PageStrings } from './spotify-strings';

export type Report = (id: string, feedback: Playback) => void;

const POLL_MS = 1000;
/** a song left before this much of it played was skipped */
export const SKIP_WITHIN_MS = 30_000;
/** a song heard to within this much of its end was played through */
const END_WITHIN_MS = 10_000;
/** songs queued this long ago are no longer watched */
const WATCH_FOR_MS = 6 * 3600_000;

interface Watched {
  song: QueueSong;
  since: number;
}
interface Current {
  song: QueueSong;
  /** time seen playing, and the furthest position read, with the song's length */
  heardMs: number;
  furthestMs?: number;
  lengthMs?: number;
}

const watched = new Map<string, Watched>();
let current: Current | undefined;
let timer: ReturnType<typeof setInterval> | undefined;
let strings: PageStrings | undefined;
let report: Report = () => undefined;

/** The song has stopped being the one playing: skipped, played through, or neither (no signal then). */
function left(c: Current): void {
  watched.delete(c.song.id);
  const ended = c.lengthMs !== undefined && c.furthestMs !== undefined && c.furthestMs >= c.lengthMs - END_WITHIN_MS;
  const heard = c.furthestMs ?? c.heardMs;
  if (ended) report(c.song.id, 'played');
  else if (heard < SKIP_WITHIN_MS) report(c.song.id, 'skip');
}

function tick(): void {
  for (const [id, w] of watched) if (Date.now() - w.since > WATCH_FOR_MS) watched.delete(id);
  if (current) {
    const now = playingNow(current.song);
    // Only a signal naming another track ends it; a page that says nothing for a moment does not.
    if (now.track === 'other') {
      left(current);
      current = undefined;
    } else if (now.track === 'this') {
      if (strings && playState(strings).state === 'playing') current.heardMs += POLL_MS;
      const p = playbackProgress();
      if (p) {
        current.furthestMs = Math.max(current.furthestMs ?? 0, p.positionMs);
        current.lengthMs = p.lengthMs;
      }
    }
  }
  if (!current) {
    const playing = [...watched.values()].find((w) => playingNow(w.song).track === 'this');
    if (playing) current = { song: playing.song, heardMs: 0 };
  }
  if (watched.size === 0 && !current && timer) {
    clearInterval(timer);
    timer = undefined;
  }
}

/** Starts watching songs mood-dj just played or queued, telling `to` what became of each. */
export function watchListening(songs: QueueSong[], to: Report): void {
  report = to;
  // The play state's words; without them the media session and the icon still tell.
  strings ?? void pageStrings().then((s) => (strings = s), () => undefined);
  for (const song of songs) watched.set(song.id, { song, since: Date.now() });
  timer ??= setInterval(tick, POLL_MS);
  tick();
}
