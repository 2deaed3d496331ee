/** Runs mood checks through the offscreen document; callers that arrive during a check share its answer. */
import browser from 'webextension-polyfill';
import type { UserFaces } from '../model/calibration';
import { CheckOutcome, type Mood, type ToOffscreen } from '../shared/messages';
import { MOOD_LOOK } from '../shared/moods';
import { loadSettings } from '../shared/settings';
import { loadCalibration, saveCalibrationFace } from '../shared/calibration-store';
import { recordResult } from './mood-store';
import { ensureOffscreenDocument } from './offscreen-document';

const CHECK_TIMEOUT_MS = 60_000;
let inFlight: Promise<CheckOutcome> | undefined;

/** One check in the offscreen document, as the settings say; capture: return the faces' features as well. */
async function runCheck(opts: { calibration?: UserFaces; withFeature?: boolean }): Promise<CheckOutcome> {
  const settings = await loadSettings();
  await ensureOffscreenDocument();
  const msg: ToOffscreen = { target: 'offscreen', type: 'run-check', frames: settings.framesPerCheck, backend: settings.backend, ...opts };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: { code: 'timeout', message: 'The mood check took longer than a minute. Try again.' } }), CHECK_TIMEOUT_MS);
  });
  const answer = browser.runtime.sendMessage(msg).then((raw) => {
    const parsed = CheckOutcome.safeParse(raw);
    return parsed.success ? parsed.data : ({ ok: false, error: { code: 'internal', message: 'The camera page gave no valid answer.' } } as CheckOutcome);
  });
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

async function ask(): Promise<CheckOutcome> {
  const outcome = await runCheck({ calibration: (await loadCalibration())?.faces });
  if (outcome.ok) {
    await recordResult(outcome.result);
    const look = MOOD_LOOK[outcome.result.mood];
    await browser.action.setBadgeText({ text: look.emoji });
    await browser.action.setBadgeBackgroundColor({ color: look.colour });
  }
  return outcome;
}

const failed = (e: unknown): CheckOutcome => ({ ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } });

export function checkMood(): Promise<CheckOutcome> {
  inFlight ??= ask()
    .catch(failed)
    .finally(() => (inFlight = undefined));
  return inFlight;
}

/** A calibration capture: the user's face showing this mood, kept as features (never as pixels); the reading
 * is not calibrated, not recorded in the history and not put on the badge. */
export async function captureCalibration(mood: Mood): Promise<CheckOutcome> {
  const outcome = await runCheck({ withFeature: true }).catch(failed);
  if (!outcome.ok) return outcome;
  const { feature, ...result } = outcome.result;
  if (!feature) return { ok: false, error: { code: 'model-failed', message: 'This model cannot be calibrated.' } };
  await saveCalibrationFace(mood, feature);
  return { ok: true, result };
}
