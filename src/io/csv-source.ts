import { throughOf, type WeeklyLoad, type WeeklyRequest, type WeeklySource } from '../features/source.js';
import { lastDayOfSegments, spanLimits, weeklyFromSegments } from '../features/weekly-sums.js';
import { isDataFrameLike, type DataFrameLike } from '../frame/danfo.js';
import type { Preset } from '../schema.js';
import { pathsOf, type DailySource } from './daily-source.js';
import { ingestSegments } from './ingest.js';
import { rowsWeeklySource } from './rows-source.js';

/** Options of `csvSource`. */
export interface CsvSourceOptions {
  /**
   * Reading threads. Default: one per core (at most one per file) when the
   * files hold at least 16 MB, else the calling thread alone.
   */
  workers?: number;
}

/**
 * Daily CSV files (`.csv`, `.csv.gz`, folders searched recursively) — or
 * rows given as objects — as a `WeeklySource`: the fast path, summing rows
 * into segments while reading, on all cores, without keeping any daily row.
 * `loadWeekly(paths)` is `loadWeekly(csvSource(paths))`.
 * @example
 * const { weekly } = await loadWeekly(csvSource('data/', { workers: 2 }), { preset: 'corrected' });
 */
export function csvSource(source: DailySource, options: CsvSourceOptions = {}): WeeklySource {
  const paths = pathsOf(source);
  // Rows already in memory (an array, a DataFrame): checked and summed on this thread, as `predict` reads them.
  if (!paths && (Array.isArray(source) || isDataFrameLike(source))) return rowsWeeklySource(source as readonly unknown[] | DataFrameLike);
  return {
    name: paths ? paths.join(', ') : '<rows>',
    async weekly<P extends Preset>(request: WeeklyRequest<P>): Promise<WeeklyLoad<P>> {
      const { onProgress } = request;
      const settings = { onError: request.onError, limits: request.limits };
      const ingestOptions = {
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        ...(onProgress ? { onProgress } : {}),
        ...(request.window ? { window: request.window } : {}),
      };
      let { parts, profileIds, report } = await ingestSegments(source, ingestOptions, settings);
      // A profile whose records span more weeks than the limit (a mistyped year): files are read again, refusing its
      // rows outside the weeks that hold most of them, each named by file and line as any bad row is. (A one-shot
      // iterator of rows cannot be read again: the table's own check names the profile.)
      const span = paths ? spanLimits(parts, profileIds, request.limits.maxWeeksPerProfile) : null;
      if (span) ({ parts, profileIds, report } = await ingestSegments(source, { ...ingestOptions, span }, settings));
      let lastDay = Number.NEGATIVE_INFINITY;
      for (const { data } of parts) lastDay = Math.max(lastDay, lastDayOfSegments(data));
      const through = throughOf(request, lastDay);
      const counts = { duplicateRows: 0 };
      const weekly = weeklyFromSegments(parts, profileIds, request.preset, request.limits.maxWeeksPerProfile, onProgress, through, counts);
      report.duplicateRows = counts.duplicateRows;
      return { weekly, report, lastDay };
    },
  };
}
