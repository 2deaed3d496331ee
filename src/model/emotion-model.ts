/** The emotion CNN (models/emotion): 48x48 gray faces in, four mood probabilities out.
 * One interface, tfjs-models style: load, predict, dispose. */
import * as tf from '@tensorflow/tfjs';
import { CONTRACT, type ModelContract } from './contract';

export interface EmotionModel {
  readonly contract: ModelContract;
  /** faces: N gray images of input height x width, one byte per pixel. Returns N rows of probabilities in contract.classes order. */
  predict(faces: Uint8Array[]): Promise<number[][]>;
  dispose(): void;
}

/** modelSource: a URL of model.json or a TF.js IO handler (Node reads files through one). */
export async function loadEmotionModel(modelSource: string | tf.io.IOHandler, contract: ModelContract = CONTRACT): Promise<EmotionModel> {
  const net = await tf.loadLayersModel(modelSource);
  const { height, width } = contract.input;
  const flip = contract.testTimeAugmentation.includes('hflip');

  return {
    contract,
    async predict(faces) {
      if (faces.length === 0) return [];
      const probs = tf.tidy(() => {
        const pixels = new Float32Array(faces.length * height * width);
        faces.forEach((f, i) => pixels.set(f, i * height * width));
        const x = tf.tensor4d(pixels, [faces.length, height, width, 1]).div(255);
        if (!flip) return net.predict(x) as tf.Tensor2D;
        // Test-time flip: faces are near-symmetric, so averaging both views is a cheap ensemble. Both views
        // go through in one batch: one pass of per-layer overhead instead of two.
        const both = net.predict(tf.concat([x, tf.reverse(x, 2)])) as tf.Tensor2D;
        const [p, q] = tf.split(both, 2);
        return p.add(q).div(2);
      });
      const rows = (await probs.array()) as number[][];
      probs.dispose();
      return rows;
    },
    dispose() {
      net.dispose();
    },
  };
}
