// The quality scripts' oracle (scripts/oracle.ts): what the generator's state
// says about engagement per post, as of an origin. Its definition is pinned
// here: the state it reads, the formula, and that the state does describe the
// rows (the median engagement of one post).
import { describe, expect, it } from 'vitest';
import { parseDay } from '../src/calendar.js';
import { generateDailyRows, type GeneratedTruth } from '../src/generate.js';
import { TruthIndex } from '../scripts/oracle.js';

const OPTIONS = { profiles: 300, from: '2024-01-01', to: '2024-06-30', seed: 5 } as const;

describe('the oracle of the quality scripts', () => {
  it('reads the generator without changing the rows it makes', () => {
    for (const dynamics of [false, true]) {
      const plain = [...generateDailyRows({ ...OPTIONS, dynamics })];
      const truths: GeneratedTruth[] = [];
      const told = [...generateDailyRows({ ...OPTIONS, dynamics, onTruth: (t) => truths.push(t) })];
      expect(told).toEqual(plain);
      expect(truths.map((t) => [t.date, t.profile_id])).toEqual(plain.map((r) => [r.date, r.profile_id]));
    }
  });

  it('forecasts the audience grown to the middle of the target week times the rate, from the last state on or before the origin', () => {
    const truths: GeneratedTruth[] = [];
    for (const row of generateDailyRows({ ...OPTIONS, dynamics: true, onTruth: (t) => truths.push(t) })) void row;
    const index = new TruthIndex();
    for (const t of truths) index.add(t);
    const id = truths[0]!.profile_id;
    const mine = truths.filter((t) => t.profile_id === id);
    expect(mine.length).toBeGreaterThan(10);
    const origin = '2024-03-31';
    const last = mine.filter((t) => t.date <= origin).at(-1)!;
    for (const h of [7, 14, 21, 28]) {
      const days = parseDay(origin) + h - 3 - parseDay(last.date);
      expect(index.forecast(id, origin, h)).toBeCloseTo(last.followers * last.growth ** days * last.engagementRate, 9);
    }
    // Nothing known before a profile's first row.
    expect(index.forecast(id, '2023-12-31', 7)).toBeNaN();
    expect(index.forecast('no such profile', origin, 7)).toBeNaN();
  });

  it('is the median engagement of one post on stationary data: the rate is a profile’s own and constant', () => {
    const truths: GeneratedTruth[] = [];
    const rows = [...generateDailyRows({ ...OPTIONS, profiles: 2000, onTruth: (t) => truths.push(t) })];
    const rate = new Map<string, number>();
    const ratios: number[] = [];
    rows.forEach((row, i) => {
      const t = truths[i]!;
      expect(rate.get(t.profile_id) ?? t.engagementRate).toBe(t.engagementRate);
      rate.set(t.profile_id, t.engagementRate);
      // Days of one post, on an audience large enough that rounding does not matter.
      if (row.posts === 1 && t.followers * t.engagementRate > 200) ratios.push(row.engagement / (t.followers * t.engagementRate));
    });
    expect(ratios.length).toBeGreaterThan(5000);
    ratios.sort((a, b) => a - b);
    expect(ratios[Math.floor(ratios.length / 2)]!).toBeCloseTo(1, 1);
  });
});
