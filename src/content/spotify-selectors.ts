/** Every Spotify Web Player selector and string key mood-dj relies on, in one place; each is checked against
 * the fixture pages in tests/fixtures/spotify by tests/e2e/spotify.test.ts. The real page's shape, and the public
 * evidence for each, is described in tests/fixtures/spotify/README.md. No one of them is required alone: the
 * driver reads several signals for each thing it needs (spotify-track-page.ts, spotify-now-playing.ts,
 * spotify-menu.ts, spotify-queue-view.ts). */
export const SPOTIFY = {
  /** the player bar's play/pause button; its aria-label is the locale's "Play" or "Pause" */
  playPause: '[data-testid="control-button-playpause"]',
  /** the player bar's queue button: opens the queue in the right sidebar */
  queueButton: '[data-testid="control-button-queue"]',
  /** the right sidebar, where the queue and the now-playing view open */
  rightSidebar: '[data-testid="right-sidebar"]',
  /** links that may name the playing track in their address: the player bar widget's (…?highlight=spotify:track:ID
   * before 2025, the album alone since) and the now-playing view's context links (…&uri=spotify%3Atrack%3AID) */
  playingLinks: '[data-testid="now-playing-widget"] a[href], a[data-testid="context-link"][href]',
  /** the player bar widget's title */
  playingTitle: '[data-testid="now-playing-widget"] [data-testid="context-item-info-title"]',
  /** a track page; data-test-uri, where present, names its track */
  trackPage: 'section[data-testid="track-page"]',
  /** a page's title */
  pageTitle: 'h1',
  /** on a track page, links to the track's artists (the first is the main artist) */
  artistLink: 'a[href*="/artist/"]',
  /** the playback bar: position and length as "m:ss" (the length reads "-m:ss", the time left, once clicked), and
   * a range input whose max is the length in ms and whose value is the position */
  playbackPosition: '[data-testid="playback-position"]',
  playbackDuration: '[data-testid="playback-duration"]',
  playbackRange: '[data-testid="playback-progressbar"] input[type="range"]',
  /** on a track page, the action bar and its buttons; play-button and more-button also sit on every card and row */
  actionBar: '[data-testid="action-bar-row"]',
  actionBarPlay: '[data-testid="action-bar-row"] [data-testid="play-button"]',
  actionBarMore: '[data-testid="action-bar-row"] [data-testid="more-button"]',
  /** the context menu mounted by tippy at the end of body, and its items (buttons or links) */
  menu: 'body > div[data-tippy-root] #context-menu',
  menuItem: '[role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"]',
  /** what Spotify answers with instead of a notice: an upsell or another modal */
  dialog: '[role="dialog"], [role="alertdialog"]',
  /** the page's own translations: href is a JSON file of key -> text in the UI's language */
  localeLink: 'link[data-translations-url-for-locale]',
} as const;

/** Keys of the strings mood-dj matches, in Spotify's locale files, and their English text (used when the
 * page links no locale file). */
export const STRINGS = {
  addToQueue: { key: 'contextmenu.add-to-queue', en: 'Add to queue' },
  addedToQueue: { key: 'queue.added-to-queue', en: 'Added to queue' },
  play: { key: 'playback-control.play', en: 'Play' },
  pause: { key: 'playback-control.pause', en: 'Pause' },
} as const;
export type StringName = keyof typeof STRINGS;

/** Localized paths start with /intl-<language>/ (for example /intl-de/track/…): kept when navigating. */
export function localePrefix(pathname: string): string {
  return /^\/intl-[a-z]{2}(?:-[A-Za-z]{2,4})?(?=\/)/.exec(pathname)?.[0] ?? '';
}

/** The track a link points at: /track/ID, …highlight=spotify:track:ID or …uri=spotify%3Atrack%3AID. */
export function trackOfLink(href: string): string | undefined {
  return /(?:\/track\/|spotify:track:|spotify%3Atrack%3A)([A-Za-z0-9]{22})/i.exec(href)?.[1];
}

/** Text compared as a person reads it: case, accents' encoding and spacing ignored. */
export const normalText = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
