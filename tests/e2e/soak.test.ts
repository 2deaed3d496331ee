/** Long use: 500 mood checks in a row on one offscreen document, with tensors and JS heap measured. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launchExtension, ROOT } from '../../scripts/lib/browser';

const CHECKS = 500;

it(`${CHECKS} checks in a row: every one answers, no tensor is left behind, the heap stays flat`, { timeout: 900_000 }, async () => {
  const s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), grantCamera: true, args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] });
  try {
    await s.setSettings({ backend: 'wasm', framesPerCheck: 1 });
    for (let i = 0; i < 20; i++) expect((await s.ask({ type: 'check-mood' })).ok).toBe(true); // warm up
    const before = await s.diagnostics();
    const moods = new Map<string, number>();
    for (let i = 0; i < CHECKS; i++) {
      const outcome = await s.ask({ type: 'check-mood' });
      expect(outcome.ok).toBe(true);
      moods.set(outcome.result.mood, (moods.get(outcome.result.mood) ?? 0) + 1);
    }
    const after = await s.diagnostics();
    console.log(`soak: ${CHECKS} checks, tensors ${before.numTensors} -> ${after.numTensors}, JS heap ${(before.jsHeapBytes / 1e6).toFixed(1)} -> ${(after.jsHeapBytes / 1e6).toFixed(1)} MB, moods ${JSON.stringify(Object.fromEntries(moods))}`);
    expect(after.documentId).toBe(before.documentId);
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.liveTracks).toBe(0);
    expect(after.jsHeapBytes - before.jsHeapBytes).toBeLessThan(5e6);
    expect(moods.get('happy')).toBe(CHECKS);
  } finally {
    await s.close();
  }
});
