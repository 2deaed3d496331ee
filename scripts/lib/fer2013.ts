/** Reads the FER2013 test split from ../shared/data/fer2013 (layout in its README) as the four moods. */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { moodSplit, type MoodSplit } from './fer-moods';

export const FER_DIR = process.env.FER2013_DIR ?? resolve(import.meta.dirname, '../../../shared/data/fer2013');

export function readMoodSplit(split: 'train' | 'test', dir = FER_DIR): MoodSplit {
  const imagesPath = resolve(dir, `${split}-images.u8.gz`);
  if (!existsSync(imagesPath)) throw new Error(`FER2013 not found at ${dir}: set FER2013_DIR to the folder with ${split}-images.u8.gz`);
  return moodSplit(gunzipSync(readFileSync(imagesPath)), readFileSync(resolve(dir, `${split}-labels.u8`)), split);
}
