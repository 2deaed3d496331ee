/** The model contract (models/emotion/contract.json): the one description of input, classes and face crop
 * that the extension and the evaluation both follow. */
import contractJson from '../../models/emotion/contract.json';
import { Mood } from '../shared/messages';

export type { Mood };

export interface ModelContract {
  model: string;
  input: { height: number; width: number; channels: 1 };
  pixelScale: 'gray / 255';
  classes: Mood[];
  testTimeAugmentation: Array<'identity' | 'hflip'>;
  /** margin: fraction of the detector box added on each side before squaring; offsetY: centre moved down by
   * this fraction of the box height (negative: up), so that crops are framed like the training faces */
  crop: { margin: number; offsetY: number; square: boolean; grayscale: { r: number; g: number; b: number } };
  cropCalibration: string;
}

export const CONTRACT: ModelContract = { ...contractJson, classes: contractJson.classes.map((c) => Mood.parse(c)) } as ModelContract;
export const MOODS: readonly Mood[] = CONTRACT.classes;
