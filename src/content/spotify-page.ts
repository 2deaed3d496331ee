/** Reading and moving the Web Player page: waiting for elements, in-app navigation that leaves no history
 * trail, and what the page shows after a click. */
import { t } from '../shared/i18n';
import { SPOTIFY } from './spotify-selectors';

export class PageChanged extends Error {}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until find() gives something; `check`, run each time, may throw to stop waiting (the user took over). */
export async function waitFor<T>(find: () => T | null | undefined, what: string, timeoutMs = 8000, check?: () => void): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    check?.();
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new PageChanged(t('pageChangedNotFound', what));
    await sleep(50);
  }
}

/** In-app navigation the way the app's router hears it (popstate), but replacing the current history entry
 * instead of pushing one, so that the user's Back button is not left with a trail of mood-dj's pages. */
export function goTo(url: string, state: unknown): void {
  history.replaceState(state, '', url);
  dispatchEvent(new PopStateEvent('popstate', { state }));
}

/** Remembers the user's page; the returned function puts it back (same address, same history entry). */
export function rememberPage(): () => void {
  const url = location.href;
  const state = history.state as unknown;
  return () => {
    closeOverlays();
    if (location.href !== url) goTo(url, state);
    else history.replaceState(state, '', url);
  };
}

/** Escape, as a user closes an open context menu or dialog. */
export function closeOverlays(): void {
  if (!document.querySelector(`${SPOTIFY.menu}, ${SPOTIFY.dialog}`)) return;
  for (const target of [document.activeElement ?? document.body, document])
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', keyCode: 27, bubbles: true }));
}

export type Answer = { kind: 'notice' } | { kind: 'dialog'; text: string } | { kind: 'seen' } | { kind: 'nothing' };

/** Clicks, then watches what the page adds: the given notice text, or a dialog (an upsell, say), or `seen()`
 * turning true (polled), or nothing within timeoutMs. Only what appears after the click counts. */
export function answerTo(click: () => void, isNotice: (text: string | null) => boolean, seen?: () => boolean, timeoutMs = 3000): Promise<Answer> {
  return new Promise((resolve) => {
    const done = (a: Answer) => {
      observer.disconnect();
      clearTimeout(timer);
      clearInterval(poll);
      resolve(a);
    };
    const look = (node: Node) => {
      const el = node instanceof Element ? node : node.parentElement;
      if (!el) return;
      const dialog = el.matches(SPOTIFY.dialog) ? el : (el.closest(SPOTIFY.dialog) ?? el.querySelector(SPOTIFY.dialog));
      if (dialog) {
        const heading = dialog.querySelector('h1, h2, [role=heading]')?.textContent ?? dialog.getAttribute('aria-label') ?? dialog.textContent ?? '';
        return done({ kind: 'dialog', text: heading.replace(/\s+/g, ' ').trim().slice(0, 120) });
      }
      if ([el, ...el.querySelectorAll('*')].some((e) => isNotice(e.textContent))) done({ kind: 'notice' });
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') look(r.target);
        r.addedNodes.forEach(look);
      }
    });
    const timer = setTimeout(() => done({ kind: 'nothing' }), timeoutMs);
    const poll = setInterval(() => seen?.() && done({ kind: 'seen' }), 100);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    click();
  });
}
