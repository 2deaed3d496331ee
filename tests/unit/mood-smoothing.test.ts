import { describe, expect, it } from 'vitest';
import { addCheck, topMood, type SmoothedMood } from '../../src/background/mood-smoothing';

const happy = { angry: 0.02, happy: 0.9, neutral: 0.05, sad: 0.03 };
const sad = { angry: 0.05, happy: 0.02, neutral: 0.08, sad: 0.85 };
const MIN = 60_000;
const run = (checks: Array<Record<'angry' | 'happy' | 'neutral' | 'sad', number>>, gapMs = 5 * MIN) =>
  checks.reduce<SmoothedMood | undefined>((s, p, i) => addCheck(s, p, i * gapMs, 15 * MIN), undefined)!;

describe('auto mode mood smoothing', () => {
  it('a single contrary check does not take over a confident mood', () => {
    const s = run([happy, happy, sad]);
    expect(topMood(s).mood).toBe('happy');
    expect(topMood(s).confidence).toBeGreaterThan(0.5);
  });

  it('two contrary checks in a row do', () => {
    expect(topMood(run([happy, happy, sad, sad])).mood).toBe('sad');
  });

  it('an average older than the window starts afresh', () => {
    const s = run([happy, happy, sad], 20 * MIN);
    expect(s.checks).toBe(1);
    expect(topMood(s)).toEqual({ mood: 'sad', confidence: 0.85 });
  });

  it('keeps the probabilities summing to one', () => {
    const s = run([happy, sad, happy, sad, sad]);
    expect(Object.values(s.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});
