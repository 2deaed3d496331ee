/** Where the player is in the song, from the playback bar: its position and length texts ("1:23", "3:45", or
 * "-2:22" for the time left), else its range input (value and max in ms). Read only, never touched. */
import { SPOTIFY } from './spotify-selectors';

export interface Progress {
  positionMs: number;
  lengthMs: number;
}

/** "m:ss" or "h:mm:ss" (optionally "-" first) in ms; undefined when it is not a time. */
function clockMs(text: string | null | undefined): { ms: number; left: boolean } | undefined {
  const m = /^\s*(-)?((?:\d+:)?\d+:\d\d)\s*$/.exec(text ?? '');
  if (!m) return undefined;
  const ms = m[2].split(':').reduce((a, p) => a * 60 + Number(p), 0) * 1000;
  return { ms, left: m[1] === '-' };
}

export function playbackProgress(): Progress | undefined {
  const position = clockMs(document.querySelector(SPOTIFY.playbackPosition)?.textContent);
  const duration = clockMs(document.querySelector(SPOTIFY.playbackDuration)?.textContent);
  if (position && !position.left && duration && duration.ms > 0)
    return { positionMs: position.ms, lengthMs: duration.left ? position.ms + duration.ms : duration.ms };
  const range = document.querySelector<HTMLInputElement>(SPOTIFY.playbackRange);
  const [value, max] = [Number(range?.value), Number(range?.max)];
  return range && max > 0 && value >= 0 ? { positionMs: value, lengthMs: max } : undefined;
}
