/** The benchmark page: loads the three models on one TF.js backend and measures them on the FER2013
 * test split, driven by bench/run.ts through window.bench. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadFaceModels, type FaceModel } from '../face-models';
import { moodSplit, type MoodSplit } from '../../scripts/lib/fer-moods';

setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');

/** A file's bytes; gzip is undone here unless the server already sent it as Content-Encoding (Vite does). */
async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

let models: FaceModel[] = [];
let test: MoodSplit;

/** Each model's predicted mood (index of the largest probability) for every face, in order. */
async function predictAll(faces: Uint8Array[], batch = 64): Promise<Record<string, number[]>> {
  const preds: Record<string, number[]> = {};
  for (const m of models) {
    preds[m.name] = [];
    for (let i = 0; i < faces.length; i += batch) {
      for (const row of await m.predictMoods(faces.slice(i, i + batch))) preds[m.name].push(row.indexOf(Math.max(...row)));
    }
  }
  return preds;
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

const bench = {
  /** Switches backend and (re)loads the models; false when the backend is not available here. */
  async useBackend(name: string): Promise<boolean> {
    models.forEach((m) => m.dispose());
    models = [];
    if (!(await tf.setBackend(name).catch(() => false))) return false;
    await tf.ready();
    models = await loadFaceModels(location.origin);
    return true;
  },
  async loadTest(ferUrl: string): Promise<number> {
    test = moodSplit(await fetchBytes(`${ferUrl}/test-images.u8.gz`), await fetchBytes(`${ferUrl}/test-labels.u8`), 'test');
    return test.images.length;
  },
  /** Each model's predicted mood for test faces [from, to), in split order, with their labels. */
  async predictTest(from: number, to: number): Promise<{ labels: number[]; preds: Record<string, number[]> }> {
    return { labels: test.labels.slice(from, to), preds: await predictAll(test.images.slice(from, to)) };
  },
  /** Each model's predicted mood for the given 48x48 gray faces (crops made elsewhere, as the product makes them). */
  predictFaces: (faces: number[][]) => predictAll(faces.map((f) => Uint8Array.from(f))),
  /** Median ms for one face through each model (preparation, inference and reading the result back; for
   * mood-dj one frame of a check),
   * models taking turns so that machine noise falls on all of them alike. */
  async perFaceMs(reps: number, warmup = 3): Promise<Record<string, number>> {
    const times: Record<string, number[]> = Object.fromEntries(models.map((m) => [m.name, []]));
    for (let r = -warmup; r < reps; r++) {
      for (const m of models) {
        const face = test.images[(r + warmup) % test.images.length];
        const t0 = performance.now();
        await (m.frameMoods ?? m.predictMoods)([face]);
        if (r >= 0) times[m.name].push(performance.now() - t0);
      }
    }
    return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  },
  /** What renders WebGL and WebGPU here: on this machine they are software (SwiftShader), not a GPU. */
  async renderers(): Promise<{ webgl: string; webgpu: string }> {
    const gl = document.createElement('canvas').getContext('webgl2');
    const adapter = await navigator.gpu?.requestAdapter();
    const info = (adapter as { info?: { vendor: string; architecture: string; description: string; isFallbackAdapter?: boolean } } | null | undefined)?.info;
    return {
      webgl: gl ? String(gl.getParameter(gl.getExtension('WEBGL_debug_renderer_info')?.UNMASKED_RENDERER_WEBGL ?? gl.RENDERER)) : 'none',
      webgpu: info ? [info.vendor, info.architecture, info.description, info.isFallbackAdapter ? 'fallback adapter' : ''].filter(Boolean).join(' ') : 'none',
    };
  },
  backend: () => tf.getBackend(),
};

Object.assign(globalThis, { bench });
export type Bench = typeof bench;
