import { parseDayStrict, sundayOf } from '../calendar.js';
import { ArgumentTypeError } from '../errors.js';
import { DailyFrame } from '../frame/daily-frame.js';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { checkLimits, checkPreset, type InputLimits, type Preset } from '../schema.js';
import { throughOf, type SyncWeeklySource, type WeeklyLoad, type WeeklyRequest } from './source.js';
import { lastDayOfSegments, SegmentTable, weeklyFromSegments, type DayWindow } from './weekly-sums.js';

/** Options of `resampleWeekly`. */
export interface ResampleOptions<P extends Preset = Preset> {
  /** Pipeline variant; defaults to `notebook`. */
  preset?: P;
  /**
   * Extend every profile's weeks through the week of this day (`YYYY-MM-DD`),
   * with weeks of no record after its last one: how forecasts as of a day
   * reach a profile that has been quiet since. Default: each profile's last record.
   */
  through?: string;
  /** Input limits; the weekly table uses `maxWeeksPerProfile` (see `InputLimits`). */
  limits?: Partial<InputLimits>;
}

/** Sums a daily frame's rows (those of `window`'s days) into segments (see `SegmentTable`). */
function segmentsOfDaily(daily: DailyFrame, window?: DayWindow): SegmentTable {
  // About 0.26 segments a row in data like the real set (see expectedEntries in io/threads.ts); a wrong guess costs a regrowth.
  const table = new SegmentTable(Math.max(64, Math.round(daily.length * 0.3)), window);
  const { profile, day, followers, posts, engagement, reach, impressions } = daily;
  const n = daily.length;
  // In batches, reading ahead what each batch's rows touch, so that their cache misses overlap.
  for (let from = 0; from < n; from += 32) {
    const to = Math.min(n, from + 32);
    table.prefetch(profile, to - from, from);
    for (let i = from; i < to; i++) table.add(profile[i]!, day[i]!, followers[i]!, posts[i]!, engagement[i]!, reach[i]!, impressions[i]!);
  }
  return table;
}

/**
 * Steps N2–N8: daily rows → the weekly table with monthly averages, lag
 * features and targets, for the chosen preset.
 *
 * @example
 * const weekly = resampleWeekly(await loadDaily('data/'), { preset: 'notebook' });
 * weekly.toRecords()[0].engagement_lag_1;
 * @throws `TypeError` when `daily` is not a `DailyFrame` or the preset is unknown.
 * @throws {@link DataError} when a profile spans more weeks than `limits.maxWeeksPerProfile`.
 */
export function resampleWeekly<P extends Preset = 'notebook'>(daily: DailyFrame, options: ResampleOptions<P> = {}): WeeklyFrame<P> {
  if (!(daily instanceof DailyFrame)) throw new ArgumentTypeError('resampleWeekly: expected a DailyFrame (from loadDaily or dailyFromRows)');
  const preset = checkPreset(options.preset, 'resampleWeekly') as P;
  const { maxWeeksPerProfile } = checkLimits(options.limits, 'resampleWeekly');
  const through = options.through === undefined ? undefined : sundayOf(parseDayStrict(options.through, 'resampleWeekly: through'));
  return weeklyFromSegments([{ data: segmentsOfDaily(daily) }], daily.profileIds, preset, maxWeeksPerProfile, undefined, through);
}

/**
 * A `DailyFrame` as a `WeeklySource`: its rows (those of the request's
 * window) summed by segment on the calling thread. What `predict` and the
 * backtest's per-origin rebuild use; synchronous, unlike file and engine
 * sources. Rows were checked when the frame was built: `onError` and the
 * date limits have nothing left to do, `maxWeeksPerProfile` holds.
 */
export function dailyFrameSource(daily: DailyFrame): SyncWeeklySource {
  if (!(daily instanceof DailyFrame)) throw new ArgumentTypeError('dailyFrameSource: expected a DailyFrame (from loadDaily or dailyFromRows)');
  return {
    name: daily.report.files.length === 1 ? daily.report.files[0]! : '<rows>',
    weekly<P extends Preset>(request: WeeklyRequest<P>): WeeklyLoad<P> {
      const table = segmentsOfDaily(daily, request.window);
      const lastDay = lastDayOfSegments(table);
      const through = throughOf(request, lastDay);
      const weekly = weeklyFromSegments([{ data: table }], daily.profileIds, request.preset, request.limits.maxWeeksPerProfile, request.onProgress, through);
      const report = {
        ...daily.report,
        files: [...daily.report.files],
        skippedExamples: [...daily.report.skippedExamples],
        rows: daily.length - table.outside,
        duplicateRows: table.duplicates,
      };
      if (request.window) report.outsideWindow = table.outside;
      return { weekly, report, lastDay };
    },
  };
}
