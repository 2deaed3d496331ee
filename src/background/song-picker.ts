/** From a mood to songs: the settings' mapping and count, skipping what was picked recently. */
import browser from 'webextension-polyfill';
import type { Mood, SongsOutcome } from '../shared/messages';
import { loadSettings } from '../shared/settings';
import { MOOD_TO_LABEL } from '../shared/songs';
import { installDefaultCatalogue, pickSongs } from '../shared/song-db';

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
  let songs = await pickSongs(label, settings.songsPerCheck, new Set(recentSongs), settings.preferCentre);
  if (songs.length === 0) songs = await pickSongs(label, settings.songsPerCheck, new Set(), settings.preferCentre); // all heard: start over
  if (songs.length === 0) return { ok: false, error: 'The song catalogue has no songs for this mood.' };
  await browser.storage.local.set({ recentSongs: [...recentSongs, ...songs.map((s) => s.id)].slice(-RECENT_MAX) });
  return { ok: true, songs, label, pickMs: performance.now() - t0 };
}
