/** The three emotion models the benchmark compares, behind one interface: 48x48 gray FER2013 faces in,
 * probabilities of mood-dj's four moods out. Each peer gets the input its own library prepares; the four
 * moods are read out of a peer's seven classes by keeping those four probabilities and renormalising them
 * (what mood-dj does with its own 7-class head). Runs in the benchmark page in Chromium. */
import * as tf from '@tensorflow/tfjs';
import * as faceapi from '@vladmandic/face-api/dist/face-api.esm-nobundle.js';
import { checkProbabilities } from '../src/model/check-average';
import { loadEmotionModel } from '../src/model/emotion-model';
import { frameViews } from '../src/model/face-crop';
import { Settings } from '../src/shared/settings-schema';
import { MOODS } from '../src/model/contract';

export interface FaceModel {
  name: string;
  /** faces: 48x48 gray bytes. Returns one row per face: probabilities in MOODS order (for mood-dj, what one
   * check of that face computes over its frames). */
  predictMoods(faces: Uint8Array[]): Promise<number[][]>;
  /** The work of one camera frame, where a check takes several (timed by the bench); else predictMoods. */
  frameMoods?(faces: Uint8Array[]): Promise<number[][]>;
  dispose(): void;
}

const SIDE = 48;

/** The peer's probabilities of MOODS, picked by its own class names and renormalised. */
function readMoods(probs7: tf.Tensor2D, classes: string[]): tf.Tensor2D {
  const picked = tf.gather(probs7, MOODS.map((m) => classes.indexOf(m)), 1);
  return tf.div(picked, tf.sum(picked, 1, true));
}

function grayBatch(faces: Uint8Array[]): tf.Tensor4D {
  const pixels = new Float32Array(faces.length * SIDE * SIDE);
  faces.forEach((f, i) => pixels.set(f, i * SIDE * SIDE));
  return tf.tensor4d(pixels, [faces.length, SIDE, SIDE, 1]);
}

async function rows(t: tf.Tensor2D): Promise<number[][]> {
  const out = (await t.array()) as number[][];
  t.dispose();
  return out;
}

async function moodDj(base: string): Promise<FaceModel> {
  const model = await loadEmotionModel(`${base}/models/emotion/model.json`);
  // A face as one check of a still face sees it (every frame its own windows, views averaged).
  const frames = Settings.parse({}).framesPerCheck;
  return {
    name: 'mood-dj',
    predictMoods: (faces) => checkProbabilities(model, faces, frames),
    frameMoods: (faces) => model.predict(faces.map((f) => frameViews(f, 0, model.contract))),
    dispose: () => model.dispose(),
  };
}

/** @vladmandic/human's emotion model (oarriaga/face_classification): 64x64 gray scaled to [-1, 1],
 * as human's src/gear/emotion.ts prepares it. */
async function humanEmotion(base: string): Promise<FaceModel> {
  const net = await tf.loadGraphModel(`${base}/bench/peers/human-emotion/emotion.json`);
  const classes = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];
  return {
    name: 'human emotion',
    predictMoods: (faces) =>
      rows(
        tf.tidy(() => {
          const x = tf.image.resizeBilinear(grayBatch(faces), [64, 64]).div(255).sub(0.5).mul(2);
          return readMoods(net.execute(x) as tf.Tensor2D, classes);
        }),
      ),
    dispose: () => net.dispose(),
  };
}

/** face-api's FaceExpressionNet: the library's own forward pass (RGB, resized to 112x112 and mean-subtracted
 * inside it); a gray face is given as three equal channels. */
async function faceApiExpression(base: string): Promise<FaceModel> {
  const dir = `${base}/bench/peers/face-api-expression`;
  const manifest: tf.io.WeightsManifestConfig = await (await fetch(`${dir}/face_expression_model-weights_manifest.json`)).json();
  const buffers = await Promise.all(manifest[0].paths.map(async (p) => (await fetch(`${dir}/${p}`)).arrayBuffer()));
  const net = new faceapi.FaceExpressionNet();
  net.loadFromWeightMap(tf.io.decodeWeights(tf.io.concatenateArrayBuffers(buffers), manifest[0].weights));
  const classes = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];
  return {
    name: 'face-api expression',
    async predictMoods(faces) {
      const rgb = tf.tidy(() => tf.unstack(tf.tile(grayBatch(faces), [1, 1, 1, 3])) as tf.Tensor3D[]);
      const input = new faceapi.NetInput(rgb);
      const out = tf.tidy(() => readMoods(net.forwardInput(input), classes));
      tf.dispose(rgb);
      return rows(out);
    },
    dispose: () => net.dispose(),
  };
}

export async function loadFaceModels(base: string): Promise<FaceModel[]> {
  return Promise.all([moodDj(base), humanEmotion(base), faceApiExpression(base)]);
}
