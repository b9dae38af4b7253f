import type { DataError } from '../errors.js';

/** What reading found: counts of everything read, skipped or missing. */
export interface LoadReport {
  /** The files read, in reading order (empty for rows passed as objects). */
  files: string[];
  /** Bytes read from files (after decompression). */
  bytes: number;
  /** Daily rows kept. */
  rows: number;
  /** Rows skipped under `onError: 'skip'`. */
  skipped: number;
  /** The first skipped rows' errors (at most `MAX_SKIPPED_EXAMPLES`), in file and line order. */
  skippedExamples: DataError[];
  /** Rows whose `followers` was not a number (kept, with followers missing). */
  missingFollowers: number;
  /** Blank lines passed over. */
  blankLines: number;
  /**
   * Good rows read but left out because their day is outside the window
   * asked for (`predictFiles`' `since` and `asOf`); not counted in `rows`.
   * Absent when no window was asked for.
   */
  outsideWindow?: number;
  /**
   * Rows whose (date, profile_id) had a row already: kept, and summed with
   * it into the day's week (N3: pandas' resample sums them too). Counted
   * where rows are summed (`loadWeekly`, on every source); absent from
   * `loadDaily`'s report, whose frame keeps every row as read.
   */
  duplicateRows?: number;
}

/** How many skipped rows a report keeps as examples. */
export const MAX_SKIPPED_EXAMPLES = 20;

/** A report of nothing read yet. */
export function emptyReport(): LoadReport {
  return { files: [], bytes: 0, rows: 0, skipped: 0, skippedExamples: [], missingFollowers: 0, blankLines: 0 };
}
