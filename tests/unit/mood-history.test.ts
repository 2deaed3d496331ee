import { describe, expect, it } from 'vitest';
import { BUCKET_MS, compact, historyCsv, KEEP_MS, parseHistory, RAW_FOR_MS, type HistoryEntry } from '../../src/shared/mood-history';

const H = 3600_000;
const now = 1_000 * H;
const entry = (at: number, happy: number, checks = 1): HistoryEntry => ({ at, checks, probabilities: { angry: 0, happy, neutral: 1 - happy, sad: 0 } });

describe('mood history', () => {
  it('keeps the last day as it was and merges older checks per hour, weighted by checks', () => {
    const entries = [entry(now - 30 * H + 60_000, 0.9), entry(now - 30 * H + 120_000, 0.3, 2), entry(now - 2 * H, 0.8), entry(now - 60_000, 0.6)];
    const out = compact(entries, now);
    expect(out).toHaveLength(3);
    expect(out[0].at).toBe(Math.floor((now - 30 * H) / BUCKET_MS) * BUCKET_MS);
    expect(out[0].checks).toBe(3);
    expect(out[0].probabilities.happy).toBeCloseTo((0.9 + 2 * 0.3) / 3);
    expect(out.slice(1)).toEqual(entries.slice(2));
  });

  it('drops what is older than eight weeks, and compacting again changes nothing', () => {
    const out = compact([entry(now - KEEP_MS - H, 0.5), entry(now - RAW_FOR_MS - 5 * H, 0.5), entry(now - H, 0.5)], now);
    expect(out).toHaveLength(2);
    expect(compact(out, now)).toEqual(out);
  });

  it('reads entries of earlier versions (mood and confidence only)', () => {
    const [e] = parseHistory([{ mood: 'sad', confidence: 0.7, at: 5 }, { nonsense: true }]);
    expect(e).toMatchObject({ at: 5, checks: 1 });
    expect(e.probabilities.sad).toBe(0.7);
    for (const m of ['angry', 'happy', 'neutral'] as const) expect(e.probabilities[m]).toBeCloseTo(0.1, 12);
  });

  it('exports one CSV row per entry with the mood, its confidence and all four probabilities', () => {
    const csv = historyCsv([entry(0, 0.25, 4)]).trim().split('\n');
    expect(csv).toEqual(['time,checks,mood,confidence,angry,happy,neutral,sad', '1970-01-01T00:00:00.000Z,4,neutral,0.750,0.000,0.250,0.750,0.000']);
  });
});
