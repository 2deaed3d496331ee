/** Content script on open.spotify.com: queues tracks or checks the page when the extension's service worker
 * asks, and only then; one command at a time, so that two never drive the page together. */
import type { HealthOutcome, QueueOutcome } from '../shared/messages';
import { ToContent } from '../shared/messages';
import { PageChanged, queueTracks } from './spotify-driver';
import { healthCheck } from './spotify-health';

let busy: Promise<unknown> = Promise.resolve();

async function handle(msg: ToContent): Promise<QueueOutcome | HealthOutcome> {
  try {
    if (msg.type === 'health-check') return { ok: true, health: await healthCheck(msg.probeId) };
    return { ok: true, songs: await queueTracks(msg.ids, msg.playIfIdle) };
  } catch (e) {
    return { ok: false, code: e instanceof PageChanged ? 'page-changed' : 'internal', message: e instanceof Error ? e.message : String(e) };
  }
}

chrome.runtime.onMessage.addListener((raw, sender, reply) => {
  // Only the extension's own worker may command this page (not other extensions, not pages).
  if (sender.id !== chrome.runtime.id || sender.tab) return false;
  const parsed = ToContent.safeParse(raw);
  if (!parsed.success) {
    console.warn('mood-dj: rejected malformed message', raw);
    return false;
  }
  const run = busy.then(() => handle(parsed.data));
  busy = run;
  void run.then(reply);
  return true;
});
