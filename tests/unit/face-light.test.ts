import { describe, expect, it } from 'vitest';
import { CONTRACT } from '../../src/model/contract';
import { grayLevels, poorLight } from '../../src/model/face-light';

/** A 48 px face of two gray levels in a checkerboard: its mean is their middle, its spread half their gap. */
const face = (lo: number, hi: number) => Uint8Array.from({ length: 48 * 48 }, (_, i) => ((i % 48) + Math.floor(i / 48)) % 2 ? hi : lo);

describe('face light', () => {
  it('measures the mean gray level and its spread', () => {
    const { mean, sd } = grayLevels(face(100, 160));
    expect(mean).toBeCloseTo(130);
    expect(sd).toBeCloseTo(30);
    expect(grayLevels(face(77, 77)).sd).toBe(0);
  });

  it('says nothing of a face lit like the training faces', () => {
    expect(poorLight(grayLevels(face(80, 180)), CONTRACT)).toBeUndefined();
  });

  it('names a dark, a bright and a flat face by the bounds in the contract', () => {
    const { darkBelow, brightAbove, flatBelow } = CONTRACT.light!;
    expect(poorLight({ mean: darkBelow - 1, sd: 50 }, CONTRACT)).toBe('dark');
    expect(poorLight({ mean: brightAbove + 1, sd: 50 }, CONTRACT)).toBe('bright');
    expect(poorLight({ mean: 128, sd: flatBelow - 1 }, CONTRACT)).toBe('flat');
    expect(poorLight({ mean: darkBelow - 1, sd: 5 }, CONTRACT)).toBe('dark'); // darkness is the first thing to fix
    expect(poorLight(grayLevels(face(20, 60)), CONTRACT)).toBe('dark');
  });

  it('says nothing where the contract gives no bounds', () => {
    expect(poorLight({ mean: 5, sd: 1 }, { ...CONTRACT, light: undefined })).toBeUndefined();
  });
});
