/** Auto mode: one chrome.alarms alarm at the settings' interval; alarms survive worker restarts. */
import type { Settings } from '../shared/settings';

export const ALARM = 'mood-check';

export async function applySchedule(settings: Settings): Promise<void> {
  const current = await chrome.alarms.get(ALARM);
  if (!settings.autoMode) {
    if (current) await chrome.alarms.clear(ALARM);
    return;
  }
  if (current?.periodInMinutes === settings.intervalMinutes) return;
  await chrome.alarms.create(ALARM, { delayInMinutes: settings.intervalMinutes, periodInMinutes: settings.intervalMinutes });
}
