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
  /** scaled audio features in FEATURES' order (song-features.ts) */
  features: number[];
}

/** data/catalogue.json: rows of id, name, artist, label, then the features in FEATURES' order (song-features.ts). */
export interface CatalogueFile {
  version: string;
  source: string;
  columns: string[];
  /** per label: the features' mean and standard deviation, by which the taste model compares songs of a mood */
  featureStats: { mean: number[]; std: number[] }[];
  rows: Array<[string, string, string, number, ...number[]]>;
}

export type MoodMapping = 'match' | 'lift';

/** match: the paper's pairing (by arousal: angry is loud, neutral is quiet). lift: steer towards a better mood. */
export const MOOD_TO_LABEL: Record<MoodMapping, Record<Mood, SongLabel>> = {
  match: { happy: 1, sad: 0, angry: 2, neutral: 3 },
  lift: { happy: 1, sad: 1, angry: 3, neutral: 1 },
};

/** The Spotify Web Player; the manifest's host access and content script cover exactly this origin. */
export const SPOTIFY_WEB = 'https://open.spotify.com/';
/** A catalogue track whose page "Test my Spotify tab" opens (nothing is played or queued). */
export const HEALTH_CHECK_SONG = { id: '2H7PHVdQ3mXqEHXcvclTB0', name: '1999', artist: 'Prince' };

export function spotifyUrl(id: string): string {
  return `${SPOTIFY_WEB}track/${id}`;
}
