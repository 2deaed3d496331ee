/** Offscreen document: holds the camera and the models; answers the service worker's messages only. */
import * as tf from '@tensorflow/tfjs';
import { ToOffscreen, type CheckOutcome, type CheckProgress, type Diagnostics } from '../shared/messages';
import { liveTracks } from './camera';
import { currentBackend, DOCUMENT_ID, lastFaceBox, moodCheck } from './mood-check';

// Checks run one at a time: the camera and the models are shared.
let queue: Promise<unknown> = Promise.resolve();

/** JS heap in use after garbage collection (gc exists only with --js-flags=--expose-gc, as in the soak test).
 * Two collections with a pause between: right after one, V8 may still count pages it has not swept yet. */
async function settledHeapBytes(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    await new Promise((r) => setTimeout(r, 100));
    gc();
  }
  return (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

chrome.runtime.onMessage.addListener((raw, sender, reply) => {
  if (sender.id !== chrome.runtime.id || (raw as { target?: unknown })?.target !== 'offscreen') return false;
  const parsed = ToOffscreen.safeParse(raw);
  if (!parsed.success) {
    console.warn('offscreen: rejected malformed message', raw);
    reply({ ok: false, error: { code: 'internal', message: 'malformed message' } } satisfies CheckOutcome);
    return false;
  }
  const msg = parsed.data;
  if (msg.type === 'diagnostics') {
    settledHeapBytes().then((jsHeapBytes) =>
      reply({ documentId: DOCUMENT_ID, liveTracks: liveTracks(), numTensors: tf.memory().numTensors, jsHeapBytes, backend: currentBackend() ?? null, lastFace: lastFaceBox() } satisfies Diagnostics),
    );
    return true;
  }
  // Progress goes to whichever extension page listens (the popup); nobody listening is fine.
  const progress = (p: Omit<CheckProgress, 'target' | 'type'>) =>
    void chrome.runtime.sendMessage({ target: 'pages', type: 'check-progress', ...p } satisfies CheckProgress).catch(() => undefined);
  const run = queue.then(() => moodCheck(msg.frames, msg.backend, progress));
  queue = run.catch(() => undefined);
  run.then(reply, (e) => reply({ ok: false, error: { code: 'internal', message: String(e) } } satisfies CheckOutcome));
  return true;
});
