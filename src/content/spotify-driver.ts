/** Drives the Spotify Web Player's own UI to play and queue tracks (no Spotify API, so no Premium and no login
 * here), reading the page's answer for every song instead of assuming it. */
import type { SongQueueResult } from '../shared/messages';
import { answerTo, closeOverlays, nowPlayingTrack, openTrackPage, PageChanged, playState, rememberPage, sleep, trackButton, waitFor } from './spotify-page';
import { SPOTIFY } from './spotify-selectors';
import { pageStrings, StringsUnavailable, type PageStrings } from './spotify-strings';

export { PageChanged };

const PLAY_WAIT_MS = 3000;
export const AUTOPLAY_BLOCKED =
  'Spotify has it in the player but did not start it: Chrome lets a page play sound only after you have clicked in it once. Press play in the Spotify tab.';

/** Plays the track from its page. Undefined when the player did not take the track at all. */
async function play(page: HTMLElement, id: string, strings: PageStrings): Promise<SongQueueResult | undefined> {
  (await trackButton(page, SPOTIFY.actionBarPlay, id, "the track page's play button")).click();
  const deadline = Date.now() + PLAY_WAIT_MS;
  while (Date.now() < deadline) {
    if (nowPlayingTrack() === id && playState(strings) === 'playing') return { id, status: 'played' };
    await sleep(100);
  }
  return nowPlayingTrack() === id ? { id, status: 'not-confirmed', reason: AUTOPLAY_BLOCKED } : undefined;
}

/** More options, then the menu's "Add to queue" (in the page's language), then Spotify's answer. */
async function addToQueue(page: HTMLElement, id: string, strings: PageStrings): Promise<SongQueueResult> {
  closeOverlays();
  (await trackButton(page, SPOTIFY.actionBarMore, id, 'the track page\'s "More options" button')).click();
  const menu = await waitFor(() => document.querySelector(SPOTIFY.menu), 'the context menu', 3000);
  const item = [...menu.querySelectorAll<HTMLElement>(SPOTIFY.menuItem)].find((el) => strings.is('addToQueue', el.textContent));
  if (!item) {
    closeOverlays();
    throw new PageChanged(`Spotify's page changed: the menu has no "${strings.text('addToQueue')}" item`);
  }
  const answer = await answerTo(() => item.click(), (text) => strings.is('addedToQueue', text));
  if (answer.kind === 'notice') return { id, status: 'queued' };
  if (answer.kind === 'dialog') {
    closeOverlays();
    return { id, status: 'refused', reason: `Spotify answered "${answer.text}" instead of adding it to the queue` };
  }
  return { id, status: 'not-confirmed', reason: `Spotify showed no "${strings.text('addedToQueue')}" notice, so it may not be in the queue` };
}

/** Plays the first track when nothing plays and playIfIdle is set, queues the others, in order. When Spotify
 * refuses to queue, the refused track is played instead if nothing was played yet, and the rest are not
 * tried (they would be refused alike). Throws PageChanged when not one track could be handled. */
export async function queueTracks(ids: string[], playIfIdle: boolean): Promise<SongQueueResult[]> {
  if (!document.querySelector(SPOTIFY.playPause)) throw new PageChanged("Spotify's page changed: the player controls were not found");
  let strings: PageStrings;
  try {
    strings = await pageStrings();
  } catch (e) {
    throw new PageChanged(e instanceof StringsUnavailable ? e.message : String(e));
  }
  const restore = rememberPage();
  const results: SongQueueResult[] = [];
  let refusal: string | undefined;
  try {
    for (const [i, id] of ids.entries()) {
      if (refusal) {
        results.push({ id, status: 'refused', reason: refusal }); // not tried: it would be refused alike
        continue;
      }
      const page = await openTrackPage(id);
      // Only a player known to be paused is taken over: an unreadable state might be the user's music.
      if (i === 0 && playIfIdle && playState(strings) === 'paused') {
        const played = await play(page, id, strings);
        if (played) {
          results.push(played);
          continue;
        }
      }
      const queued = await addToQueue(page, id, strings);
      if (queued.status === 'refused') {
        refusal = queued.reason;
        if (!results.some((r) => r.status === 'played')) {
          const played = await play(page, id, strings);
          if (played) {
            results.push({ ...played, reason: `played now instead: ${queued.reason}` });
            continue;
          }
        }
      }
      results.push(queued);
    }
  } catch (e) {
    if (!(e instanceof PageChanged) || results.length === 0) throw e;
    for (const id of ids.slice(results.length)) results.push({ id, status: 'failed', reason: e.message });
  } finally {
    await restore();
  }
  return results;
}
