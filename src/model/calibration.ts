/** Calibration to one person's face, on the CNN's penultimate features f (the global average pool; the last
 * layer is linear, logits = f W + b; a model averaging several nets has one pool and one head per net, f is
 * their pools side by side and its probabilities are the nets' probabilities averaged, as the model's are).
 * Measured by scripts/eval-calibration.ts on faces-posed, settings tuned on persons 01-14 and written to
 * models/emotion/calibration.json:
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

/** Names a model by a digest (FNV-1a) of its whole neutral mean: calibration.json is rewritten with every model,
 * and every net's features enter the mean, so a model that keeps its first net and adds or changes another
 * still gets a new name. */
export function modelTag(neutralMean: number[]): string {
  let hash = 0x811c9dc5;
  for (const v of neutralMean) for (const c of v.toFixed(6)) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193);
  return `${neutralMean.length}:${(hash >>> 0).toString(16)}`;
}

/** Names the model the user's faces were captured with: features of another model mean nothing to this one. */
export const MODEL_TAG = modelTag(CALIBRATION.neutralMean);

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

export const logitsOf = (head: Head, f: ArrayLike<number>, from = 0) => head.b.map((bc, c) => { let s = bc; for (let k = 0; k < head.W.length; k++) s += f[from + k] * head.W[k][c]; return s; });

/** Log-probabilities of the model for features f: each head reads its own slice of f, in order. */
export function headLogProbs(heads: Head[], f: ArrayLike<number>): number[] {
  if (heads.length === 1) return logSoftmax(logitsOf(heads[0], f));
  let from = 0;
  const mean = heads[0].b.map(() => 0);
  for (const head of heads) {
    probabilities(logitsOf(head, f, from)).forEach((p, c) => (mean[c] += p / heads.length));
    from += head.W.length;
  }
  return mean.map(Math.log);
}

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
export function calibratedLogProbs(heads: Head[], f: ArrayLike<number>, user: UserFaces | undefined, classes: readonly Mood[], p: CalibrationParams = CALIBRATION): number[] {
  const kind = calibrationKind(user, classes);
  if (kind === 'four-moods') {
    const own = logSoftmax(classes.map((m) => p.prototypes.t * cosine(f, user![m]!)));
    return headLogProbs(heads, f).map((z, c) => z + p.prototypes.w * own[c]);
  }
  if (kind === 'neutral') {
    const fn = user!.neutral!;
    return headLogProbs(heads, Array.from(f, (v, k) => v + p.shift * (p.neutralMean[k] - fn[k])));
  }
  return headLogProbs(heads, f);
}

/** Probabilities from log-probabilities that need not be normalised. */
export const probabilities = (logp: number[]) => logSoftmax(logp).map(Math.exp);
