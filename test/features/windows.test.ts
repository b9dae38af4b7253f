// The corrected preset's window features, every row of every profile, against
// a direct reading of the daily rows (days in (Sunday − 7·W, Sunday]), written
// apart from the library's prefix sums and pointers.
import { describe, expect, it } from 'vitest';
import { dailyFromRows, resampleWeekly, type DailyRowInput } from '../../src/index.js';
import { historyAt } from '../../src/features/windows.js';
import { dateOf, dayOf, historyRows as rows, sundayOf } from '../helpers/history.js';

/**
 * The level filter written from its definition over the posting weeks alone: between two posting weeks Δ weeks
 * apart the level's variance grows by Δ · q; a week of p posts observes log1p(engagement / p) with variance 0.25 / p;
 * an innovation beyond 2.5 standard deviations is clipped, and a second one in a row on the same side restarts the
 * filter from the two weeks.
 */
function levelOf(postingWeeks: number[], posts: Map<number, number>, engagement: Map<number, number>, q: number): number {
  let level = Number.NaN;
  let variance = 0;
  let previous = 0;
  type Outlier = { side: number; y: number; r: number };
  let outlier = null as Outlier | null;
  for (const s of postingWeeks) {
    const p = posts.get(s)!;
    const y = Math.log1p(engagement.get(s)! / p);
    const r = 0.25 / p;
    if (Number.isNaN(level)) {
      [level, variance, previous] = [y, r, s];
      continue;
    }
    variance += (q * (s - previous)) / 7;
    previous = s;
    const sd = Math.sqrt(variance + r);
    const z = (y - level) / sd;
    const side = z > 2.5 ? 1 : z < -2.5 ? -1 : 0;
    if (side !== 0 && outlier?.side === side) {
      level = (outlier.y * r + y * outlier.r) / (outlier.r + r);
      variance = (outlier.r * r) / (outlier.r + r);
      outlier = null;
      continue;
    }
    outlier = side === 0 ? null : { side, y, r };
    const gain = variance / (variance + r);
    level += gain * (side === 0 ? y - level : side * 2.5 * sd);
    variance *= 1 - gain;
  }
  // The weeks after the latest posting week only add variance: the level stays.
  return Math.expm1(level);
}

describe('window features, every row, against the daily rows', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}`, () => {
      const input = rows(seed);
      const table = resampleWeekly(dailyFromRows(input), { preset: 'corrected' }).toRecords();
      const byProfile = new Map<string, DailyRowInput[]>();
      for (const row of input) (byProfile.get(row.profile_id) ?? byProfile.set(row.profile_id, []).get(row.profile_id)!).push(row);
      let checked = 0;
      for (const [id, days] of byProfile) {
        const weeks = table.filter((w) => w.profile_id === id);
        const first = sundayOf(dayOf(days[0]!.date));
        const last = sundayOf(dayOf(days[days.length - 1]!.date));
        // Every Sunday from the first week to the last has a row.
        expect(
          weeks.map((w) => w.date),
          id,
        ).toEqual(Array.from({ length: (last - first) / 7 + 1 }, (_, k) => dateOf(first + 7 * k)));
        // Per week: posts, engagement, days seen; per-post values of posting weeks.
        const posts = new Map<number, number>();
        const engagement = new Map<number, number>();
        const seen = new Map<number, number>();
        for (const d of days) {
          const s = sundayOf(dayOf(d.date));
          posts.set(s, (posts.get(s) ?? 0) + (d.posts as number));
          engagement.set(s, (engagement.get(s) ?? 0) + (d.engagement as number));
          seen.set(s, (seen.get(s) ?? 0) + 1);
        }
        for (const w of weeks) {
          const sunday = dayOf(w.date);
          const inWindow = (weeksBack: number) => days.filter((d) => dayOf(d.date) <= sunday && (weeksBack === 0 || dayOf(d.date) > sunday - 7 * weeksBack));
          const sum = (list: DailyRowInput[], key: 'posts' | 'engagement') => list.reduce((a, d) => a + (d[key] as number), 0);
          const pooled = (weeksBack: number) => {
            const list = inWindow(weeksBack);
            const p = sum(list, 'posts');
            return p > 0 ? sum(list, 'engagement') / p : Number.NaN;
          };
          const postingWeeks = [...posts.keys()].filter((s) => s <= sunday && posts.get(s)! > 0).sort((a, b) => a - b);
          const latest = postingWeeks[postingWeeks.length - 1];
          const known = days.filter((d) => dayOf(d.date) <= sunday && d.followers !== 'undefined');
          const want: Record<string, number> = {
            last_engagement_per_post: latest === undefined ? Number.NaN : engagement.get(latest)! / posts.get(latest)!,
            weeks_since_post: latest === undefined ? Number.NaN : (sunday - latest) / 7,
            engagement_per_post_4w: pooled(4),
            engagement_per_post_13w: pooled(13),
            engagement_per_post_26w: pooled(26),
            engagement_per_post_all: pooled(0),
            observed_days_4w: inWindow(4).length,
            observed_days_13w: inWindow(13).length,
            observed_days_26w: inWindow(26).length,
            posts_13w: sum(inWindow(13), 'posts'),
            followers_last_known: known.length ? (known[known.length - 1]!.followers as number) : Number.NaN,
          };
          for (const halfLife of [2, 8]) {
            let e = 0;
            let p = 0;
            for (let s = first; s <= sunday; s += 7) {
              const weight = 2 ** (-(sunday - s) / 7 / halfLife);
              e += weight * (engagement.get(s) ?? 0);
              p += weight * (posts.get(s) ?? 0);
            }
            want[`engagement_per_post_ewm_${halfLife}w`] = p > 0 ? e / p : Number.NaN;
          }
          const recent = postingWeeks
            .slice(-5)
            .map((s) => engagement.get(s)! / posts.get(s)!)
            .sort((a, b) => a - b);
          const m = recent.length;
          want.median_engagement_per_post_5 = m === 0 ? Number.NaN : m % 2 ? recent[(m - 1) / 2]! : (recent[m / 2 - 1]! + recent[m / 2]!) / 2;
          want.engagement_per_post_level_slow = levelOf(postingWeeks, posts, engagement, 0.005);
          want.engagement_per_post_level_fast = levelOf(postingWeeks, posts, engagement, 0.05);
          for (const [name, value] of Object.entries(want)) {
            const got = (w as unknown as Record<string, number>)[name]!;
            if (Number.isNaN(value)) expect(got, `${id} ${w.date} ${name}`).toBeNaN();
            else if (name.includes('ewm') || name.includes('level')) expect(got, `${id} ${w.date} ${name}`).toBeCloseTo(value, 9);
            else expect(got, `${id} ${w.date} ${name}`).toBe(value);
            checked++;
          }
          expect(seen.get(sunday) ?? 0, `${id} ${w.date} observed days of the week`).toBe(inWindow(1).length);
        }
      }
      expect(checked).toBeGreaterThan(8 * 28 * 14);
    });
  }

  it('level filters: a steady rate is its own level; one viral week is clipped; two in a row are a shift', () => {
    const weeks = (perPost: number[]): DailyRowInput[] =>
      perPost.map((e, k) => ({
        date: dateOf(sundayOf(dayOf('2024-01-07')) + 7 * k),
        profile_id: 'a',
        followers: 1000,
        posts: 2,
        engagement: 2 * e,
        reach: 0,
        impressions: 0,
      }));
    const levels = (perPost: number[], name: string) =>
      resampleWeekly(dailyFromRows(weeks(perPost)), { preset: 'corrected' })
        .toRecords()
        .map((w) => (w as unknown as Record<string, number>)[name]!);
    for (const name of ['engagement_per_post_level_slow', 'engagement_per_post_level_fast']) {
      // A constant engagement per post is the level, every week.
      for (const v of levels([100, 100, 100, 100, 100, 100], name)) expect(v).toBeCloseTo(100, 9);
      // One viral week (× 30) after a steady run: the level less than doubles (the fast filter unclipped would go × 4.8).
      const viral = levels([100, 100, 100, 100, 100, 100, 100, 100, 3000, 100], name);
      expect(viral[8]!, name).toBeGreaterThan(100);
      expect(viral[8]!, name).toBeLessThan(200);
      expect(viral[9]!, name).toBeLessThan(viral[8]!);
      // Two weeks at a new rate (÷ 20) in a row: the level is the new rate at once (their precision-weighted mean).
      const shift = levels([100, 100, 100, 100, 100, 100, 100, 100, 5, 5], name);
      expect(shift[8]!, name).toBeGreaterThan(10);
      expect(shift[8]!, name).toBeLessThan(100);
      expect(shift[9]!, name).toBeCloseTo(5, 9);
    }
  });

  it("gives weeks since the latest posting week and posts in 26 weeks, from the table's first row on", () => {
    // 'a' sorts first: its first week (the table's row 0) has the only posts; 'b' posts in its second week.
    const day = (date: string, profile_id: string, posts: number): DailyRowInput => ({
      date,
      profile_id,
      followers: 1,
      posts,
      engagement: posts * 3,
      reach: 1,
      impressions: 1,
    });
    const weekly = resampleWeekly(
      dailyFromRows([
        day('2024-01-01', 'a', 2),
        day('2024-01-08', 'a', 0),
        day('2024-01-15', 'a', 0),
        day('2024-01-22', 'a', 0),
        day('2024-01-01', 'b', 0),
        day('2024-01-08', 'b', 1),
        day('2024-01-15', 'b', 0),
      ]),
      { preset: 'corrected' },
    );
    const got = Array.from({ length: weekly.length }, (_, i) => historyAt(weekly, i));
    expect(got).toEqual([
      { weeksSincePost: 0, posts26w: 2 },
      { weeksSincePost: 1, posts26w: 2 },
      { weeksSincePost: 2, posts26w: 2 },
      { weeksSincePost: 3, posts26w: 2 },
      { weeksSincePost: -1, posts26w: 0 },
      { weeksSincePost: 0, posts26w: 1 },
      { weeksSincePost: 1, posts26w: 1 },
    ]);
  });
});
