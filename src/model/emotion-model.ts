/** The emotion CNN (models/emotion): gray faces in, four mood probabilities out, calibrated to the user's
 * faces when they are given (calibration.ts). One interface, tfjs-models style: load, predict, embed, dispose. */
import * as tf from '@tensorflow/tfjs';
import { calibratedLogProbs, probabilities, type Head, type UserFaces } from './calibration';
import { CONTRACT, type ModelContract } from './contract';

export interface EmotionModel {
  readonly contract: ModelContract;
  /** faces: N gray images of input height x width, one byte per pixel. Returns N rows of probabilities in
   * contract.classes order, over the contract's test-time views; with user faces, calibrated to them. */
  predict(faces: Uint8Array[], user?: UserFaces): Promise<number[][]>;
  /** The penultimate features of each face (the global pooling before the last layer), for calibration. */
  embed(faces: Uint8Array[]): Promise<number[][]>;
  dispose(): void;
}

/** The net up to its global pooling (each member's pool side by side, for a model averaging several nets) and
 * each member's last layer, read once: what calibration works on. No body for a net without global pooling. */
export function calibrationParts(net: tf.LayersModel): { body?: tf.LayersModel; heads: Head[] } {
  const pools = net.layers.filter((l) => l.getClassName() === 'GlobalAveragePooling2D');
  const outputs = pools.map((l) => l.output as tf.SymbolicTensor);
  const last = net.layers.at(-1)!;
  const denses = last.getClassName() === 'Average' ? last.inboundNodes[0].inboundLayers : [last];
  const heads = denses.map((l) => {
    const [W, b] = l.getWeights().map((w) => w.arraySync());
    return { W: W as number[][], b: b as number[] };
  });
  if (!pools.length) return { heads };
  const features = outputs.length > 1 ? (tf.layers.concatenate().apply(outputs) as tf.SymbolicTensor) : outputs[0];
  return { body: tf.model({ inputs: net.inputs, outputs: features }), heads };
}

/** modelSource: a URL of model.json or a TF.js IO handler (Node reads files through one). */
export async function loadEmotionModel(modelSource: string | tf.io.IOHandler, contract: ModelContract = CONTRACT): Promise<EmotionModel> {
  const net = await tf.loadLayersModel(modelSource);
  const { height, width } = contract.input;
  const flip = contract.testTimeAugmentation.includes('hflip');
  const { body, heads } = calibrationParts(net);

  const batch = (faces: Uint8Array[]) =>
    tf.tidy(() => {
      const pixels = new Float32Array(faces.length * height * width);
      faces.forEach((f, i) => pixels.set(f, i * height * width));
      const x = tf.tensor4d(pixels, [faces.length, height, width, 1]).div(255);
      // Test-time flip: both views in one batch, one pass of per-layer overhead instead of two.
      return flip ? tf.concat([x, tf.reverse(x, 2)]) : x;
    });
  const rows = async (t: tf.Tensor2D) => {
    const out = (await t.array()) as number[][];
    t.dispose();
    return out;
  };
  const features = async (faces: Uint8Array[]) => {
    if (!body) throw new Error('this model has no global pooling layer to calibrate on');
    const x = batch(faces);
    const f = body.predict(x) as tf.Tensor2D;
    x.dispose();
    return rows(f);
  };
  /** Mean over the views of each face: rows [views * N] in view-major order. */
  const perFace = (all: number[][], n: number) => all.slice(0, n).map((r, i) => (flip ? r.map((v, c) => (v + all[n + i][c]) / 2) : r));

  return {
    contract,
    async predict(faces, user) {
      if (faces.length === 0) return [];
      if (user) return perFace((await features(faces)).map((f) => probabilities(calibratedLogProbs(heads, f, user, contract.classes))), faces.length);
      const x = batch(faces);
      const probs = net.predict(x) as tf.Tensor2D;
      x.dispose();
      return perFace(await rows(probs), faces.length);
    },
    async embed(faces) {
      return faces.length ? perFace(await features(faces), faces.length) : [];
    },
    dispose() {
      net.dispose();
    },
  };
}
