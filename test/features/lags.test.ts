// N7 is computed directly per row (src/features/lags.ts). This checks it
// against a literal transcription of the notebook's 16 passes, which mutate
// `year` in place, on data spanning 53-Sunday years (2017, 2023).
import { describe, expect, it } from 'vitest';
import { LAGGED_COLUMNS, LAGS, dailyFromRows, resampleWeekly, type WeeklyFrame } from '../../src/index.js';
import { generateDailyRows } from '../../src/generate.js';

/** `%U` of a Sunday, counted the long way: the Sundays from 1 January up to it. */
const weekUMemo = new Map<number, number>();
function sundaysSoFar(day: number): number {
  let n = weekUMemo.get(day);
  if (n === undefined) {
    const start = Date.UTC(new Date(day * 86400000).getUTCFullYear(), 0, 1) / 86400000;
    n = 0;
    for (let d = start; d <= day; d++) if (new Date(d * 86400000).getUTCDay() === 0) n++;
    weekUMemo.set(day, n);
  }
  return n;
}

function literalPasses(weekly: WeeklyFrame): { year: Int32Array; lags: Record<string, Float64Array> } {
  const n = weekly.length;
  const date = weekly.column('date');
  // `year` and `week` re-read from `year_week`, here from the Sunday itself (not the library's columns).
  const week = Int32Array.from(date, (d) => sundaysSoFar(d));
  // The Sunday's year, before any pass.
  const year = Int32Array.from(date, (d) => new Date(d * 86400000).getUTCFullYear());
  const sameProfile = (i: number, j: number) => j >= 0 && weekly.profile[i] === weekly.profile[j];
  const lags: Record<string, Float64Array> = {};
  for (const lag of LAGS) {
    for (const f of LAGGED_COLUMNS) {
      const source = weekly.column(f);
      const prevYear = Float64Array.from({ length: n }, (_, i) => (sameProfile(i, i - lag) ? year[i - lag]! : NaN));
      const prevWeek = Float64Array.from({ length: n }, (_, i) => (sameProfile(i, i - lag) ? week[i - lag]! : NaN));
      const cand = Float64Array.from({ length: n }, (_, i) => (sameProfile(i, i - lag) ? source[i - lag]! : NaN));
      for (let i = 0; i < n; i++) if (week[i]! - lag <= 0) year[i]! -= 1;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let expected = week[i]! - lag;
        if (expected <= 0) expected += 52;
        out[i] = prevYear[i] === year[i] && prevWeek[i] === expected ? cand[i]! : 0;
      }
      lags[`${f}_lag_${lag}`] = out;
    }
  }
  return { year, lags };
}

describe('lag features (N7)', () => {
  for (const [from, to, seed] of [
    ['2016-10-01', '2018-03-31', 3],
    ['2022-11-15', '2024-02-20', 4],
  ] as const) {
    it(`match the notebook's 16 in-place passes, ${from} … ${to}`, () => {
      const weekly = resampleWeekly(dailyFromRows(generateDailyRows({ profiles: 60, from, to, seed })));
      const { year, lags } = literalPasses(weekly);
      expect(Array.from(weekly.column('year'))).toEqual(Array.from(year));
      expect(Array.from(weekly.column('week'))).toEqual(Array.from(weekly.column('date'), (d) => sundaysSoFar(d)));
      let nonZero = 0;
      for (const [name, want] of Object.entries(lags)) {
        const got = weekly.column(name);
        expect(Array.from(got), name).toEqual(Array.from(want));
        const rows = Int32Array.from({ length: weekly.length }, (_, i) => i).filter((i) => i % 3 === 0);
        expect(Array.from(weekly.columnAt(name, rows))).toEqual(Array.from(rows, (i) => want[i]!));
        nonZero += want.filter((v) => v !== 0).length;
      }
      expect(nonZero).toBeGreaterThan(1000);
    });
  }
});

describe('lag features (N7) on hand-written weeks', () => {
  /** One row on each given Sunday, engagement and followers as given. */
  function weeklyOf(days: [date: string, engagement: number, followers: number][]) {
    const rows = days.map(([date, engagement, followers]) => ({ date, profile_id: 'p', followers, posts: 1, engagement, reach: 1, impressions: 1 }));
    const weekly = resampleWeekly(dailyFromRows(rows));
    return (column: string) => Array.from(weekly.column(column));
  }

  it('are the values 1–4 weeks back in mid-year, 0 before the first week', () => {
    // %U weeks 9, 10, 11, 12 of 2024.
    const col = weeklyOf([
      ['2024-03-03', 10, 1],
      ['2024-03-10', 20, 2],
      ['2024-03-17', 30, 3],
      ['2024-03-24', 40, 4],
    ]);
    expect(col('week')).toEqual([9, 10, 11, 12]);
    expect(col('engagement_lag_1')).toEqual([0, 10, 20, 30]);
    expect(col('engagement_lag_2')).toEqual([0, 0, 10, 20]);
    expect(col('engagement_lag_4')).toEqual([0, 0, 0, 0]);
    expect(col('followers_lag_3')).toEqual([0, 0, 0, 1]);
    expect(col('year')).toEqual([2024, 2024, 2024, 2024]);
  });

  it('see a zero-filled week as a real week of zeros (Q9 of the notebook)', () => {
    const col = weeklyOf([
      ['2024-03-03', 10, 1],
      ['2024-03-17', 30, 3],
    ]);
    expect(col('engagement_lag_1')).toEqual([0, 10, 0]); // 03-10 has no record: a week of zeros
    expect(col('engagement_lag_2')).toEqual([0, 0, 10]);
  });

  it('are 0 after a 53-Sunday year (Q4): 2023-12-31 is week 53, 2024-01-07 week 1', () => {
    const col = weeklyOf([
      ['2023-12-24', 5, 1],
      ['2023-12-31', 6, 2],
      ['2024-01-07', 7, 3],
      ['2024-01-14', 8, 4],
    ]);
    expect(col('week')).toEqual([52, 53, 1, 2]);
    // Week 1 expects week 52 before it (1 − 1 + 52), but finds 53.
    expect(col('engagement_lag_1')).toEqual([0, 5, 0, 7]);
    // Lag 2: week 1 expects 51 (1 − 2 + 52) and finds 52; week 2 expects 52 and finds 53.
    expect(col('engagement_lag_2')).toEqual([0, 0, 0, 0]);
    // `year` after the passes: week 1 is decreased in all 16, week 2 in the 12 with lag ≥ 2.
    expect(col('year')).toEqual([2023, 2023, 2024 - 16, 2024 - 12]);
  });

  it('follow the in-place year decrements across a 52-Sunday year (Q3)', () => {
    // 2024-12-29 is week 52 of 2024; 2025-01-05 week 1, 2025-01-12 week 2.
    const col = weeklyOf([
      ['2024-12-29', 5, 100],
      ['2025-01-05', 7, 200],
      ['2025-01-12', 9, 300],
    ]);
    expect(col('week')).toEqual([52, 1, 2]);
    // Pass 1 (lag 1, engagement): week 1 becomes year 2024 in this pass, like week 52: the lag is kept.
    expect(col('engagement_lag_1')).toEqual([0, 5, 7]);
    // Pass 2 (lag 1, followers), at 2025-01-12: the row before was already moved to 2024 in pass 1,
    // this one is still 2025: the years differ and the lag is 0, though the weeks are consecutive.
    expect(col('followers_lag_1')).toEqual([0, 0, 0]);
    // Lag 2 at week 2: week 52 two rows back, and both rows read 2024 in that pass.
    expect(col('engagement_lag_2')).toEqual([0, 0, 5]);
  });
});
