import { LAGGED_COLUMNS, LAGS } from '../schema.js';

/**
 * N7, `notebook` preset, without running the 16 passes.
 *
 * The notebook runs, for L in 1…4 and f in engagement, followers, reach,
 * impressions (pass q = 4(L−1) + f):
 *  1. take year, week and f of row i−L in the same profile (before this pass's step 2);
 *  2. quirk Q3: decrease `year` by 1 on every row with week − L ≤ 0, in place;
 *  3. expected week = week − L, plus 52 when ≤ 0 (quirk Q4);
 *  4. the lag is f[i−L] when that row's year equals row i's year (after step 2)
 *     and its week is the expected week, else 0.
 *
 * A row's year only ever changes by those decrements, and whether a row is
 * decreased in pass q depends only on its own `%U` week: a row of week w is
 * decreased in every pass with L ≥ w. So the year a row has before pass q is
 * its Sunday's year minus `DECREMENTS[w][q]` (decrements in passes 0…q−1), and
 * any lag at any row can be computed directly — for just the rows that are
 * needed, with no column mutated. `test/lags.test.ts` checks this against a
 * literal transcription of the 16 passes.
 */
export const DECREMENTS: readonly Int32Array[] = Array.from({ length: 55 }, (_, w) => {
  const counts = new Int32Array(17);
  for (let q = 0; q < 16; q++) counts[q + 1] = counts[q]! + (w - (Math.floor(q / 4) + 1) <= 0 ? 1 : 0);
  return counts;
});

/** The `year` column after N7 (what the notebook outputs): the Sunday's year minus 4 per lag L ≥ week. */
export function notebookYear(sundayYear: number, week: number): number {
  return sundayYear - DECREMENTS[week]![16]!;
}

/** The pass index of `${column}_lag_${lag}` in N7's order. */
export function lagPass(column: (typeof LAGGED_COLUMNS)[number], lag: (typeof LAGS)[number]): number {
  return (lag - 1) * 4 + LAGGED_COLUMNS.indexOf(column);
}

/**
 * The notebook's lag value at row `i` for pass `q` (lag `lag`), given the
 * Sunday years and `%U` weeks of the rows and the first row of i's profile.
 */
export function notebookLagAt(
  i: number,
  lag: number,
  q: number,
  profileStart: number,
  sundayYear: (row: number) => number,
  week: (row: number) => number,
  source: ArrayLike<number>,
): number {
  const j = i - lag;
  if (j < profileStart) return 0;
  const wi = week(i);
  const wj = week(j);
  let expected = wi - lag;
  if (expected <= 0) expected += 52;
  if (wj !== expected) return 0;
  const yearBefore = sundayYear(j) - DECREMENTS[wj]![q]!;
  const yearAfter = sundayYear(i) - DECREMENTS[wi]![q + 1]!;
  return yearBefore === yearAfter ? source[j]! : 0;
}
