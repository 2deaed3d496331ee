/** Long use: 500 mood checks in a row on one offscreen document, with tensors and JS heap measured. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launchExtension, ROOT } from '../../scripts/lib/browser';
import { soak, SOAK_ARGS } from '../../scripts/lib/soak';

const CHECKS = 500;

it(`${CHECKS} checks in a row: every one answers, no tensor is left behind, the heap stays flat`, { timeout: 900_000 }, async () => {
  const s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), grantCamera: true, args: SOAK_ARGS });
  try {
    const { before, after, moods, failures } = await soak(s, CHECKS);
    console.log(`soak: ${CHECKS} checks, tensors ${before.numTensors} -> ${after.numTensors}, JS heap ${(before.jsHeapBytes / 1e6).toFixed(1)} -> ${(after.jsHeapBytes / 1e6).toFixed(1)} MB, moods ${JSON.stringify(moods)}`);
    expect(failures).toBe(0);
    expect(after.documentId).toBe(before.documentId);
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.liveTracks).toBe(0);
    expect(after.jsHeapBytes - before.jsHeapBytes).toBeLessThan(5e6);
    expect(moods.happy).toBe(CHECKS);
  } finally {
    await s.close();
  }
});
