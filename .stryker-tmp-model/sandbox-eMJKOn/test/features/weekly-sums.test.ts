// @ts-nocheck
// N2/N3 from segments: a week that straddles two months is split by month,
// so weekly sums take both parts and monthly sums each their own.
import { describe, expect, it } from 'vitest';
import { parseDay, sundayOf } from '../../src/calendar.js';
import { SegmentTable, weeklyFromSegments } from '../../src/features/weekly-sums.js';

describe('segments and the weekly sums', () => {
  it("codes a day by its week's Sunday and whether it lies in the month before", () => {
    const table = new SegmentTable();
    const sunday = parseDay('2024-02-04');
    expect(table.codeOf(parseDay('2024-01-29'))).toBe(sunday * 2 + 1); // Monday, January
    expect(table.codeOf(parseDay('2024-01-31'))).toBe(sunday * 2 + 1);
    expect(table.codeOf(parseDay('2024-02-01'))).toBe(sunday * 2); // February, the Sunday's month
    expect(table.codeOf(parseDay('2024-02-04'))).toBe(sunday * 2);
    expect(sundayOf(parseDay('2024-01-29'))).toBe(sunday);
  });

  it('sums a straddling week whole, and each month its own days', () => {
    const table = new SegmentTable();
    const p = table.profiles.internString('p');
    // day, followers, posts, engagement, reach, impressions
    table.add(p, parseDay('2024-01-22'), 10, 1, 1, 5, 6); // week of 01-28, January
    table.add(p, parseDay('2024-01-30'), 11, 1, 3, 5, 6); // week of 02-04, January part
    table.add(p, parseDay('2024-02-02'), Number.NaN, 1, 5, 5, 6); // week of 02-04, February part
    expect(table.size).toBe(3); // three segments: (01-28, part 0), (02-04, part 1), (02-04, part 0)
    const weekly = weeklyFromSegments([{ data: table }], table.profiles.ids, 'notebook', 1100);
    const records = weekly.toRecords();
    expect(records.map((r) => r.date)).toEqual(['2024-01-28', '2024-02-04']);
    expect(records.map((r) => r.engagement)).toEqual([1, 8]);
    expect(records.map((r) => r.posts)).toEqual([1, 2]);
    expect(records.map((r) => r.followers)).toEqual([10, 11]); // Q1: the sum of the non-missing values
    expect(Array.from(weekly.dailyRows)).toEqual([1, 2]);
    // January: (1 + 3) / 2 posts; February: 5 / 1 post.
    expect(records.map((r) => r.monthly_average_engagement_per_post)).toEqual([2, 5]);
  });

  it('merges parts from several readers through their profile maps', () => {
    const one = new SegmentTable();
    const two = new SegmentTable();
    one.add(one.profiles.internString('x'), parseDay('2024-03-04'), 1, 1, 2, 3, 4);
    two.add(two.profiles.internString('y'), parseDay('2024-03-05'), 1, 1, 7, 3, 4);
    two.add(two.profiles.internString('x'), parseDay('2024-03-06'), 1, 1, 5, 3, 4);
    const weekly = weeklyFromSegments(
      [
        { data: one, profileMap: Int32Array.of(0) },
        { data: two, profileMap: Int32Array.of(1, 0) },
      ],
      ['x', 'y'],
      'notebook',
      1100,
    );
    expect(weekly.toRecords().map((r) => [r.profile_id, r.engagement])).toEqual([
      ['x', 7],
      ['y', 7],
    ]);
  });
});
