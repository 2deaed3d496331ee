/** npm run eval: the shipped model on the FER2013 4-class test split, in TF.js under Node, beside the paper.
 * The figure counts what the product computes for one check of each face: every frame of a check (the
 * settings' default, 5) takes the contract's windows for that frame, each with its test-time views, and the frames'
 * probabilities are averaged; the single pass (frame 0's first window, no mirror view) is printed beside it.
 * MODEL_DIR=dir evaluates another export. */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadEmotionModel } from '../src/model/emotion-model';
import { MOODS, windowsPerFrame } from '../src/model/contract';
import { checkPositions, checkProbabilities } from '../src/model/check-average';
import { frameViews } from '../src/model/face-crop';
import { Settings } from '../src/shared/settings-schema';
import { readMoodSplit } from './lib/fer2013';
import { argmax, classificationReport } from './lib/metrics';
import { modelContract, modelFiles, weightBytes } from './lib/model-files';
import { multiplyAdds } from './lib/model-stats';

const PAPER = { accuracy: 0.7723, precision: 0.773, recall: 0.772, f1: 0.771, params: 1_371_300 };
const pct = (x: number) => (100 * x).toFixed(2).padStart(6);

interface Predicted {
  preds: number[];
  singlePreds: number[];
}

/** One check's and the single pass's predicted mood for test faces [from, to); tells the parent process after
 * each batch how many faces it has read. */
async function predictRange(from: number, to: number): Promise<Predicted> {
  const faces = readMoodSplit('test').images.slice(from, to);
  const contract = modelContract();
  const model = await loadEmotionModel(modelFiles(), contract);
  const single = await loadEmotionModel(modelFiles(), { ...contract, testTimeAugmentation: ['identity'] });
  const frames = Settings.parse({}).framesPerCheck;
  const batch = 256;
  const preds: number[] = [];
  const singlePreds: number[] = [];
  for (let i = 0; i < faces.length; i += batch) {
    const part = faces.slice(i, i + batch);
    (await checkProbabilities(model, part, frames)).forEach((row) => preds.push(argmax(row)));
    (await single.predict(part.map((f) => [frameViews(f, 0, contract)[0]]))).forEach((row) => singlePreds.push(argmax(row)));
    process.send!({ read: part.length });
  }
  model.dispose();
  single.dispose();
  return { preds, singlePreds };
}

/** TF.js's wasm backend runs one thread under Node, so the test split is shared among processes (EVAL_WORKERS,
 * default one per core), each running this script on its part (EVAL_RANGE=from,to). Progress goes to stderr. */
function predictShared(count: number): Promise<Predicted[]> {
  const workers = Math.max(1, Number(process.env.EVAL_WORKERS ?? availableParallelism()));
  const size = Math.ceil(count / workers);
  let read = 0;
  return Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const range = `${w * size},${Math.min(count, (w + 1) * size)}`;
      const child = fork(process.argv[1], [], { env: { ...process.env, EVAL_RANGE: range } });
      return new Promise<Predicted>((done, fail) => {
        child.on('message', (m: { read: number } | Predicted) => {
          if (!('read' in m)) return done(m);
          read += m.read;
          process.stderr.write(`\r${read} of ${count} faces read`);
          if (read === count) process.stderr.write('\n');
        });
        child.once('exit', (code) => code && fail(new Error(`the evaluation of faces ${range} stopped (exit code ${code})`)));
      });
    }),
  );
}

async function main() {
  const backend = process.env.TFJS_BACKEND ?? 'wasm';
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} is not available`);
  if (process.env.EVAL_RANGE) {
    const [from, to] = process.env.EVAL_RANGE.split(',').map(Number);
    process.send!(await predictRange(from, to));
    return;
  }
  const test = readMoodSplit('test');
  const contract = modelContract();
  const net = await tf.loadLayersModel(modelFiles());
  const frames = Settings.parse({}).framesPerCheck;
  const positions = checkPositions(contract, frames);
  const t0 = performance.now();
  const parts = await predictShared(test.images.length);
  const preds = parts.flatMap((p) => p.preds);
  const singlePreds = parts.flatMap((p) => p.singlePreds);
  const seconds = (performance.now() - t0) / 1000;
  const r = classificationReport(test.labels, preds, MOODS.length);
  const one = classificationReport(test.labels, singlePreds, MOODS.length);
  const views = contract.testTimeAugmentation.join('+');
  // Per frame: the nets on the first input see every window, those on a second input (spread) the first alone.
  const passes = (g: number) => (g === 0 ? windowsPerFrame(contract) : 1) * contract.testTimeAugmentation.length;
  const macs = net.outputs.reduce((sum, out, g) => sum + multiplyAdds(tf.model({ inputs: net.inputs[g], outputs: out })) * passes(g), 0);

  console.log(`FER2013 test, 4 moods: ${test.images.length} images; TF.js ${tf.version.tfjs} backend ${tf.getBackend()}`);
  console.log(
    `one check of each face: ${frames} frames, ${contract.frameCrops ? `${positions} frames' windows of the ${contract.faceSize} px face (x,y in the face resampled to side: ${contract.frameCrops.map((w) => w.map(([x, y, side]) => `${x},${y} of ${side}`).join(' + ')).join('; ')})` : 'the whole face'}, views ${views} per window`,
  );
  console.log(`\nclass      precision  recall     F1   support`);
  r.perClass.forEach((c, i) => console.log(`${MOODS[i].padEnd(9)} ${pct(c.precision)}  ${pct(c.recall)} ${pct(c.f1)}   ${c.support}`));
  console.log(`\naccuracy ${pct(r.accuracy)}   macro F1 ${pct(r.macroF1)}   (one check)`);
  console.log(`accuracy ${pct(one.accuracy)}   macro F1 ${pct(one.macroF1)}   (single pass: frame 0's first window, identity view)`);
  console.log(`\nconfusion (rows true, columns predicted: ${MOODS.join(', ')})`);
  r.confusion.forEach((row, i) => console.log(`${MOODS[i].padEnd(9)} ${row.map((n) => String(n).padStart(6)).join('')}`));
  console.log(`\nparameters ${net.countParams()}; ${(macs / 1e6).toFixed(1)} M multiply-adds = ${((2 * macs) / 1e6).toFixed(1)} MFLOPs per frame (${net.outputs.map((_, g) => passes(g)).join(' + ')} passes: windows x views); weights ${weightBytes()} bytes`);
  console.log(`throughput ${(test.images.length / seconds).toFixed(0)} images/s (${parts.length} processes, all views)`);
  console.log(`\n| model | accuracy | macro precision | macro recall | macro F1 | parameters |`);
  console.log(`|---|---|---|---|---|---|`);
  console.log(`| paper (reported) | ${PAPER.accuracy.toFixed(4)} | ${PAPER.precision.toFixed(3)} | ${PAPER.recall.toFixed(3)} | ${PAPER.f1.toFixed(3)} | ${PAPER.params.toLocaleString('en')} |`);
  console.log(`| mood-dj (shipped) | ${r.accuracy.toFixed(4)} | ${r.macroPrecision.toFixed(3)} | ${r.macroRecall.toFixed(3)} | ${r.macroF1.toFixed(3)} | ${net.countParams().toLocaleString('en')} |`);
  net.dispose();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
