/** FER2013's raw layout (48x48 bytes per image, one 7-class label byte each) read down to the four moods.
 * No Node imports: the benchmark page in Chromium uses it too. */
import { MOODS, type Mood } from '../../src/model/contract';

const CLASSES7 = ['angry', 'disgust', 'fear', 'happy', 'neutral', 'sad', 'surprise'];

export interface MoodSplit {
  images: Uint8Array[];
  /** index into MOODS */
  labels: number[];
}

export function moodSplit(raw: Uint8Array, labels7: Uint8Array, name: string): MoodSplit {
  if (raw.length !== labels7.length * 2304) throw new Error(`${name}: ${raw.length} image bytes for ${labels7.length} labels`);
  const out: MoodSplit = { images: [], labels: [] };
  labels7.forEach((c, k) => {
    const mood = MOODS.indexOf(CLASSES7[c] as Mood);
    if (mood < 0) return;
    out.images.push(raw.subarray(k * 2304, (k + 1) * 2304));
    out.labels.push(mood);
  });
  return out;
}
