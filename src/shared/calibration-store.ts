/** The user's calibration faces (features by mood, never pixels) in chrome.storage.local 'calibration'. */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { Mood } from './messages';

export const CALIBRATION_KEY = 'calibration';

export const StoredCalibration = z.object({
  faces: z.partialRecord(Mood, z.array(z.number())),
  /** when each face was captured */
  at: z.partialRecord(Mood, z.number()),
});
export type StoredCalibration = z.infer<typeof StoredCalibration>;

export async function loadCalibration(): Promise<StoredCalibration | undefined> {
  const parsed = StoredCalibration.safeParse((await browser.storage.local.get(CALIBRATION_KEY))[CALIBRATION_KEY]);
  return parsed.success ? parsed.data : undefined;
}

export async function saveCalibrationFace(mood: Mood, feature: number[]): Promise<void> {
  const now = (await loadCalibration()) ?? { faces: {}, at: {} };
  await browser.storage.local.set({ [CALIBRATION_KEY]: { faces: { ...now.faces, [mood]: feature }, at: { ...now.at, [mood]: Date.now() } } satisfies StoredCalibration });
}

export const resetCalibration = () => browser.storage.local.remove(CALIBRATION_KEY);
