/** What one check computes for a face that holds still (a photo, an evaluation face): frame k of the check
 * sees the contract's windows for frame k (frameViews), and the frames' mood probabilities are averaged.
 * Frames that repeat a frame's windows give the same answer, so each is passed once and weighted by how many
 * frames take it. */
import type { EmotionModel } from './emotion-model';
import type { ModelContract } from './contract';
import { frameViews } from './face-crop';

/** How many distinct frames' windows a check of this many frames sees. */
export const checkPositions = (contract: ModelContract, frames: number) => Math.min(frames, contract.frameCrops?.length ?? 1);

export async function checkProbabilities(model: EmotionModel, faces: Uint8Array[], frames: number): Promise<number[][]> {
  const { contract } = model;
  const positions = checkPositions(contract, frames);
  const weight = (k: number) => (Math.floor(frames / positions) + (k < frames % positions ? 1 : 0)) / frames;
  const sums = faces.map(() => new Array<number>(contract.classes.length).fill(0));
  if (faces.length === 0) return sums;
  for (let k = 0; k < positions; k++) {
    const rows = await model.predict(faces.map((f) => frameViews(f, k, contract)));
    rows.forEach((row, i) => row.forEach((p, c) => (sums[i][c] += weight(k) * p)));
  }
  return sums;
}
