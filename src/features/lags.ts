import { LAGGED_COLUMNS, LAGS } from '../schema.js';

/**
 * N7, `notebook` preset: the 16 lag passes exactly as the notebook runs them.
 * For L in 1…4, for f in engagement, followers, reach, impressions:
 *  1. take year, week and f of row i−L in the same profile (before this pass's mutation);
 *  2. quirk Q3: decrease `year` by 1 on every row with week − L ≤ 0 (in place: it accumulates);
 *  3. expected week = week − L, plus 52 when ≤ 0 (quirk Q4);
 *  4. the lag is f[i−L] when its year equals row i's (mutated) year and its week
 *     is the expected week, else 0.
 *
 * `year` is mutated in place, as in the notebook; the result maps
 * `f_lag_L` to its column.
 */
export function notebookLags(
  offsets: Int32Array,
  year: Int32Array,
  week: Int32Array,
  sources: Record<(typeof LAGGED_COLUMNS)[number], Float64Array>,
): Record<string, Float64Array> {
  const n = year.length;
  const profiles = offsets.length - 1;
  const yearBefore = new Int32Array(n);
  const out: Record<string, Float64Array> = {};
  for (const lag of LAGS) {
    for (const name of LAGGED_COLUMNS) {
      const source = sources[name];
      const lagged = new Float64Array(n);
      yearBefore.set(year);
      for (let i = 0; i < n; i++) if (week[i]! - lag <= 0) year[i]!--;
      for (let k = 0; k < profiles; k++) {
        const end = offsets[k + 1]!;
        for (let i = offsets[k]! + lag; i < end; i++) {
          const j = i - lag;
          let expected = week[i]! - lag;
          if (expected <= 0) expected += 52;
          lagged[i] = yearBefore[j] === year[i] && week[j] === expected ? source[j]! : 0;
        }
      }
      out[`${name}_lag_${lag}`] = lagged;
    }
  }
  return out;
}
