/** Cuts the model's input from a camera frame and a detector box, as the contract says. */
import type { ModelContract } from './contract';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Rgba {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/** The box grown by the margin on each side and, if asked, made square around its centre. */
export function cropRegion(box: Box, crop: ModelContract['crop']): Box {
  let w = box.width * (1 + 2 * crop.margin);
  let h = box.height * (1 + 2 * crop.margin);
  if (crop.square) w = h = Math.max(w, h);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height * (0.5 + crop.offsetY);
  return { x: cx - w / 2, y: cy - h / 2, width: w, height: h };
}

/** Source pixels and weights of each output pixel along one axis. An output pixel wider than a source pixel
 * averages every source pixel it covers, by the share it covers (area averaging, as FER2013's faces were
 * shrunk: a webcam face is 5-10 times the model's size, and sampling four pixels of it aliases); narrower
 * ones interpolate linearly. Positions outside 0..limit-1 repeat the edge. */
function axisTaps(start: number, size: number, n: number, limit: number): Array<{ idx: number[]; w: number[] }> {
  const step = size / n;
  const clamp = (k: number) => Math.min(limit - 1, Math.max(0, k));
  return Array.from({ length: n }, (_, i) => {
    const a = start + i * step;
    const b = a + step;
    if (step <= 1) {
      const c = (a + b) / 2 - 0.5;
      const k = Math.floor(c);
      return { idx: [clamp(k), clamp(k + 1)], w: [1 - (c - k), c - k] };
    }
    const idx: number[] = [];
    const w: number[] = [];
    for (let k = Math.floor(a); k < b; k++) {
      idx.push(clamp(k));
      w.push((Math.min(b, k + 1) - Math.max(a, k)) / step);
    }
    return { idx, w };
  });
}

/** Gray face of the contract's face size (its input size unless it says otherwise), area-averaged from the
 * frame (see axisTaps). */
export function cropFace(frame: Rgba, box: Box, contract: ModelContract): Uint8Array {
  const ow = contract.faceSize ?? contract.input.width;
  const oh = contract.faceSize ?? contract.input.height;
  const { r, g, b } = contract.crop.grayscale;
  const region = cropRegion(box, contract.crop);
  const xs = axisTaps(region.x, region.width, ow, frame.width);
  const ys = axisTaps(region.y, region.height, oh, frame.height);
  // Horizontal pass once per source row that any output row uses, then the vertical pass.
  const rows = new Map<number, Float32Array>();
  const row = (y: number) => {
    let out = rows.get(y);
    if (!out) {
      out = new Float32Array(ow);
      const base = y * frame.width;
      for (let i = 0; i < ow; i++) {
        let sum = 0;
        const { idx, w } = xs[i];
        for (let t = 0; t < idx.length; t++) {
          const p = 4 * (base + idx[t]);
          sum += w[t] * (r * frame.data[p] + g * frame.data[p + 1] + b * frame.data[p + 2]);
        }
        out[i] = sum;
      }
      rows.set(y, out);
    }
    return out;
  };
  const out = new Uint8Array(ow * oh);
  for (let j = 0; j < oh; j++) {
    const { idx, w } = ys[j];
    const acc = new Float32Array(ow);
    for (let t = 0; t < idx.length; t++) {
      const src = row(idx[t]);
      for (let i = 0; i < ow; i++) acc[i] += w[t] * src[i];
    }
    for (let i = 0; i < ow; i++) out[j * ow + i] = Math.round(acc[i]);
  }
  return out;
}

/** The model's input for the k-th frame of a check: the face itself, or the window at the contract's k-th
 * crop position (cycling through them). */
export function frameView(face: Uint8Array, k: number, contract: ModelContract): Uint8Array {
  const crops = contract.frameCrops;
  if (!crops?.length || !contract.faceSize) return face;
  const [x0, y0] = crops[k % crops.length];
  const { width: w, height: h } = contract.input;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) out.set(face.subarray((y0 + y) * contract.faceSize + x0, (y0 + y) * contract.faceSize + x0 + w), y * w);
  return out;
}

export function largest<T extends { box: Box }>(faces: T[]): T | undefined {
  return faces.reduce<T | undefined>((best, f) => (!best || f.box.width * f.box.height > best.box.width * best.box.height ? f : best), undefined);
}
