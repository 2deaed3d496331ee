/** The emotion CNN (models/emotion): gray faces in, four mood probabilities out, calibrated to the user's
 * faces when they are given (calibration.ts). One interface, tfjs-models style: load, predict, embed, dispose.
 *
 * The model averages one or more nets (training/export_tfjs.py). Its first input feeds the nets that see
 * every window of a frame; a second input, where there is one, feeds the nets whose views are spread over a
 * check's frames: they see each frame's first window alone, a fraction of their cost. One output per input,
 * the average of its nets. */
import * as tf from '@tensorflow/tfjs';
import { calibratedLogProbs, probabilities, type Head, type UserFaces } from './calibration';
import { CONTRACT, type ModelContract } from './contract';

export interface EmotionModel {
  readonly contract: ModelContract;
  /** faces: each face's windows of one frame, gray images of input height x width, one byte per pixel.
   * Returns a row of probabilities per face, in contract.classes order: each net's mean over the windows it
   * sees and the contract's test-time views, the nets averaged; with user faces, calibrated to them. */
  predict(faces: Uint8Array[][], user?: UserFaces): Promise<number[][]>;
  /** The penultimate features of each face (each net's global pooling, side by side), averaged over the
   * windows and views each net sees: what calibration works on. */
  embed(faces: Uint8Array[][]): Promise<number[][]>;
  dispose(): void;
}

export interface CalibrationParts {
  /** the nets up to their global pooling: an output per model output, its nets' pools side by side */
  body?: tf.LayersModel;
  /** each net's last layer, read once, in the order of body's features */
  heads: Head[];
  /** how many nets each model output averages */
  nets: number[];
}

/** The global pooling a head reads (through the dropout between them), if it reads one. */
function poolBefore(head: tf.layers.Layer): tf.SymbolicTensor | undefined {
  for (let l = head.inboundNodes[0].inboundLayers[0]; l; l = l.inboundNodes[0]?.inboundLayers[0]) {
    if (l.getClassName() === 'GlobalAveragePooling2D') return l.output as tf.SymbolicTensor;
    if (l.getClassName() !== 'Dropout') return undefined;
  }
  return undefined;
}

/** Each output's nets: their last layers, and the body up to their pools. No body for nets without global
 * pooling. */
export function calibrationParts(net: tf.LayersModel): CalibrationParts {
  const groups = net.outputs.map(({ sourceLayer: last }) => (last.getClassName() === 'Average' ? last.inboundNodes[0].inboundLayers : [last]));
  const heads = groups.flat().map((l) => {
    const [W, b] = l.getWeights().map((w) => w.arraySync());
    return { W: W as number[][], b: b as number[] };
  });
  const nets = groups.map((g) => g.length);
  const pools = groups.map((g) => g.map(poolBefore));
  if (pools.flat().some((p) => !p)) return { heads, nets };
  const features = pools.map((p) => (p.length > 1 ? (tf.layers.concatenate().apply(p as tf.SymbolicTensor[]) as tf.SymbolicTensor) : p[0]!));
  return { body: tf.model({ inputs: net.inputs, outputs: features }), heads, nets };
}

/** The mean row of each of n faces in a batch of views x faces x windows rows, in that order. */
function faceMeans(rows: number[][], n: number, views: number): number[][] {
  const windows = rows.length / (views * n);
  const means = Array.from({ length: n }, () => new Array<number>(rows[0].length).fill(0));
  rows.forEach((row, r) => {
    const mean = means[Math.floor(r / windows) % n];
    row.forEach((v, c) => (mean[c] += v / (windows * views)));
  });
  return means;
}

/** modelSource: a URL of model.json, a TF.js IO handler (Node reads files through one), or the model loaded
 * already (disposed with the EmotionModel). */
export async function loadEmotionModel(modelSource: string | tf.io.IOHandler | tf.LayersModel, contract: ModelContract = CONTRACT): Promise<EmotionModel> {
  const net = modelSource instanceof tf.LayersModel ? modelSource : await tf.loadLayersModel(modelSource);
  const { height, width } = contract.input;
  const views = contract.testTimeAugmentation.includes('hflip') ? 2 : 1;
  const { body, heads, nets } = calibrationParts(net);
  const netCount = nets.reduce((a, b) => a + b, 0);

  /** One batch per model input: every window of every face (a second input: each face's first window), then
   * their mirror images, so that one pass carries both views. */
  const batches = (faces: Uint8Array[][]) =>
    tf.tidy(() =>
      [faces.flat(), faces.map((w) => w[0])].slice(0, net.inputs.length).map((images) => {
        const pixels = new Float32Array(images.length * height * width);
        images.forEach((f, i) => pixels.set(f, i * height * width));
        const x = tf.tensor4d(pixels, [images.length, height, width, 1]).div(255);
        return views === 2 ? tf.concat([x, tf.reverse(x, 2)]) : x;
      }),
    );
  /** Each output of m for the faces, as the mean row of each face. */
  const run = async (m: tf.LayersModel, faces: Uint8Array[][]) => {
    const xs = batches(faces);
    const outs = m.execute(xs, m.outputs.map((o) => o.name)) as tf.Tensor2D[];
    tf.dispose(xs);
    const rows = await Promise.all(outs.map((t) => t.array()));
    tf.dispose(outs);
    return rows.map((r) => faceMeans(r, faces.length, views));
  };
  const features = async (faces: Uint8Array[][]) => {
    if (!body) throw new Error('this model has no global pooling layer to calibrate on');
    const parts = await run(body, faces);
    return faces.map((_, i) => parts.flatMap((p) => p[i]));
  };

  return {
    contract,
    async predict(faces, user) {
      if (faces.length === 0) return [];
      if (user) return (await features(faces)).map((f) => probabilities(calibratedLogProbs(heads, f, user, contract.classes)));
      const outputs = await run(net, faces);
      return faces.map((_, i) => contract.classes.map((_, c) => outputs.reduce((s, out, g) => s + (out[i][c] * nets[g]) / netCount, 0)));
    },
    async embed(faces) {
      return faces.length ? features(faces) : [];
    },
    dispose() {
      net.dispose();
    },
  };
}
