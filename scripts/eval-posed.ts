/** npm run eval-posed: posed faces of people no model was trained on (../shared/data/faces-posed persons 15-30,
 * the four moods) through the real extension in Chromium: each photo is the fake webcam, and a check runs as
 * the popup's does (BlazeFace, the contract's crop, the CNN, the frames averaged). Prints accuracy and the
 * recall of each mood. With --peers, the two peer models of the bench classify the same faces: each photo's
 * camera frame is rebuilt with ffmpeg and cut by the product's own crop code at the box BlazeFace gave the
 * extension, and the three models run on those crops in the bench page (mood-dj again, as a cross-check).
 *   npm run eval-posed [-- --persons 15-30] [--limit N] [--peers]   (needs a built dist/; POSED_DIR overrides) */
import { parseArgs } from 'node:util';
import { accuracyRows, withBenchPage } from '../bench/models';
import { markdownTable } from '../bench/table';
import { MOODS } from '../src/model/contract';
import { classificationReport } from './lib/metrics';
import type { Box } from '../src/model/face-crop';
import { posedFaces, productCrops, throughExtension, type PosedFace } from './lib/posed';

async function main() {
  const { values } = parseArgs({ options: { persons: { type: 'string', default: '15-30' }, limit: { type: 'string' }, peers: { type: 'boolean', default: false } } });
  const [lo, hi] = values.persons!.split('-').map(Number);
  let faces = posedFaces(lo, hi);
  if (values.limit) faces = faces.filter((_, i) => i % Math.ceil(faces.length / Number(values.limit)) === 0);
  const labels = faces.map((f) => f.mood);
  const { preds, boxes } = await throughExtension(faces);
  const missed = preds.filter((p) => p < 0).length;
  const found = preds.map((p, i) => [labels[i], p]).filter(([, p]) => p >= 0);
  const r = classificationReport(found.map(([y]) => y), found.map(([, p]) => p), MOODS.length);
  const correct = found.filter(([y, p]) => y === p).length;
  console.log(`faces-posed persons ${lo}-${hi}, four moods, through the extension (fake webcam, BlazeFace, contract crop, CNN, frames averaged):`);
  console.log(`${faces.length} photos, no face found in ${missed}`);
  console.log(`accuracy ${(correct / faces.length).toFixed(4)} (${correct} / ${faces.length}); macro F1 ${r.macroF1.toFixed(4)} over the faces found`);
  MOODS.forEach((m, i) => {
    const n = labels.filter((y) => y === i).length;
    const hit = found.filter(([y, p]) => y === i && p === i).length;
    console.log(`  ${m.padEnd(8)} recall ${(hit / n).toFixed(3)} (${hit} / ${n})`);
  });
  console.log(`confusion (rows true, columns predicted: ${MOODS.join(', ')})`);
  r.confusion.forEach((row, i) => console.log(`  ${MOODS[i].padEnd(8)} ${row.map((n) => String(n).padStart(5)).join('')}`));
  if (values.peers) await peers(faces, labels, boxes);
}

/** The three models of the bench on the product's crops of the same faces: each model's predicted mood per
 * face; where BlazeFace found no face, a wrong mood (the product shows no mood then). */
export async function onProductCrops(faces: PosedFace[], labels: number[], boxes: Array<Box | null>): Promise<Record<string, number[]>> {
  const crops = productCrops(faces, boxes).map((c) => (c ? Array.from(c) : new Array<number>(48 * 48).fill(0)));
  const preds = await withBenchPage(console.error, async (call) => {
    if (!(await call('useBackend', 'wasm'))) throw new Error('the wasm backend did not start');
    return call('predictFaces', crops);
  });
  for (const p of Object.values(preds)) boxes.forEach((b, i) => b || (p[i] = wrong(labels[i])));
  return preds;
}

/** A mood other than the label, for faces the product gave no mood. */
export const wrong = (label: number) => (label + 1) % MOODS.length;

async function peers(faces: PosedFace[], labels: number[], boxes: Array<Box | null>) {
  const preds = await onProductCrops(faces, labels, boxes);
  console.log(`\nthe same faces, BlazeFace's boxes and the product's crop, each model (wasm):`);
  console.log(markdownTable(['model', 'accuracy', 'macro F1', ...MOODS.map((m) => `${m} recall`)], accuracyRows(labels, preds)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
