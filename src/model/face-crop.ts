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

/** Gray face of the contract's input size, bilinear-sampled; pixels outside the frame repeat its edge. */
export function cropFace(frame: Rgba, box: Box, contract: ModelContract): Uint8Array {
  const { width: ow, height: oh } = contract.input;
  const { r, g, b } = contract.crop.grayscale;
  const region = cropRegion(box, contract.crop);
  const gray = (x: number, y: number) => {
    const i = 4 * (Math.min(frame.height - 1, Math.max(0, y)) * frame.width + Math.min(frame.width - 1, Math.max(0, x)));
    return r * frame.data[i] + g * frame.data[i + 1] + b * frame.data[i + 2];
  };
  const out = new Uint8Array(ow * oh);
  for (let j = 0; j < oh; j++) {
    const sy = region.y + ((j + 0.5) * region.height) / oh - 0.5;
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let i = 0; i < ow; i++) {
      const sx = region.x + ((i + 0.5) * region.width) / ow - 0.5;
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const top = gray(x0, y0) * (1 - fx) + gray(x0 + 1, y0) * fx;
      const bottom = gray(x0, y0 + 1) * (1 - fx) + gray(x0 + 1, y0 + 1) * fx;
      out[j * ow + i] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return out;
}

export function largest<T extends { box: Box }>(faces: T[]): T | undefined {
  return faces.reduce<T | undefined>((best, f) => (!best || f.box.width * f.box.height > best.box.width * best.box.height ? f : best), undefined);
}
