// The corrected preset's window features, every row of every profile, against
// a direct reading of the daily rows (days in (Sunday − 7·W, Sunday]), written
// apart from the library's prefix sums and pointers.
import { describe, expect, it } from 'vitest';
import { dailyFromRows, resampleWeekly, type DailyRowInput } from '../../src/index.js';
import { historyAt } from '../../src/features/windows.js';
import { dateOf, dayOf, historyRows as rows, sundayOf } from '../helpers/history.js';

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
          for (const [name, value] of Object.entries(want)) {
            const got = (w as unknown as Record<string, number>)[name]!;
            if (Number.isNaN(value)) expect(got, `${id} ${w.date} ${name}`).toBeNaN();
            else if (name.includes('ewm')) expect(got, `${id} ${w.date} ${name}`).toBeCloseTo(value, 9);
            else expect(got, `${id} ${w.date} ${name}`).toBe(value);
            checked++;
          }
          expect(seen.get(sunday) ?? 0, `${id} ${w.date} observed days of the week`).toBe(inWindow(1).length);
        }
      }
      expect(checked).toBeGreaterThan(8 * 28 * 14);
    });
  }

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
