import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { pickSongsFor, queueSongs } from '../shared/ask-background';
import type { Mood, QueueOutcome, SongsOutcome } from '../shared/messages';
import { confirmedCount, queueSummary, statusWords } from '../shared/queue-summary';
import { moodLabel, t } from '../shared/i18n';
import { loadSettings } from '../shared/settings';
import { SONG_LABELS, SPOTIFY_WEB, spotifyUrl, type MoodMapping } from '../shared/songs';
import { SongFeedback } from './SongFeedback';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function QueueResult({ outcome }: { outcome: QueueOutcome }) {
  if (outcome.ok) {
    const all = confirmedCount(outcome.songs) === outcome.songs.length;
    return (
      <p class={all ? 'ok' : 'message'} data-testid="queue-result" data-complete={String(all)}>
        {queueSummary(outcome.songs)}
      </p>
    );
  }
  return (
    <div class="message" data-testid="queue-error" data-code={outcome.code}>
      <p>{outcome.code === 'page-changed' ? t('queueUnavailable', outcome.message) : outcome.code === 'no-tab' ? t('spotifyNoTab') : outcome.message}</p>
      {outcome.code === 'no-tab' && (
        <button class="primary" onClick={() => browser.tabs.create({ url: SPOTIFY_WEB })}>
          {t('openSpotifyWeb')}
        </button>
      )}
    </div>
  );
}

export function SongList({ mood }: { mood: Mood }) {
  const [songs, setSongs] = useState<SongsOutcome | undefined>();
  const [queued, setQueued] = useState<QueueOutcome | undefined>();
  const [mapping, setMapping] = useState<MoodMapping | undefined>();
  useEffect(() => void pickSongsFor(mood).then(setSongs), [mood]);
  useEffect(() => void loadSettings().then((s) => setMapping(s.mapping)), []);

  if (!songs) return <p class="meta">{t('pickingSongs')}</p>;
  if (!songs.ok) return <p class="message" data-testid="songs-error">{songs.error}</p>;
  return (
    <section data-testid="songs" data-label={songs.label}>
      <h2>{t('songsForYou')}</h2>
      <p class="meta" data-testid="songs-why">
        {t(mapping === 'match' ? 'songsWhyMatch' : mapping === 'lift' ? 'songsWhyLift' : 'songsWhy', capitalised(t(`label_${SONG_LABELS[songs.label]}`)), moodLabel(mood).toLowerCase())}
        {songs.tasteEvents > 0 && (
          <>
            {' '}
            <span data-testid="songs-taste" data-events={songs.tasteEvents}>{t('songsTaste', songs.tasteEvents)}</span>
          </>
        )}
      </p>
      <ol class="songs">
        {songs.songs.map((s) => {
          const result = queued?.ok ? queued.songs.find((r) => r.id === s.id) : undefined;
          const status = result?.status;
          // A song imported without a name gets the one its Spotify page showed once it is queued.
          const name = s.name ?? result?.name;
          const artist = s.artist ?? result?.artist;
          const title = name ? `${name}${artist ? ` · ${artist}` : ''}` : t('songById', s.id);
          return (
            <li data-testid="song" data-id={s.id} data-status={status} data-by={result?.by}>
              <a href={spotifyUrl(s.id)} target="_blank" rel="noreferrer">
                {title}
              </a>
              {status && <span class={`status ${status}`}> · {statusWords(status)}</span>}
              <SongFeedback id={s.id} title={title} mood={mood} />
            </li>
          );
        })}
      </ol>
      <button class="primary" data-testid="queue-songs" onClick={() => void queueSongs(songs.songs.map(({ id, name, artist }) => ({ id, name, artist }))).then(setQueued)}>
        {t('queueInSpotify')}
      </button>
      {queued && <QueueResult outcome={queued} />}
    </section>
  );
}
