/** Auto mode: one browser.alarms alarm at the settings' interval; alarms survive worker restarts. */
import browser from 'webextension-polyfill';
import type { Settings } from '../shared/settings';

export const ALARM = 'mood-check';

export async function applySchedule(settings: Settings): Promise<void> {
  const current = await browser.alarms.get(ALARM);
  if (!settings.autoMode) {
    if (current) await browser.alarms.clear(ALARM);
    return;
  }
  if (current?.periodInMinutes === settings.intervalMinutes) return;
  await browser.alarms.create(ALARM, { delayInMinutes: settings.intervalMinutes, periodInMinutes: settings.intervalMinutes });
}
