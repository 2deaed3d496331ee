/** Which songs of a candidate pool to offer: at random (as before any feedback, or with learning off), or the
 * best for a taste scorer sampled from the user's model; "typical of the mood" first narrows the pool to the
 * quarter nearest the label's valence/energy centre. One song per artist per pick. */
import { ENERGY, VALENCE } from './song-features';
import type { Song } from './songs';

export interface ChoiceOptions {
  /** the label's mean features, when the settings prefer songs typical of the mood */
  centre?: number[];
  scorer?: (features: number[]) => number;
  random: () => number;
}

export function chooseSongs(pool: Song[], n: number, { centre, scorer, random }: ChoiceOptions): Song[] {
  let songs = pool;
  if (centre) {
    const distance = (s: Song) => Math.hypot(s.features[VALENCE] - centre[VALENCE], s.features[ENERGY] - centre[ENERGY]);
    songs = [...pool].sort((a, b) => distance(a) - distance(b)).slice(0, Math.max(n, Math.ceil(pool.length / 4)));
  }
  const ranked = scorer
    ? songs.map((s) => ({ s, k: scorer(s.features) })).sort((a, b) => b.k - a.k).map((x) => x.s)
    : shuffled(songs, random);
  const chosen: Song[] = [];
  const artists = new Set<string>();
  for (const s of ranked) {
    if (chosen.length === n) break;
    if (s.artist && artists.has(s.artist)) continue;
    if (s.artist) artists.add(s.artist);
    chosen.push(s);
  }
  return chosen;
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
