import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationParts, loadEmotionModel, type EmotionModel } from '../../src/model/emotion-model';
import { CALIBRATION, calibratedLogProbs, modelTag, probabilities } from '../../src/model/calibration';
import { checkProbabilities } from '../../src/model/check-average';
import { CONTRACT } from '../../src/model/contract';
import { frameViews } from '../../src/model/face-crop';
import { modelFiles } from '../../scripts/lib/model-files';

// Written by training/export_tfjs.py from the same weights, computed in PyTorch.
const fixture: { classes: string[]; inputs: number[][]; probabilities: number[][] } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/emotion-parity.json'), 'utf8'),
);

// The cpu backend here is the reference on purpose: tfjs-node's "install our node backend" banner is not for us.
tf.env().set('IS_TEST', true);

describe.each(['cpu', 'wasm'])('emotion model on %s', (backend) => {
  let model: EmotionModel;
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    model = await loadEmotionModel(modelFiles(), { ...CONTRACT, testTimeAugmentation: ['identity'] });
  });
  afterAll(() => model.dispose());

  it('matches PyTorch outputs within 1e-4', async () => {
    expect(fixture.classes).toEqual(CONTRACT.classes);
    const probs = await model.predict(fixture.inputs.map((a) => [Uint8Array.from(a)]));
    probs.forEach((row, i) => row.forEach((p, c) => expect(Math.abs(p - fixture.probabilities[i][c])).toBeLessThan(1e-4)));
  });

  it('leaks no tensors across predictions', async () => {
    const face = Uint8Array.from(fixture.inputs[3]);
    await model.predict([[face]]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await model.predict(i % 2 ? [[face, face], [face, face]] : [[face]]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('with the mirror view in the contract, averages the face and its mirror image, leaking nothing', async () => {
    const mirrored = await loadEmotionModel(modelFiles(), { ...CONTRACT, testTimeAugmentation: ['identity', 'hflip'] });
    const { width } = CONTRACT.input;
    const face = Uint8Array.from(fixture.inputs[3]);
    const mirror = face.map((_, i) => {
      const col = i % width;
      return face[i - col + width - 1 - col];
    });
    const [both] = await mirrored.predict([[face]]);
    const [plain, flipped] = await model.predict([[face], [mirror]]);
    both.forEach((p, c) => expect(Math.abs(p - (plain[c] + flipped[c]) / 2)).toBeLessThan(1e-5));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await mirrored.predict([[face, face]]);
    expect(tf.memory().numTensors).toBe(before);
    mirrored.dispose();
  });
});

describe('calibration to a user\'s faces', () => {
  let model: EmotionModel;
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    model = await loadEmotionModel(modelFiles());
  });
  afterAll(() => model.dispose());

  it('embeds faces as the penultimate features and leaks no tensors, calibrated or not', async () => {
    const faces = fixture.inputs.slice(3, 7).map((a) => [Uint8Array.from(a)]);
    const feats = await model.embed(faces);
    expect(feats).toHaveLength(4);
    expect(feats[0].length).toBe(CALIBRATION.neutralMean.length); // each net's pooled features, side by side
    const user = Object.fromEntries(CONTRACT.classes.map((m, i) => [m, feats[i]]));
    await model.predict(faces, user);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      await model.embed(faces);
      await model.predict(faces, user);
      await model.predict(faces, { neutral: feats[2] });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names a model anew when any of its nets changes, so faces captured with another are not used', () => {
    const mean = CALIBRATION.neutralMean;
    const lastNetChanged = [...mean.slice(0, -1), mean[mean.length - 1] + 0.01];
    const netAdded = [...mean, ...mean.slice(0, 8)];
    expect(modelTag([...mean])).toBe(modelTag(mean));
    expect(new Set([modelTag(mean), modelTag(lastNetChanged), modelTag(netAdded), modelTag(mean.slice(0, -8))]).size).toBe(4);
  });

  it("moves a face towards the mood of the user's own face that it matches", async () => {
    const faces = fixture.inputs.slice(3, 7).map((a) => [Uint8Array.from(a)]);
    const feats = await model.embed(faces);
    const user = Object.fromEntries(CONTRACT.classes.map((m, i) => [m, feats[i]]));
    const [plain] = await model.predict([faces[0]]);
    const [calibrated] = await model.predict([faces[0]], user);
    expect(calibrated.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(calibrated[0]).toBeGreaterThan(plain[0]); // faces[0] is the user's "angry" face here
  });
});

it('calibrates a model averaging two nets on both nets\' pools and heads, as the model averages them', async () => {
  await tf.setBackend('cpu');
  // The export's layout of an average of nets (training/export_tfjs.py: functional): branches from one input,
  // each ending in global pooling and a softmax head, then an Average layer.
  const input = tf.input({ shape: [8, 8, 1] });
  const branch = (filters: number) => {
    const conv = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: 'randomNormal' }).apply(input);
    const pool = tf.layers.globalAveragePooling2d({}).apply(conv);
    return tf.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: 'randomNormal', biasInitializer: 'randomNormal' }).apply(pool) as tf.SymbolicTensor;
  };
  const net = tf.model({ inputs: input, outputs: tf.layers.average().apply([branch(3), branch(5)]) as tf.SymbolicTensor });
  const { body, heads } = calibrationParts(net);
  expect(heads.map((h) => h.W.length)).toEqual([3, 5]);
  const x = tf.randomUniform([2, 8, 8, 1]);
  const feats = (body!.predict(x) as tf.Tensor).arraySync() as number[][];
  const probs = (net.predict(x) as tf.Tensor).arraySync() as number[][];
  feats.forEach((f, i) => {
    expect(f).toHaveLength(8);
    probabilities(calibratedLogProbs(heads, f, undefined, CONTRACT.classes)).forEach((p, c) => expect(p).toBeCloseTo(probs[i][c], 5));
  });
  const user = { neutral: feats[1] };
  const params = { neutralMean: feats[0], shift: 1, prototypes: { w: 0, t: 0 } };
  // Shifted all the way onto the mean neutral face, a face that is the user's neutral one reads as that face.
  probabilities(calibratedLogProbs(heads, feats[1], user, CONTRACT.classes, params)).forEach((p, c) => expect(p).toBeCloseTo(probs[0][c], 5));
  tf.dispose([x]);
  net.dispose(); // the body's layers are the net's
});

it("feeds a spread net each face's first window only, and weighs the model's nets alike", async () => {
  await tf.setBackend('cpu');
  // The export's layout with a spread net (training/export_tfjs.py --spread): two nets on every window from
  // input_1, averaged; one net on each frame's first window from input_2.
  const side = 8;
  const inputs = [tf.input({ shape: [side, side, 1] }), tf.input({ shape: [side, side, 1] })];
  const branch = (input: tf.SymbolicTensor, filters: number) => {
    const conv = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: 'heNormal' }).apply(input);
    const pool = tf.layers.globalAveragePooling2d({}).apply(conv);
    const drop = tf.layers.dropout({ rate: 0.3 }).apply(pool);
    const head = tf.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: 'heNormal' });
    return { out: head.apply(drop) as tf.SymbolicTensor, net: tf.model({ inputs: input, outputs: head.apply(drop) as tf.SymbolicTensor }) };
  };
  const [a, b, w] = [branch(inputs[0], 3), branch(inputs[0], 5), branch(inputs[1], 6)];
  const net = tf.model({ inputs, outputs: [tf.layers.average().apply([a.out, b.out]) as tf.SymbolicTensor, w.out] });
  expect(calibrationParts(net).nets).toEqual([2, 1]);
  let saved: tf.io.ModelArtifacts | undefined;
  await net.save(tf.io.withSaveHandler(async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  const contract = { ...CONTRACT, input: { height: side, width: side, channels: 1 as const }, testTimeAugmentation: ['identity', 'hflip'] as Array<'identity' | 'hflip'> };
  const model = await loadEmotionModel(tf.io.fromMemory(saved!), contract);

  // Two faces of three windows each; every net read one image at a time, plainly and mirrored.
  const image = (seed: number) => Uint8Array.from({ length: side * side }, (_, i) => (i * seed + 17 * seed) % 256);
  const dark = new Uint8Array(side * side);
  const faces = [[image(3), dark, image(7)], [dark, image(13), image(19)]];
  const alone = (m: tf.LayersModel, img: Uint8Array) =>
    tf.tidy(() => {
      const x = tf.tensor4d(Float32Array.from(img), [1, side, side, 1]).div(255);
      return (m.predict(tf.concat([x, tf.reverse(x, 2)])) as tf.Tensor).mean(0).arraySync() as number[];
    });
  const mean = (rows: number[][]) => rows[0].map((_, c) => rows.reduce((s, r) => s + r[c], 0) / rows.length);
  const expected = faces.map((windows) => {
    const every = [a.net, b.net].map((m) => mean(windows.map((img) => alone(m, img))));
    return mean([...every, alone(w.net, windows[0])]);
  });
  const got = await model.predict(faces);
  got.forEach((row, i) => row.forEach((p, c) => expect(p).toBeCloseTo(expected[i][c], 5)));
  // Had the spread net seen every window, the answer would differ: the test tells the two apart.
  const unspread = faces.map((windows) => mean([a.net, b.net, w.net].map((m) => mean(windows.map((img) => alone(m, img))))));
  expect(Math.max(...got[0].map((p, c) => Math.abs(p - unspread[0][c])))).toBeGreaterThan(1e-4);

  const feats = await model.embed(faces);
  expect(feats[0]).toHaveLength(3 + 5 + 6);
  const before = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) {
    await model.predict(faces);
    await model.predict(faces, { neutral: feats[1] });
    await model.embed(faces);
  }
  expect(tf.memory().numTensors).toBe(before);
  model.dispose();
  net.dispose();
});

it('frees every tensor on dispose', async () => {
  await tf.setBackend('cpu');
  const before = tf.memory().numTensors;
  const model = await loadEmotionModel(modelFiles());
  await model.predict([[new Uint8Array(CONTRACT.input.width * CONTRACT.input.height)]]);
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
});

it("averages a check's frames, each frame's windows weighted by the frames that take them", async () => {
  await tf.setBackend('wasm');
  const { width } = CONTRACT.input;
  // A face larger than the input; each frame a crop position of the crop protocol in the face as cut and in the
  // face resampled 4 px larger.
  const side = width + 8;
  const spots: Array<[number, number]> = [[4, 4], [0, 0], [8, 0], [0, 8], [8, 8]];
  const frameCrops = spots.map(([x, y]) => [[x, y, side], [x + 1, y + 1, side + 4]] as Array<[number, number, number]>);
  const contract = { ...CONTRACT, faceSize: side, frameCrops };
  const model = await loadEmotionModel(modelFiles(), contract);
  const face = Uint8Array.from({ length: side * side }, (_, i) => (i * 37 + ((i / side) | 0) * 11) % 256);
  const views = await Promise.all([0, 1, 2, 3, 4].map(async (k) => (await model.predict([frameViews(face, k, contract)]))[0]));
  // Seven frames: frames 0 and 1's windows are seen twice, the rest once.
  const weights = [2, 2, 1, 1, 1];
  const [check] = await checkProbabilities(model, [face], 7);
  check.forEach((p, c) => expect(p).toBeCloseTo(views.reduce((s, row, k) => s + (weights[k] * row[c]) / 7, 0), 6));
  expect(views[0]).not.toEqual(views[1]); // the positions do differ, so the weights are tested
  const [one] = await checkProbabilities(model, [face], 1);
  one.forEach((p, c) => expect(p).toBeCloseTo(views[0][c], 6));
  model.dispose();
});
