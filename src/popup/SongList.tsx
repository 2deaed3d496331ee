import { useEffect, useState } from 'preact/hooks';
import { pickSongsFor, queueSongs } from '../shared/ask-background';
import type { Mood, QueueOutcome, SongsOutcome } from '../shared/messages';
import { SONG_LABELS, SPOTIFY_WEB, spotifyUrl } from '../shared/songs';

function QueueResult({ outcome }: { outcome: QueueOutcome }) {
  if (outcome.ok)
    return (
      <p class="ok" data-testid="queue-result">
        {outcome.played ? 'Playing the first song' : ''}
        {outcome.played && outcome.queued.length ? ' and queued ' : outcome.queued.length ? 'Queued ' : ''}
        {outcome.queued.length ? `${outcome.queued.length} song${outcome.queued.length > 1 ? 's' : ''}` : ''} in Spotify.
      </p>
    );
  return (
    <div class="message" data-testid="queue-error" data-code={outcome.code}>
      <p>{outcome.code === 'page-changed' ? `${outcome.message}: queueing is unavailable. The songs stay listed above.` : outcome.message}</p>
      {outcome.code === 'no-tab' && (
        <button class="primary" onClick={() => chrome.tabs.create({ url: SPOTIFY_WEB })}>
          Open Spotify web
        </button>
      )}
    </div>
  );
}

export function SongList({ mood }: { mood: Mood }) {
  const [songs, setSongs] = useState<SongsOutcome | undefined>();
  const [queued, setQueued] = useState<QueueOutcome | undefined>();
  useEffect(() => void pickSongsFor(mood).then(setSongs), [mood]);

  if (!songs) return <p class="meta">Picking songs…</p>;
  if (!songs.ok) return <p class="message" data-testid="songs-error">{songs.error}</p>;
  return (
    <section data-testid="songs" data-label={songs.label}>
      <h2>Songs for you ({SONG_LABELS[songs.label]})</h2>
      <ol class="songs">
        {songs.songs.map((s) => (
          <li data-testid="song" data-id={s.id}>
            <a href={spotifyUrl(s.id)} target="_blank" rel="noreferrer">
              {s.name ? `${s.name}${s.artist ? ` · ${s.artist}` : ''}` : spotifyUrl(s.id)}
            </a>
          </li>
        ))}
      </ol>
      <button class="primary" data-testid="queue-songs" onClick={() => void queueSongs(songs.songs.map((s) => s.id)).then(setQueued)}>
        Queue in Spotify
      </button>
      {queued && <QueueResult outcome={queued} />}
    </section>
  );
}
