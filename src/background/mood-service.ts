/** Runs mood checks through the offscreen document; callers that arrive during a check share its answer. */
import browser from 'webextension-polyfill';
import { CheckOutcome, type ToOffscreen } from '../shared/messages';
import { MOOD_LOOK } from '../shared/moods';
import { loadSettings } from '../shared/settings';
import { recordResult } from './mood-store';
import { ensureOffscreenDocument } from './offscreen-document';

const CHECK_TIMEOUT_MS = 60_000;
let inFlight: Promise<CheckOutcome> | undefined;

async function ask(): Promise<CheckOutcome> {
  const settings = await loadSettings();
  await ensureOffscreenDocument();
  const msg: ToOffscreen = { target: 'offscreen', type: 'run-check', frames: settings.framesPerCheck, backend: settings.backend };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: { code: 'timeout', message: 'The mood check took longer than a minute. Try again.' } }), CHECK_TIMEOUT_MS);
  });
  const answer = browser.runtime.sendMessage(msg).then((raw) => {
    const parsed = CheckOutcome.safeParse(raw);
    return parsed.success ? parsed.data : ({ ok: false, error: { code: 'internal', message: 'The camera page gave no valid answer.' } } as CheckOutcome);
  });
  const outcome = await Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  if (outcome.ok) {
    await recordResult(outcome.result);
    const look = MOOD_LOOK[outcome.result.mood];
    await browser.action.setBadgeText({ text: look.emoji });
    await browser.action.setBadgeBackgroundColor({ color: look.colour });
  }
  return outcome;
}

export function checkMood(): Promise<CheckOutcome> {
  inFlight ??= ask()
    .catch((e): CheckOutcome => ({ ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } }))
    .finally(() => (inFlight = undefined));
  return inFlight;
}
