// face-api's library-free ESM build runs on the page's own TF.js, but its bundled types carry a private copy
// of TF.js's, which TypeScript will not mix with ours: the few parts used here, typed against ours.
declare module '@vladmandic/face-api/dist/face-api.esm-nobundle.js' {
  import type * as tf from '@tensorflow/tfjs';
  export class NetInput {
    constructor(inputs: tf.Tensor3D[]);
  }
  export class FaceExpressionNet {
    loadFromWeightMap(weights: tf.NamedTensorMap): void;
    forwardInput(input: NetInput): tf.Tensor2D;
    dispose(): void;
  }
}
