/** Finds the user's Spotify Web Player tab and hands it tracks to queue through the content script. */
import { QueueOutcome, type ToContent } from '../shared/messages';
import { SPOTIFY_WEB } from '../shared/songs';

async function spotifyTab(): Promise<chrome.tabs.Tab | undefined> {
  const tabs = await chrome.tabs.query({ url: `${SPOTIFY_WEB}*` });
  // The tab that is playing, else the one in front, else any.
  return tabs.find((t) => t.audible) ?? tabs.find((t) => t.active) ?? tabs[0];
}

export async function queueInSpotify(ids: string[]): Promise<QueueOutcome> {
  const tab = await spotifyTab();
  if (tab?.id === undefined) return { ok: false, code: 'no-tab', message: 'No Spotify Web Player tab is open.' };
  const msg: ToContent = { type: 'queue-tracks', ids, playIfIdle: true };
  try {
    const parsed = QueueOutcome.safeParse(await chrome.tabs.sendMessage(tab.id, msg));
    return parsed.success ? parsed.data : { ok: false, code: 'internal', message: 'The Spotify tab gave no valid answer.' };
  } catch {
    // A tab opened before mood-dj was installed has no content script until it reloads.
    return { ok: false, code: 'not-ready', message: 'Reload the Spotify tab once so that mood-dj can queue songs in it.' };
  }
}
