import type { ColumnDefinition, WeeklyFrame } from '../frame/weekly-frame.js';
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
const DECREMENTS: readonly Int32Array[] = Array.from({ length: 55 }, (_, w) => {
  const counts = new Int32Array(17);
  for (let q = 0; q < 16; q++) counts[q + 1] = counts[q]! + (w - (Math.floor(q / 4) + 1) <= 0 ? 1 : 0);
  return counts;
});

/** The `year` column after N7 (what the notebook outputs): the Sunday's year minus 4 per lag L ≥ week. */
function notebookYear(sundayYear: number, week: number): number {
  return sundayYear - DECREMENTS[week]![16]!;
}

/** The pass index of `${column}_lag_${lag}` in N7's order. */
function lagPass(column: (typeof LAGGED_COLUMNS)[number], lag: (typeof LAGS)[number]): number {
  return (lag - 1) * 4 + LAGGED_COLUMNS.indexOf(column);
}

/**
 * The notebook's lag value at row `i` for pass `q` (lag `lag`), given the
 * Sunday years and `%U` weeks of the rows and the first row of i's profile.
 */
function notebookLagAt(
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

/** Row functions for the Sunday's calendar year and `%U` week (what N7 re-reads from `year_week`). */
function sundayYearWeek(frame: WeeklyFrame): { year: (row: number) => number; week: (row: number) => number } {
  const cal = frame.calendar;
  const date = frame.column('date');
  return { year: (i) => cal.year[(date[i]! - cal.first) / 7]!, week: (i) => cal.weekU[(date[i]! - cal.first) / 7]! };
}

/** `year` as the notebook outputs it: the Sunday's year (N6) after N7's decrements (Q3). */
export const NOTEBOOK_YEAR_COLUMN: ColumnDefinition = {
  name: 'year',
  integer: true,
  numeric: (frame) => {
    const { year, week } = sundayYearWeek(frame);
    return (i) => notebookYear(year(i), week(i));
  },
};

/** `week`: the Sunday's `%U` week number, re-read from `year_week` by N7. */
export const WEEK_COLUMN: ColumnDefinition = { name: 'week', integer: true, numeric: (frame) => sundayYearWeek(frame).week };

/** The 16 lag columns, `engagement_lag_1` … `impressions_lag_4`, in N7's pass order. */
export const NOTEBOOK_LAG_COLUMNS: readonly ColumnDefinition[] = LAGS.flatMap((lag) =>
  LAGGED_COLUMNS.map((column): ColumnDefinition => ({
    name: `${column}_lag_${lag}`,
    numeric: (frame) => {
      const q = lagPass(column, lag);
      const source = frame.column(column);
      const { offsets, profile } = frame;
      const { year, week } = sundayYearWeek(frame);
      return (i) => notebookLagAt(i, lag, q, offsets[profile[i]!]!, year, week, source);
    },
  })),
);

/** `year`, `corrected` preset (Q3): the Sunday's calendar year, never changed. */
export const CORRECTED_YEAR_COLUMN: ColumnDefinition = { name: 'year', integer: true, numeric: (frame) => sundayYearWeek(frame).year };

/**
 * N7, `corrected` preset: `f_lag_L` is f of the week whose Sunday is exactly
 * 7·L days earlier (Q4), in the same profile; missing (NaN) before the
 * profile's first week and where that week has no record (Q9: the weekly
 * sums of such a week are missing, see `weekly-columns.ts`). Models impute
 * and flag missing lags explicitly (`model/design.ts`).
 */
export const CORRECTED_LAG_COLUMNS: readonly ColumnDefinition[] = LAGS.flatMap((lag) =>
  LAGGED_COLUMNS.map((column): ColumnDefinition => ({
    name: `${column}_lag_${lag}`,
    numeric: (frame) => {
      const source = frame.column(column);
      const { offsets, profile } = frame;
      // Every week of a profile has a row, so the week 7·L days earlier is L rows up.
      return (i) => (i - lag >= offsets[profile[i]!]! ? source[i - lag]! : Number.NaN);
    },
  })),
);
