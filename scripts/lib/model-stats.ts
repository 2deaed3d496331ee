/** Size and cost of a layers model: parameters and multiply-adds per image, read off its layers. */
import type * as tf from '@tensorflow/tfjs';

export function multiplyAdds(net: tf.LayersModel): number {
  let total = 0;
  for (const layer of net.layers) {
    const cls = layer.getClassName();
    const out = layer.outputShape as number[];
    const weights = layer.getWeights();
    if (cls === 'Conv2D' || cls === 'DepthwiseConv2D') {
      // kernel [kh, kw, in, out]: one multiply-add per kernel element per output position
      const kernelSize = weights[0].shape.reduce((a, b) => a * b, 1);
      total += out[1] * out[2] * kernelSize;
    } else if (cls === 'Dense') {
      total += weights[0].size;
    }
  }
  return total;
}
