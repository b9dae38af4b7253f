import { throughOf, type WeeklyLoad, type WeeklyRequest, type WeeklySource } from '../features/source.js';
import { lastDayOfSegments, spanLimits, weeklyFromSegments } from '../features/weekly-sums.js';
import { isDataFrameLike } from '../frame/danfo.js';
import type { Preset } from '../schema.js';
import { pathsOf, type DailySource } from './daily-source.js';
import { ingestSegments } from './ingest.js';

/** Options of `csvSource`. */
export interface CsvSourceOptions {
  /**
   * Reading threads. Default: one per core (at most one per file) when the
   * files hold at least 16 MB, else the calling thread alone.
   */
  workers?: number;
}

/** Whether a source can be read twice: files, an array of rows, a DataFrame (not a one-shot iterator). */
function readAgain(source: DailySource): boolean {
  return pathsOf(source) !== null || Array.isArray(source) || isDataFrameLike(source);
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
      // A profile whose records span more weeks than the limit (a mistyped year): read again, refusing its rows
      // outside the weeks that hold most of them, each named by file and line (or row) as any bad row is.
      const span = readAgain(source) ? spanLimits(parts, profileIds, request.limits.maxWeeksPerProfile) : null;
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
