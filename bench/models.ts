/** The three emotion models side by side in Chromium: FER2013 4-mood test accuracy, and ms per face on each
 * TF.js backend this machine has. Serves bench/page with Vite's dev server (nothing of this ships). */
import { availableParallelism } from 'node:os';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM, ROOT } from '../scripts/lib/browser';
import { FER_DIR } from '../scripts/lib/fer2013';
import { classificationReport } from '../scripts/lib/metrics';
import { MOODS } from '../src/model/contract';
import type { Bench } from './page/main';
import type { Row } from './table';

const BACKENDS = ['wasm', 'cpu', 'webgl', 'webgpu'];
// Fewer timed runs where a face takes long (cpu, and webgl on a software GPU).
const REPS: Record<string, number> = { wasm: 50, cpu: 10, webgl: 10, webgpu: 50 };

export interface ModelBench {
  accuracy: Row[];
  speed: Row[];
  renderers: { webgl: string; webgpu: string };
}

type Call = <K extends keyof Bench>(k: K, ...args: Parameters<Bench[K]>) => Promise<Awaited<ReturnType<Bench[K]>>>;

/** Opens the benchmark page (the three models, on TF.js) in Chromium, once per browser context asked for (each
 * its own renderer process, so that pages compute on separate cores), and hands fn a way to call into each. */
export async function withBenchPages<T>(log: (line: string) => void, count: number, fn: (calls: Call[]) => Promise<T>): Promise<T> {
  const server = await createServer({ root: ROOT, configFile: false, logLevel: 'warn', server: { port: 0, fs: { allow: [ROOT, FER_DIR] } } });
  await server.listen();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--enable-unsafe-webgpu'] });
  try {
    const calls = await Promise.all(
      Array.from({ length: count }, async (): Promise<Call> => {
        const page = await (await browser.newContext()).newPage();
        page.on('pageerror', (e) => log(`page error: ${e.message}`));
        await page.goto(new URL('bench/page/index.html', server.resolvedUrls!.local[0]).href);
        await page.waitForFunction(() => 'bench' in globalThis, null, { timeout: 120_000 });
        return (k, ...args) =>
          page.evaluate(([k, args]) => ((globalThis as unknown as { bench: Bench }).bench[k] as (...a: unknown[]) => unknown)(...args), [k, args] as const) as never;
      }),
    );
    return await fn(calls);
  } finally {
    await browser.close();
    await server.close();
  }
}

export const withBenchPage = <T>(log: (line: string) => void, fn: (call: Call) => Promise<T>): Promise<T> =>
  withBenchPages(log, 1, ([call]) => fn(call));

/** Accuracy, macro F1 and the recall of each mood, one row per model. */
export function accuracyRows(labels: number[], preds: Record<string, number[]>): Row[] {
  return Object.entries(preds).map(([name, p]) => {
    const r = classificationReport(labels, p, MOODS.length);
    return [name, r.accuracy.toFixed(4), r.macroF1.toFixed(3), ...r.perClass.map((c) => c.recall.toFixed(3))];
  });
}

/** TF.js's wasm backend runs one thread in a page that is not cross-origin isolated (as the extension's are
 * not), so the test split is shared among pages, one per core; the timings then run on the first page alone (the
 * others sit idle). */
export function modelBench(log: (line: string) => void): Promise<ModelBench> {
  return withBenchPages(log, availableParallelism(), async (calls) => {
    const [call] = calls;
    const faces = await call('loadTest', `/@fs${FER_DIR}`);
    log(`accuracy on ${faces} test faces (wasm, ${calls.length} pages)...`);
    const size = Math.ceil(faces / calls.length);
    const parts = await Promise.all(
      calls.map(async (c, i) => {
        if (i > 0) await c('loadTest', `/@fs${FER_DIR}`);
        if (!(await c('useBackend', 'wasm'))) throw new Error('the wasm backend did not start');
        return c('predictTest', i * size, Math.min(faces, (i + 1) * size));
      }),
    );
    const labels = parts.flatMap((p) => p.labels);
    const preds = Object.fromEntries(Object.keys(parts[0].preds).map((name) => [name, parts.flatMap((p) => p.preds[name])]));
    const accuracy = accuracyRows(labels, preds);

    const speed: Row[] = [];
    for (const backend of BACKENDS) {
      if (!(await call('useBackend', backend))) {
        speed.push([backend, 'not available here', '', '', '']);
        continue;
      }
      log(`ms per face on ${backend}...`);
      const ms = await call('perFaceMs', REPS[backend]);
      const [ours, ...peers] = Object.entries(ms);
      const fastestPeer = Math.min(...peers.map(([, v]) => v));
      speed.push([backend, ...Object.values(ms).map((v) => v.toFixed(1)), `${(ours[1] / fastestPeer).toFixed(2)}`]);
    }
    return { accuracy, speed, renderers: await call('renderers') };
  });
}
