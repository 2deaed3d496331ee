/** Content script on open.spotify.com: queues tracks or checks the page when the extension's service worker
 * asks, and only then; one command at a time, so that two never drive the page together. */
import browser, { type Runtime } from 'webextension-polyfill';
import type { HealthOutcome, QueueOutcome, QueueSong, SongQueueResult, ToBackground } from '../shared/messages';
import { ToContent } from '../shared/messages';
import { PageChanged, queueTracks } from './spotify-driver';
import { healthCheck } from './spotify-health';
import { watchListening } from './spotify-listening';

/** The songs now in the player or its queue are followed: a skip or a play through goes to the worker. */
function follow(sent: QueueSong[], results: SongQueueResult[]): void {
  const heard = results.filter((r) => r.status === 'played' || r.status === 'queued');
  if (heard.length === 0) return;
  watchListening(
    heard.map((r) => ({ id: r.id, name: r.name ?? sent.find((s) => s.id === r.id)?.name })),
    (id, feedback) => void browser.runtime.sendMessage({ type: 'playback-feedback', id, feedback } satisfies ToBackground).catch(() => undefined),
  );
}

let busy: Promise<unknown> = Promise.resolve();

async function handle(msg: ToContent): Promise<QueueOutcome | HealthOutcome> {
  try {
    if (msg.type === 'health-check') return { ok: true, health: await healthCheck(msg.probe) };
    const songs = await queueTracks(msg.songs, msg.playIfIdle);
    follow(msg.songs, songs);
    return { ok: true, songs };
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
