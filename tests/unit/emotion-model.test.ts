import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEmotionModel, type EmotionModel } from '../../src/model/emotion-model';
import { CONTRACT } from '../../src/model/contract';
import { modelFiles } from '../../scripts/lib/model-files';

// Written by training/export_tfjs.py from the same weights, computed in PyTorch.
const fixture: { classes: string[]; inputs: number[][]; probabilities: number[][] } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/emotion-parity.json'), 'utf8'),
);

describe.each(['cpu', 'wasm'])('emotion model on %s', (backend) => {
  let model: EmotionModel;
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    model = await loadEmotionModel(modelFiles(), { ...CONTRACT, testTimeAugmentation: ['identity'] });
  });
  afterAll(() => model.dispose());

  it('matches PyTorch outputs within 1e-4', async () => {
    expect(fixture.classes).toEqual(CONTRACT.classes);
    const probs = await model.predict(fixture.inputs.map((a) => Uint8Array.from(a)));
    probs.forEach((row, i) => row.forEach((p, c) => expect(Math.abs(p - fixture.probabilities[i][c])).toBeLessThan(1e-4)));
  });

  it('leaks no tensors across predictions', async () => {
    const face = Uint8Array.from(fixture.inputs[3]);
    await model.predict([face]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await model.predict([face, face]);
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
    const [both] = await mirrored.predict([face]);
    const [plain, flipped] = await model.predict([face, mirror]);
    both.forEach((p, c) => expect(Math.abs(p - (plain[c] + flipped[c]) / 2)).toBeLessThan(1e-5));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await mirrored.predict([face, face]);
    expect(tf.memory().numTensors).toBe(before);
    mirrored.dispose();
  });
});

it('frees every tensor on dispose', async () => {
  await tf.setBackend('cpu');
  const before = tf.memory().numTensors;
  const model = await loadEmotionModel(modelFiles());
  await model.predict([new Uint8Array(48 * 48)]);
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
});
