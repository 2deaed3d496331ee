/** Every Spotify Web Player selector mood-dj relies on, in one place; each is checked against
 * tests/fixtures/spotify/player.html by tests/unit/spotify-selectors.test.ts. */
export const SPOTIFY = {
  /** the player bar's play/pause button; aria-label says "Play" when nothing plays */
  playPause: '[data-testid="control-button-playpause"]',
  /** on a track page: the big play button and the "More options" button of the action bar */
  trackPlay: '[data-testid="action-bar-row"] [data-testid="play-button"]',
  trackMore: '[data-testid="action-bar-row"] [data-testid="more-button"]',
  /** the context menu the More button opens, and its items */
  menu: '#context-menu',
  menuItem: '#context-menu [role="menuitem"]',
} as const;

/** Text of the context-menu item that queues the track (English UI). */
export const ADD_TO_QUEUE = /^add to queue$/i;

/** The player is usable when its play/pause control exists; without it, the page has changed under us. */
export function pageLooksRight(doc: Document): boolean {
  return doc.querySelector(SPOTIFY.playPause) !== null;
}
