import { expect } from 'vitest';
import { WEEKLY_COLUMNS, type WeeklyFrame } from '../../src/index.js';
import { close, num, readCsvRecords } from './reference.js';

/** Weekly columns holding integers, compared exactly (the rest are floats; NaN = missing). */
const INTEGER_COLUMNS = ['year', 'month', 'week_of_year', 'week', 'posts', 'engagement', 'reach', 'impressions'];

/**
 * Asserts a weekly table, or a weekly CSV the library wrote, equals a
 * pandas-written `weekly_all.csv`: same rows in
 * the same order, integer columns equal, floats within 1e-9 relative (the
 * reference README's tolerance); names the first cell that differs.
 */
export function expectWeeklyMatchesCsv(weekly: WeeklyFrame | string, csvPath: string): void {
  const want = readCsvRecords(csvPath);
  // A table, or a CSV the library wrote (read back as numbers; empty fields are missing).
  const got =
    typeof weekly === 'string'
      ? readCsvRecords(weekly).map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'profile_id' || k === 'date' || k === 'year_week' ? v : num(v)])),
        )
      : weekly.toRecords();
  expect(got.length).toBe(want.length);
  if (typeof weekly === 'string') expect(Object.keys(got[0] ?? {})).toEqual(WEEKLY_COLUMNS);
  for (let i = 0; i < want.length; i++) {
    for (const column of WEEKLY_COLUMNS) {
      const g = got[i]![column]!;
      const w = want[i]![column]!;
      const ok = typeof g === 'string' ? g === w : INTEGER_COLUMNS.includes(column) ? g === num(w) : close(g, num(w), 1e-9);
      if (!ok) expect.fail(`row ${i + 2} (${want[i]!.profile_id!.slice(0, 8)}… ${want[i]!.date}) ${column}: got ${g}, want ${w}`);
    }
  }
}
