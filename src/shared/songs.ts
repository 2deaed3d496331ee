/** Songs and how moods map onto the catalogue's labels (the 278k dataset's numbering). */
import type { Mood } from './messages';

export const SONG_LABELS = ['sad', 'happy', 'energetic', 'calm'] as const;
export type SongLabel = 0 | 1 | 2 | 3;

export interface Song {
  /** Spotify track id (22 characters) */
  id: string;
  name?: string;
  artist?: string;
  label: SongLabel;
  valence: number;
  energy: number;
}

export const CATALOGUE_COLUMNS = ['id', 'name', 'artist', 'label', 'valence', 'energy'] as const;

export interface CatalogueFile {
  version: string;
  source: string;
  columns: string[];
  rows: Array<[string, string, string, number, number, number]>;
}

export type MoodMapping = 'match' | 'lift';

/** match: the paper's pairing (by arousal: angry is loud, neutral is quiet). lift: steer towards a better mood. */
export const MOOD_TO_LABEL: Record<MoodMapping, Record<Mood, SongLabel>> = {
  match: { happy: 1, sad: 0, angry: 2, neutral: 3 },
  lift: { happy: 1, sad: 1, angry: 3, neutral: 1 },
};

/** Mean valence and energy of each label in the default catalogue (its manifest): "near the mood's centre". */
export const LABEL_CENTRE: Record<SongLabel, { valence: number; energy: number }> = {
  0: { valence: 0.307, energy: 0.444 },
  1: { valence: 0.699, energy: 0.727 },
  2: { valence: 0.455, energy: 0.796 },
  3: { valence: 0.392, energy: 0.418 },
};

/** The Spotify Web Player; the manifest's host access and content script cover exactly this origin. */
export const SPOTIFY_WEB = 'https://open.spotify.com/';
/** A catalogue track whose page "Test my Spotify tab" opens (nothing is played or queued). */
export const HEALTH_CHECK_SONG = { id: '2H7PHVdQ3mXqEHXcvclTB0', name: '1999', artist: 'Prince' };

export function spotifyUrl(id: string): string {
  return `${SPOTIFY_WEB}track/${id}`;
}
