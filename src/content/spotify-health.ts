/** "Test my Spotify tab": checks, on the live page, each element the driver needs, without playing or queueing
 * anything: it opens a track page and its menu, then closes the menu and puts the user's page back. */
import type { HealthItem } from '../shared/messages';
import { closeOverlays, openTrackPage, PageChanged, rememberPage, trackButton, waitFor } from './spotify-page';
import { SPOTIFY } from './spotify-selectors';
import { pageStrings, type PageStrings } from './spotify-strings';

export async function healthCheck(probeId: string): Promise<HealthItem[]> {
  const items: HealthItem[] = [];
  const check = async (label: string, test: () => Promise<string | void>): Promise<boolean> => {
    try {
      items.push({ label, ok: true, detail: (await test()) || undefined });
      return true;
    } catch (e) {
      items.push({ label, ok: false, detail: e instanceof Error ? e.message : String(e) });
      return false;
    }
  };
  const skip = (label: string, why: string) => items.push({ label, ok: false, detail: `not checked: ${why}` });

  await check("the player bar's play/pause button", async () => void (await waitFor(() => document.querySelector(SPOTIFY.playPause), 'it', 2000)));
  let strings: PageStrings | undefined;
  await check("Spotify's words in your language", async () => {
    strings = await pageStrings();
    if (!strings.fromPage) throw new Error('the page links no language file, so only an English UI will work');
    return `language ${strings.locale}: "${strings.text('addToQueue')}"`;
  });
  const restore = rememberPage();
  try {
    let page: HTMLElement | undefined;
    const opened = await check('a track page', async () => void (page = await openTrackPage(probeId)));
    const buttons = [
      ["the track page's play button", SPOTIFY.actionBarPlay],
      ['the track page\'s "More options" button', SPOTIFY.actionBarMore],
    ] as const;
    for (const [label, selector] of buttons) {
      if (opened) await check(label, async () => void (await trackButton(page!, selector, probeId, 'it')));
      else skip(label, 'no track page');
    }
    const more = opened ? page!.querySelector<HTMLElement>(SPOTIFY.actionBarMore) : null;
    const menuOpened =
      more !== null &&
      (await check('the "More options" menu', async () => {
        closeOverlays();
        more.click();
        await waitFor(() => document.querySelector(SPOTIFY.menu), 'it', 3000);
      }));
    if (!menuOpened) skip('the "Add to queue" item', 'no menu');
    else if (!strings) skip('the "Add to queue" item', "Spotify's words could not be read");
    else
      await check(`the "${strings.text('addToQueue')}" item`, async () => {
        const items = [...document.querySelector(SPOTIFY.menu)!.querySelectorAll(SPOTIFY.menuItem)];
        if (!items.some((el) => strings!.is('addToQueue', el.textContent))) throw new PageChanged(`the menu has ${items.length} items, none of them "${strings!.text('addToQueue')}"`);
      });
  } finally {
    await restore();
  }
  return items;
}
