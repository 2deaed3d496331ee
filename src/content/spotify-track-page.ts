/** Which element is the requested track's page, from several signals, none required alone: the address, the
 * track-page section, that it rendered after mood-dj's navigation (the previous page lingers a while), its
 * data-test-uri where the page has one, its title against the song's name, links inside it, its action bar. */
import type { QueueSong } from '../shared/messages';
import { normalText, SPOTIFY, trackOfLink } from './spotify-selectors';

export interface TrackPage {
  page: HTMLElement;
  /** the signals that identified it, in words */
  by: string[];
}

/** The track-page sections on screen now: after a navigation, any of these is the previous page lingering. */
export const trackPagesNow = (): Set<Element> => new Set(document.querySelectorAll(SPOTIFY.trackPage));

const onAddress = (id: string) => location.pathname.endsWith(`/track/${id}`);

/** Names match when equal, or when one is the other plus a version ("Song - Remastered 2011", "Song (feat. X)"). */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const [x, y] = [normalText(a), normalText(b)];
  const versionOf = (long: string, short: string) => short.length > 0 && (long === short || long.startsWith(`${short} -`) || long.startsWith(`${short} (`));
  return versionOf(x, y) || versionOf(y, x);
}

/** Reads one section against the song: undefined when a signal says it is another track's page. */
function judge(section: HTMLElement, song: QueueSong, lingering: Set<Element>): TrackPage | undefined {
  const by: string[] = [];
  const uri = section.getAttribute('data-test-uri');
  if (uri) {
    if (uri !== `spotify:track:${song.id}`) return undefined;
    by.push('its data-test-uri');
  }
  if (!lingering.has(section)) by.push('rendered after navigation');
  const title = section.querySelector(SPOTIFY.pageTitle)?.textContent;
  if (song.name && title) {
    if (sameName(title, song.name)) by.push('its title');
    else if (!uri) return undefined; // another song's title, and nothing that says it is this track's page
  }
  if ([...section.querySelectorAll<HTMLAnchorElement>('a[href]')].some((a) => trackOfLink(a.getAttribute('href') ?? '') === song.id)) by.push('a link to the track');
  // Lingering and saying nothing of itself: it cannot be told from the previous page.
  if (lingering.has(section) && by.length === 0) return undefined;
  return { page: section, by };
}

/** The requested track's page once it is on screen with its action bar, else undefined. */
export function findTrackPage(song: QueueSong, lingering: Set<Element>): TrackPage | undefined {
  if (!onAddress(song.id)) return undefined;
  let sections = [...document.querySelectorAll<HTMLElement>(SPOTIFY.trackPage)];
  let kind = 'the track-page section';
  if (sections.length === 0) {
    // Renamed in a redesign: the sections around the main view's action bars.
    sections = [...document.querySelectorAll<HTMLElement>(`main ${SPOTIFY.actionBar}`)].map((bar) => bar.closest<HTMLElement>('section')).filter((s) => s !== null);
    kind = 'a section with an action bar';
  }
  for (const section of sections.reverse()) {
    // newest last in the DOM
    const found = judge(section, song, lingering);
    if (found && section.querySelector(SPOTIFY.actionBar)) return { page: section, by: ['the address', kind, ...found.by, 'its action bar'] };
  }
  return undefined;
}

/** The song's title and main artist as its page shows them (for songs that came without a name). */
export function shownName({ page }: TrackPage): { name: string; artist?: string } | undefined {
  const name = page.querySelector(SPOTIFY.pageTitle)?.textContent?.trim();
  const artist = page.querySelector(SPOTIFY.artistLink)?.textContent?.trim();
  return name ? { name: name.slice(0, 300), ...(artist ? { artist: artist.slice(0, 300) } : {}) } : undefined;
}
