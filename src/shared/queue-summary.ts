/** What a queue request did, in words for the popup and the auto-mode status: counted from the page's own
 * answers per song, so nothing is called queued that Spotify did not confirm. */
import { t } from './i18n';
import type { SongQueueResult, SongQueueStatus } from './messages';

/** A status as the user reads it: playing, queued, not confirmed, not queued, stopped. */
export const statusWords = (status: SongQueueStatus) => t(`status_${status === 'not-confirmed' ? 'not_confirmed' : status}`);

const songs = (n: number) => (n === 1 ? t('songCount1') : t('songCountN', n));

export function countOf(results: SongQueueResult[], status: SongQueueStatus): number {
  return results.filter((r) => r.status === status).length;
}

/** Songs now playing or in Spotify's queue. */
export const confirmedCount = (results: SongQueueResult[]) => countOf(results, 'played') + countOf(results, 'queued');

export function queueSummary(results: SongQueueResult[]): string {
  const played = countOf(results, 'played');
  const queued = countOf(results, 'queued');
  const parts: string[] = [];
  if (played && queued) parts.push(t('summaryPlayingQueued', songs(queued)));
  else if (played) parts.push(t('summaryPlaying'));
  else if (queued) parts.push(t('summaryQueued', songs(queued)));
  // The rest, grouped by what happened and why, in the order the songs came.
  const groups = new Map<string, { status: SongQueueStatus; reason: string; n: number }>();
  for (const r of results) {
    if (r.status === 'played' || r.status === 'queued') continue;
    const reason = r.reason ?? t('reasonNone');
    const key = `${r.status}|${reason}`;
    const g = groups.get(key) ?? { status: r.status, reason, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    parts.push(t('summaryGroup', songs(g.n), statusWords(g.status), g.reason.replace(/\.$/, '')));
  }
  return parts.join(' ') || t('summaryNothing');
}
