/** The "More options" menu and its "Add to queue" item. The items may arrive over several frames, so the menu
 * is read until the item is there or the menu has stopped growing. The item is known by the page's own words;
 * without them (no language file), by two features that need no words: its icon is the player bar's queue
 * button's, and it is the plain item right after the "Save to your Liked Songs" checkbox. */
import { SPOTIFY, STRINGS } from './spotify-selectors';
import type { PageStrings } from './spotify-strings';
import { PageChanged, sleep, waitFor } from './spotify-page';

export interface MenuItem {
  item: HTMLElement;
  by: string;
  /** the signal that was not there, when a replacement decided */
  fellBackFrom?: string;
}

const SETTLE_MS = 1500;
const STABLE_READS = 3;

const glyph = (el: Element | null | undefined) => el?.querySelector('svg path')?.getAttribute('d') ?? undefined;

function byWords(items: HTMLElement[], strings: PageStrings): HTMLElement | undefined {
  const matches = items.filter((el) => strings.is('addToQueue', el.textContent));
  return matches.length === 1 ? matches[0] : undefined;
}

function byIcon(items: HTMLElement[]): HTMLElement | undefined {
  const queueGlyph = glyph(document.querySelector(SPOTIFY.queueButton));
  const matches = queueGlyph ? items.filter((el) => glyph(el) === queueGlyph) : [];
  return matches.length === 1 ? matches[0] : undefined;
}

function byPlace(items: HTMLElement[]): HTMLElement | undefined {
  const checkboxes = items.filter((el) => el.getAttribute('role') === 'menuitemcheckbox');
  if (checkboxes.length !== 1) return undefined;
  const next = items[items.indexOf(checkboxes[0]) + 1];
  return next && next.getAttribute('role') === 'menuitem' && !next.hasAttribute('aria-haspopup') && next.tagName === 'BUTTON' ? next : undefined;
}

/** Finds "Add to queue" in the open menu, reading it until it is complete. */
export async function addToQueueItem(strings: PageStrings): Promise<MenuItem> {
  const menu = await waitFor(() => document.querySelector(SPOTIFY.menu), 'the context menu', 3000);
  const words = strings.fromPage ? 'the page\'s words' : `the English words "${STRINGS.addToQueue.en}"`;
  let count = -1;
  let stable = 0;
  for (const deadline = Date.now() + SETTLE_MS; ; ) {
    const items = [...menu.querySelectorAll<HTMLElement>(SPOTIFY.menuItem)];
    const item = byWords(items, strings);
    if (item) return { item, by: words };
    stable = items.length === count ? stable + 1 : 0;
    count = items.length;
    // Only a complete menu is read without words: a half-mounted one might lack the real item.
    if (stable >= STABLE_READS || Date.now() > deadline) {
      const icon = byIcon(items);
      const place = byPlace(items);
      const fellBackFrom = strings.fromPage ? `the page's words ("${strings.text('addToQueue')}")` : "the page's words (it links no language file)";
      if (icon && (!place || place === icon)) return { item: icon, by: place ? 'its icon and its place' : 'its icon', fellBackFrom };
      if (place && !icon && !strings.fromPage) return { item: place, by: 'its place in the menu', fellBackFrom };
      if (Date.now() > deadline)
        throw new PageChanged(
          `Spotify's page changed: the menu has ${items.length} items, none of them "${strings.text('addToQueue')}"${strings.fromPage ? '' : ' (the page gave no language file, so its words were not known)'}`,
        );
    }
    await sleep(50);
  }
}
