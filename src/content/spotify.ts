/** Content script on open.spotify.com: queues tracks or checks the page when the extension's service worker
 * asks, and only then; one command at a time, so that two never drive the page together. */
import browser, { type Runtime } from 'webextension-polyfill';
import type { HealthOutcome, QueueOutcome } from '../shared/messages';
import { ToContent } from '../shared/messages';
import { PageChanged, queueTracks } from './spotify-driver';
import { healthCheck } from './spotify-health';

let busy: Promise<unknown> = Promise.resolve();

async function handle(msg: ToContent): Promise<QueueOutcome | HealthOutcome> {
  try {
    if (msg.type === 'health-check') return { ok: true, health: await healthCheck(msg.probe) };
    return { ok: true, songs: await queueTracks(msg.songs, msg.playIfIdle) };
  } catch (e) {
    return { ok: false, code: e instanceof PageChanged ? 'page-changed' : 'internal', message: e instanceof Error ? e.message : String(e) };
  }
}

// A listener answers by returning a promise; returning nothing sends no answer.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  // Only the extension's own worker may command this page (not other extensions, not pages).
  if (sender.id !== browser.runtime.id || sender.tab) return undefined;
  const parsed = ToContent.safeParse(raw);
  if (!parsed.success) {
    console.warn('mood-dj: rejected malformed message', raw);
    return undefined;
  }
  const run = busy.then(() => handle(parsed.data));
  busy = run;
  return run;
});
