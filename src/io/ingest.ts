export type { IngestOptions, IngestResult } from './ingest-options.js';
import { SegmentTable } from '../features/weekly-sums.js';
import { emptyReport } from '../frame/load-report.js';
import { checkWorkers } from '../schema.js';
import { readSettings, type ReadSettings } from './collector.js';
import { collectDaily, pathsOf, type DailySource } from './daily-source.js';
import { discoverFiles, readCsvFiles, totalSize } from './files.js';
import type { IngestOptions, IngestResult } from './ingest-options.js';
import { expectedEntries, merge, readInWorkers, threadPlan } from './threads.js';

/**
 * Reads daily rows straight into segment sums (see `SegmentTable`), on
 * several threads when there are several files: each thread reads whole files
 * handed out one at a time, and sends back its table. No daily row is kept.
 * `checked`: the reading settings, when the caller has checked them already.
 */
export async function ingestSegments(source: DailySource, options: IngestOptions = {}, checked?: ReadSettings): Promise<IngestResult> {
  // Settings checked by the caller are taken as they are (checked once per call).
  const settings = checked ?? readSettings(options, 'loadWeekly');
  const workers = checkWorkers(options.workers, 'loadWeekly');
  const paths = pathsOf(source);
  const { window, span } = options;
  let result: IngestResult;
  if (!paths) {
    const table = new SegmentTable(64, window, span);
    const report = await collectDaily(source, table, options, settings);
    result = { parts: [{ data: table }], profileIds: table.profiles.ids, report };
  } else {
    const files = await discoverFiles(paths);
    const bytes = await totalSize(files);
    const plan = threadPlan(files, bytes, workers);
    if (!plan) {
      const table = new SegmentTable(expectedEntries(bytes), window, span);
      const report = emptyReport();
      await readCsvFiles(files, table, report, settings, options.onProgress);
      result = { parts: [{ data: table }], profileIds: table.profiles.ids, report };
    } else {
      const { results } = await readInWorkers({
        files,
        totalBytes: bytes,
        threads: plan.threads,
        spawn: plan.spawn,
        settings,
        onProgress: options.onProgress,
        mode: 'segments',
        window,
        span,
      });
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
