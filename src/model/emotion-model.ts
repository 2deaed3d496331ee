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

/** modelSource: a URL of model.json or a TF.js IO handler (Node reads files through one). */
export async function loadEmotionModel(modelSource: string | tf.io.IOHandler, contract: ModelContract = CONTRACT): Promise<EmotionModel> {
  const net = await tf.loadLayersModel(modelSource);
  const { height, width } = contract.input;
  const flip = contract.testTimeAugmentation.includes('hflip');
  // The same weights up to the global pooling; the last layer's W and b read once, for calibrated heads.
  const pool = net.layers.find((l) => l.getClassName() === 'GlobalAveragePooling2D');
  const body = pool && tf.model({ inputs: net.inputs, outputs: pool.output as tf.SymbolicTensor });
  const [W, b] = net.layers.at(-1)!.getWeights().map((w) => w.arraySync());
  const head: Head = { W: W as number[][], b: b as number[] };

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
      if (user) return perFace((await features(faces)).map((f) => probabilities(calibratedLogProbs(head, f, user, contract.classes))), faces.length);
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
