/** Spotify's own queue view (the player bar's queue button opens it in the right sidebar): the surest witness
 * that a song entered the queue, as it lists what is next. mood-dj opens it for a run when it is closed and
 * closes it again afterwards. */
import { SPOTIFY, trackOfLink } from './spotify-selectors';
import { sleep } from './spotify-page';

export interface QueueView {
  /** how many times the track is listed in the queue view now; undefined when the view cannot be read */
  count(id: string): number | undefined;
  /** closes the view again if mood-dj opened it */
  restore(): void;
}

const isOpen = (button: Element) => button.getAttribute('aria-pressed') === 'true' || button.getAttribute('data-active') === 'true';

/** The queue's list: the right sidebar while the queue button says it is open. */
function list(): Element | undefined {
  const button = document.querySelector(SPOTIFY.queueButton);
  if (!button || !isOpen(button)) return undefined;
  return document.querySelector(SPOTIFY.rightSidebar) ?? undefined;
}

function countIn(root: Element, id: string): number {
  return [...root.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => trackOfLink(a.getAttribute('href') ?? '') === id).length;
}

/** Opens the queue view (waiting up to 2 s for it to render) and returns a reader; null without one. */
export async function openQueueView(): Promise<QueueView | null> {
  const button = document.querySelector<HTMLElement>(SPOTIFY.queueButton);
  if (!button) return null;
  const path = location.pathname;
  const opened = !isOpen(button);
  if (opened) button.click();
  if (location.pathname !== path) {
    // An older Web Player shows the queue as a page of its own: not one to read beside the track pages. Back
    // undoes the visit without leaving an entry behind it.
    history.back();
    for (const deadline = Date.now() + 2000; location.pathname !== path && Date.now() < deadline; ) await sleep(50);
    return null;
  }
  const close = () => {
    const b = document.querySelector<HTMLElement>(SPOTIFY.queueButton);
    if (opened && b && isOpen(b)) b.click();
  };
  // Rendered once it lists a track (what plays now comes first) or has had a moment to (an empty queue lists none).
  const start = Date.now();
  for (let root = list(); Date.now() - start < 2000; await sleep(50), root = list()) {
    if (root && (root.querySelector('a[href*="/track/"]') || Date.now() - start > 800)) {
      return {
        count: (id) => {
          const r = list();
          return r ? countIn(r, id) : undefined;
        },
        restore: close,
      };
    }
  }
  close();
  return null;
}

/** Waits until the track is listed more often than before; false when it is not within timeoutMs. */
export async function appearsInQueue(view: QueueView, id: string, before: number, timeoutMs = 3000): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
    if ((view.count(id) ?? 0) > before) return true;
  }
  return false;
}
