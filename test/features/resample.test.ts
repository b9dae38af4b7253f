import { describe, expect, it } from 'vitest';
import { dailyFromRows, resampleWeekly, type DailyRowInput, type WeeklyRecord } from '../../src/index.js';

function row(date: string, profile_id: string, values: Partial<DailyRowInput> = {}): DailyRowInput {
  return { date, profile_id, followers: 100, posts: 1, engagement: 10, reach: 20, impressions: 30, ...values };
}

function weeklyOf(rows: DailyRowInput[]): WeeklyRecord[] {
  return resampleWeekly(dailyFromRows(rows)).toRecords();
}

describe('resampleWeekly (notebook preset)', () => {
  it('makes one week for a profile seen on a single day', () => {
    const [w, ...rest] = weeklyOf([row('2024-03-06', 'p', { posts: 2, engagement: 50 })]);
    expect(rest).toHaveLength(0);
    expect(w).toMatchObject({ date: '2024-03-10', year: 2024, month: 3, week_of_year: 10, year_week: '2024-10', week: 10 });
    expect(w!.engagement_per_post).toBe(25);
    expect(w!.monthly_average_engagement_per_post).toBe(25);
    expect(w!.engagement_lag_1).toBe(0);
    expect(w!.engagement_future_7d).toBeNaN();
  });

  it('fills weeks with no records with zeros, and sums followers (Q1)', () => {
    const rows = [
      row('2024-03-04', 'p', { followers: 100 }),
      row('2024-03-05', 'p', { followers: 'undefined' }),
      row('2024-03-06', 'p', { followers: 102 }),
      row('2024-03-20', 'p', { followers: 'undefined', posts: 0, engagement: 0 }),
    ];
    const w = weeklyOf(rows);
    expect(w.map((r) => r.date)).toEqual(['2024-03-10', '2024-03-17', '2024-03-24']);
    expect(w.map((r) => r.followers)).toEqual([202, 0, 0]);
    expect(w.map((r) => r.posts)).toEqual([3, 0, 0]);
    expect(w[1]!.engagement_per_post).toBeNaN(); // 0/0
    expect(w[0]!.engagement_future_7d).toBeNaN(); // the empty week's 0/0
    expect(w[0]!.engagement_future_14d).toBeNaN();
  });

  it('divides by zero posts to Infinity (Q5)', () => {
    const w = weeklyOf([row('2024-03-04', 'p', { posts: 0, engagement: 7 })]);
    expect(w[0]!.engagement_per_post).toBe(Number.POSITIVE_INFINITY);
    expect(w[0]!.monthly_average_engagement_per_post).toBe(Number.POSITIVE_INFINITY);
  });

  it('averages over the whole calendar month (Q2), missing past the last month', () => {
    const rows = [
      row('2024-03-28', 'p', { posts: 1, engagement: 10 }),
      row('2024-03-31', 'p', { posts: 1, engagement: 30 }), // later in the month than the first week's Sunday
      row('2024-04-29', 'p', { posts: 1, engagement: 5 }), // Monday: its week ends on 5 May
    ];
    const w = weeklyOf(rows);
    const byDate = Object.fromEntries(w.map((r) => [r.date, r]));
    expect(byDate['2024-03-31']!.monthly_average_engagement_per_post).toBe(20);
    expect(byDate['2024-04-07']!.monthly_average_engagement_per_post).toBe(5); // April: one record
    expect(byDate['2024-05-05']!.monthly_average_engagement_per_post).toBeNaN(); // May: after the last record
  });

  it('keeps months without records (zero sums, so a NaN average) for profiles back after a gap', () => {
    const w = weeklyOf([row('2024-01-10', 'p'), row('2024-04-10', 'p')]);
    expect(w).toHaveLength(14);
    const feb = w.find((r) => r.date === '2024-02-11')!;
    expect(feb.monthly_average_engagement_per_post).toBeNaN();
    expect(feb.posts).toBe(0);
  });

  it('sums duplicate rows', () => {
    const w = weeklyOf([row('2024-03-05', 'p'), row('2024-03-05', 'p')]);
    expect(w[0]!.engagement).toBe(20);
    expect(w[0]!.followers).toBe(200);
  });

  it('sorts profiles by code point, then week', () => {
    const w = weeklyOf([row('2024-03-12', 'b'), row('2024-03-05', 'a'), row('2024-03-05', 'B'), row('2024-03-05', 'b')]);
    expect(w.map((r) => `${r.profile_id} ${r.date}`)).toEqual(['B 2024-03-10', 'a 2024-03-10', 'b 2024-03-10', 'b 2024-03-17']);
  });

  it("orders ids past U+FFFF by code point, as Python's sort does", () => {
    const astral = '\u{1F600}'; // a surrogate pair in UTF-16, which plain `<` would put before U+FFFD
    const w = weeklyOf([row('2024-03-05', astral), row('2024-03-05', '\uFFFD'), row('2024-03-05', 'z')]);
    expect(w.map((r) => r.profile_id)).toEqual(['z', '\uFFFD', astral]);
  });

  it('orders by code point at the surrogate boundaries and puts a prefix first, whichever comes first', () => {
    // Code points D7FF < E000 < FFFF < 10000 (a surrogate pair D800 DC00); "ab" before "abc".
    const ids = ['\u{10000}', '\uFFFF', '\uE000', '\uD7FF', 'abc', 'ab', 'a\uE000', 'a\u{10000}', 'a\uD7FF'];
    const want = ['ab', 'abc', 'a\uD7FF', 'a\uE000', 'a\u{10000}', '\uD7FF', '\uE000', '\uFFFF', '\u{10000}'];
    for (const order of [ids, [...ids].reverse()]) {
      const w = weeklyOf(order.map((id) => row('2024-03-05', id)));
      expect(w.map((r) => r.profile_id)).toEqual(want);
    }
  });

  it('mutates year and zeroes lags around the new year as the notebook does (Q3, Q4)', () => {
    // Weekly records from 2023-12-17 to 2024-02-04, engagement = 10 × (index + 1).
    const sundays = ['2023-12-17', '2023-12-24', '2023-12-31', '2024-01-07', '2024-01-14', '2024-01-21', '2024-01-28', '2024-02-04'];
    const rows = sundays.map((d, i) => row(d, 'p', { engagement: 10 * (i + 1), followers: 1000 + i }));
    const w = weeklyOf(rows);
    expect(w.map((r) => r.year_week)).toEqual(['2023-51', '2023-52', '2023-53', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    // week 1 is decreased in all 16 passes, week 2 in 12, week 3 in 8, week 4 in 4.
    expect(w.map((r) => r.year)).toEqual([2023, 2023, 2023, 2008, 2012, 2016, 2020, 2024]);
    // 2023 has 53 %U weeks: week 1's lag-1 expects week 52, finds 53 (Q4).
    expect(w[3]!.engagement_lag_1).toBe(0);
    // Week 2, lag 1: the engagement pass still sees week 1's year unchanged…
    expect(w[4]!.engagement_lag_1).toBe(40);
    // …but the followers pass comes after week 1's year was decreased (Q3).
    expect(w[4]!.followers_lag_1).toBe(0);
    // Mid-year lags are right.
    expect(w[7]!.engagement_lag_1).toBe(70);
    expect(w[7]!.followers_lag_1).toBe(1006);
    expect(w[2]!.engagement_lag_2).toBe(10);
  });

  it('carries a 52-week year into the next one for the first lag pass', () => {
    const rows = [row('2024-12-29', 'p', { engagement: 5, followers: 9 }), row('2025-01-05', 'p', { engagement: 6, followers: 8 })];
    const w = weeklyOf(rows);
    expect(w.map((r) => r.year_week)).toEqual(['2024-52', '2025-01']);
    expect(w[1]!.engagement_lag_1).toBe(5);
    expect(w[1]!.followers_lag_1).toBe(0);
  });

  it('shifts targets within a profile only', () => {
    const rows = ['2024-03-04', '2024-03-11', '2024-03-18'].map((d, i) => row(d, 'a', { engagement: 10 * (i + 1) }));
    rows.push(row('2024-03-04', 'b', { engagement: 99 }));
    const w = weeklyOf(rows);
    expect(w.map((r) => r.engagement_future_7d)).toEqual([20, 30, NaN, NaN]);
    expect(w.map((r) => r.engagement_future_14d)).toEqual([30, NaN, NaN, NaN]);
  });

  it('rejects other inputs and unknown presets clearly', () => {
    expect(() => resampleWeekly([] as never)).toThrow(/expected a DailyFrame/);
    expect(() => resampleWeekly(dailyFromRows([]), { preset: 'other' as never })).toThrow(/preset must be/);
    expect(() => resampleWeekly(dailyFromRows([]), { limits: { maxWeeksPerProfile: 0 } })).toThrow(
      'resampleWeekly: limits.maxWeeksPerProfile must be a positive integer, got 0',
    );
    expect(() => resampleWeekly(dailyFromRows([]), { through: '2024-13-01' })).toThrow(
      'resampleWeekly: through must be a day that exists, got "2024-13-01" (there is no month 13)',
    );
  });

  it("gives a week whose Sunday lies after the profile's last month no monthly average of another profile's", () => {
    // a's last records are in January; its week's Sunday (2024-02-04) is in February, a month a has none of.
    // b, the next profile, starts in March.
    const row = (date: string, profile_id: string, posts: number, engagement: number): DailyRowInput => ({
      date,
      profile_id,
      followers: 1,
      posts,
      engagement,
      reach: 1,
      impressions: 1,
    });
    const daily = dailyFromRows([row('2024-01-29', 'a', 1, 10), row('2024-01-31', 'a', 1, 20), row('2024-03-05', 'b', 2, 100), row('2024-03-06', 'b', 2, 100)]);
    const averages = (preset: 'notebook' | 'corrected') =>
      resampleWeekly(daily, { preset })
        .toRecords()
        .map((r) => [r.profile_id, r.date, r.monthly_average_engagement_per_post]);
    // notebook: February is not in a's monthly table (NaN); March is b's 200 / 4.
    expect(averages('notebook')).toEqual([
      ['a', '2024-02-04', Number.NaN],
      ['b', '2024-03-10', 50],
    ]);
    // corrected: a's week takes January's (10 + 20) / 2.
    expect(averages('corrected')).toEqual([
      ['a', '2024-02-04', 15],
      ['b', '2024-03-10', 50],
    ]);
  });
});
