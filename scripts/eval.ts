/** npm run eval: the shipped model on the FER2013 4-class test split, in TF.js under Node, beside the paper. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadEmotionModel } from '../src/model/emotion-model';
import { MOODS } from '../src/model/contract';
import { readMoodSplit } from './lib/fer2013';
import { argmax, classificationReport } from './lib/metrics';
import { modelFiles, weightBytes } from './lib/model-files';
import { multiplyAdds } from './lib/model-stats';

const PAPER = { accuracy: 0.7723, precision: 0.773, recall: 0.772, f1: 0.771, params: 1_371_300 };
const pct = (x: number) => (100 * x).toFixed(2).padStart(6);

async function main() {
  const backend = process.env.TFJS_BACKEND ?? 'wasm';
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} is not available`);
  const test = readMoodSplit('test');
  const model = await loadEmotionModel(modelFiles());
  const net = await tf.loadLayersModel(modelFiles());

  const batch = 256;
  const preds: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < test.images.length; i += batch) {
    (await model.predict(test.images.slice(i, i + batch))).forEach((row) => preds.push(argmax(row)));
  }
  const seconds = (performance.now() - t0) / 1000;
  const r = classificationReport(test.labels, preds, MOODS.length);
  const macs = multiplyAdds(net);

  console.log(`FER2013 test, 4 moods: ${test.images.length} images; TF.js ${tf.version.tfjs} backend ${tf.getBackend()}; test-time ${model.contract.testTimeAugmentation.join('+')}`);
  console.log(`\nclass      precision  recall     F1   support`);
  r.perClass.forEach((c, i) => console.log(`${MOODS[i].padEnd(9)} ${pct(c.precision)}  ${pct(c.recall)} ${pct(c.f1)}   ${c.support}`));
  console.log(`\naccuracy ${pct(r.accuracy)}   macro F1 ${pct(r.macroF1)}`);
  console.log(`\nconfusion (rows true, columns predicted: ${MOODS.join(', ')})`);
  r.confusion.forEach((row, i) => console.log(`${MOODS[i].padEnd(9)} ${row.map((n) => String(n).padStart(6)).join('')}`));
  console.log(`\nparameters ${net.countParams()}; ${(macs / 1e6).toFixed(1)} M multiply-adds = ${((2 * macs) / 1e6).toFixed(1)} MFLOPs per image (x${model.contract.testTimeAugmentation.length} with test-time views); weights ${weightBytes()} bytes`);
  console.log(`throughput ${(test.images.length / seconds).toFixed(0)} images/s (batch ${batch}, all views)`);
  console.log(`\n| model | accuracy | macro precision | macro recall | macro F1 | parameters |`);
  console.log(`|---|---|---|---|---|---|`);
  console.log(`| paper (reported) | ${PAPER.accuracy.toFixed(4)} | ${PAPER.precision.toFixed(3)} | ${PAPER.recall.toFixed(3)} | ${PAPER.f1.toFixed(3)} | ${PAPER.params.toLocaleString('en')} |`);
  console.log(`| mood-dj (shipped) | ${r.accuracy.toFixed(4)} | ${r.macroPrecision.toFixed(3)} | ${r.macroRecall.toFixed(3)} | ${r.macroF1.toFixed(3)} | ${net.countParams().toLocaleString('en')} |`);
  model.dispose();
  net.dispose();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
