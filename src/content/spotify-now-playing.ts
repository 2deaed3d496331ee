/** What the player is playing and whether it plays, from several signals: links that name the track (the player
 * bar widget's, the now-playing view's context links), the media session and the document title against the
 * song's name, the widget's title; the play/pause button's words, the media session's state, its icon. */
import type { QueueSong } from '../shared/messages';
import { SPOTIFY, trackOfLink } from './spotify-selectors';
import type { PageStrings } from './spotify-strings';
import { sameName } from './spotify-track-page';

export interface Playing {
  /** this: a signal names the song; other: a signal names another track; unknown: nothing says */
  track: 'this' | 'other' | 'unknown';
  by?: string;
}

/** The pause glyph of Spotify's play/pause button (its icon while playing), as public captures of the page show it. */
const PAUSE_GLYPH = /^M2\.7 1a\.7\.7 0 0 0-\.7\.7v12\.6/;

/** The tracks that the player's links name (none when they name only an album). */
export function linkedTracks(): string[] {
  return [...document.querySelectorAll<HTMLAnchorElement>(SPOTIFY.playingLinks)].map((a) => trackOfLink(a.getAttribute('href') ?? '')).filter((id) => id !== undefined);
}

/** The document title while the Web Player plays: "Song • Artist" (a track page's own title reads "Song - song
 * and lyrics by …", which is no sign of playing). */
const titlePlaying = () => /^(.+?) [•·] /.exec(document.title)?.[1];

/** The names of what plays, by the signal that gives each (only the signals that give one). */
export function playingNames(): Array<[by: string, title: string]> {
  const named: Array<[string, string | null | undefined]> = [
    ['the media session', navigator.mediaSession?.metadata?.title],
    ['the document title', titlePlaying()],
    ["the player's title", document.querySelector(SPOTIFY.playingTitle)?.textContent],
  ];
  return named.filter((n): n is [string, string] => !!n[1]);
}

export function playingNow(song: QueueSong): Playing {
  const ids = linkedTracks();
  if (ids.includes(song.id)) return { track: 'this', by: "the player's link to the track" };
  if (ids.length) return { track: 'other', by: "the player's link to another track" };
  const named = playingNames();
  if (!song.name) return { track: 'unknown' };
  for (const [by, title] of named) if (sameName(title, song.name)) return { track: 'this', by };
  return named.length ? { track: 'other', by: named[0][0] } : { track: 'unknown' };
}

export type PlayState = { state: 'playing' | 'paused' | 'unknown'; by?: string };

export function playState(strings: PageStrings): PlayState {
  const button = document.querySelector(SPOTIFY.playPause);
  const label = button?.getAttribute('aria-label');
  if (strings.is('pause', label)) return { state: 'playing', by: "the play button's words" };
  if (strings.is('play', label)) return { state: 'paused', by: "the play button's words" };
  const session = navigator.mediaSession?.playbackState;
  if (session === 'playing' || session === 'paused') return { state: session, by: 'the media session' };
  const glyph = button?.querySelector('svg path')?.getAttribute('d');
  if (glyph) return PAUSE_GLYPH.test(glyph) ? { state: 'playing', by: "the play button's icon" } : { state: 'paused', by: "the play button's icon" };
  return { state: 'unknown' };
}
