/** Measures where BlazeFace puts its box on FER2013 training faces, to set the contract's crop margin so that
 * a webcam crop is framed like the faces the CNN learnt from. Each face is scaled to 480x480 and shown to the
 * fake webcam in a 640x480 frame, as the demo does with photos.
 *   npx tsx scripts/calibrate-crop.ts [N]   (needs ../shared/data/fer2013 and a built dist/) */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchExtension } from './lib/browser';
import { readMoodSplit } from './lib/fer2013';

const n = Number(process.argv[2] ?? 60);
const train = readMoodSplit('train');
const dir = mkdtempSync(join(tmpdir(), 'calibrate-'));
const pgm = (pixels: Uint8Array) => Buffer.concat([Buffer.from('P5\n48 48\n255\n'), pixels]);

const first = join(dir, 'face.pgm');
writeFileSync(first, pgm(train.images[0]));
const s = await launchExtension({ photo: first, grantCamera: true });
await s.setSettings({ backend: 'wasm', framesPerCheck: 1 });
const margins: number[] = [];
const shifts: number[] = [];
try {
  for (let k = 0; k < n; k++) {
    const i = Math.floor((k * train.images.length) / n);
    writeFileSync(first, pgm(train.images[i]));
    s.setPhoto(first);
    const outcome = await s.ask({ type: 'check-mood' });
    if (!outcome.ok) continue;
    const d = await s.diagnostics();
    const box = d.lastFace!;
    // The face image fills the square x 80..560, y 0..480 of the frame.
    margins.push((480 / Math.max(box.width, box.height) - 1) / 2);
    shifts.push((240 - (box.y + box.height / 2)) / box.height);
  }
} finally {
  await s.close();
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`faces found in ${margins.length} of ${n} training images`);
console.log(`margin per side: median ${median(margins).toFixed(3)}; centre of the face image below the box centre by ${median(shifts).toFixed(3)} box heights`);
