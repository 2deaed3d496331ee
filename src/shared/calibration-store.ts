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

async function stored(): Promise<StoredCalibration | undefined> {
  const parsed = StoredCalibration.safeParse((await browser.storage.local.get(CALIBRATION_KEY))[CALIBRATION_KEY]);
  return parsed.success ? parsed.data : undefined;
}

export async function loadCalibration(): Promise<StoredCalibration | undefined> {
  const c = await stored();
  // Faces captured with an earlier model are not used: the user calibrates again.
  return c?.model === MODEL_TAG ? c : undefined;
}

/** True when the kept faces were captured with an earlier model, so the options page can say why they are unused. */
export async function calibrationOutdated(): Promise<boolean> {
  const c = await stored();
  return c !== undefined && c.model !== MODEL_TAG;
}

export async function saveCalibrationFace(mood: Mood, feature: number[]): Promise<void> {
  const now = (await loadCalibration()) ?? { faces: {}, at: {}, model: MODEL_TAG };
  await browser.storage.local.set({
    [CALIBRATION_KEY]: { faces: { ...now.faces, [mood]: feature }, at: { ...now.at, [mood]: Date.now() }, model: MODEL_TAG } satisfies StoredCalibration,
  });
}

export const resetCalibration = () => browser.storage.local.remove(CALIBRATION_KEY);
