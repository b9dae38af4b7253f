import { parseDayStrict } from './calendar.js';
import { ArgumentRangeError, ArgumentTypeError } from './errors.js';

/**
 * Column names, feature order, horizons, presets and the public types shared
 * by every stage. Everything downstream derives its names from here.
 */

/** The pipeline variants. `notebook` reproduces the original notebooks, quirks included; `corrected` fixes each quirk. */
export type Preset = 'notebook' | 'corrected';

/** The presets, the default first. */
export const PRESETS: readonly Preset[] = Object.freeze(['notebook', 'corrected']);

/** Columns a daily CSV must have (any order; extra columns are ignored). */
export const REQUIRED_DAILY_COLUMNS = ['date', 'profile_id', 'followers', 'posts', 'engagement', 'reach', 'impressions'] as const;

/** The columns of the real daily files; `likes` and `comments` are read past (engagement is their sum). */
export const DAILY_COLUMNS = ['date', 'profile_id', 'followers', 'posts', 'engagement', 'likes', 'comments', 'reach', 'impressions'] as const;

/** The count columns summed per week. */
export const COUNT_COLUMNS = ['posts', 'engagement', 'reach', 'impressions'] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];

/** Lag distances in weeks (N7). */
export const LAGS = [1, 2, 3, 4] as const;

/** Columns that get lag features, in the notebook's inner-loop order (N7). */
export const LAGGED_COLUMNS = ['engagement', 'followers', 'reach', 'impressions'] as const;

/** Forecast horizons in days. */
export const HORIZONS = [7, 14, 21, 28] as const;
export type Horizon = (typeof HORIZONS)[number];

/** The 16 lag feature names, `engagement_lag_1` … `impressions_lag_4`, in N7 order. */
export const LAG_FEATURES: readonly string[] = LAGS.flatMap((lag) => LAGGED_COLUMNS.map((column) => `${column}_lag_${lag}`));

/** The 21 model features, in the order the models expect them. */
export const FEATURES: readonly string[] = [...LAG_FEATURES, 'followers', 'reach', 'impressions', 'engagement', 'monthly_average_engagement_per_post'];

/** Target column names, one per horizon. */
export const TARGETS = ['engagement_future_7d', 'engagement_future_14d', 'engagement_future_21d', 'engagement_future_28d'] as const;
export type TargetName = (typeof TARGETS)[number];

/** Features of the T8 baseline. */
export const BASELINE_FEATURES = ['followers', 'reach', 'impressions'] as const;

/** The weekly table's columns, in output order (N1–N8). */
export const WEEKLY_COLUMNS: readonly string[] = [
  'profile_id',
  'date',
  'year',
  'month',
  'week_of_year',
  'year_week',
  'followers',
  'posts',
  'engagement',
  'reach',
  'impressions',
  'engagement_per_post',
  'monthly_average_engagement_per_post',
  'week',
  ...LAG_FEATURES,
  ...TARGETS,
];

/**
 * Columns the `corrected` preset adds after the notebook's (docs/features.md):
 * the naive forecast, weeks since the last post, pooled engagement per post
 * over the last 4, 13 and 26 weeks and all history so far, observed days per
 * window, posts in 13 weeks, and the latest known followers. Each uses only
 * days on or before the row's Sunday.
 */
export const CORRECTED_EXTRA_COLUMNS: readonly string[] = [
  'last_engagement_per_post',
  'weeks_since_post',
  'engagement_per_post_4w',
  'engagement_per_post_13w',
  'engagement_per_post_26w',
  'engagement_per_post_all',
  'observed_days_4w',
  'observed_days_13w',
  'observed_days_26w',
  'posts_13w',
  'followers_last_known',
  'engagement_per_post_ewm_2w',
  'engagement_per_post_ewm_8w',
  'median_engagement_per_post_5',
  'engagement_per_post_level_slow',
  'engagement_per_post_level_fast',
];

/** The `corrected` preset's weekly table columns: the notebook's, with their corrected meaning (Q1–Q9), then `CORRECTED_EXTRA_COLUMNS`. */
export const CORRECTED_WEEKLY_COLUMNS: readonly string[] = [...WEEKLY_COLUMNS, ...CORRECTED_EXTRA_COLUMNS];

/** Default T3 cutoff: train rows have a Sunday on or before it. */
export const DEFAULT_CUTOFF = '2024-07-30';

/** One daily observation, as a caller may pass it in (strings or numbers). */
export interface DailyRowInput {
  date: string;
  profile_id: string;
  followers?: number | string | null;
  posts: number | string;
  engagement: number | string;
  reach: number | string;
  impressions: number | string;
  [extra: string]: unknown;
}

/** One weekly row as returned by `WeeklyFrame.toRecords()`; missing values are NaN. */
export interface WeeklyRecord {
  profile_id: string;
  date: string;
  year: number;
  month: number;
  week_of_year: number;
  year_week: string;
  week: number;
  followers: number;
  posts: number;
  engagement: number;
  reach: number;
  impressions: number;
  engagement_per_post: number;
  monthly_average_engagement_per_post: number;
  engagement_future_7d: number;
  engagement_future_14d: number;
  engagement_future_21d: number;
  engagement_future_28d: number;
  [lagFeature: string]: number | string;
}

/**
 * One forecast (P7): the engagement per post of the 7 days ending on
 * `prediction_date`, forecast from the week ending on `date`, with what it
 * rests on.
 */
export interface Prediction {
  profile_id: string;
  /** The Sunday of the week the features come from (the origin), `YYYY-MM-DD`. */
  date: string;
  /** `predicted_engagement_future_7d` … `_28d`. */
  future_period: string;
  predicted_engagement: number;
  /** `date` + 7, 14, 21 or 28 days. */
  prediction_date: string;
  /** The origin week ends after the last day of input (only the notebook preset without `asOf` forecasts from such a week, Q8). */
  partial_week: boolean;
  /** No post in the 26 weeks ending on `date` (a profile quiet for months; `never posted` included). */
  no_recent_posts: boolean;
  /** The model gave a value below 0, and 0 is returned (P6). */
  clipped: boolean;
  /** Some model input was missing and was imputed (notebook: set to 0, P5; corrected: as docs/features.md says). */
  imputed: boolean;
  /** The profile has not posted by `date`: a corrected model's cold-start heads (followers and observed days) gave the forecast. */
  cold_start: boolean;
  /** A model input was infinite (notebook preset, Q5: engagement in a month with no post) and was treated as missing (0, P5). */
  non_finite_input: boolean;
  /** With `intervals`: `lo_80`, `hi_80`, `lo_95`, `hi_95`, … (bounds of the central interval, never below 0). */
  [bound: `lo_${string}` | `hi_${string}`]: number;
}

/** The caveat flags every `Prediction` carries, in the order CSV output and the service's schema list them. */
export const PREDICTION_FLAGS = Object.freeze(['partial_week', 'no_recent_posts', 'clipped', 'imputed', 'cold_start', 'non_finite_input'] as const);

/** Progress of long work, for `onProgress` callbacks. */
export interface ProgressEvent {
  stage: string;
  rows?: number;
  bytes?: number;
  totalBytes?: number;
  file?: string;
}
export type ProgressCallback = (event: ProgressEvent) => void;

/** How readers treat a row that cannot be read: stop with a `DataError`, or skip it and count it in the report. */
export type OnError = 'throw' | 'skip';

/*
 * One validator per option, shared by the library and the command line: each
 * returns the option's value (its default when undefined) or throws an
 * `ArgumentTypeError` / `ArgumentRangeError` naming `where` and the option
 * (`name`: the command line passes its flag's name).
 */

/**
 * The `preset` option: `notebook` (the default) or `corrected`.
 * @throws {@link ArgumentTypeError} for a name that is not a preset.
 */
export function checkPreset(preset: unknown, where: string, name = 'preset'): Preset {
  if (preset === undefined) return PRESETS[0]!;
  if (!PRESETS.includes(preset as Preset)) {
    throw new ArgumentTypeError(`${where}: ${name} must be ${PRESETS.map((p) => `'${p}'`).join(' or ')}, got ${JSON.stringify(preset)}`);
  }
  return preset as Preset;
}

/** The `onError` option: `throw` (the default) or `skip`. @throws {@link ArgumentTypeError} otherwise. */
export function checkOnError(onError: unknown, where: string, name = 'onError'): OnError {
  if (onError === undefined) return 'throw';
  if (onError !== 'throw' && onError !== 'skip') throw new ArgumentTypeError(`${where}: ${name} must be 'throw' or 'skip', got ${JSON.stringify(onError)}`);
  return onError;
}

/** The `workers` option: a positive integer, or undefined for the default. @throws {@link ArgumentTypeError} otherwise. */
export function checkWorkers(workers: unknown, where: string, name = 'workers'): number | undefined {
  if (workers === undefined) return undefined;
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 1) {
    throw new ArgumentTypeError(`${where}: ${name} must be a positive integer, got ${JSON.stringify(workers)}`);
  }
  return workers;
}

/**
 * Limits that keep the cost of reading and building the weekly table
 * proportional to the input (docs/reliability.md). An input past one is a
 * `DataError` naming the limit.
 */
export interface InputLimits {
  /** Earliest date accepted, `YYYY-MM-DD`. Default 1990-01-01. */
  from: string;
  /** Latest date accepted, `YYYY-MM-DD`. Default 2099-12-31. */
  to: string;
  /** Longest record (one row, with any newlines inside quotes), in bytes. Default 1 MiB. */
  maxRecordBytes: number;
  /** Most weeks one profile's weekly table may span, first record to last. Default 1,100 (about 21 years). */
  maxWeeksPerProfile: number;
}

/** The default input limits. */
export const DEFAULT_LIMITS: Readonly<InputLimits> = Object.freeze({ from: '1990-01-01', to: '2099-12-31', maxRecordBytes: 1 << 20, maxWeeksPerProfile: 1100 });

/** Input limits as the readers use them: the date range as day numbers. */
export interface CheckedLimits {
  firstDay: number;
  lastDay: number;
  maxRecordBytes: number;
  maxWeeksPerProfile: number;
}

/** The `limits` option: any of `InputLimits`, the rest default. @throws {@link ArgumentTypeError} for a malformed limit. */
export function checkLimits(limits: unknown, where: string): CheckedLimits {
  if (limits !== undefined && (limits === null || typeof limits !== 'object'))
    throw new ArgumentTypeError(`${where}: limits must be an object, got ${JSON.stringify(limits)}`);
  const l = { ...DEFAULT_LIMITS, ...(limits as Partial<InputLimits> | undefined) };
  const firstDay = parseDayStrict(l.from, `${where}: limits.from`);
  const lastDay = parseDayStrict(l.to, `${where}: limits.to`);
  if (lastDay < firstDay) throw new ArgumentRangeError(`${where}: limits.to (${l.to}) is before limits.from (${l.from})`);
  for (const key of ['maxRecordBytes', 'maxWeeksPerProfile'] as const) {
    if (typeof l[key] !== 'number' || !Number.isInteger(l[key]) || l[key] < 1)
      throw new ArgumentTypeError(`${where}: limits.${key} must be a positive integer, got ${JSON.stringify(l[key])}`);
  }
  return { firstDay, lastDay, maxRecordBytes: l.maxRecordBytes, maxWeeksPerProfile: l.maxWeeksPerProfile };
}
