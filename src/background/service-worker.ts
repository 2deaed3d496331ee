/** Service worker: routes validated messages, runs checks, keeps the schedule. Listeners are registered at
 * the top level so that a restarted worker receives the event that woke it. */
import { ToBackground } from '../shared/messages';
import { loadSettings, onSettingsChanged } from '../shared/settings';
import { checkMood } from './mood-service';
import { loadMoodState } from './mood-store';
import { ALARM, applySchedule } from './schedule';

chrome.runtime.onMessage.addListener((raw, sender, reply) => {
  if ((raw as { target?: unknown })?.target === 'offscreen') return false; // for the offscreen document
  if (sender.id !== chrome.runtime.id) return false;
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success) {
    console.warn('service worker: rejected malformed message', raw);
    reply({ ok: false, error: { code: 'internal', message: 'malformed message' } });
    return false;
  }
  const msg = parsed.data;
  const work = msg.type === 'check-mood' ? checkMood() : loadMoodState();
  work.then(reply);
  return true;
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) void checkMood();
});

onSettingsChanged((s) => void applySchedule(s));
chrome.runtime.onInstalled.addListener(() => void loadSettings().then(applySchedule));
chrome.runtime.onStartup.addListener(() => void loadSettings().then(applySchedule));
