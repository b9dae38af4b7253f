import type { SegmentPart } from '../features/weekly-sums.js';
import { SegmentTable, type DayWindow } from '../features/weekly-sums.js';
import { emptyReport, type LoadReport } from '../frame/load-report.js';
import { checkWorkers, type InputLimits, type OnError, type ProgressCallback } from '../schema.js';
import { readSettings } from './collector.js';
import { discoverFiles, readCsvFiles, totalSize } from './files.js';
import { collectDaily, pathsOf, type DailySource } from './load-daily.js';
import { expectedEntries, merge, readInWorkers, threadPlan } from './threads.js';

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
}

/** Segment sums of all the rows, per reading thread, with a shared profile dictionary. */
export interface IngestResult {
  parts: SegmentPart[];
  profileIds: string[];
  report: LoadReport;
}

/**
 * Reads daily rows straight into segment sums (see `SegmentTable`), on
 * several threads when there are several files: each thread reads whole files
 * handed out one at a time, and sends back its table. No daily row is kept.
 */
export async function ingestSegments(source: DailySource, options: IngestOptions = {}): Promise<IngestResult> {
  const settings = readSettings(options, 'loadWeekly');
  const workers = checkWorkers(options.workers, 'loadWeekly');
  const paths = pathsOf(source);
  const { window } = options;
  let result: IngestResult;
  if (!paths) {
    const table = new SegmentTable(64, window);
    const report = await collectDaily(source, table, options, settings);
    result = { parts: [{ data: table }], profileIds: table.profiles.ids, report };
  } else {
    const files = await discoverFiles(paths);
    const bytes = await totalSize(files);
    const plan = threadPlan(files, bytes, workers);
    if (!plan) {
      const table = new SegmentTable(expectedEntries(bytes), window);
      const report = emptyReport();
      await readCsvFiles(files, table, report, settings, options.onProgress);
      result = { parts: [{ data: table }], profileIds: table.profiles.ids, report };
    } else {
      const { results } = await readInWorkers(files, bytes, plan.threads, plan.spawn, settings, options.onProgress, 'segments', window);
      result = merge(results, files);
    }
  }
  if (window) {
    // The readers counted every good row; those outside the window were not summed.
    const outside = result.parts.reduce((sum, part) => sum + part.data.outside, 0);
    result.report.rows -= outside;
    result.report.outsideWindow = outside;
  }
  return result;
}

