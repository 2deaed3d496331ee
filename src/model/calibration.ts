/** Calibration to one person's face, on the CNN's penultimate features f (the global average pool; the last
 * layer is linear, logits = f W + b). Measured by scripts/eval-calibration.ts on faces-posed, settings tuned on
 * persons 01-14 and written to models/emotion/calibration.json:
 *   - with the user's neutral face only: f + a (m - f_n), the face moved by how the user's neutral face
 *     differs from the average neutral training face m;
 *   - with one face of each mood: the model's log-probabilities plus w log-softmax(t cos(f, f_mood)).
 * The user's faces are features only (never pixels), kept in chrome.storage.local. */
import calibrationJson from '../../models/emotion/calibration.json';
import type { Mood } from '../shared/messages';

export interface CalibrationParams {
  /** mean feature of FER2013's neutral training faces */
  neutralMean: number[];
  shift: number;
  prototypes: { w: number; t: number };
}

export const CALIBRATION: CalibrationParams = calibrationJson;

/** Names the model the user's faces were captured with: features of another model mean nothing to this one
 * (calibration.json is rewritten with every model, and its neutral mean is the model's own). */
export const MODEL_TAG = CALIBRATION.neutralMean.slice(0, 8).map((v) => v.toFixed(6)).join(',');

/** The user's captured faces, as features, by mood. */
export type UserFaces = Partial<Record<Mood, number[]>>;

export interface Head {
  /** W [features][classes] and b [classes] of the last layer */
  W: number[][];
  b: number[];
}

export type CalibrationKind = 'none' | 'neutral' | 'four-moods';

export function calibrationKind(user: UserFaces | undefined, classes: readonly Mood[]): CalibrationKind {
  if (!user) return 'none';
  if (classes.every((m) => user[m])) return 'four-moods';
  return user.neutral ? 'neutral' : 'none';
}

export const logitsOf = (head: Head, f: ArrayLike<number>) => head.b.map((bc, c) => { let s = bc; for (let k = 0; k < f.length; k++) s += f[k] * head.W[k][c]; return s; });

export function logSoftmax(z: number[]): number[] {
  const m = Math.max(...z);
  const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
  return z.map((v) => v - lse);
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    ab += a[k] * b[k];
    aa += a[k] * a[k];
    bb += b[k] * b[k];
  }
  return ab / Math.sqrt(aa * bb + 1e-12);
}

/** Log-probabilities of the classes for feature f: calibrated as far as the user's faces allow. */
export function calibratedLogProbs(head: Head, f: ArrayLike<number>, user: UserFaces | undefined, classes: readonly Mood[], p: CalibrationParams = CALIBRATION): number[] {
  const kind = calibrationKind(user, classes);
  if (kind === 'four-moods') {
    const own = logSoftmax(classes.map((m) => p.prototypes.t * cosine(f, user![m]!)));
    return logSoftmax(logitsOf(head, f)).map((z, c) => z + p.prototypes.w * own[c]);
  }
  if (kind === 'neutral') {
    const fn = user!.neutral!;
    return logSoftmax(logitsOf(head, Array.from(f, (v, k) => v + p.shift * (p.neutralMean[k] - fn[k]))));
  }
  return logSoftmax(logitsOf(head, f));
}

/** Probabilities from log-probabilities that need not be normalised. */
export const probabilities = (logp: number[]) => logSoftmax(logp).map(Math.exp);
