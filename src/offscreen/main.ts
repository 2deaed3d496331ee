/** Offscreen document: holds the camera and the models; answers the service worker's messages only. */
import browser, { type Runtime } from 'webextension-polyfill';
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

// A listener answers by returning a promise; returning nothing leaves the message to other listeners.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  if (sender.id !== browser.runtime.id || (raw as { target?: unknown })?.target !== 'offscreen') return undefined;
  const parsed = ToOffscreen.safeParse(raw);
  if (!parsed.success) {
    console.warn('offscreen: rejected malformed message', raw);
    return Promise.resolve({ ok: false, error: { code: 'internal', message: 'malformed message' } } satisfies CheckOutcome);
  }
  const msg = parsed.data;
  if (msg.type === 'diagnostics') {
    return settledHeapBytes().then(
      (jsHeapBytes): Diagnostics => ({ documentId: DOCUMENT_ID, liveTracks: liveTracks(), numTensors: tf.memory().numTensors, jsHeapBytes, backend: currentBackend() ?? null, lastFace: lastFaceBox() }),
    );
  }
  // Progress goes to whichever extension page listens (the popup); nobody listening is fine.
  const progress = (p: Omit<CheckProgress, 'target' | 'type'>) =>
    void browser.runtime.sendMessage({ target: 'pages', type: 'check-progress', ...p } satisfies CheckProgress).catch(() => undefined);
  const run = queue.then(() => moodCheck(msg.frames, msg.backend, { onFrame: msg.withFeature ? undefined : progress, user: msg.calibration, withFeature: msg.withFeature }));
  queue = run.catch(() => undefined);
  return run.catch((e): CheckOutcome => ({ ok: false, error: { code: 'internal', message: String(e) } }));
});
