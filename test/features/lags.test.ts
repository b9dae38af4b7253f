// N7 is computed directly per row (src/features/lags.ts). This checks it
// against a literal transcription of the notebook's 16 passes, which mutate
// `year` in place, on data spanning 53-Sunday years (2017, 2023).
import { describe, expect, it } from 'vitest';
import { LAGGED_COLUMNS, LAGS, dailyFromRows, resampleWeekly, type WeeklyFrame } from '../../src/index.js';
import { generateDailyRows } from '../../src/generate.js';

function literalPasses(weekly: WeeklyFrame): { year: Int32Array; lags: Record<string, Float64Array> } {
  const n = weekly.length;
  const week = weekly.column('week');
  const date = weekly.column('date');
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
