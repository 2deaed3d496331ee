/** The user's hand on the Spotify tab during a run: a real click, tap or key press in the page (the browser
 * marks those trusted; the driver's own clicks are not), or an address the driver did not go to. The driver
 * lets go as soon as it sees one. */
import { t } from '../shared/i18n';

export class UserTookOver extends Error {
  constructor() {
    super(t('reasonUserTookOver'));
  }
}

export interface UserWatch {
  /** when the user last acted in the page (0: not during this run) */
  lastActionAt(): number;
  /** the path the driver itself went to last; any other one is the user's */
  expect(path: string): void;
  /** throws UserTookOver when the user has acted or navigated since the run began */
  check(): void;
  stop(): void;
}

const EVENTS = ['pointerdown', 'keydown'] as const;

export function watchUser(): UserWatch {
  let lastAt = 0;
  // Paths only: the app may add a query string of its own to an address it was sent to.
  let expected = location.pathname;
  const seen = (e: Event) => {
    if (e.isTrusted) lastAt = Date.now();
  };
  for (const type of EVENTS) addEventListener(type, seen, { capture: true, passive: true });
  return {
    lastActionAt: () => lastAt,
    expect: (path) => void (expected = path),
    check() {
      if (lastAt || location.pathname !== expected) throw new UserTookOver();
    },
    stop() {
      for (const type of EVENTS) removeEventListener(type, seen, { capture: true });
    },
  };
}
