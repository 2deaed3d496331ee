/** One mood check: camera on, a few frames, largest face per frame, CNN, probabilities averaged, camera off. */
import browser from 'webextension-polyfill';
import { CONTRACT, MOODS } from '../model/contract';
import { calibrationKind, type UserFaces } from '../model/calibration';
import { loadEmotionModel, type EmotionModel } from '../model/emotion-model';
import { cropFace, frameViews, largest } from '../model/face-crop';
import { grayLevels, poorLight } from '../model/face-light';
import type { Backend, CheckOutcome, CheckProgress, Diagnostics, Mood } from '../shared/messages';
import { chooseBackend } from './backend';
import { CheckFailure, withCamera } from './camera';
import { loadFaceFinder, type FaceFinder } from './face-detector';

// Frames are taken 200 ms apart; each frame's CNN runs inside that wait, so only the last frame's adds to a check.
const FRAME_GAP_MS = 200;
export const DOCUMENT_ID = crypto.randomUUID();

interface Pipeline {
  model: EmotionModel;
  finder: FaceFinder;
}

let pipeline: Promise<Pipeline> | undefined;
let backend: Backend | undefined;
let lastFace: Diagnostics['lastFace'] = null;

async function ensurePipeline(wanted: Backend | 'auto'): Promise<{ p: Pipeline; cold: boolean }> {
  const cold = !pipeline;
  if (!pipeline) {
    pipeline = (async () => {
      backend = await chooseBackend(wanted);
      const [model, finder] = await Promise.all([loadEmotionModel(browser.runtime.getURL(`models/emotion/${CONTRACT.model}`)), loadFaceFinder()]);
      return { model, finder };
    })();
    pipeline.catch(() => (pipeline = undefined)); // a failed start is retried by the next check
  } else if (wanted !== 'auto' && wanted !== backend) {
    backend = await chooseBackend(wanted); // models stay loaded: TF.js moves weights to the new backend lazily
  }
  return { p: await pipeline, cold };
}

export function currentBackend(): Backend | undefined {
  return backend;
}

export function lastFaceBox(): Diagnostics['lastFace'] {
  return lastFace;
}

function averaged(sums: number[], used: number): { probabilities: Record<Mood, number>; mood: Mood } {
  const probabilities = Object.fromEntries(MOODS.map((m, i) => [m, sums[i] / used])) as Record<Mood, number>;
  return { probabilities, mood: MOODS.reduce((a, b) => (probabilities[b] > probabilities[a] ? b : a)) };
}

export interface CheckOptions {
  /** told after each frame with a face, with the average so far */
  onFrame?: (p: Omit<CheckProgress, 'target' | 'type'>) => void;
  /** the user's calibration faces (features by mood) */
  user?: UserFaces;
  /** also return the frames' mean features, for a calibration capture */
  withFeature?: boolean;
}

export async function moodCheck(frames: number, wanted: Backend | 'auto', { onFrame, user, withFeature }: CheckOptions = {}): Promise<CheckOutcome> {
  const t0 = performance.now();
  // On a cold start the camera starts while the models load: neither waits for the other.
  const starting = ensurePipeline(wanted);
  starting.catch(() => {}); // read below, once the camera is on; a camera error is the one to report first
  let cold = false;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  let cameraMs = 0;
  let detectMs = 0;
  let classifyMs = 0;
  let maxFaces = 0;
  const sums = new Array<number>(MOODS.length).fill(0);
  let featureSum: number[] | undefined;
  const levels = { mean: 0, sd: 0 };
  let used = 0;
  try {
    await withCamera(async (video) => {
      cameraMs = performance.now() - t0;
      let ready: { p: Pipeline; cold: boolean };
      try {
        ready = await starting;
      } catch (e) {
        throw new CheckFailure({ code: 'model-failed', message: `The mood model could not start: ${e instanceof Error ? e.message : String(e)}` });
      }
      const { model, finder } = ready.p;
      cold = ready.cold;
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      for (let k = 0; k < frames; k++) {
        const frameStart = performance.now();
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        const faces = finder.detect(canvas);
        const t1 = performance.now();
        detectMs += t1 - frameStart;
        maxFaces = Math.max(maxFaces, faces.length);
        const face = largest(faces);
        if (face) {
          lastFace = { ...face.box, frameWidth: canvas.width, frameHeight: canvas.height };
          // This frame's windows of the face, one batch; the frame counts as their mean.
          const cut = cropFace(ctx.getImageData(0, 0, canvas.width, canvas.height), face.box, CONTRACT);
          const { mean, sd } = grayLevels(cut);
          levels.mean += mean;
          levels.sd += sd;
          const crops = frameViews(cut, used, CONTRACT);
          const [probs] = await model.predict([crops], user);
          probs.forEach((p, i) => (sums[i] += p));
          if (withFeature) {
            const [f] = await model.embed([crops]);
            featureSum = featureSum ? featureSum.map((v, i) => v + f[i]) : f;
          }
          classifyMs += performance.now() - t1;
          used++;
          onFrame?.({ framesDone: k + 1, frames, ...averaged(sums, used) });
        }
        if (k < frames - 1) await new Promise((r) => setTimeout(r, Math.max(0, FRAME_GAP_MS - (performance.now() - frameStart))));
      }
    });
  } catch (e) {
    if (e instanceof CheckFailure) return { ok: false, error: e.detail };
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
  if (used === 0) return { ok: false, error: { code: 'no-face', message: 'No face was found. Face the camera in good light and try again.' } };
  const { probabilities, mood } = averaged(sums, used);
  const light = poorLight({ mean: levels.mean / used, sd: levels.sd / used }, CONTRACT);
  return {
    ok: true,
    result: {
      mood,
      probabilities,
      faces: maxFaces,
      framesUsed: used,
      backend: backend!,
      requestedBackend: wanted,
      timings: { totalMs: performance.now() - t0, cameraMs, detectMsPerFrame: detectMs / frames, classifyMsPerFrame: classifyMs / used, coldStart: cold },
      documentId: DOCUMENT_ID,
      calibrated: calibrationKind(user, MOODS),
      ...(light ? { light } : {}),
      ...(featureSum ? { feature: featureSum.map((v) => v / used) } : {}),
      at: Date.now(),
    },
  };
}
