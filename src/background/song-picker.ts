/** From a mood to songs: the settings' mapping and count, the user's taste where they let it learn, skipping
 * what was offered recently and what they banned. */
import browser from 'webextension-polyfill';
import { featureStats } from '../../data/catalogue.json';
import type { Mood, SongsOutcome } from '../shared/messages';
import { t } from '../shared/i18n';
import { loadSettings } from '../shared/settings';
import { installDefaultCatalogue, songPool, withKnownNames } from '../shared/song-db';
import { MOOD_TO_LABEL } from '../shared/songs';
import { pickForTaste } from '../shared/taste-pick';
import { loadEvents, rememberOffered } from './taste-store';

const RECENT_MAX = 300;
let catalogueReady: Promise<unknown> | undefined;

export async function songsForMood(mood: Mood): Promise<SongsOutcome> {
  const settings = await loadSettings();
  const label = MOOD_TO_LABEL[settings.mapping][mood];
  const { recentSongs = [] } = (await browser.storage.local.get('recentSongs')) as { recentSongs?: string[] };
  // Once per worker start: a no-op when this version is in, a repair when an install was cut short.
  catalogueReady ??= installDefaultCatalogue().catch((e) => (catalogueReady = undefined, Promise.reject(e)));
  await catalogueReady;
  const t0 = performance.now();
  const [pool, events] = await Promise.all([songPool(label), loadEvents()]);
  const pick = pickForTaste(pool, settings.songsPerCheck, {
    mood,
    label,
    events,
    learn: settings.learnTaste,
    preferCentre: settings.preferCentre,
    recent: new Set(recentSongs),
    stats: featureStats[label],
    random: Math.random,
  });
  if (pick.songs.length === 0) return { ok: false, error: t('songsNone') };
  const songs = await withKnownNames(pick.songs);
  const pickMs = performance.now() - t0;
  await browser.storage.local.set({ recentSongs: [...recentSongs, ...songs.map((s) => s.id)].slice(-RECENT_MAX) });
  await rememberOffered(songs, mood);
  return { ok: true, songs, label, pickMs, tasteEvents: pick.tasteEvents };
}
