// @ts-nocheck
// The generator's dynamics: engagement and posting that change over time.
import { describe, expect, it } from 'vitest';
import { generateDailyRows, type GenerateOptions, type GeneratedRow } from '../src/generate.js';

const base: GenerateOptions = { profiles: 300, from: '2023-01-01', to: '2023-12-31', seed: 4 };
const rows = (options: Partial<GenerateOptions>): GeneratedRow[] => [...generateDailyRows({ ...base, ...options })];

/** Per profile, its posting rows in date order. */
function byProfile(all: GeneratedRow[]): Map<string, GeneratedRow[]> {
  const out = new Map<string, GeneratedRow[]>();
  for (const r of all) if (r.posts > 0 && typeof r.followers === 'number') out.set(r.profile_id, [...(out.get(r.profile_id) ?? []), r]);
  return out;
}

/** Engagement per post per follower over some rows (the generator's rate, with noise). */
const rate = (rs: GeneratedRow[]) => rs.reduce((s, r) => s + r.engagement, 0) / rs.reduce((s, r) => s + r.posts * (r.followers as number), 0);

function std(values: number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

/** Across profiles with enough posting days: the spread of log(rate of the last third / rate of the first third). */
function rateShift(all: GeneratedRow[]): number {
  const shifts: number[] = [];
  for (const rs of byProfile(all).values()) {
    if (rs.length < 60) continue;
    const third = Math.floor(rs.length / 3);
    shifts.push(Math.log(rate(rs.slice(-third)) / rate(rs.slice(0, third))));
  }
  expect(shifts.length).toBeGreaterThan(30);
  return std(shifts);
}

describe('generateDaily dynamics', () => {
  it('draws nothing extra when every dynamic is 0: the stationary data, row for row', () => {
    const off = rows({ profiles: 60 });
    expect(rows({ profiles: 60, dynamics: false })).toEqual(off);
    expect(rows({ profiles: 60, dynamics: { drift: 0, regimeChanges: 0, viralPosts: 0, habitChanges: 0 } })).toEqual(off);
    expect(rows({ profiles: 60, dynamics: true })).not.toEqual(off);
  });

  it('lets engagement rates drift and change regime, where the stationary rates stay put', () => {
    const stationary = rateShift(rows({}));
    const drifting = rateShift(rows({ dynamics: { drift: 0.03, regimeChanges: 0, viralPosts: 0, habitChanges: 0 } }));
    const regimes = rateShift(rows({ dynamics: { drift: 0, regimeChanges: 1 / 60, viralPosts: 0, habitChanges: 0 } }));
    expect(stationary).toBeLessThan(0.25);
    expect(drifting).toBeGreaterThan(2 * stationary);
    expect(regimes).toBeGreaterThan(2 * stationary);
  });

  it('makes some posts viral: engagement far above the profile’s usual', () => {
    const share = (all: GeneratedRow[]) => {
      let extreme = 0;
      let total = 0;
      for (const rs of byProfile(all).values()) {
        const perPost = rs.map((r) => r.engagement / r.posts / (r.followers as number)).sort((a, b) => a - b);
        const median = perPost[Math.floor(perPost.length / 2)]!;
        extreme += perPost.filter((v) => v > 8 * median).length;
        total += perPost.length;
      }
      return extreme / total;
    };
    expect(share(rows({}))).toBeLessThan(0.005);
    expect(share(rows({ dynamics: { drift: 0, regimeChanges: 0, viralPosts: 0.05, habitChanges: 0 } }))).toBeGreaterThan(0.02);
  });

  it('changes posting habits', () => {
    const spread = (all: GeneratedRow[]) => {
      const perProfile = new Map<string, number[]>();
      for (const r of all) perProfile.set(r.profile_id, [...(perProfile.get(r.profile_id) ?? []), r.posts]);
      const shifts: number[] = [];
      for (const posts of perProfile.values()) {
        if (posts.length < 300) continue;
        const half = Math.floor(posts.length / 2);
        const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
        shifts.push(Math.log((mean(posts.slice(half)) + 0.05) / (mean(posts.slice(0, half)) + 0.05)));
      }
      expect(shifts.length).toBeGreaterThan(20);
      return std(shifts);
    };
    expect(spread(rows({ dynamics: { drift: 0, regimeChanges: 0, viralPosts: 0, habitChanges: 1 / 60 } }))).toBeGreaterThan(2 * spread(rows({})));
  });

  it('is deterministic for a seed, and checks its options', () => {
    expect(rows({ profiles: 40, dynamics: true })).toEqual(rows({ profiles: 40, dynamics: true }));
    expect(() => rows({ dynamics: { viralPosts: 2 } })).toThrow('generateDaily: dynamics.viralPosts must be a number from 0 to 1, got 2');
    expect(() => rows({ dynamics: { drift: -1 } })).toThrow(RangeError);
  });
});
