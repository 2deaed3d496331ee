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
  /** side of the face cut from the frame (FER2013's 48 px framing) when the model sees crops of it; absent:
   * the face is the model's input itself */
  faceSize?: number;
  /** where the model's input window sits in that face, [x, y] in pixels: frame k of a check takes position
   * k (cycling), so a check of five frames sees five crop positions at one pass each (the training's
   * multi-crop test) */
  frameCrops?: Array<[number, number]>;
}

export function parseContract(json: Omit<ModelContract, 'classes'> & { classes: string[] }): ModelContract {
  return { ...json, classes: json.classes.map((c) => Mood.parse(c)) } as ModelContract;
}

export const CONTRACT: ModelContract = parseContract(contractJson as Parameters<typeof parseContract>[0]);
export const MOODS: readonly Mood[] = CONTRACT.classes;
