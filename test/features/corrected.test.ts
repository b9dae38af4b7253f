// The corrected preset, quirk by quirk (Q1–Q9 of docs/quirks.md), on small
// literal inputs with hand-worked values, beside what the notebook preset
// gives for the same rows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORRECTED_WEEKLY_COLUMNS, dailyFromRows, loadWeekly, resampleWeekly, type DailyRowInput, type WeeklyRecord } from '../../src/index.js';
import { simpleRows } from '../helpers/synthetic.js';
import { tempDir } from '../helpers/tmp.js';

function row(date: string, values: Partial<DailyRowInput> = {}, profile_id = 'p'): DailyRowInput {
  return { date, profile_id, followers: 100, posts: 1, engagement: 10, reach: 20, impressions: 30, ...values };
}

function both(rows: DailyRowInput[]): { c: WeeklyRecord[]; n: WeeklyRecord[] } {
  const daily = dailyFromRows(rows);
  return { c: resampleWeekly(daily, { preset: 'corrected' }).toRecords(), n: resampleWeekly(daily).toRecords() };
}

const dir = tempDir('ef-corrected-');

describe('the corrected preset', () => {
  it('Q1: weekly followers are the last non-missing daily value, missing when none', () => {
    const { c, n } = both([
      row('2024-03-04', { followers: 100 }),
      row('2024-03-06', { followers: 120 }),
      row('2024-03-07', { followers: 'undefined' }),
      row('2024-03-11', { followers: 'undefined' }),
    ]);
    expect(c.map((r) => r.followers)).toEqual([120, NaN]);
    expect(n.map((r) => r.followers)).toEqual([220, 0]);
  });

  it('Q2: the monthly average is the 28 days ending on the Sunday, pooled; no later day counts', () => {
    // Weeks ending 3, 10, 17, 24 and 31 March 2024; one posting day each.
    const rows = [
      row('2024-02-28', { posts: 2, engagement: 40 }), // week of 3 March
      row('2024-03-05', { posts: 1, engagement: 10 }),
      row('2024-03-12', { posts: 1, engagement: 30 }),
      row('2024-03-19', { posts: 0, engagement: 0 }),
      row('2024-03-26', { posts: 4, engagement: 1000 }), // after the week of 24 March
    ];
    const { c, n } = both(rows);
    const byDate = Object.fromEntries(c.map((r) => [r.date, r]));
    // 24 March: the weeks of 3, 10, 17, 24 March: (40 + 10 + 30 + 0) / (2 + 1 + 1 + 0).
    expect(byDate['2024-03-24']!.monthly_average_engagement_per_post).toBe(20);
    expect(byDate['2024-03-24']!.engagement_per_post_4w).toBe(20);
    // 31 March: weeks of 10 … 31 March: (10 + 30 + 0 + 1000) / 6.
    expect(byDate['2024-03-31']!.monthly_average_engagement_per_post).toBeCloseTo(1040 / 6, 12);
    // The notebook's average covers all of March, 26 March included, for the week of 24 March too.
    expect(n.find((r) => r.date === '2024-03-24')!.monthly_average_engagement_per_post).toBeCloseTo((10 + 30 + 0 + 1000) / 6, 12);
  });

  it("Q3 and Q4: year is the Sunday's; consecutive weeks are Sundays 7·L days apart, across a 53-Sunday year", () => {
    // 2023 has 53 Sundays: 31 December 2023 is %U week 53, 7 January 2024 week 1.
    const { c, n } = both([row('2023-12-27', { engagement: 70 }), row('2024-01-03', { engagement: 5 })]);
    expect(c.map((r) => [r.date, r.year, r.week])).toEqual([
      ['2023-12-31', 2023, 53],
      ['2024-01-07', 2024, 1],
    ]);
    expect(c[1]!.engagement_lag_1).toBe(70);
    expect(c[1]!.engagement_lag_2).toBeNaN(); // before the profile's first week
    expect(n[1]!.engagement_lag_1).toBe(0); // the notebook compares %U weeks with 52-week years
    expect(n[1]!.year).toBe(2024 - 16); // and decreases the year in place 16 times
  });

  it('Q5: engagement per post is missing when a week has no post, never infinite', () => {
    const { c, n } = both([row('2024-03-04', { posts: 0, engagement: 7 }), row('2024-03-11', { posts: 2, engagement: 8 })]);
    expect(c[0]!.engagement_per_post).toBeNaN();
    expect(c[0]!.engagement_future_7d).toBe(4);
    expect(n[0]!.engagement_per_post).toBe(Infinity);
  });

  it('Q9: a week with no record is missing, and so is a lag pointing at it', () => {
    const { c, n } = both([row('2024-03-04', { engagement: 10 }), row('2024-03-18', { engagement: 30 })]);
    expect(c.map((r) => r.date)).toEqual(['2024-03-10', '2024-03-17', '2024-03-24']);
    for (const column of ['posts', 'engagement', 'reach', 'impressions', 'followers', 'engagement_per_post'] as const) expect(c[1]![column], column).toBeNaN();
    expect(c[2]!.engagement_lag_1).toBeNaN();
    expect(c[2]!.engagement_lag_2).toBe(10);
    expect(c[2]!.observed_days_4w).toBe(2);
    expect(n[1]!.posts).toBe(0);
    expect(n[2]!.engagement_lag_1).toBe(0);
  });

  it('window features: the naive value, weeks since a post, pooled averages and observed days, hand-worked', () => {
    const rows = [
      row('2024-01-02', { posts: 2, engagement: 100 }), // week of 7 Jan
      row('2024-01-03', { posts: 0, engagement: 0 }),
      row('2024-01-09', { posts: 1, engagement: 20 }), // 14 Jan
      row('2024-01-30', { posts: 0, engagement: 0, followers: 'undefined' }), // 4 Feb
    ];
    const c = resampleWeekly(dailyFromRows(rows), { preset: 'corrected' }).toRecords();
    const last = c[c.length - 1]!; // 4 February: weeks of 7 Jan … 4 Feb
    expect(last.date).toBe('2024-02-04');
    expect(last.last_engagement_per_post).toBe(20);
    expect(last.weeks_since_post).toBe(3);
    expect(last.engagement_per_post_4w).toBe(20); // weeks of 14 Jan … 4 Feb: 20 / 1
    expect(last.engagement_per_post_13w).toBe(40); // (100 + 20) / 3
    expect(last.engagement_per_post_all).toBe(40);
    expect(last.observed_days_4w).toBe(2);
    expect(last.observed_days_13w).toBe(4);
    expect(last.posts_13w).toBe(3);
    expect(last.followers_last_known).toBe(100);
    expect(last.followers).toBeNaN();
    expect(c[0]!.weeks_since_post).toBe(0);
  });

  it('recency-weighted and median averages, hand-worked', () => {
    // Posting weeks (per post): 10, 20, (none), 1000 (viral), 30.
    const rows = [
      row('2024-01-02', { posts: 1, engagement: 10 }),
      row('2024-01-09', { posts: 2, engagement: 40 }),
      row('2024-01-16', { posts: 0, engagement: 0 }),
      row('2024-01-23', { posts: 1, engagement: 1000 }),
      row('2024-01-30', { posts: 1, engagement: 30 }),
    ];
    const c = resampleWeekly(dailyFromRows(rows), { preset: 'corrected' }).toRecords();
    const last = c[c.length - 1]!;
    // Median of 10, 20, 1000, 30: (20 + 30) / 2; the viral week does not move it.
    expect(last.median_engagement_per_post_5).toBe(25);
    expect(c[1]!.median_engagement_per_post_5).toBe(15);
    // Half-life 2 weeks: weights 1, 2^-1/2, 2^-1, 2^-3/2, 2^-2 from the latest week back.
    const l = 2 ** -0.5;
    const e = 30 + l * 1000 + l ** 2 * 0 + l ** 3 * 40 + l ** 4 * 10;
    const p = 1 + l * 1 + l ** 2 * 0 + l ** 3 * 2 + l ** 4 * 1;
    expect(last.engagement_per_post_ewm_2w).toBeCloseTo(e / p, 12);
    expect(c[0]!.engagement_per_post_ewm_8w).toBe(10);
  });

  it('has the notebook columns, then the extra ones, in order', () => {
    const weekly = resampleWeekly(dailyFromRows([row('2024-03-04')]), { preset: 'corrected' });
    expect(Object.keys(weekly.toRecords()[0]!)).toEqual([...CORRECTED_WEEKLY_COLUMNS]);
  });

  it('gives the same table through the fast path, on one and two threads', async () => {
    const rows = simpleRows(30, '2023-11-01', '2024-04-30', 5);
    // Duplicate days with different followers: the larger wins on either path, whatever the file order.
    const lastOfFirst = rows.filter((r) => r.profile_id === rows[0]!.profile_id).pop()!;
    rows.push({ ...lastOfFirst, followers: 999_999 }, { ...lastOfFirst, followers: 5 });
    const header = 'date,profile_id,followers,posts,engagement,reach,impressions';
    const half = Math.floor(rows.length / 2);
    const csv = (part: DailyRowInput[]) =>
      `${header}\n${part.map((r) => [r.date, r.profile_id, r.followers, r.posts, r.engagement, r.reach, r.impressions].join(',')).join('\n')}\n`;
    writeFileSync(join(dir, 'b.csv'), csv(rows.slice(0, half)));
    writeFileSync(join(dir, 'a.csv'), csv(rows.slice(half)));
    const want = resampleWeekly(dailyFromRows(rows), { preset: 'corrected' }).toRecords();
    for (const workers of [1, 2]) {
      const { weekly } = await loadWeekly(dir, { preset: 'corrected', workers });
      expect(weekly.toRecords()).toEqual(want);
    }
    expect(want.filter((r) => r.profile_id === lastOfFirst.profile_id).pop()!.followers).toBe(999_999);
  });
});
