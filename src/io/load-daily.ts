import { parseDayStrict } from '../calendar.js';
import { ArgumentTypeError } from '../errors.js';
import { isWeeklySource } from '../features/source.js';
import { DailyFrame, DailyFrameBuilder } from '../frame/daily-frame.js';
import { isDataFrameLike, type DataFrameLike } from '../frame/danfo.js';
import type { DailyRowInput } from '../schema.js';
import { readSettings } from './collector.js';
import { emptyReport } from '../frame/load-report.js';
import { rowsOfDataFrame } from './rows.js';
import { collectDaily, collectRows, pathsOf, type DailySource, type LoadOptions } from './daily-source.js';
import { ingestDaily } from './threads.js';

export type { DailySource, LoadOptions } from './daily-source.js';

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
 * @throws {@link DataError} on the first unreadable row (default), a missing file or folder, or a missing required column.
 */
export async function loadDaily(source: DailySource, options: LoadOptions = {}): Promise<DailyFrame> {
  const since = options.since === undefined ? undefined : parseDayStrict(options.since, 'loadDaily: since');
  const profiles = checkProfiles(options.profiles);
  if (isWeeklySource(source)) {
    if (typeof source.daily !== 'function')
      throw new ArgumentTypeError(`loadDaily: the source ${source.name} reads weekly tables only (it has no daily method)`);
    const { onError, limits } = readSettings(options, 'loadDaily');
    return source.daily({ onError, limits, ...(since !== undefined ? { since } : {}), ...(profiles ? { profiles } : {}) });
  }
  const paths = pathsOf(source);
  let frame: DailyFrame;
  if (paths) frame = await ingestDaily(paths, options);
  else {
    const builder = new DailyFrameBuilder();
    const report = await collectDaily(source, builder, options, readSettings(options, 'loadDaily'));
    frame = builder.finish(report);
  }
  return since === undefined && !profiles ? frame : keepAskedRows(frame, since, profiles);
}

/** The profiles option, checked: an array of non-empty strings. */
function checkProfiles(profiles: unknown): readonly string[] | undefined {
  if (profiles === undefined) return undefined;
  if (!Array.isArray(profiles) || !profiles.every((p) => typeof p === 'string' && p !== ''))
    throw new ArgumentTypeError('loadDaily: profiles must be an array of profile ids (non-empty strings)');
  return profiles as string[];
}

/** The rows of the day `since` or later and of the profiles named; the others counted as outside the window. */
function keepAskedRows(frame: DailyFrame, since: number | undefined, profiles: readonly string[] | undefined): DailyFrame {
  const wanted = profiles ? new Set(profiles) : null;
  const keepProfile = frame.profileIds.map((id) => !wanted || wanted.has(id));
  const kept = frame.filterRows((i) => keepProfile[frame.profile[i]!]! && (since === undefined || frame.day[i]! >= since));
  let missing = 0;
  for (let i = 0; i < kept.length; i++) if (kept.followers[i] !== kept.followers[i]) missing++;
  Object.assign(kept.report, { missingFollowers: missing, outsideWindow: frame.length - kept.length });
  return kept;
}

/**
 * The synchronous twin of `loadDaily` for rows already in memory (an API
 * request's body, or a danfo.js `DataFrame`): validates each row and builds
 * a `DailyFrame`.
 * @throws {@link DataError} on the first bad row unless `onError: 'skip'`.
 */
export function dailyFromRows(rows: Iterable<DailyRowInput> | DataFrameLike, options: Pick<LoadOptions, 'onError' | 'limits'> = {}): DailyFrame {
  const settings = readSettings(options, 'dailyFromRows');
  const builder = new DailyFrameBuilder(Array.isArray(rows) ? rows.length : undefined);
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
