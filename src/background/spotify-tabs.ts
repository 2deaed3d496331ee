/** Finds the user's Spotify Web Player tab and hands it work through the content script, injecting the script
 * into a tab that was open before mood-dj was installed or updated (such a tab has none, or a dead one). */
import browser, { type Tabs } from 'webextension-polyfill';
import type { z } from 'zod';
import { HealthOutcome, QueueOutcome, type QueueSong, type ToContent } from '../shared/messages';
import { t } from '../shared/i18n';
import { rememberName } from '../shared/song-db';
import { HEALTH_CHECK_SONG, SPOTIFY_WEB } from '../shared/songs';
import { rememberQueued } from './taste-store';

async function spotifyTab(): Promise<Tabs.Tab | undefined> {
  const tabs = await browser.tabs.query({ url: `${SPOTIFY_WEB}*` });
  // The tab that is playing, else the one in front, else any.
  return tabs.find((t) => t.audible) ?? tabs.find((t) => t.active) ?? tabs[0];
}

const NO_TAB = { ok: false, code: 'no-tab', message: 'No Spotify Web Player tab is open.' } as const;

/** The content script files as built (their names carry build hashes), from the manifest itself. */
function contentScriptFiles(): string[] {
  return browser.runtime.getManifest().content_scripts?.flatMap((c) => c.js ?? []) ?? [];
}

const noReceiver = (e: unknown) => /Receiving end does not exist|Could not establish connection/i.test(e instanceof Error ? e.message : String(e));

// One command per tab at a time, so that two requests cannot inject twice or drive the page together.
let chain: Promise<unknown> = Promise.resolve();

async function send(tabId: number, msg: ToContent): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, msg);
  } catch (e) {
    if (!noReceiver(e)) throw e;
  }
  await browser.scripting.executeScript({ target: { tabId }, files: contentScriptFiles() });
  // The script's listener is registered when its module has run; give it a moment before the one retry.
  for (let attempt = 0; ; attempt++) {
    try {
      return await browser.tabs.sendMessage(tabId, msg);
    } catch (e) {
      if (!noReceiver(e) || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function toSpotify<T extends QueueOutcome | HealthOutcome>(msg: ToContent, schema: z.ZodType<T>): Promise<T> {
  const run = chain.then(async (): Promise<T> => {
    const tab = await spotifyTab();
    if (tab?.id === undefined) return NO_TAB as T;
    let answer: unknown;
    try {
      answer = await send(tab.id, msg);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { ok: false, code: 'not-ready', message: t('spotifyNotReady', why) } as T;
    }
    const parsed = schema.safeParse(answer);
    return parsed.success ? parsed.data : ({ ok: false, code: 'internal', message: 'The Spotify tab gave no valid answer.' } as T);
  });
  chain = run.catch(() => undefined);
  return run;
}

/** Queues the songs; those the page confirmed are remembered (their skips and plays may teach the taste model),
 * and the names their pages showed are kept for songs that came without one. */
export async function queueInSpotify(songs: QueueSong[]): Promise<QueueOutcome> {
  const outcome = await toSpotify({ type: 'queue-tracks', songs, playIfIdle: true }, QueueOutcome);
  if (!outcome.ok) return outcome;
  await rememberQueued(outcome.songs.filter((r) => r.status === 'played' || r.status === 'queued').map((r) => r.id));
  for (const r of outcome.songs) if (r.name) await rememberName(r.id, { name: r.name, ...(r.artist ? { artist: r.artist } : {}) });
  return outcome;
}

export const testSpotifyTab = () => toSpotify({ type: 'health-check', probe: HEALTH_CHECK_SONG }, HealthOutcome);
