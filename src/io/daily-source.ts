import { ArgumentTypeError } from '../errors.js';
import type { RowCollector } from '../frame/daily-frame.js';
import { isDataFrameLike, type DataFrameLike } from '../frame/danfo.js';
import { emptyReport, type LoadReport } from '../frame/load-report.js';
import type { DailyRowInput, InputLimits, OnError, ProgressCallback } from '../schema.js';
import type { WeeklySource } from '../features/source.js';
import type { ReadSettings } from './collector.js';
import { addRowObject, rowsOfDataFrame } from './rows.js';

/*
 * What the loaders read daily rows from, and how rows given as objects (not
 * files) reach a collector: shared by `loadDaily`, `dailyFromRows` and the
 * aggregating loaders.
 */

/**
 * What `loadDaily` reads: a CSV file (`.csv` or `.csv.gz`), a folder
 * (searched recursively), paths, row objects, an async iterable of rows, or a
 * danfo.js `DataFrame` with the daily columns.
 */
export type DailySource =
  string | DataFrameLike | readonly string[] | readonly DailyRowInput[] | Iterable<DailyRowInput> | AsyncIterable<DailyRowInput> | WeeklySource;

/** Options of `loadDaily`. */
export interface LoadOptions {
  /**
   * What to do with a row that cannot be read (wrong field count, bad date,
   * a count that is not a number): `'throw'` (default) raises a `DataError`
   * naming file, line and column; `'skip'` skips it and counts it in
   * `report.skipped` with the first examples in `report.skippedExamples`.
   */
  onError?: OnError;
  /** Called as bytes and rows are read. */
  onProgress?: ProgressCallback;
  /** Input limits (the accepted date range, the longest record); see `InputLimits`. */
  limits?: Partial<InputLimits>;
  /**
   * Only rows on or after this day (`YYYY-MM-DD`); the good rows before it
   * are counted in `report.outsideWindow`. With a SQL engine's source, the
   * engine leaves them out.
   */
  since?: string;
  /**
   * Only these profiles' rows; the good rows of others are counted in
   * `report.outsideWindow`. With a SQL engine's source, the engine leaves
   * them out.
   */
  profiles?: readonly string[];
  /**
   * Reading threads for files. Default: one per core (at most one per file)
   * when the files hold at least 16 MB, else the calling thread alone. The
   * frame is the same either way.
   */
  workers?: number;
}

/** The paths a source names, or null when it holds rows. */
export function pathsOf(source: DailySource): string[] | null {
  if (typeof source === 'string') return [source];
  if (Array.isArray(source) && source.length > 0 && source.every((s) => typeof s === 'string')) return source as string[];
  return null;
}

/**
 * Reads daily rows given as rows (not files: those go through the reading
 * threads' loaders) into any collector (a frame builder, or weekly
 * aggregates for the fast path). Shared by `loadDaily` and the aggregating loaders.
 */
export async function collectDaily(source: DailySource, collector: RowCollector, options: LoadOptions, settings: ReadSettings): Promise<LoadReport> {
  const report = emptyReport();
  if (isDataFrameLike(source)) {
    collectRows(rowsOfDataFrame(source), collector, report, settings);
    return report;
  }
  if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) {
    let i = 0;
    for await (const row of source as AsyncIterable<unknown>) {
      addRowObject(row, i++, collector, report, settings);
      if (options.onProgress && i % 100000 === 0) options.onProgress({ stage: 'read', rows: report.rows });
    }
    return report;
  }
  if (source !== null && typeof source === 'object' && Symbol.iterator in source) {
    collectRows(source as Iterable<unknown>, collector, report, settings);
    return report;
  }
  throw new ArgumentTypeError('loadDaily: source must be a path, an array of paths, an array of row objects or an (async) iterable of rows');
}

/** A caller's own check of a row object before the reader's (it throws to refuse the row). */
export type RowCheck = (row: unknown, index: number) => void;

export function collectRows(rows: Iterable<unknown>, collector: RowCollector, report: LoadReport, settings: ReadSettings, check?: RowCheck): void {
  let i = 0;
  if (check) {
    for (const row of rows) {
      check(row, i);
      addRowObject(row, i++, collector, report, settings);
    }
    return;
  }
  for (const row of rows) addRowObject(row, i++, collector, report, settings);
}
