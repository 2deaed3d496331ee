/** npm run eval-calibration: does calibrating to a person's face help? Measured on faces-posed through the
 * product's face path (BlazeFace's boxes from the real extension, the product's crop, the shipped CNN in
 * TF.js), with settings tuned on persons 01-14 and figures reported for persons 15-30 only.
 *
 * Two protocols, each rotating over the person's photos: "neutral" calibrates on one neutral photo and scores
 * all the person's other photos; "four moods" calibrates on one photo of each mood (10 seeded draws per
 * person) and scores the rest. Methods on the CNN's penultimate features f (the global average pool before
 * the last, linear layer W f + b):
 *   - logit offset (measured before): the neutral photo's logits moved onto the average neutral face's;
 *   - feature shift: f + a (m - f_n), m the mean feature of FER2013's neutral training faces, f_n the user's;
 *   - prototypes (four moods): the model's log-probabilities plus w times log-softmax(t cos(f, f_c)) over the
 *     user's calibration photos f_c.
 * The settings chosen on persons 01-14 and m are written to models/emotion/calibration.json, which the
 * extension uses (src/model/calibration.ts): rerun this after the model changes.
 *   npm run eval-calibration   (needs a built dist/, ../shared/data/faces-posed and fer2013) */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { calibratedLogProbs, headLogProbs, type CalibrationParams, type Head, type UserFaces } from '../src/model/calibration';
import { calibrationParts, loadEmotionModel } from '../src/model/emotion-model';
import { frameViews } from '../src/model/face-crop';
import { CONTRACT, MOODS } from '../src/model/contract';
import { readMoodSplit } from './lib/fer2013';
import { MODEL_DIR, modelFiles } from './lib/model-files';
import { posedBoxes, posedFaces, productCrops, type PosedFace } from './lib/posed';

type Vec = Float32Array;
const NEUTRAL = MOODS.indexOf('neutral');

interface Net {
  features(faces: Uint8Array[]): Promise<Vec[]>;
  heads: Head[];
}

/** Features of frame 0's first window of each face, identity view: every net of the model sees it. */
async function loadNet(): Promise<Net> {
  const net = await tf.loadLayersModel(modelFiles());
  const { heads } = calibrationParts(net);
  const model = await loadEmotionModel(net, { ...CONTRACT, testTimeAugmentation: ['identity'] });
  return {
    async features(faces) {
      const out: Vec[] = [];
      for (let i = 0; i < faces.length; i += 128) {
        const rows = await model.embed(faces.slice(i, i + 128).map((f) => [frameViews(f, 0, CONTRACT)[0]]));
        out.push(...rows.map((r) => Float32Array.from(r)));
      }
      return out;
    },
    heads,
  };
}

const argmax = (z: number[]) => z.reduce((bi, v, i) => (v > z[bi] ? i : bi), 0);

interface Person {
  feats: Vec[];
  moods: number[];
}

function people(faces: PosedFace[], feats: Array<Vec | null>): Person[] {
  const by = new Map<number, Person>();
  faces.forEach((f, i) => {
    if (!feats[i]) return; // no face found: nothing to calibrate or score
    const p = by.get(f.person) ?? { feats: [], moods: [] };
    p.feats.push(feats[i]!);
    p.moods.push(f.mood);
    by.set(f.person, p);
  });
  return [...by.values()];
}

/** Calibration draws of one person: indices of the calibration photos, the rest are scored. */
function draws(p: Person, protocol: 'neutral' | 'four'): number[][] {
  if (protocol === 'neutral') return p.moods.flatMap((m, i) => (m === NEUTRAL ? [[i]] : []));
  let seed = 7 + p.feats.length;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: 10 }, () =>
    MOODS.map((_, c) => {
      const of = p.moods.flatMap((m, i) => (m === c ? [i] : []));
      return of[Math.floor(rand() * of.length)];
    }),
  );
}

type Method = (net: Net, calib: { feats: Vec[]; moods: number[] }, f: Vec) => number;

function score(net: Net, persons: Person[], protocol: 'neutral' | 'four', method: Method): { acc: number; recall: number[]; n: number } {
  const hit = MOODS.map(() => 0);
  const seen = MOODS.map(() => 0);
  for (const p of persons) {
    for (const d of draws(p, protocol)) {
      const calib = { feats: d.map((i) => p.feats[i]), moods: d.map((i) => p.moods[i]) };
      p.feats.forEach((f, i) => {
        if (d.includes(i)) return;
        seen[p.moods[i]]++;
        if (method(net, calib, f) === p.moods[i]) hit[p.moods[i]]++;
      });
    }
  }
  const n = seen.reduce((a, b) => a + b, 0);
  return { acc: hit.reduce((a, b) => a + b, 0) / n, recall: hit.map((h, c) => h / seen[c]), n };
}

async function main() {
  await tf.setBackend('wasm');
  const net = await loadNet();
  const fer = readMoodSplit('train');
  const neutralFaces = fer.images.filter((_, i) => fer.labels[i] === NEUTRAL);
  const neutralFeats = await net.features(neutralFaces);
  const m = neutralFeats[0].map((_, k) => neutralFeats.reduce((s, f) => s + f[k], 0) / neutralFeats.length);
  const neutralMean = Array.from(m);
  const meanNeutralLogits = headLogProbs(net.heads, m);

  const sets: Record<'tune' | 'report', Person[]> = { tune: [], report: [] };
  for (const [name, lo, hi] of [['tune', 1, 14], ['report', 15, 30]] as const) {
    const faces = posedFaces(lo, hi);
    const crops = productCrops(faces, await posedBoxes(faces, `${lo}-${hi}`));
    const found = crops.flatMap((c) => (c ? [c] : []));
    const feats = await net.features(found);
    let k = 0;
    sets[name] = people(faces, crops.map((c) => (c ? feats[k++] : null)));
  }

  const userFaces = (c: { feats: Vec[]; moods: number[] }): UserFaces => Object.fromEntries(c.moods.map((mood, i) => [MOODS[mood], Array.from(c.feats[i])]));
  const params = (shift: number, w: number, t: number): CalibrationParams => ({ neutralMean, shift, prototypes: { w, t } });
  const none: Method = (n, _c, f) => argmax(headLogProbs(n.heads, f));
  // The earlier measurement's method (not in the product): the neutral face's logits moved onto the average's.
  const offset: Method = (n, c, f) => {
    const own = headLogProbs(n.heads, c.feats[c.moods.indexOf(NEUTRAL)]);
    return argmax(headLogProbs(n.heads, f).map((z, j) => z + meanNeutralLogits[j] - own[j]));
  };
  // The product's calibration (src/model/calibration.ts), with the user's neutral face or all four.
  const shift = (a: number): Method => (n, c, f) => argmax(calibratedLogProbs(n.heads, f, userFaces(c), MOODS, params(a, 0, 0)));
  const prototypes = (w: number, t: number): Method => (n, c, f) => argmax(calibratedLogProbs(n.heads, f, userFaces(c), MOODS, params(0, w, t)));

  // Settings chosen on persons 01-14 only.
  const best = <T>(options: T[], make: (o: T) => Method, protocol: 'neutral' | 'four') =>
    options.reduce((b, o) => (score(net, sets.tune, protocol, make(o)).acc > score(net, sets.tune, protocol, make(b)).acc ? o : b));
  const a = best([0.25, 0.5, 0.75, 1], shift, 'neutral');
  const [w, t] = best(
    [0.5, 1, 2, 4].flatMap((w) => [5, 10, 20, 40].map((t) => [w, t] as const)),
    ([w, t]) => prototypes(w, t),
    'four',
  );

  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const row = (label: string, protocol: 'neutral' | 'four', method: Method) => {
    const tune = score(net, sets.tune, protocol, method);
    const r = score(net, sets.report, protocol, method);
    console.log(`| ${label} | ${pct(tune.acc)} | ${pct(r.acc)} | ${r.recall.map(pct).join(' | ')} | ${r.n} |`);
    return r.acc;
  };
  console.log(`faces-posed through the product's face path, shipped CNN; tuned on persons 01-14 (feature shift a = ${a}; prototypes w = ${w}, t = ${t})\n`);
  console.log(`| protocol, method | accuracy 01-14 (tuning) | accuracy 15-30 | ${MOODS.map((m) => `${m} recall 15-30`).join(' | ')} | faces scored 15-30 |`);
  console.log(`|---|---|---|${MOODS.map(() => '---|').join('')}---|`);
  const n0 = row('neutral photo: no calibration', 'neutral', none);
  const n1 = row('neutral photo: logit offset', 'neutral', offset);
  const n2 = row(`neutral photo: feature shift (a ${a})`, 'neutral', shift(a));
  const f0 = row('one photo per mood: no calibration', 'four', none);
  const f1 = row(`one photo per mood: prototypes (w ${w}, t ${t})`, 'four', prototypes(w, t));
  console.log(`\ngain on persons 15-30 of the product's calibration (settings from 01-14): neutral photo ${pct(n2 - n0)} points (the logit offset: ${pct(n1 - n0)}); one photo per mood ${pct(f1 - f0)} points`);
  const out = join(MODEL_DIR, 'calibration.json');
  writeFileSync(out, JSON.stringify(params(a, w, t)) + '\n');
  console.log(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
