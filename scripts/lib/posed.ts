/** ../shared/data/faces-posed (see its README): the photos of the four moods, and their run through the real
 * extension (the fake webcam shows each photo; a check finds the face with BlazeFace and reads the mood). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT, MOODS } from '../../src/model/contract';
import { cropFace, type Box } from '../../src/model/face-crop';
import { launchExtension, photoFrame, ROOT } from './browser';

export const POSED_DIR = process.env.POSED_DIR ?? join(ROOT, '..', 'shared', 'data', 'faces-posed');

export interface PosedFace {
  file: string;
  person: number;
  mood: number;
}

/** The four-mood photos of persons lo..hi from the set's index.csv. */
export function posedFaces(lo: number, hi: number): PosedFace[] {
  const [head, ...lines] = readFileSync(join(POSED_DIR, 'index.csv'), 'utf8').trim().split('\n');
  const col = head.split(',');
  return lines
    .map((l) => Object.fromEntries(l.split(',').map((v, i) => [col[i], v])))
    .map((r) => ({ file: join(POSED_DIR, 'images', r.file), person: Number(r.person), mood: MOODS.indexOf(r.expression as never) }))
    .filter((f) => f.mood >= 0 && f.person >= lo && f.person <= hi);
}

export interface ExtensionRun {
  /** the mood index the extension showed, -1 where it found no face */
  preds: number[];
  /** the face box the check used, in camera-frame pixels */
  boxes: Array<Box | null>;
}

/** Each photo through the extension, one check each (as the popup asks for one). */
export async function throughExtension(faces: PosedFace[]): Promise<ExtensionRun> {
  const s = await launchExtension({ photo: faces[0].file, grantCamera: true });
  await s.setSettings({ backend: 'wasm' });
  const run: ExtensionRun = { preds: [], boxes: [] };
  const t0 = performance.now();
  try {
    for (const [k, f] of faces.entries()) {
      s.setPhoto(f.file);
      const outcome = await s.ask({ type: 'check-mood' });
      run.preds.push(outcome.ok ? MOODS.indexOf(outcome.result.mood) : -1);
      run.boxes.push(outcome.ok ? ((await s.diagnostics()).lastFace ?? null) : null);
      if ((k + 1) % 50 === 0) console.error(`${k + 1} / ${faces.length} faces, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    await s.close();
  }
  return run;
}

/** BlazeFace's boxes of these photos, from .bench/ when an earlier run left them (they depend on the photos
 * and the detector only, not on the emotion model). */
export async function posedBoxes(faces: PosedFace[], name: string): Promise<Array<Box | null>> {
  const cache = join(ROOT, '.bench', `posed-boxes-${name}.json`);
  if (existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, 'utf8')) as { files: string[]; boxes: Array<Box | null> };
    if (cached.files.join() === faces.map((f) => f.file).join()) return cached.boxes;
  }
  const { boxes } = await throughExtension(faces);
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(cache, JSON.stringify({ files: faces.map((f) => f.file), boxes }));
  return boxes;
}

/** The product's crops of the photos at the given boxes (frame rebuilt with ffmpeg); null where no face. */
export function productCrops(faces: PosedFace[], boxes: Array<Box | null>): Array<Uint8Array | null> {
  return faces.map((f, i) => (boxes[i] ? cropFace(photoFrame(f.file), boxes[i]!, CONTRACT) : null));
}
