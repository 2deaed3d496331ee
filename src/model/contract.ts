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
  /** a face (mean gray level, spread) darker, brighter or flatter than nearly all training faces, which the nets
   * read worse: the popup says so (face-light.ts) */
  light?: { darkBelow: number; brightAbove: number; flatBelow: number };
  lightCalibration?: string;
  /** side of the face cut from the frame (FER2013's 48 px framing) when the model sees crops of it; absent:
   * the face is the model's input itself */
  faceSize?: number;
  /** the windows each frame of a check feeds the model, frame k taking entry k (cycling): per window [x, y,
   * side], its top left in the face resampled to side px. A check of five frames thus sees every window of
   * the training's multi-crop test at a few passes per frame; nets whose views are spread over the frames
   * see each frame's first window alone (emotion-model.ts) */
  frameCrops?: Array<Array<[number, number, number]>>;
}

/** The windows each frame of a check passes (one where the model sees the whole face). */
export const windowsPerFrame = (contract: ModelContract) => contract.frameCrops?.[0].length ?? 1;

export function parseContract(json: Omit<ModelContract, 'classes'> & { classes: string[] }): ModelContract {
  return { ...json, classes: json.classes.map((c) => Mood.parse(c)) } as ModelContract;
}

export const CONTRACT: ModelContract = parseContract(contractJson as Parameters<typeof parseContract>[0]);
export const MOODS: readonly Mood[] = CONTRACT.classes;
