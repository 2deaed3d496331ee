/** Drives the Spotify Web Player's own UI to play and queue tracks (no Spotify API, so no Premium and no login
 * here), reading the page's answer for every song instead of assuming it. Each thing it relies on is read
 * through several signals; what no signal confirms is reported "not confirmed", never done. The user's hand
 * wins: a click, key press or navigation of theirs in the tab stops the run where it is. */
import type { QueueSong, SongQueueResult } from '../shared/messages';
import { addToQueueItem } from './spotify-menu';
import { playingNow, playState } from './spotify-now-playing';
import { answerTo, closeOverlays, goTo, PageChanged, rememberPage, sleep, waitFor } from './spotify-page';
import { appearsInQueue, openQueueView, type QueueView } from './spotify-queue-view';
import { localePrefix, SPOTIFY } from './spotify-selectors';
import { pageStrings, StringsUnavailable, type PageStrings } from './spotify-strings';
import { findTrackPage, shownName, trackPagesNow, type TrackPage } from './spotify-track-page';
import { t } from '../shared/i18n';
import { UserTookOver, watchUser, type UserWatch } from './spotify-user';

export { PageChanged };

const PLAY_WAIT_MS = 3000;
const PAGE_WAIT_MS = 6000;

interface Run {
  strings: PageStrings;
  watch: UserWatch;
  /** the queue view: undefined until tried, null where there is none */
  view?: QueueView | null;
}

/** Opens the track's page and waits for that page, not whichever page is still on screen; one more try. */
export async function openTrackPage(song: QueueSong, watch?: UserWatch): Promise<TrackPage> {
  const target = `${localePrefix(location.pathname)}/track/${song.id}`;
  for (let attempt = 0; ; attempt++) {
    const here = location.pathname === target;
    const lingering = here ? new Set<Element>() : trackPagesNow();
    if (!here || attempt > 0) {
      goTo(target, history.state);
      watch?.expect(location.pathname);
    }
    try {
      return await waitFor(() => findTrackPage(song, lingering), `the page of track ${song.id}`, PAGE_WAIT_MS, watch?.check);
    } catch (e) {
      if (attempt > 0 || !(e instanceof PageChanged)) throw e;
    }
  }
}

/** A button of the track's own page, checked to be on that page just before it is used. */
export async function trackButton({ page }: TrackPage, selector: string, what: string, watch?: UserWatch): Promise<HTMLElement> {
  const button = await waitFor(() => page.querySelector<HTMLElement>(selector), what, PAGE_WAIT_MS, watch?.check);
  if (!page.isConnected || !button.isConnected) throw new PageChanged(t('pageChangedLeft', what));
  return button;
}

/** Plays the track from its page. Undefined when a signal says the player took another track instead. */
async function play(page: TrackPage, song: QueueSong, { strings, watch }: Run): Promise<SongQueueResult | undefined> {
  (await trackButton(page, SPOTIFY.actionBarPlay, t('healthTrackPlay'), watch)).click();
  for (const deadline = Date.now() + PLAY_WAIT_MS; Date.now() < deadline; await sleep(100)) {
    watch.check();
    const now = playingNow(song);
    if (now.track === 'this' && playState(strings).state === 'playing') return { id: song.id, status: 'played', by: now.by };
  }
  const now = playingNow(song);
  if (now.track === 'this') return { id: song.id, status: 'not-confirmed', reason: t('reasonAutoplayBlocked'), by: now.by };
  if (now.track === 'other') return undefined;
  // Pressed, but nothing on the page says what plays: not queued as well, which could play it twice.
  const state = playState(strings);
  return {
    id: song.id,
    status: 'not-confirmed',
    reason: state.state === 'playing' ? t('reasonPlaysUnreadable') : t('reasonPressedUnreadable'),
    by: state.by,
  };
}

/** More options, then the menu's "Add to queue", then the queue itself or, without it, Spotify's notice. */
async function addToQueue(page: TrackPage, song: QueueSong, { strings, watch, view }: Run): Promise<SongQueueResult> {
  let found;
  for (let attempt = 0; !found; attempt++) {
    closeOverlays();
    (await trackButton(page, SPOTIFY.actionBarMore, t('healthTrackMore'), watch)).click();
    try {
      found = await addToQueueItem(strings);
    } catch (e) {
      closeOverlays();
      if (attempt > 0 || !(e instanceof PageChanged)) throw e;
      await sleep(300);
    }
  }
  watch.check();
  const before = view?.count(song.id);
  const clickedAt = Date.now();
  const listed = () => (view?.count(song.id) ?? 0) > (before ?? Infinity);
  const answer = await answerTo(() => found.item.click(), (text) => strings.is('addedToQueue', text), listed);
  const via = found.fellBackFrom ? `, the item found by ${found.by} instead of ${found.fellBackFrom}` : '';
  if (answer.kind === 'dialog') {
    closeOverlays();
    return { id: song.id, status: 'refused', reason: t('reasonRefused', answer.text), by: 'a dialog' };
  }
  if (view && before !== undefined) {
    if (answer.kind === 'seen' || (await appearsInQueue(view, song.id, before, answer.kind === 'notice' ? 3000 : 500)))
      return { id: song.id, status: 'queued', by: `the queue view${via}` };
    return { id: song.id, status: 'not-confirmed', reason: t('reasonNotInQueue'), by: 'the queue view' };
  }
  // A notice counts only when it follows this click with no hand of the user's in between (theirs may be for
  // a song they queued themselves).
  if (answer.kind === 'notice' && watch.lastActionAt() < clickedAt) return { id: song.id, status: 'queued', by: `the "Added to queue" notice${via}` };
  const reason =
    answer.kind === 'notice'
      ? t('reasonNoticeAfterYou')
      : t('reasonNoNotice', strings.text('addedToQueue'));
  return { id: song.id, status: 'not-confirmed', reason };
}

/** Plays the first track when nothing plays and playIfIdle is set, queues the others, in order. When Spotify
 * refuses to queue, the refused track is played instead if nothing was played yet, and the rest are not
 * tried (they would be refused alike). Throws PageChanged when not one track could be handled. */
export async function queueTracks(songs: QueueSong[], playIfIdle: boolean): Promise<SongQueueResult[]> {
  if (!document.querySelector(SPOTIFY.playPause)) throw new PageChanged(t('pageChangedNotFound', t('healthPlayPause')));
  let strings: PageStrings;
  try {
    strings = await pageStrings();
  } catch (e) {
    throw new PageChanged(e instanceof StringsUnavailable ? e.message : String(e));
  }
  const watch = watchUser();
  const restore = rememberPage();
  const run: Run = { strings, watch };
  const results: SongQueueResult[] = [];
  // What the track pages showed of songs sent without a name (imported ones): reported, and used to follow them.
  const shown = new Map<string, { name: string; artist?: string }>();
  let refusal: string | undefined;
  let userTookOver = false;
  try {
    for (const [i, song] of songs.entries()) {
      if (refusal) {
        results.push({ id: song.id, status: 'refused', reason: refusal }); // not tried: it would be refused alike
        continue;
      }
      watch.check();
      // Only a player known to be paused is taken over: an unreadable state might be the user's music.
      const mayPlay = i === 0 && playIfIdle && playState(strings).state === 'paused';
      if (!mayPlay && run.view === undefined) run.view = await openQueueView();
      let page = await openTrackPage(song, watch);
      const named = song.name ? undefined : shownName(page);
      if (named) shown.set(song.id, named);
      if (mayPlay) {
        const played = await play(page, song, run);
        if (played) {
          results.push(played);
          continue;
        }
      }
      if (run.view === undefined) {
        run.view = await openQueueView();
        if (!page.page.isConnected) page = await openTrackPage(song, watch);
      }
      const queued = await addToQueue(page, song, run);
      if (queued.status === 'refused') {
        refusal = queued.reason;
        if (!results.some((r) => r.status === 'played')) {
          const played = await play(page, song, run);
          if (played) {
            results.push({ ...played, reason: t('reasonPlayedInstead', queued.reason ?? '') });
            continue;
          }
        }
      }
      results.push(queued);
    }
  } catch (e) {
    userTookOver = e instanceof UserTookOver;
    if (!userTookOver && (!(e instanceof PageChanged) || results.length === 0)) throw e;
    const reason = (e as Error).message;
    for (const song of songs.slice(results.length)) results.push({ id: song.id, status: userTookOver ? 'stopped' : 'failed', reason });
  } finally {
    watch.stop();
    // The user's page is put back unless the user has taken the tab somewhere themselves.
    if (!userTookOver) {
      run.view?.restore();
      restore();
    }
  }
  return results.map((r) => ({ ...r, ...shown.get(r.id) }));
}
