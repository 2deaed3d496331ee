/** The model contract (models/emotion/contract.json): the one description of input, classes and face crop
 * that the extension and the evaluation both follow. */
import contractJson from '../../models/emotion/contract.json';

export type Mood = 'angry' | 'happy' | 'neutral' | 'sad';

export interface ModelContract {
  model: string;
  input: { height: number; width: number; channels: 1 };
  pixelScale: 'gray / 255';
  classes: Mood[];
  testTimeAugmentation: Array<'identity' | 'hflip'>;
  crop: { margin: number; square: boolean; grayscale: { r: number; g: number; b: number } };
}

export const CONTRACT = contractJson as ModelContract;
export const MOODS: readonly Mood[] = CONTRACT.classes;
