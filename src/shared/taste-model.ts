/** The user's taste for one mood, learned on the device from their feedback on songs: a Bayesian linear model
 * over the song's standardised audio features and their squares (so that both "more acoustic" and "around 120
 * BPM" can be learned), plus a pull towards recently liked songs that lets a single like count at once. Picks
 * sample the model's weights from their posterior (Thompson sampling) and the songs through a softmax, so that
 * what is uncertain is still explored and the picks do not collapse onto a few songs. The model is a pure function of the feedback, refitted at each pick
 * (a few hundred events take well under a millisecond), so there is no learned state to lose or corrupt. */
import { FEATURE_COUNT } from './song-features';

export type FeatureStats = { mean: number[]; std: number[] };

/** One piece of feedback as the model sees it: the song's features, +1 liked or -1 not, and how much it counts. */
export interface Evidence {
  features: number[];
  liked: boolean;
  /** 1 for a button pressed, less for what was read from the player (a skip, a song played through) */
  strength: number;
}

const DIM = 2 * FEATURE_COUNT + 1;
/** prior precision: how much evidence it takes to move the weights */
const PRIOR = 15;
/** each older piece of feedback of a mood counts this much less than the next, so that a changed taste wins */
const DECAY = 0.97;
/** posterior spread of the sampled weights: larger explores more */
const EXPLORE = 0.1;
/** weight and width (in standard deviations) of the pull towards recently liked songs, and how many of a mood's
 * latest reactions it looks at. Only likes pull: songs away from disliked ones are mostly atypical ones, which
 * a user with a narrow taste dislikes too (npm run eval-taste measured it). */
const NEAR = 1.5;
const NEAR_WIDTH = 2;
const NEAR_RECENT = 30;
/** Scores are sampled through a softmax of this temperature (Gumbel noise), so that a song a little below the
 * best still comes up and picks keep the catalogue's spread while the model is unsure. */
const TEMPERATURE = 0.1;

export function standardise(features: number[], stats: FeatureStats): number[] {
  return features.map((v, j) => Math.max(-3, Math.min(3, (v - stats.mean[j]) / stats.std[j])));
}

function expand(z: number[]): Float64Array {
  const phi = new Float64Array(DIM);
  for (let j = 0; j < FEATURE_COUNT; j++) {
    phi[j] = z[j];
    phi[FEATURE_COUNT + j] = (z[j] * z[j] - 1) / Math.SQRT2;
  }
  phi[DIM - 1] = 1; // the intercept: feedback that is mostly "no" says little about where the "yes" songs are
  return phi;
}

/** Lower Cholesky factor of a symmetric positive definite DIM x DIM matrix, in place. */
function cholesky(a: Float64Array): Float64Array {
  for (let j = 0; j < DIM; j++) {
    let d = a[j * DIM + j];
    for (let k = 0; k < j; k++) d -= a[j * DIM + k] ** 2;
    const l = Math.sqrt(d);
    a[j * DIM + j] = l;
    for (let i = j + 1; i < DIM; i++) {
      let s = a[i * DIM + j];
      for (let k = 0; k < j; k++) s -= a[i * DIM + k] * a[j * DIM + k];
      a[i * DIM + j] = s / l;
    }
    for (let k = j + 1; k < DIM; k++) a[j * DIM + k] = 0;
  }
  return a;
}

/** Solves L x = b (lower) or Lᵀ x = b (transposed), returning x. */
function solve(l: Float64Array, b: Float64Array, transposed: boolean): Float64Array {
  const x = new Float64Array(DIM);
  if (!transposed) {
    for (let i = 0; i < DIM; i++) {
      let s = b[i];
      for (let k = 0; k < i; k++) s -= l[i * DIM + k] * x[k];
      x[i] = s / l[i * DIM + i];
    }
  } else {
    for (let i = DIM - 1; i >= 0; i--) {
      let s = b[i];
      for (let k = i + 1; k < DIM; k++) s -= l[k * DIM + i] * x[k];
      x[i] = s / l[i * DIM + i];
    }
  }
  return x;
}

export interface TasteModel {
  stats: FeatureStats;
  /** posterior mean of the weights and the Cholesky factor of the posterior precision */
  mean: Float64Array;
  chol: Float64Array;
  /** recently liked songs, standardised, with their decayed weight, for the similarity term */
  near: { z: number[]; w: number }[];
}

/** The model for one mood from its feedback, oldest first. */
export function fitTaste(evidence: Evidence[], stats: FeatureStats): TasteModel {
  const a = new Float64Array(DIM * DIM);
  for (let j = 0; j < DIM; j++) a[j * DIM + j] = PRIOR;
  const b = new Float64Array(DIM);
  const near: TasteModel['near'] = [];
  evidence.forEach((e, i) => {
    const w = e.strength * DECAY ** (evidence.length - 1 - i);
    const z = standardise(e.features, stats);
    const phi = expand(z);
    const y = e.liked ? 1 : -1;
    for (let r = 0; r < DIM; r++) {
      b[r] += w * y * phi[r];
      for (let c = 0; c <= r; c++) a[r * DIM + c] += w * phi[r] * phi[c];
    }
    if (e.liked && evidence.length - i <= NEAR_RECENT) near.push({ z, w });
  });
  for (let r = 0; r < DIM; r++) for (let c = r + 1; c < DIM; c++) a[r * DIM + c] = a[c * DIM + r];
  const chol = cholesky(a);
  const mean = solve(chol, solve(chol, b, false), true);
  return { stats, mean, chol, near };
}

/** Standard normal samples (Box-Muller) from a uniform source. */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A scorer drawn from the model's posterior: higher means more to this user's taste, as far as it is known. */
export function sampleScorer(model: TasteModel, random: () => number): (features: number[]) => number {
  const eps = new Float64Array(DIM).map(() => EXPLORE * gaussian(random));
  const noise = solve(model.chol, eps, true); // covariance EXPLORE² · A⁻¹
  const w = model.mean.map((m, j) => m + noise[j]);
  return (features) => {
    const z = standardise(features, model.stats);
    const phi = expand(z);
    let s = 0;
    for (let j = 0; j < DIM; j++) s += w[j] * phi[j];
    for (const n of model.near) {
      let d2 = 0;
      for (let j = 0; j < FEATURE_COUNT; j++) d2 += (z[j] - n.z[j]) ** 2;
      s += NEAR * n.w * Math.exp(-d2 / (2 * NEAR_WIDTH * NEAR_WIDTH));
    }
    return s / TEMPERATURE - Math.log(-Math.log(1 - random()));
  };
}
