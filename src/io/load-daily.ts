import { ArgumentTypeError } from '../errors.js';
import { DailyFrame, DailyFrameBuilder, type RowCollector } from '../frame/daily-frame.js';
import { isDataFrameLike, type DataFrameLike } from '../frame/danfo.js';
import type { DailyRowInput, InputLimits, OnError, ProgressCallback } from '../schema.js';
import { readSettings, type ReadSettings } from './collector.js';
import { emptyReport, type LoadReport } from '../frame/load-report.js';
import { addRowObject, rowsOfDataFrame } from './rows.js';
import { ingestDaily } from './threads.js';

/**
 * What `loadDaily` reads: a CSV file (`.csv` or `.csv.gz`), a folder
 * (searched recursively), paths, row objects, an async iterable of rows, or a
 * danfo.js `DataFrame` with the daily columns.
 */
export type DailySource =
  | string
  | DataFrameLike
  | readonly string[]
  | readonly DailyRowInput[]
  | Iterable<DailyRowInput>
  | AsyncIterable<DailyRowInput>;

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

function collectRows(rows: Iterable<unknown>, collector: RowCollector, report: LoadReport, settings: ReadSettings): void {
  let i = 0;
  for (const row of rows) addRowObject(row, i++, collector, report, settings);
}

/**
 * Step N1: reads daily rows into a columnar `DailyFrame`.
 *
 * Files are read header-first (any column order, extra columns ignored), as
 * bytes; `followers` that is not a number is missing (NaN), as pandas reads
 * it. Bad rows raise a `DataError` (file, line, column) unless
 * `onError: 'skip'`, in which case they are counted in `frame.report`.
 *
 * @example
 * const daily = await loadDaily('data/ig_data_2023');
 * const one = await loadDaily([{ date: '2024-09-01', profile_id: 'a', followers: 120, posts: 1, engagement: 14, reach: 80, impressions: 95 }]);
 * @throws {DataError} on the first unreadable row (default), a missing file or folder, or a missing required column.
 */
export async function loadDaily(source: DailySource, options: LoadOptions = {}): Promise<DailyFrame> {
  const paths = pathsOf(source);
  if (paths) return ingestDaily(paths, options);
  const builder = new DailyFrameBuilder();
  const report = await collectDaily(source, builder, options, readSettings(options, 'loadDaily'));
  return builder.finish(report);
}

/**
 * The synchronous twin of `loadDaily` for rows already in memory (an API
 * request's body, or a danfo.js `DataFrame`): validates each row and builds
 * a `DailyFrame`.
 * @throws {DataError} on the first bad row unless `onError: 'skip'`.
 */
export function dailyFromRows(rows: Iterable<DailyRowInput> | DataFrameLike, options: Pick<LoadOptions, 'onError' | 'limits'> = {}): DailyFrame {
  const settings = readSettings(options, 'dailyFromRows');
  const builder = new DailyFrameBuilder();
  const report = emptyReport();
  if (isDataFrameLike(rows)) {
    collectRows(rowsOfDataFrame(rows), builder, report, settings);
    return builder.finish(report);
  }
  if (rows === null || typeof rows !== 'object' || !(Symbol.iterator in rows)) {
    throw new ArgumentTypeError('dailyFromRows: expected an array (or iterable) of row objects');
  }
  collectRows(rows, builder, report, settings);
  return builder.finish(report);
}
