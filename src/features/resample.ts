import { ArgumentTypeError } from '../errors.js';
import { DailyFrame } from '../frame/daily-frame.js';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { checkLimits, checkPreset, type InputLimits, type Preset } from '../schema.js';
import { SegmentTable, weeklyFromSegments } from './weekly-sums.js';

/** Options of `resampleWeekly`. */
export interface ResampleOptions {
  /** Pipeline variant; defaults to `notebook`. */
  preset?: Preset;
  /** Input limits; the weekly table uses `maxWeeksPerProfile` (see `InputLimits`). */
  limits?: Partial<InputLimits>;
}

/** Sums a daily frame's rows into segments (see `SegmentTable`). */
function segmentsOfDaily(daily: DailyFrame): SegmentTable {
  const table = new SegmentTable(Math.max(64, daily.length / 2));
  const { profile, day, followers, posts, engagement, reach, impressions } = daily;
  for (let i = 0; i < daily.length; i++) {
    table.add(profile[i]!, day[i]!, followers[i]!, posts[i]!, engagement[i]!, reach[i]!, impressions[i]!);
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
 * @throws {TypeError} when `daily` is not a `DailyFrame` or the preset is unknown.
 * @throws {DataError} when a profile spans more weeks than `limits.maxWeeksPerProfile`.
 */
export function resampleWeekly(daily: DailyFrame, options: ResampleOptions = {}): WeeklyFrame {
  if (!(daily instanceof DailyFrame)) throw new ArgumentTypeError('resampleWeekly: expected a DailyFrame (from loadDaily or dailyFromRows)');
  const preset = checkPreset(options.preset, 'resampleWeekly');
  const { maxWeeksPerProfile } = checkLimits(options.limits, 'resampleWeekly');
  return weeklyFromSegments([{ data: segmentsOfDaily(daily) }], daily.profileIds, preset, maxWeeksPerProfile);
}
