/** Every Spotify Web Player selector and string key mood-dj relies on, in one place; each is checked against
 * the fixture pages in tests/fixtures/spotify by tests/e2e/spotify.test.ts. The real page's shape is
 * described in tests/fixtures/spotify/README.md. */
export const SPOTIFY = {
  /** the player bar's play/pause button; its aria-label is the locale's "Play" or "Pause" */
  playPause: '[data-testid="control-button-playpause"]',
  /** the player bar's current track: a link whose address names the track (…?highlight=spotify:track:ID) */
  nowPlayingLink: '[data-testid="now-playing-widget"] a[href]',
  /** a track page; data-test-uri names its track, so a page that lingers after navigation can be told apart */
  trackPage: 'section[data-testid="track-page"]',
  /** on a track page, the action bar's buttons; play-button and more-button also sit on every card and row */
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

export const trackPageOf = (id: string) => `${SPOTIFY.trackPage}[data-test-uri="spotify:track:${id}"]`;

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

/** The track a link points at: /track/ID or …highlight=spotify:track:ID (the now-playing widget's album link). */
export function trackOfLink(href: string): string | undefined {
  return /(?:\/track\/|spotify:track:|spotify%3Atrack%3A)([A-Za-z0-9]{22})/.exec(href)?.[1];
}
