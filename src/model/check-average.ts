/** What one check computes for a face that holds still (a photo, an evaluation face): frame k of the check
 * sees the contract's k-th view of the face (frameView), and the frames' mood probabilities are averaged.
 * Frames that repeat a crop position give the same answer, so each position is passed once and weighted by
 * how many frames take it. */
import type { EmotionModel } from './emotion-model';
import type { ModelContract } from './contract';
import { frameView } from './face-crop';

/** How many distinct crop positions a check of this many frames sees. */
export const checkPositions = (contract: ModelContract, frames: number) => Math.min(frames, contract.frameCrops?.length ?? 1);

export async function checkProbabilities(model: EmotionModel, faces: Uint8Array[], frames: number): Promise<number[][]> {
  const { contract } = model;
  const positions = checkPositions(contract, frames);
  const weight = (k: number) => (Math.floor(frames / positions) + (k < frames % positions ? 1 : 0)) / frames;
  const sums = faces.map(() => new Array<number>(contract.classes.length).fill(0));
  for (let k = 0; k < positions; k++) {
    const rows = await model.predict(faces.map((f) => frameView(f, k, contract)));
    rows.forEach((row, j) => row.forEach((p, c) => (sums[j][c] += weight(k) * p)));
  }
  return sums;
}
