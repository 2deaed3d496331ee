/** "Test my Spotify tab": exercises, on the live page, every signal the driver relies on, without playing or
 * queueing anything: it opens a track page and its menu, reads what plays and the queue view, then closes what
 * it opened and puts the user's page back. Each item says which signal it found and which it fell back from. */
import { t } from '../shared/i18n';
import type { HealthItem, QueueSong } from '../shared/messages';
import { openTrackPage, trackButton } from './spotify-driver';
import { addToQueueItem } from './spotify-menu';
import { linkedTracks, playingNames, playState } from './spotify-now-playing';
import { closeOverlays, rememberPage, waitFor } from './spotify-page';
import { openQueueView } from './spotify-queue-view';
import { SPOTIFY } from './spotify-selectors';
import { pageStrings, type PageStrings } from './spotify-strings';
import type { TrackPage } from './spotify-track-page';

type Outcome = string | { detail: string; fellBackFrom?: string } | void;

/** What names the playing track, signal by signal, without pressing anything. */
function playingSignals(): Outcome {
  const linked = linkedTracks().length > 0;
  const found = [...(linked ? ["the player's link to the track"] : []), ...playingNames().map(([by]) => by)];
  if (!document.querySelector(SPOTIFY.playingLinks) && !found.length) return 'nothing is in the player now, so this is read when a song plays';
  if (!found.length) throw new Error('the player shows a song, but nothing on the page names it');
  return linked
    ? `named by ${found.join(', ')}`
    : { detail: `named by ${found.join(', ')}`, fellBackFrom: "the player's link (it names the album, not the track)" };
}

export async function healthCheck(probe: QueueSong): Promise<HealthItem[]> {
  const items: HealthItem[] = [];
  const check = async (label: string, test: () => Promise<Outcome> | Outcome): Promise<boolean> => {
    try {
      const out = await test();
      const { detail, fellBackFrom } = typeof out === 'object' ? out : { detail: out || undefined, fellBackFrom: undefined };
      items.push({ label, ok: true, detail, fellBackFrom });
      return true;
    } catch (e) {
      items.push({ label, ok: false, detail: e instanceof Error ? e.message : String(e) });
      return false;
    }
  };
  const skip = (label: string, why: string) => items.push({ label, ok: false, detail: t('healthNotChecked', why) });

  await check(t('healthPlayPause'), async () => void (await waitFor(() => document.querySelector(SPOTIFY.playPause), 'it', 2000)));
  let strings: PageStrings | undefined;
  await check(t('healthWords'), async () => {
    strings = await pageStrings();
    if (!strings.fromPage) return { detail: 'English is assumed, and "Add to queue" is also found by its icon', fellBackFrom: "the page's language file (the page links none)" };
    return `language ${strings.locale}: "${strings.text('addToQueue')}"`;
  });
  if (strings) {
    const s = strings;
    await check(t('healthPlayState'), () => {
      const state = playState(s);
      if (state.state === 'unknown') throw new Error('neither the play button, the media session nor the icon tells');
      const detail = `${state.state}, read from ${state.by}`;
      return state.by === "the play button's words" ? detail : { detail, fellBackFrom: "the play button's words" };
    });
  }
  await check(t('healthWhatPlays'), playingSignals);
  const restore = rememberPage();
  try {
    let page: TrackPage | undefined;
    const opened = await check(t('healthTrackPage'), async () => {
      page = await openTrackPage(probe);
      const detail = `found by ${page.by.join(', ')}`;
      return page.by.includes('its data-test-uri') ? detail : { detail, fellBackFrom: 'data-test-uri' };
    });
    const buttons = [
      [t('healthTrackPlay'), SPOTIFY.actionBarPlay],
      [t('healthTrackMore'), SPOTIFY.actionBarMore],
    ] as const;
    for (const [label, selector] of buttons) {
      if (opened) await check(label, async () => void (await trackButton(page!, selector, 'it')));
      else skip(label, 'no track page');
    }
    const more = opened ? page!.page.querySelector<HTMLElement>(SPOTIFY.actionBarMore) : null;
    const menuOpened =
      more !== null &&
      (await check(t('healthMenu'), async () => {
        closeOverlays();
        more.click();
        await waitFor(() => document.querySelector(SPOTIFY.menu), 'it', 3000);
      }));
    const item = t('healthAddItem', strings?.text('addToQueue') ?? 'Add to queue');
    if (!menuOpened) skip(item, t('healthMenu'));
    else if (!strings) skip(item, t('healthWords'));
    else
      await check(item, async () => {
        const found = await addToQueueItem(strings!);
        return { detail: `found by ${found.by}`, fellBackFrom: found.fellBackFrom };
      });
    closeOverlays();
    await check(t('healthQueue'), async () => {
      const view = await openQueueView();
      if (!view) return { detail: 'songs are confirmed by Spotify\'s "Added to queue" notice instead', fellBackFrom: 'the queue view (none opened)' };
      view.restore();
      return 'the queue view opens and is read';
    });
  } finally {
    restore();
  }
  return items;
}
