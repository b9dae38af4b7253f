// N2/N3 from segments: a week that straddles two months is split by month,
// so weekly sums take both parts and monthly sums each their own.
import { describe, expect, it } from 'vitest';
import { parseDay, sundayOf } from '../../src/calendar.js';
import { SegmentTable, lastDayOfSegments, weeklyFromSegments } from '../../src/features/weekly-sums.js';
import { DataError } from '../../src/errors.js';
import { dateOf, dayOf, sundayOf as sundayOfDay } from '../helpers/history.js';

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

  it('keeps one entry per profile and segment while it grows, with rows in any order, and sums each week', () => {
    // 40 profiles × 30 weeks of days in shuffled order: the per-profile memo
    // mostly misses, the hash table grows from its default size many times.
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const rows: { p: number; day: number; engagement: number }[] = [];
    const start = dayOf('2023-12-04');
    for (let p = 0; p < 40; p++) for (let d = 0; d < 210; d++) if (next() < 0.4) rows.push({ p, day: start + d, engagement: 1 + Math.floor(next() * 9) });
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    const segments = new Set<string>();
    const weeks = new Map<string, number>();
    for (const r of rows) {
      const sunday = sundayOfDay(r.day);
      segments.add(`${r.p} ${sunday} ${dateOf(r.day).slice(5, 7) === dateOf(sunday).slice(5, 7) ? 0 : 1}`);
      const key = `q${String(r.p).padStart(2, '0')} ${dateOf(sunday)}`;
      weeks.set(key, (weeks.get(key) ?? 0) + r.engagement);
    }
    for (const expected of [undefined, segments.size]) {
      const table = new SegmentTable(expected);
      const ids = Array.from({ length: 40 }, (_, p) => table.profiles.internString(`q${String(p).padStart(2, '0')}`));
      for (const r of rows) table.add(ids[r.p]!, r.day, 1, 1, r.engagement, 1, 1);
      expect(table.size, `expected entries ${expected}`).toBe(segments.size);
      const records = weeklyFromSegments([{ data: table }], table.profiles.ids, 'notebook', 1100).toRecords();
      const got = new Map(records.filter((r) => r.engagement > 0).map((r) => [`${r.profile_id} ${r.date}`, r.engagement]));
      expect([...got].sort(), `expected entries ${expected}`).toEqual([...weeks].sort());
    }
  });

  it("gives the latest day of any profile, not the last profile's", () => {
    const table = new SegmentTable();
    table.add(table.profiles.internString('a'), dayOf('2024-05-09'), 1, 1, 1, 1, 1);
    table.add(table.profiles.internString('b'), dayOf('2024-03-01'), 1, 1, 1, 1, 1);
    expect(dateOf(lastDayOfSegments(table))).toBe('2024-05-09');
    expect(lastDayOfSegments(new SegmentTable())).toBe(Number.NEGATIVE_INFINITY);
  });

  it('takes a profile of exactly maxWeeksPerProfile weeks, refuses one more, and reports the weekly stage', () => {
    const table = new SegmentTable();
    const p = table.profiles.internString('p');
    table.add(p, dayOf('2024-01-01'), 1, 1, 1, 1, 1); // week of 2024-01-07
    table.add(p, dayOf('2024-01-29'), 1, 1, 1, 1, 1); // week of 2024-02-04: 5 weeks
    const stages: unknown[] = [];
    expect(weeklyFromSegments([{ data: table }], table.profiles.ids, 'notebook', 5, (e) => stages.push(e)).length).toBe(5);
    expect(stages).toEqual([{ stage: 'weekly', rows: 5 }]);
    let error: unknown;
    try {
      weeklyFromSegments([{ data: table }], table.profiles.ids, 'notebook', 4);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const { file, line, column, value, message } = error as DataError;
    expect({ file, line, column, value, message }).toEqual({
      file: '<input>',
      line: 0,
      column: 'profile_id',
      value: 'p',
      message: `<input> (column 'profile_id'): the profile's records span 5 weeks (2024-01-01 … 2024-01-29), more than limits.maxWeeksPerProfile = 4: "p"`,
    });
  });

  it('builds the weeks of a profile before 1970', () => {
    const table = new SegmentTable();
    const p = table.profiles.internString('old');
    table.add(p, dayOf('1965-03-01'), 1, 1, 4, 1, 1);
    table.add(p, dayOf('1965-03-10'), 1, 1, 6, 1, 1);
    const records = weeklyFromSegments([{ data: table }], table.profiles.ids, 'notebook', 1100).toRecords();
    expect(records.map((r) => [r.date, r.engagement])).toEqual([
      ['1965-03-07', 4],
      ['1965-03-14', 6],
    ]);
  });
});
