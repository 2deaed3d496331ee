/** What a queue request did, in words for the popup and the auto-mode status: counted from the page's own
 * answers per song, so nothing is called queued that Spotify did not confirm. */
import type { SongQueueResult, SongQueueStatus } from './messages';

const songs = (n: number) => `${n} song${n === 1 ? '' : 's'}`;

export function countOf(results: SongQueueResult[], status: SongQueueStatus): number {
  return results.filter((r) => r.status === status).length;
}

/** Songs now playing or in Spotify's queue. */
export const confirmedCount = (results: SongQueueResult[]) => countOf(results, 'played') + countOf(results, 'queued');

export function queueSummary(results: SongQueueResult[]): string {
  const played = countOf(results, 'played');
  const queued = countOf(results, 'queued');
  const parts: string[] = [];
  if (played && queued) parts.push(`Playing the first song and queued ${songs(queued)} in Spotify.`);
  else if (played) parts.push('Playing the first song in Spotify.');
  else if (queued) parts.push(`Queued ${songs(queued)} in Spotify.`);
  // The rest, grouped by what happened and why, in the order the songs came.
  const groups = new Map<string, { status: SongQueueStatus; reason: string; n: number }>();
  for (const r of results) {
    if (r.status === 'played' || r.status === 'queued') continue;
    const reason = r.reason ?? 'no reason given';
    const key = `${r.status}|${reason}`;
    const g = groups.get(key) ?? { status: r.status, reason, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const what = { 'not-confirmed': 'not confirmed', refused: 'not queued', failed: 'not queued', stopped: 'stopped', played: '', queued: '' }[g.status];
    parts.push(`${songs(g.n)} ${what}: ${g.reason.replace(/\.$/, '')}.`);
  }
  return parts.join(' ') || 'Nothing was sent to Spotify.';
}
