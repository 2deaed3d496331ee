/** Drives the Spotify Web Player's own UI to queue tracks: no Spotify API, so no Premium and no login here. */
import { ADD_TO_QUEUE, pageLooksRight, SPOTIFY } from './spotify-selectors';

export class PageChanged extends Error {}

async function waitFor<T extends Element>(find: () => T | null | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const el = find();
    if (el) return el;
    if (Date.now() > deadline) throw new PageChanged(`Spotify's page changed: ${what} was not found`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** In-app navigation, as the app's own links do: history entry plus popstate for its router. */
async function openTrack(id: string): Promise<void> {
  history.pushState({}, '', `/track/${id}`);
  dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  await waitFor(() => document.querySelector(SPOTIFY.trackMore), 'the track page');
}

function isIdle(): boolean {
  return /^play$/i.test(document.querySelector(SPOTIFY.playPause)?.getAttribute('aria-label') ?? '');
}

export interface QueueReport {
  queued: string[];
  played?: string;
}

export async function queueTracks(ids: string[], playIfIdle: boolean): Promise<QueueReport> {
  if (!pageLooksRight(document)) throw new PageChanged("Spotify's page changed: the player controls were not found");
  const report: QueueReport = { queued: [] };
  const back = location.pathname + location.search;
  for (const [i, id] of ids.entries()) {
    await openTrack(id);
    if (i === 0 && playIfIdle && isIdle()) {
      (document.querySelector(SPOTIFY.trackPlay) as HTMLElement | null)?.click();
      report.played = id;
      continue;
    }
    (document.querySelector(SPOTIFY.trackMore) as HTMLElement).click();
    const item = await waitFor(
      () => [...document.querySelectorAll<HTMLElement>(SPOTIFY.menuItem)].find((el) => ADD_TO_QUEUE.test(el.textContent?.trim() ?? '')),
      'the "Add to queue" menu item',
    );
    item.click();
    report.queued.push(id);
  }
  history.pushState({}, '', back);
  dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  return report;
}
