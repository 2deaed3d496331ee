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

type Taps = ReturnType<typeof axisTaps>;

/** Gray image of xs.length x ys.length px, each output pixel the taps' weighted sum of pixel(x, y): the
 * horizontal pass once per source row that any output row uses, then the vertical pass. */
function resampled(xs: Taps, ys: Taps, pixel: (x: number, y: number) => number): Uint8Array {
  const ow = xs.length;
  const rows = new Map<number, Float32Array>();
  const row = (y: number) => {
    let out = rows.get(y);
    if (!out) {
      out = new Float32Array(ow);
      for (let i = 0; i < ow; i++) {
        let sum = 0;
        const { idx, w } = xs[i];
        for (let t = 0; t < idx.length; t++) sum += w[t] * pixel(idx[t], y);
        out[i] = sum;
      }
      rows.set(y, out);
    }
    return out;
  };
  const out = new Uint8Array(ow * ys.length);
  ys.forEach(({ idx, w }, j) => {
    const acc = new Float32Array(ow);
    for (let t = 0; t < idx.length; t++) {
      const src = row(idx[t]);
      for (let i = 0; i < ow; i++) acc[i] += w[t] * src[i];
    }
    for (let i = 0; i < ow; i++) out[j * ow + i] = Math.round(acc[i]);
  });
  return out;
}

/** Gray face of the contract's face size (its input size unless it says otherwise), area-averaged from the
 * frame (see axisTaps). */
export function cropFace(frame: Rgba, box: Box, contract: ModelContract): Uint8Array {
  const ow = contract.faceSize ?? contract.input.width;
  const oh = contract.faceSize ?? contract.input.height;
  const { r, g, b } = contract.crop.grayscale;
  const region = cropRegion(box, contract.crop);
  const { data, width } = frame;
  return resampled(axisTaps(region.x, region.width, ow, frame.width), axisTaps(region.y, region.height, oh, frame.height), (x, y) => {
    const p = 4 * (y * width + x);
    return r * data[p] + g * data[p + 1] + b * data[p + 2];
  });
}

/** A square gray face of `from` px resampled to `side` px the same way (area-averaged down, linear up). */
export function resizedFace(face: Uint8Array, from: number, side: number): Uint8Array {
  if (side === from) return face;
  const taps = axisTaps(0, from, side, from);
  return resampled(taps, taps, (x, y) => face[y * from + x]);
}

/** The model's inputs for the k-th frame of a check: the face itself, or the contract's windows for frame k
 * (cycling through its frames), each cut at [x, y] from the face resampled to its side. */
export function frameViews(face: Uint8Array, k: number, contract: ModelContract): Uint8Array[] {
  const frames = contract.frameCrops;
  const faceSize = contract.faceSize;
  if (!frames?.length || !faceSize) return [face];
  const { width: w, height: h } = contract.input;
  return frames[k % frames.length].map(([x0, y0, side]) => {
    const src = resizedFace(face, faceSize, side);
    const out = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) out.set(src.subarray((y0 + y) * side + x0, (y0 + y) * side + x0 + w), y * w);
    return out;
  });
}

export function largest<T extends { box: Box }>(faces: T[]): T | undefined {
  return faces.reduce<T | undefined>((best, f) => (!best || f.box.width * f.box.height > best.box.width * best.box.height ? f : best), undefined);
}
