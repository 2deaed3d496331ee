/** The taste model and its events, as pure functions: what the picker learns from reactions. */
import { describe, expect, it } from 'vitest';
import catalogue from '../../data/catalogue.json';
import { FEATURES } from '../../src/shared/song-features';
import type { Song, SongLabel } from '../../src/shared/songs';
import { bannedFor, evidenceFor, withEvent, withoutOpinion, type TasteEvent } from '../../src/shared/taste-events';
import { fitTaste, sampleScorer } from '../../src/shared/taste-model';
import { pickForTaste } from '../../src/shared/taste-pick';

const SAD = 0;
const sad: Song[] = catalogue.rows
  .filter((r) => r[3] === SAD)
  .map(([id, name, artist, label, ...features]) => ({ id: id as string, name: name as string, artist: artist as string, label: label as SongLabel, features: features as number[] }));
const stats = catalogue.featureStats[SAD];
const ACOUSTIC = FEATURES.indexOf('acousticness');
const event = (s: Song, feedback: TasteEvent['feedback'], at: number): TasteEvent => ({ id: s.id, mood: 'sad', label: SAD, features: s.features, feedback, at });
/** A seeded uniform source, so that the sampled picks are the same each run. */
const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('taste events', () => {
  it('keeps one explicit opinion per song and mood, the latest, and undoes it', () => {
    let events = withEvent([], event(sad[0], 'like', 1));
    events = withEvent(events, event(sad[0], 'skip', 2)); // implicit: kept beside
    events = withEvent(events, event(sad[0], 'ban', 3)); // replaces the like
    expect(events.map((e) => e.feedback)).toEqual(['skip', 'ban']);
    expect(withoutOpinion(events, sad[0].id, 'sad').map((e) => e.feedback)).toEqual(['skip']);
  });

  it('keeps the last 300 implicit reactions and every explicit one', () => {
    let events: TasteEvent[] = [withEvent([], event(sad[0], 'like', 0))[0]];
    for (let i = 1; i <= 400; i++) events = withEvent(events, event(sad[i % sad.length], i % 2 ? 'skip' : 'played', i));
    expect(events).toHaveLength(301);
    expect(events[0].feedback).toBe('like');
    expect(events[1].at).toBe(101);
  });

  it('bans "not for me" for every mood and "not for this mood" for its mood only', () => {
    const events = [event(sad[0], 'ban', 1), event(sad[1], 'not-for-mood', 2)];
    expect(bannedFor(events, 'sad')).toEqual(new Set([sad[0].id, sad[1].id]));
    expect(bannedFor(events, 'happy')).toEqual(new Set([sad[0].id]));
  });

  it("learns a mood from that mood's reactions to its label's songs, implicit ones weaker", () => {
    const events = [event(sad[0], 'like', 1), event(sad[1], 'skip', 2), { ...event(sad[2], 'like', 3), mood: 'happy' as const }];
    expect(evidenceFor(events, 'sad', SAD).map((e) => [e.liked, e.strength])).toEqual([
      [true, 1],
      [false, 0.3],
    ]);
    expect(evidenceFor(events, 'sad', 1)).toEqual([]); // the mood now maps to another label
  });
});

describe('taste model', () => {
  // A listener who likes acoustic sad songs and dislikes the rest, 30 reactions.
  const byAcoustic = [...sad].sort((a, b) => b.features[ACOUSTIC] - a.features[ACOUSTIC]);
  const reactions = [...byAcoustic.slice(0, 15).map((s, i) => event(s, 'like', i)), ...byAcoustic.slice(-15).map((s, i) => event(s, 'ban', 15 + i))];

  it('ranks acoustic songs first after such reactions', () => {
    const model = fitTaste(evidenceFor(reactions, 'sad', SAD), stats);
    const score = sampleScorer(model, seeded(1));
    const ranked = [...sad].sort((a, b) => score(b.features) - score(a.features));
    expect(mean(ranked.slice(0, 50).map((s) => s.features[ACOUSTIC]))).toBeGreaterThan(mean(sad.map((s) => s.features[ACOUSTIC])) + 0.3);
  });

  it('picks without repeats within a pick, one song per artist, never a banned or recent song while others remain', () => {
    const recent = new Set(sad.slice(0, 100).map((s) => s.id));
    for (let seed = 1; seed <= 20; seed++) {
      const { songs, tasteEvents } = pickForTaste(sad, 3, { mood: 'sad', label: SAD, events: reactions, learn: true, preferCentre: false, recent, stats, random: seeded(seed) });
      expect(tasteEvents).toBe(30);
      expect(new Set(songs.map((s) => s.id)).size).toBe(3);
      expect(new Set(songs.map((s) => s.artist)).size).toBe(3);
      for (const s of songs) {
        expect(bannedFor(reactions, 'sad').has(s.id)).toBe(false);
        expect(recent.has(s.id)).toBe(false);
      }
    }
  });

  it('picks at random, as before, with learning off or no reactions', () => {
    const likes = reactions.filter((e) => e.feedback === 'like'); // no bans, so the same songs are allowed
    const off = pickForTaste(sad, 3, { mood: 'sad', label: SAD, events: likes, learn: false, preferCentre: false, recent: new Set(), stats, random: seeded(3) });
    expect(off.tasteEvents).toBe(0);
    const none = pickForTaste(sad, 3, { mood: 'sad', label: SAD, events: [], learn: true, preferCentre: false, recent: new Set(), stats, random: seeded(3) });
    expect(none.songs.map((s) => s.id)).toEqual(off.songs.map((s) => s.id));
  });
});
