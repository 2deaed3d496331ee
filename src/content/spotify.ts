/** Content script on open.spotify.com: queues tracks when the extension's service worker asks, and only then. */
import { QueueOutcome, ToContent } from '../shared/messages';
import { PageChanged, queueTracks } from './spotify-driver';

chrome.runtime.onMessage.addListener((raw, sender, reply) => {
  // Only the extension's own worker may command this page (not other extensions, not pages).
  if (sender.id !== chrome.runtime.id || sender.tab) return false;
  const parsed = ToContent.safeParse(raw);
  if (!parsed.success) {
    console.warn('mood-dj: rejected malformed message', raw);
    return false;
  }
  queueTracks(parsed.data.ids, parsed.data.playIfIdle).then(
    (r) => reply({ ok: true, ...r } satisfies QueueOutcome),
    (e) =>
      reply({ ok: false, code: e instanceof PageChanged ? 'page-changed' : 'internal', message: e instanceof Error ? e.message : String(e) } satisfies QueueOutcome),
  );
  return true;
});
