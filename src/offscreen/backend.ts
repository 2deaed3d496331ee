/** Picks the TF.js backend: each candidate is set and then made to compute, because setBackend can succeed
 * on a backend whose first kernel still fails (WebGPU without an adapter, WebGL without a context). */
import browser from 'webextension-polyfill';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { Backend } from '../shared/messages';
import { BACKENDS } from '../shared/messages';

// Extension pages are not cross-origin isolated: threaded wasm would spawn workers that cannot load.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
setWasmPaths(browser.runtime.getURL('wasm/tfjs/'));

/** Returns why the backend cannot be used, or undefined when it computes correctly. */
async function failure(name: Backend): Promise<string | undefined> {
  try {
    if (!(await tf.setBackend(name))) return 'not available';
    await tf.ready();
    const probe = tf.tidy(() => tf.conv2d(tf.ones([1, 4, 4, 1]) as tf.Tensor4D, tf.ones([3, 3, 1, 1]) as tf.Tensor4D, 1, 'same').sum());
    const v = (await probe.data())[0];
    probe.dispose();
    return v === 100 ? undefined : `computed ${v} instead of 100`; // 4 corners x4 + 8 edge cells x6 + 4 inner x9
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** True when WebGL would be drawn by a CPU rasteriser (SwiftShader, llvmpipe): measured here, a small CNN
 * takes ~260 ms per face there against ~25 ms on wasm, so it is only used when asked for by name. */
function softwareWebgl(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? String(gl!.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
  return /swiftshader|llvmpipe|software/i.test(renderer);
}

/** Returns the backend now in use: the forced one, or the first that works in the order webgpu, webgl, wasm, cpu. */
export async function chooseBackend(wanted: Backend | 'auto'): Promise<Backend> {
  const order = wanted === 'auto' ? BACKENDS : [wanted, ...BACKENDS.filter((b) => b !== wanted)];
  const reasons: string[] = [];
  for (const name of order) {
    if (tf.getBackend() === name) return name;
    const why = name === 'webgl' && wanted !== 'webgl' && softwareWebgl() ? 'software rendering only (slower than wasm)' : await failure(name);
    if (!why) return name;
    console.warn(`TF.js backend ${name} unusable: ${why}`);
    reasons.push(`${name}: ${why}`);
  }
  throw new Error(`no TF.js backend works here (${reasons.join('; ')})`);
}
