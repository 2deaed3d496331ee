import { useEffect, useState } from 'preact/hooks';
import { pickSongsFor } from '../shared/ask-background';
import type { Mood, SongsOutcome } from '../shared/messages';
import { SONG_LABELS, spotifyUrl } from '../shared/songs';

export function SongList({ mood }: { mood: Mood }) {
  const [outcome, setOutcome] = useState<SongsOutcome | undefined>();
  useEffect(() => void pickSongsFor(mood).then(setOutcome), [mood]);

  if (!outcome) return <p class="meta">Picking songs…</p>;
  if (!outcome.ok) return <p class="message" data-testid="songs-error">{outcome.error}</p>;
  return (
    <section data-testid="songs" data-label={outcome.label}>
      <h2>Songs for you ({SONG_LABELS[outcome.label]})</h2>
      <ol class="songs">
        {outcome.songs.map((s) => (
          <li data-testid="song" data-id={s.id}>
            <a href={spotifyUrl(s.id)} target="_blank" rel="noreferrer">
              {s.name ? `${s.name}${s.artist ? ` · ${s.artist}` : ''}` : spotifyUrl(s.id)}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
