/** The user's calibration faces (features by mood, never pixels) in chrome.storage.local 'calibration'. */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { MODEL_TAG } from '../model/calibration';
import { Mood } from './messages';

export const CALIBRATION_KEY = 'calibration';

export const StoredCalibration = z.object({
  faces: z.partialRecord(Mood, z.array(z.number())),
  /** when each face was captured */
  at: z.partialRecord(Mood, z.number()),
  /** the model the faces were captured with (MODEL_TAG) */
  model: z.string(),
});
export type StoredCalibration = z.infer<typeof StoredCalibration>;

/** The kept faces if they were captured with this model; outdated when they were captured with an earlier one,
 * so the options page can say why they are unused. One storage read for both. */
export async function readCalibration(): Promise<{ current?: StoredCalibration; outdated: boolean }> {
  const parsed = StoredCalibration.safeParse((await browser.storage.local.get(CALIBRATION_KEY))[CALIBRATION_KEY]);
  if (!parsed.success) return { outdated: false };
  // Faces captured with an earlier model are not used: the user calibrates again.
  return parsed.data.model === MODEL_TAG ? { current: parsed.data, outdated: false } : { outdated: true };
}

export async function loadCalibration(): Promise<StoredCalibration | undefined> {
  return (await readCalibration()).current;
}

export async function saveCalibrationFace(mood: Mood, feature: number[]): Promise<void> {
  const now = (await loadCalibration()) ?? { faces: {}, at: {}, model: MODEL_TAG };
  await browser.storage.local.set({
    [CALIBRATION_KEY]: { faces: { ...now.faces, [mood]: feature }, at: { ...now.at, [mood]: Date.now() }, model: MODEL_TAG } satisfies StoredCalibration,
  });
}

export const resetCalibration = () => browser.storage.local.remove(CALIBRATION_KEY);
