/** Reads the FER2013 test split from ../shared/data/fer2013 (layout in its README) as the four moods. */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { MOODS, type Mood } from '../../src/model/contract';

const CLASSES7 = ['angry', 'disgust', 'fear', 'happy', 'neutral', 'sad', 'surprise'];
export const FER_DIR = process.env.FER2013_DIR ?? resolve(import.meta.dirname, '../../../shared/data/fer2013');

export interface MoodSplit {
  images: Uint8Array[];
  /** index into MOODS */
  labels: number[];
}

export function readMoodSplit(split: 'train' | 'test', dir = FER_DIR): MoodSplit {
  const imagesPath = resolve(dir, `${split}-images.u8.gz`);
  if (!existsSync(imagesPath)) throw new Error(`FER2013 not found at ${dir}: set FER2013_DIR to the folder with ${split}-images.u8.gz`);
  const raw = gunzipSync(readFileSync(imagesPath));
  const labels7 = readFileSync(resolve(dir, `${split}-labels.u8`));
  if (raw.length !== labels7.length * 2304) throw new Error(`${split}: ${raw.length} image bytes for ${labels7.length} labels`);
  const out: MoodSplit = { images: [], labels: [] };
  labels7.forEach((c, k) => {
    const mood = MOODS.indexOf(CLASSES7[c] as Mood);
    if (mood < 0) return;
    out.images.push(raw.subarray(k * 2304, (k + 1) * 2304));
    out.labels.push(mood);
  });
  return out;
}
