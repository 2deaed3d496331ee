/** The audio features a song carries (the 278k file's and Spotify's), each scaled to 0..1 so that one byte
 * holds it in IndexedDB and the taste model can compare them. */
export const FEATURES = ['valence', 'energy', 'danceability', 'acousticness', 'instrumentalness', 'speechiness', 'liveness', 'loudness', 'tempo'] as const;
export type FeatureName = (typeof FEATURES)[number];
export const FEATURE_COUNT = FEATURES.length;
export const VALENCE = 0;
export const ENERGY = 1;

/** Loudness (dB) and tempo (BPM) are the two not already in 0..1; nearly every song falls in these ranges. */
const RANGE: Partial<Record<FeatureName, [number, number]>> = { loudness: [-30, 0], tempo: [50, 200] };

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Raw values by column name (numbers or CSV cells) to the scaled feature vector; a missing or unreadable
 * value becomes the middle of its range, so that it neither attracts nor repels the taste model. */
export function scaleFeatures(raw: Partial<Record<FeatureName, number | string | undefined>>): number[] {
  return FEATURES.map((name) => {
    const cell = raw[name];
    const v = typeof cell === 'string' ? (cell.trim() === '' ? NaN : Number(cell)) : (cell ?? NaN);
    if (!Number.isFinite(v)) return 0.5;
    const range = RANGE[name];
    return Number(clamp01(range ? (v - range[0]) / (range[1] - range[0]) : v).toFixed(3));
  });
}

/** Songs' features packed one byte each, song after song (IndexedDB chunks). */
export function packFeatures(features: number[][]): Uint8Array {
  const out = new Uint8Array(features.length * FEATURE_COUNT);
  features.forEach((f, i) => f.forEach((v, j) => (out[i * FEATURE_COUNT + j] = Math.round(clamp01(v) * 255))));
  return out;
}

export function unpackFeatures(packed: Uint8Array, i: number): number[] {
  return Array.from(packed.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT), (b) => Math.round((b / 255) * 1000) / 1000);
}
