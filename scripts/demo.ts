/** npm run demo [-- PHOTO]: builds the extension, runs it in headless Chromium with PHOTO as the webcam,
 * opens the popup, prints the mood it shows and saves a screenshot. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchExtension, ROOT } from './lib/browser';
import { popupRuns } from './lib/popup-runs';

const photo = resolve(process.argv[2] ?? join(ROOT, 'tests/fixtures/faces/happy.jpg'));
const screenshot = resolve(process.env.SCREENSHOT ?? 'demo-popup.png');
// BACKEND=wasm (or webgl, webgpu, cpu) forces a TF.js backend as the options page does; default: automatic.
const backend = process.env.BACKEND;

async function main() {
  if (!existsSync(photo)) throw new Error(`no such photo: ${photo}`);
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const session = await launchExtension({ photo, grantCamera: true });
  try {
    if (backend) await session.setSettings({ backend });
    for (const { run, ms, firstMs, result, page } of await popupRuns(session)) {
      const t = result.timings;
      console.log(`\n${run}: mood ${result.mood} (${(100 * result.probabilities[result.mood]).toFixed(1)}%), popup open to first mood ${firstMs.toFixed(0)} ms, to final mood ${ms.toFixed(0)} ms`);
      console.log(`  probabilities ${Object.entries(result.probabilities).map(([m, p]) => `${m} ${p.toFixed(3)}`).join(', ')}`);
      console.log(`  backend ${result.backend}; check ${t.totalMs.toFixed(0)} ms (camera start ${t.cameraMs.toFixed(0)} ms); per frame: detect ${t.detectMsPerFrame.toFixed(1)} ms, classify ${t.classifyMsPerFrame.toFixed(1)} ms; ${result.framesUsed} frames, ${result.faces} face(s)`);
      if (run === 'warm') await page.screenshot({ path: screenshot });
      await page.close();
    }
    console.log(`\nphoto ${photo}\nscreenshot ${screenshot}`);
  } finally {
    await session.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
