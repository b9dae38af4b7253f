import type { DayWindow, SegmentPart } from '../features/weekly-sums.js';
import type { SpanLimit } from '../frame/span-limit.js';
import type { LoadReport } from '../frame/load-report.js';
import type { InputLimits, OnError, ProgressCallback } from '../schema.js';

/** Options of the aggregating loaders. */
export interface IngestOptions {
  onError?: OnError;
  /** Input limits (dates, record length, weeks per profile); see `InputLimits`. */
  limits?: Partial<InputLimits>;
  onProgress?: ProgressCallback;
  /**
   * Reading threads. Default: one per core (at most one per file) when the
   * files hold at least 16 MB, else the calling thread alone.
   */
  workers?: number;
  /**
   * @internal Only rows of these days are summed; the others are counted in
   * `report.outsideWindow` (and not in `report.rows`). Used by `predictFiles`.
   */
  window?: DayWindow;
  /** @internal Rows of these profiles outside these days are refused (see `spanLimits`). */
  span?: SpanLimit;
}

/** Segment sums of all the rows, per reading thread, with a shared profile dictionary. */
export interface IngestResult {
  parts: SegmentPart[];
  profileIds: string[];
  report: LoadReport;
}
