import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import { Resvg } from '@resvg/resvg-js';
import { defineConfig, type Plugin } from 'vite';
import manifest, { ICON_SIZES } from './manifest.config.ts';
import { addMetadata, buildMetadata, SOURCE as FACE_MODEL_SOURCE } from './scripts/build-face-model.ts';

// Some packages do not export package.json; node_modules sits beside this file.
const pkgDir = (name: string) => resolve(import.meta.dirname, 'node_modules', name);

/** Everything the extension loads at run time ships inside it: wasm binaries, the emotion model and the
 * face detector (made loadable by scripts/build-face-model.ts). */
function shipModelsAndWasm(): Plugin {
  const files: Array<[string, () => Buffer | Uint8Array]> = [];
  const dir = (from: string, to: string, keep: (f: string) => boolean = () => true) =>
    readdirSync(from).filter(keep).forEach((f) => files.push([`${to}/${f}`, () => readFileSync(join(from, f))]));
  // Threads stay off in extension pages (not cross-origin isolated), so the threaded build is left out.
  dir(join(pkgDir('@tensorflow/tfjs-backend-wasm'), 'dist'), 'wasm/tfjs', (f) => f.endsWith('.wasm') && !f.includes('threaded'));
  // The classic-script loader is used, SIMD only: every Chrome that runs Manifest V3 has wasm SIMD.
  dir(join(pkgDir('@mediapipe/tasks-vision'), 'wasm'), 'wasm/mediapipe', (f) => !f.includes('_module_') && !f.includes('nosimd'));
  dir(resolve(import.meta.dirname, 'models/emotion'), 'models/emotion', (f) => f === 'model.json' || f.endsWith('.bin'));
  files.push(['data/catalogue.json', () => readFileSync(resolve(import.meta.dirname, 'data/catalogue.json'))]);
  files.push(['models/face/blaze_face_short_range.tflite', () => addMetadata(readFileSync(FACE_MODEL_SOURCE), buildMetadata())]);
  return {
    name: 'mood-dj:ship-models-and-wasm',
    apply: 'build',
    generateBundle() {
      for (const [fileName, read] of files) this.emitFile({ type: 'asset', fileName, source: read() });
    },
  };
}

/** The toolbar and store icons, drawn once as SVG (public/icons/icon.svg) and rendered at each size here. */
function renderIcons(): Plugin {
  const svg = readFileSync(resolve(import.meta.dirname, 'public/icons/icon.svg'));
  return {
    name: 'mood-dj:render-icons',
    apply: 'build',
    generateBundle() {
      for (const size of ICON_SIZES) {
        const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
        this.emitFile({ type: 'asset', fileName: `icons/icon${size}.png`, source: png });
      }
    },
  };
}

export default defineConfig({
  plugins: [crx({ manifest }), shipModelsAndWasm(), renderIcons()],
  build: {
    target: 'chrome120',
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: { offscreen: 'src/offscreen/index.html', welcome: 'src/welcome/index.html' } },
  },
});
