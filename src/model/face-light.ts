/** How a face is lit, against the training faces: in light far from theirs the nets read moods worse (dark faces
 * as sad, bright ones lose angry; models/emotion/REPORT.md, "Lighting"), so a check says when it saw such a face. */
import type { ModelContract } from './contract';

export type PoorLight = 'dark' | 'bright' | 'flat';

export interface GrayLevels {
  mean: number;
  sd: number;
}

/** Mean gray level of a face and its standard deviation. */
export function grayLevels(face: Uint8Array): GrayLevels {
  let sum = 0;
  let squares = 0;
  for (const v of face) {
    sum += v;
    squares += v * v;
  }
  const mean = sum / face.length;
  return { mean, sd: Math.sqrt(Math.max(0, squares / face.length - mean * mean)) };
}

/** The light of a face with these levels (a check passes its frames' mean) when few training faces were lit so;
 * undefined otherwise, or when the contract gives no bounds. */
export function poorLight({ mean, sd }: GrayLevels, contract: ModelContract): PoorLight | undefined {
  const bounds = contract.light;
  if (!bounds) return undefined;
  if (mean < bounds.darkBelow) return 'dark';
  if (mean > bounds.brightAbove) return 'bright';
  return sd < bounds.flatBelow ? 'flat' : undefined;
}
