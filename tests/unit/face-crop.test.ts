import { describe, expect, it } from 'vitest';
import { cropFace, cropRegion, frameViews, largest, resizedFace } from '../../src/model/face-crop';
import { CONTRACT } from '../../src/model/contract';

function frame(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([...pixel(x, y), 255], 4 * (y * width + x));
  return { data, width, height };
}

describe('face crop', () => {
  it('grows the box by the margin and squares it around the centre', () => {
    const r = cropRegion({ x: 100, y: 50, width: 80, height: 100 }, { ...CONTRACT.crop, margin: 0.1, offsetY: 0 });
    expect(r.width).toBeCloseTo(120);
    expect(r.height).toBeCloseTo(120);
    expect(r.x + r.width / 2).toBeCloseTo(140);
    expect(r.y + r.height / 2).toBeCloseTo(100);
  });

  it('moves the centre by offsetY box heights', () => {
    const r = cropRegion({ x: 100, y: 50, width: 80, height: 100 }, { ...CONTRACT.crop, margin: 0.1, offsetY: -0.1 });
    expect(r.y + r.height / 2).toBeCloseTo(90);
  });

  it('converts to gray with the contract formula', () => {
    const f = frame(96, 96, () => [200, 100, 50]);
    const face = cropFace(f, { x: 10, y: 10, width: 60, height: 60 }, CONTRACT);
    const { r, g, b } = CONTRACT.crop.grayscale;
    expect(face.length).toBe(48 * 48);
    expect(face.every((v) => v === Math.round(200 * r + 100 * g + 50 * b))).toBe(true);
  });

  it('keeps orientation: the bright left half of the box stays on the left', () => {
    const f = frame(200, 200, (x) => (x < 100 ? [255, 255, 255] : [0, 0, 0]));
    const face = cropFace(f, { x: 60, y: 60, width: 80, height: 80 }, { ...CONTRACT, crop: { ...CONTRACT.crop, margin: 0, offsetY: 0 } });
    expect(face[24 * 48 + 5]).toBe(255);
    expect(face[24 * 48 + 42]).toBe(0);
  });

  it('repeats the frame edge where the grown box leaves the frame', () => {
    const f = frame(50, 50, () => [10, 10, 10]);
    const face = cropFace(f, { x: -20, y: -20, width: 60, height: 60 }, CONTRACT);
    expect(face.every((v) => v === 10)).toBe(true);
  });

  it('averages every frame pixel a model pixel covers when shrinking (no aliasing of fine detail)', () => {
    // A white column in every five, shrunk 10x: each model pixel covers two white columns of ten (sampling
    // a few pixels instead would see 0, half or all white).
    const f = frame(480, 480, (x) => (x % 5 ? [0, 0, 0] : [255, 255, 255]));
    const face = cropFace(f, { x: 0, y: 0, width: 480, height: 480 }, { ...CONTRACT, crop: { ...CONTRACT.crop, margin: 0, offsetY: 0 } });
    expect(Math.min(...face)).toBe(51);
    expect(Math.max(...face)).toBe(51);
  });

  it('is the mean of each block when the box is a whole multiple of the model size', () => {
    const f = frame(96, 96, (x, y) => [(x * 7 + y * 13) % 256, (x * 3) % 256, (y * 5) % 256]);
    const flat = { ...CONTRACT, crop: { ...CONTRACT.crop, margin: 0, offsetY: 0 } };
    const face = cropFace(f, { x: 0, y: 0, width: 96, height: 96 }, flat);
    const { r, g, b } = CONTRACT.crop.grayscale;
    const gray = (x: number, y: number) => r * ((x * 7 + y * 13) % 256) + g * ((x * 3) % 256) + b * ((y * 5) % 256);
    for (const [i, j] of [[0, 0], [17, 30], [47, 47]]) {
      const mean = (gray(2 * i, 2 * j) + gray(2 * i + 1, 2 * j) + gray(2 * i, 2 * j + 1) + gray(2 * i + 1, 2 * j + 1)) / 4;
      expect(face[j * 48 + i]).toBe(Math.round(mean));
    }
  });

  it('a crop-trained contract: a face of faceSize, and frame k takes its windows of the face resampled to each side, cycling', () => {
    const spots: Array<[number, number]> = [[4, 4], [0, 0], [8, 0], [0, 8], [8, 8]];
    // Each frame: its window of the face as cut (48 px) and the same position's window of the face at 52 px.
    const frameCrops = spots.map(([x, y]) => [[x, y, 48], [(x * 3) / 2, (y * 3) / 2, 52]] as Array<[number, number, number]>);
    const contract = { ...CONTRACT, input: { height: 40, width: 40, channels: 1 as const }, faceSize: 48, frameCrops };
    const f = frame(96, 96, () => [90, 90, 90]);
    expect(cropFace(f, { x: 10, y: 10, width: 60, height: 60 }, contract).length).toBe(48 * 48);
    const face = Uint8Array.from({ length: 48 * 48 }, (_, i) => (Math.floor(i / 48) * 3 + (i % 48)) % 256);
    const big = resizedFace(face, 48, 52);
    for (const [k, [x, y]] of [[0, [4, 4]], [2, [8, 0]], [4, [8, 8]], [5, [4, 4]]] as const) {
      const views = frameViews(face, k, contract);
      expect(views.map((v) => v.length)).toEqual([40 * 40, 40 * 40]);
      const corners = (v: Uint8Array) => [v[0], v[39], v[40 * 39]];
      const at = (img: Uint8Array, side: number, x: number, y: number) => img[y * side + x];
      expect(corners(views[0])).toEqual([at(face, 48, x, y), at(face, 48, x + 39, y), at(face, 48, x, y + 39)]);
      const [bx, by] = [(x * 3) / 2, (y * 3) / 2];
      expect(corners(views[1])).toEqual([at(big, 52, bx, by), at(big, 52, bx + 39, by), at(big, 52, bx, by + 39)]);
    }
    const wholeFace = { ...CONTRACT, input: { height: 48, width: 48, channels: 1 as const }, faceSize: undefined, frameCrops: undefined };
    expect(frameViews(face, 3, wholeFace)[0]).toBe(face); // a whole-face contract: the face is the input
  });

  it('resamples a face as the crop does: area means down, linear between pixel centres up, edges repeated', () => {
    const ramp = Uint8Array.from({ length: 48 * 48 }, (_, i) => 4 * (i % 48));
    expect(resizedFace(ramp, 48, 48)).toBe(ramp);
    const half = resizedFace(ramp, 48, 24);
    for (const i of [0, 11, 23]) expect(half[5 * 24 + i]).toBe((4 * (2 * i) + 4 * (2 * i + 1)) / 2);
    const up = resizedFace(ramp, 48, 52);
    for (const i of [0, 1, 25, 26, 50, 51]) {
      const centre = ((i + 0.5) * 48) / 52 - 0.5; // output pixel i's centre on the source axis
      expect(up[7 * 52 + i]).toBe(Math.round(4 * Math.min(47, Math.max(0, centre))));
    }
    const flat = new Uint8Array(48 * 48).fill(77);
    for (const side of [44, 52]) expect(new Set(resizedFace(flat, 48, side))).toEqual(new Set([77]));
  });

  it('picks the largest face', () => {
    const faces = [{ box: { x: 0, y: 0, width: 10, height: 10 } }, { box: { x: 0, y: 0, width: 30, height: 20 } }, { box: { x: 0, y: 0, width: 15, height: 15 } }];
    expect(largest(faces)).toBe(faces[1]);
    expect(largest([])).toBeUndefined();
  });
});
