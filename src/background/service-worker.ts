/** Service worker: routes validated messages, runs checks, keeps the schedule. Listeners are registered at
 * the top level so that a restarted worker receives the event that woke it. */
import browser, { type Runtime } from 'webextension-polyfill';
import { ToBackground, type FeedbackSaved, type Playback } from '../shared/messages';
import { t } from '../shared/i18n';
import { WELCOME_PAGE } from '../shared/pages';
import { loadSettings, onSettingsChanged } from '../shared/settings';
import { installDefaultCatalogue } from '../shared/song-db';
import { autoQueue } from './auto-dj';
import { resetCalibration } from '../shared/calibration-store';
import { captureCalibration, checkMood } from './mood-service';
import { ALARM, applySchedule } from './schedule';
import { songsForMood } from './song-picker';
import { recordOpinion, recordPlayback, undoOpinion } from './taste-store';
import { SPOTIFY_WEB } from '../shared/songs';
import { queueInSpotify, testSpotifyTab } from './spotify-tabs';

// A listener answers by returning a promise; returning nothing leaves the message to other listeners.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  const target = (raw as { target?: unknown })?.target;
  if (target === 'offscreen' || target === 'pages') return undefined; // for the offscreen document, or for pages
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success) {
    console.warn('service worker: rejected malformed message', raw);
    return Promise.resolve({ ok: false, error: { code: 'internal', message: 'malformed message' } });
  }
  const msg = parsed.data;
  const work: Promise<unknown> =
    msg.type === 'check-mood'
      ? checkMood()
      : msg.type === 'pick-songs'
        ? songsForMood(msg.mood)
        : msg.type === 'queue-songs'
          ? queueInSpotify(msg.songs)
          : msg.type === 'calibrate'
            ? captureCalibration(msg.mood)
            : msg.type === 'reset-calibration'
              ? resetCalibration().then(() => ({ ok: true }))
              : msg.type === 'song-feedback'
                ? recordOpinion(msg.id, msg.mood, msg.feedback).then((ok): FeedbackSaved => (ok ? { ok } : { ok, error: t('feedbackNotOffered') }))
                : msg.type === 'undo-feedback'
                  ? undoOpinion(msg.id, msg.mood).then(() => ({ ok: true }))
                  : msg.type === 'playback-feedback'
                    ? playbackFeedback(msg.id, msg.feedback, sender)
                    : testSpotifyTab();
  return work.catch((e) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
});

/** Only the content script in a Spotify tab reports playback, and only while the user lets mood-dj learn. */
async function playbackFeedback(id: string, feedback: Playback, sender: Runtime.MessageSender): Promise<FeedbackSaved> {
  if (!sender.tab?.url?.startsWith(SPOTIFY_WEB) || !(await loadSettings()).learnTaste) return { ok: false };
  return { ok: await recordPlayback(id, feedback) };
}

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) void checkMood().then(autoQueue);
});

onSettingsChanged((s) => void applySchedule(s));
browser.runtime.onInstalled.addListener(({ reason }) => {
  void loadSettings().then(applySchedule);
  // A new user is shown the few steps to set up (the camera, calibration, Spotify); an update is not.
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
  // On install and on every update: a new catalogue version replaces the old one.
  installDefaultCatalogue().catch((e) => console.error('song catalogue not installed', e));
});
browser.runtime.onStartup.addListener(() => void loadSettings().then(applySchedule));
