import type { DataError } from '../errors.js';
import { ProfileInterner } from './interner.js';

/** What happened while reading: counts of everything read, skipped or missing. */
export interface LoadReport {
  /** The files read, in reading order (empty for rows passed as objects). */
  files: string[];
  /** Bytes read from files (after decompression). */
  bytes: number;
  /** Daily rows kept. */
  rows: number;
  /** Rows skipped under `onError: 'skip'`. */
  skipped: number;
  /** The first skipped rows' errors (at most 20). */
  skippedExamples: DataError[];
  /** Rows whose `followers` was not a number (kept, with followers missing). */
  missingFollowers: number;
  /** Blank lines passed over. */
  blankLines: number;
}

export function emptyReport(): LoadReport {
  return { files: [], bytes: 0, rows: 0, skipped: 0, skippedExamples: [], missingFollowers: 0, blankLines: 0 };
}

/** Where parsed daily rows go: a columnar frame, or weekly aggregates built while reading. */
export interface RowCollector {
  readonly profiles: ProfileInterner;
  add(profile: number, day: number, followers: number, posts: number, engagement: number, reach: number, impressions: number): void;
}

/** How readers treat a row that cannot be read. */
export type OnError = 'throw' | 'skip';

export const MAX_SKIPPED_EXAMPLES = 20;

/** Records a bad row, or throws it, as `onError` says. */
export function handleBadRow(error: DataError, onError: OnError, report: LoadReport): void {
  if (onError === 'throw') throw error;
  report.skipped++;
  if (report.skippedExamples.length < MAX_SKIPPED_EXAMPLES) report.skippedExamples.push(error);
}
