/** npm run demo [-- PHOTO]: builds the extension, runs it in headless Chromium with PHOTO as the webcam,
 * opens the popup, prints the mood it shows and saves a screenshot. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchExtension, ROOT } from './lib/browser';
import { popupRuns } from './lib/popup-runs';
import { BACKENDS } from '../src/shared/messages';

const photo = resolve(process.argv[2] ?? join(ROOT, 'tests/fixtures/faces/happy.jpg'));
const screenshot = resolve(process.env.SCREENSHOT ?? 'demo-popup.png');
// BACKEND=wasm (or webgl, webgpu, cpu) forces a TF.js backend as the options page does; default: automatic.
const backend = process.env.BACKEND;

/** Reads the photo once with ffmpeg, so that a file that is not an image fails here in one line. */
function checkPhoto(): void {
  if (!existsSync(photo)) throw new Error(`No such photo: ${photo}`);
  try {
    execFileSync('ffmpeg', ['-loglevel', 'quiet', '-i', photo, '-frames:v', '1', '-f', 'null', '-'], { stdio: 'ignore' });
  } catch {
    throw new Error(`Not an image ffmpeg can read: ${photo}. Give a JPEG or PNG photo of a face.`);
  }
}

async function main() {
  if (backend && backend !== 'auto' && !(BACKENDS as readonly string[]).includes(backend))
    throw new Error(`Unknown BACKEND "${backend}": use one of ${BACKENDS.join(', ')} (or leave it unset for automatic).`);
  checkPhoto();
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const session = await launchExtension({ photo, grantCamera: true });
  try {
    if (backend) await session.setSettings({ backend });
    for (const { run, ms, firstMs, result, page } of await popupRuns(session)) {
      const t = result.timings;
      console.log(`\n${run}: mood ${result.mood} (${(100 * result.probabilities[result.mood]).toFixed(1)}%), popup open to first mood ${firstMs.toFixed(0)} ms, to final mood ${ms.toFixed(0)} ms`);
      console.log(`  probabilities ${Object.entries(result.probabilities).map(([m, p]) => `${m} ${p.toFixed(3)}`).join(', ')}`);
      if (backend && backend !== result.backend) console.log(`  BACKEND=${backend} is not available here: ${result.backend} ran instead`);
      console.log(`  backend ${result.backend}; check ${t.totalMs.toFixed(0)} ms (camera start ${t.cameraMs.toFixed(0)} ms); per frame: detect ${t.detectMsPerFrame.toFixed(1)} ms, classify ${t.classifyMsPerFrame.toFixed(1)} ms; ${result.framesUsed} frames, ${result.faces} face(s)`);
      if (run === 'warm') await page.screenshot({ path: screenshot, fullPage: true }); // the whole popup, however tall
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
