/** Service worker: routes validated messages, runs checks, keeps the schedule. Listeners are registered at
 * the top level so that a restarted worker receives the event that woke it. */
import { ToBackground } from '../shared/messages';
import { loadSettings, onSettingsChanged } from '../shared/settings';
import { installDefaultCatalogue } from '../shared/song-db';
import { autoQueue } from './auto-dj';
import { checkMood } from './mood-service';
import { ALARM, applySchedule } from './schedule';
import { songsForMood } from './song-picker';
import { queueInSpotify, testSpotifyTab } from './spotify-tabs';

chrome.runtime.onMessage.addListener((raw, sender, reply) => {
  const target = (raw as { target?: unknown })?.target;
  if (target === 'offscreen' || target === 'pages') return false; // for the offscreen document, or for pages
  if (sender.id !== chrome.runtime.id) return false;
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success) {
    console.warn('service worker: rejected malformed message', raw);
    reply({ ok: false, error: { code: 'internal', message: 'malformed message' } });
    return false;
  }
  const msg = parsed.data;
  const work =
    msg.type === 'check-mood'
      ? checkMood()
      : msg.type === 'pick-songs'
        ? songsForMood(msg.mood)
        : msg.type === 'queue-songs'
          ? queueInSpotify(msg.ids)
          : testSpotifyTab();
  work.then(reply, (e) => reply({ ok: false, error: e instanceof Error ? e.message : String(e) }));
  return true;
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) void checkMood().then(autoQueue);
});

onSettingsChanged((s) => void applySchedule(s));
chrome.runtime.onInstalled.addListener(() => {
  void loadSettings().then(applySchedule);
  // On install and on every update: a new catalogue version replaces the old one.
  installDefaultCatalogue().catch((e) => console.error('song catalogue not installed', e));
});
chrome.runtime.onStartup.addListener(() => void loadSettings().then(applySchedule));
