/** Does mood-dj learn a user's taste? Simulated users with hidden preferences over the songs' audio features
 * react to what the real picker (src/shared/taste-pick.ts) offers them from the default catalogue: a liked song
 * is liked (half the time) or played through, a disliked one banned ("not for me", 4 in 10) or skipped, with 1
 * reaction in 20 the other way (people are not consistent). After 0, 10, 30 and 100 reactions the share of offered
 * songs the user likes is measured on 20 further picks of 3 (no reactions meanwhile), against today's random
 * pick; variety is the distinct songs and artists among the last 50 offered. Means over 20 runs per user.
 *   npm run eval-taste [-- --runs N] */
import catalogue from '../data/catalogue.json';
import type { Feedback, Mood } from '../src/shared/messages';
import { FEATURES, type FeatureName } from '../src/shared/song-features';
import { MOOD_TO_LABEL, type CatalogueFile, type Song, type SongLabel } from '../src/shared/songs';
import type { TasteEvent } from '../src/shared/taste-events';
import { withEvent } from '../src/shared/taste-events';
import { pickForTaste } from '../src/shared/taste-pick';

const file = catalogue as unknown as CatalogueFile;
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;
const CHECKPOINTS = [0, 10, 30, 100];
const PER_PICK = 3;
const PROBE_PICKS = 20;
const CHUNK = 512;
const RECENT_MAX = 300;

const songs: Song[] = file.rows.map(([id, name, artist, label, ...features]) => ({ id, name, artist, label: label as SongLabel, features: features as number[] }));
const byLabel = (label: number) => songs.filter((s) => s.label === label);
const f = (s: Song, name: FeatureName) => s.features[FEATURES.indexOf(name)];

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A user likes the songs whose hidden utility is in the top `share` of the mood's label. */
interface SimUser {
  name: string;
  mood: Mood;
  share: number;
  /** the utility, which may change after some reactions */
  utility: (s: Song, reactions: number, random: () => number) => number;
}

const USERS: SimUser[] = [
  { name: 'calm acoustic songs when sad', mood: 'sad', share: 0.2, utility: (s) => f(s, 'acousticness') - f(s, 'energy') },
  { name: 'loud, fast songs when angry', mood: 'angry', share: 0.2, utility: (s) => f(s, 'energy') + f(s, 'loudness') + f(s, 'tempo') },
  {
    name: 'narrow taste: one groove when happy',
    mood: 'happy',
    share: 0.1,
    utility: (s) => -Math.hypot(f(s, 'danceability') - 0.75, f(s, 'tempo') - 0.47, f(s, 'valence') - 0.8),
  },
  {
    name: 'changing taste: instrumental, then danceable (after 50) when neutral',
    mood: 'neutral',
    share: 0.2,
    utility: (s, reactions) => (reactions < 50 ? f(s, 'instrumentalness') + f(s, 'acousticness') : f(s, 'danceability') + f(s, 'valence')),
  },
];

/** Which songs of the label the user likes now: the top share by utility. */
function likedSet(user: SimUser, label: number, reactions: number): Set<string> {
  const ranked = byLabel(label).map((s) => ({ id: s.id, u: user.utility(s, reactions, Math.random) })).sort((a, b) => b.u - a.u);
  return new Set(ranked.slice(0, Math.round(ranked.length * user.share)).map((r) => r.id));
}

/** As the song database does: four consecutive chunks of the label from a random place. */
function poolOf(chunks: Song[][], random: () => number): Song[] {
  const start = Math.floor(random() * chunks.length);
  return Array.from({ length: Math.min(4, chunks.length) }, (_, k) => chunks[(start + k) % chunks.length]).flat();
}

interface RunResult {
  liked: number[];
  songs: number;
  artists: number;
}

function simulate(user: SimUser, learn: boolean, seed: number): RunResult {
  const random = mulberry32(seed);
  const label = MOOD_TO_LABEL.match[user.mood];
  const own = byLabel(label).sort(() => random() - 0.5);
  const chunks = Array.from({ length: Math.ceil(own.length / CHUNK) }, (_, i) => own.slice(i * CHUNK, (i + 1) * CHUNK));
  let events: TasteEvent[] = [];
  let recent: string[] = [];
  const offered: Song[] = [];
  const liked: number[] = [];
  const pick = (recentNow: string[]) =>
    pickForTaste(poolOf(chunks, random), PER_PICK, { mood: user.mood, label, events, learn, preferCentre: false, recent: new Set(recentNow), stats: file.featureStats[label], random }).songs;
  let likes = likedSet(user, label, 0);
  let reactions = 0;
  const probe = () => {
    let r = [...recent];
    let hits = 0;
    let total = 0;
    for (let i = 0; i < PROBE_PICKS; i++) {
      const got = pick(r);
      r = [...r, ...got.map((s) => s.id)].slice(-RECENT_MAX);
      hits += got.filter((s) => likes.has(s.id)).length;
      total += got.length;
    }
    liked.push(hits / total);
  };
  for (const checkpoint of CHECKPOINTS) {
    while (reactions < checkpoint) {
      const got = pick(recent);
      recent = [...recent, ...got.map((s) => s.id)].slice(-RECENT_MAX);
      offered.push(...got);
      for (const s of got) {
        if (reactions === checkpoint) break;
        const likesIt = likes.has(s.id) !== random() < 0.05;
        const feedback: Feedback = likesIt ? (random() < 0.5 ? 'like' : 'played') : random() < 0.4 ? 'ban' : 'skip';
        events = withEvent(events, { id: s.id, mood: user.mood, label, features: s.features, feedback, at: reactions });
        reactions++;
        if (reactions === 50) likes = likedSet(user, label, reactions); // a changing taste changes here
      }
    }
    probe();
  }
  const last = offered.slice(-50);
  return { liked, songs: new Set(last.map((s) => s.id)).size, artists: new Set(last.map((s) => s.artist)).size };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
let pass = true;
console.log(`taste simulation: ${RUNS} runs per user, default catalogue (${songs.length} songs), ${PER_PICK} songs a pick\n`);
console.log('| user | pick | liked after 0 / 10 / 30 / 100 reactions | variety in last 50: songs / artists |');
console.log('|---|---|---|---|');
for (const user of USERS) {
  const results = { random: [] as RunResult[], taste: [] as RunResult[] };
  for (let run = 0; run < RUNS; run++) {
    results.random.push(simulate(user, false, 1000 + run));
    results.taste.push(simulate(user, true, 1000 + run));
  }
  const summary = (rs: RunResult[]) => ({ liked: CHECKPOINTS.map((_, i) => mean(rs.map((r) => r.liked[i]))), songs: mean(rs.map((r) => r.songs)), artists: mean(rs.map((r) => r.artists)) });
  const random = summary(results.random);
  const taste = summary(results.taste);
  for (const [name, s] of [['random (today)', random], ['taste', taste]] as const)
    console.log(`| ${user.name} | ${name} | ${s.liked.map(pct).join(' / ')} | ${s.songs.toFixed(1)} / ${s.artists.toFixed(1)} |`);
  const at30 = CHECKPOINTS.indexOf(30);
  const ratio = taste.liked[at30] / random.liked[at30];
  const varietyOk = taste.songs >= random.songs / 3 && taste.artists >= random.artists / 3;
  const ok = ratio >= 2 && varietyOk;
  pass &&= ok;
  console.log(`|  | after 30: ${ratio.toFixed(2)}x random${varietyOk ? '' : ', variety under a third of random'} | ${ok ? 'pass' : 'FAIL'} | |`);
}
console.log(`\n${pass ? 'every user: liked share after 30 reactions at least twice random, variety at least a third of random' : 'FAILED: see the rows marked FAIL'}`);
process.exitCode = pass ? 0 : 1;
