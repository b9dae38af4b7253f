import { formatDay, parseDayStrict, sundayOnOrBefore } from './calendar.js';
import { ModelError } from './errors.js';
import { ArgumentRangeError, ArgumentTypeError, DataError } from './errors.js';
import { DailyFrame } from './frame/daily-frame.js';
import { isDataFrameLike, type DataFrameLike } from './frame/danfo.js';
import { WeeklyFrame } from './frame/weekly-frame.js';
import { dailyFrameSource } from './features/resample.js';
import { compareCodePoints } from './features/week-labels.js';
import { isWeeklySource, type ForecastTable, type WeeklySource, type WrittenForecasts } from './features/source.js';
import { readSettings } from './io/collector.js';
import { csvSource } from './io/csv-source.js';
import type { RowCheck } from './io/daily-source.js';
import type { LoadOptions } from './io/load-daily.js';
import { JsonRows } from './io/json-rows.js';
import { rowsWeeklySource, type RowsWeeklySource } from './io/rows-source.js';
import type { LoadReport } from './frame/load-report.js';
import { historyAt } from './features/windows.js';
import { designColumns } from './model/design.js';
import { conformalMultiplier, checkIntervals, coverageLabel, intervalBounds } from './model/intervals.js';
import { standardizeColumns, standardizeRow } from './model/linear.js';
import { presetOf } from './model/presets.js';
import { checkHeads, checkSamePreset, validateModel, type CorrectedHead, type EngagementModel } from './model/model-file.js';
import { INTERVAL_FLOOR } from './model/train-corrected.js';
import { applyColdStart } from './model/cold-start.js';
import { HORIZONS, TARGETS, checkLimits, type DailyRowInput, type InputLimits, type Prediction, type TargetName } from './schema.js';
import { float64s, int32s } from './frame/arrays.js';

/** Options of `predict`. */
export interface PredictOptions {
  /** Predict only for these profile ids (each must have rows). Default: every profile. */
  profiles?: readonly string[];
  /** Daily input only: use the rows dated on or after this day (`YYYY-MM-DD`), as P1's "recent rows". */
  since?: string;
  /**
   * Daily input only: forecast as of this day (`YYYY-MM-DD`). Only rows dated
   * on or before it are used; the origin week is the one ending on the last
   * Sunday on or before it, and every profile with a record by then gets a
   * forecast (flagged `no_recent_posts` when quiet for months). Without it,
   * the `notebook` preset uses each profile's latest week, even a partial
   * one (P4, Q8), and the `corrected` preset the last complete week of the
   * input.
   */
  asOf?: string;
  /**
   * Coverages of central prediction intervals, e.g. `[0.8, 0.95]` (or
   * `[80, 95]`): adds `lo_80`, `hi_80`, `lo_95`, `hi_95` to each forecast.
   * Needs a model with interval calibration (any `corrected` model trained
   * by this library).
   */
  intervals?: readonly number[];
  /** Input limits for rows passed in (dates, weeks per profile); see `InputLimits`. */
  limits?: Partial<InputLimits>;
}

const checked = new WeakSet<object>();

/**
 * The four models applied to one row of the 21 features (in `FEATURES`
 * order), before P6's clipping at 0: what scikit-learn's `predict` returns.
 * Missing values are not replaced here.
 * @example predictFeatures(loadBuiltinModel(), row).engagement_future_7d
 */
export function predictFeatures(model: EngagementModel, features: ArrayLike<number>): Record<TargetName, number> {
  checkedModel(model);
  const names = model.features;
  if (features.length !== names.length) {
    throw new ArgumentRangeError(`predictFeatures: expected ${names.length} features (${names.join(', ')}), got ${features.length}`);
  }
  const x = model.inputScaling === 'standard' ? standardizeRow(features, model.scaler) : features;
  const out = {} as Record<TargetName, number>;
  for (const target of TARGETS) out[target] = headOf(model)(target, x);
  return out;
}

/** How a model turns a (scaled) feature row into one horizon's forecast, before clipping. */
function headOf(model: EngagementModel): (target: TargetName, x: ArrayLike<number>) => number {
  const kind = presetOf(model.preset).kindOf(model);
  return (target, x) => kind.apply(model.models[target] as CorrectedHead, x);
}

/** Validates a model fully the first time it is seen, and its heads on every call (they may have been changed since). */
function checkedModel(model: EngagementModel): EngagementModel {
  if (model !== null && typeof model === 'object' && checked.has(model)) {
    checkHeads(model, 'predict: model');
    return model;
  }
  validateModel(model, 'predict: model');
  checked.add(model);
  return model;
}

/**
 * Why a forecast is not finite. Its inputs are finite by then (a non-finite
 * feature is treated as missing and flagged), so it is an overflow.
 */
function nonFiniteReason(y: number, target: string): string {
  return `the ${target} forecast is ${y}: the features are too large for the model (an overflow)`;
}

/** The weekly table and the origin row per profile that `predict` forecasts from. */
interface Origins {
  weekly: WeeklyFrame;
  profiles: number[];
  rows: Int32Array;
  /** Profiles of the input that get no forecast, and why. */
  skipped: SkippedProfile[];
  /** The last day of input (partial-week check), or +Infinity for a weekly table. */
  lastDay: number;
}

/** A profile of the input that gets no forecast, and why. */
export interface SkippedProfile {
  profile_id: string;
  /** A sentence: which rows the profile has, and why none is an origin. */
  reason: string;
}

/** Step P1–P4: the weekly table of the input and each profile's origin row. */
function originsOf(model: EngagementModel, input: Parameters<typeof predict>[1] | JsonRows, options: PredictOptions, check?: RowCheck): Origins {
  const since = options.since === undefined ? undefined : parseDayStrict(options.since, 'predict: since');
  const asOf = options.asOf === undefined ? undefined : parseDayStrict(options.asOf, 'predict: asOf');
  let weekly: WeeklyFrame;
  let origin: number | undefined;
  let lastDay = Number.POSITIVE_INFINITY;
  // Every profile of the input, so that one with no row in the window is named too.
  let inputIds: readonly string[] = [];
  if (input instanceof WeeklyFrame) {
    if (since !== undefined || asOf !== undefined)
      throw new ArgumentTypeError('predict: `since` and `asOf` apply to daily rows; filter the weekly table yourself');
    checkSamePreset(model.preset, input.preset, 'predict');
    weekly = input;
  } else {
    // Row objects are checked and summed in one pass (no daily frame in between); a frame is summed as it is.
    const source =
      input instanceof DailyFrame
        ? dailyFrameSource(input)
        : Array.isArray(input) || isDataFrameLike(input) || input instanceof JsonRows
          ? rowsWeeklySource(input, check)
          : null;
    if (!source) throw new ArgumentTypeError('predict: input must be a DailyFrame, a WeeklyFrame, an array of daily row objects or a danfo DataFrame');
    const window = since !== undefined || asOf !== undefined ? { from: since ?? Number.NEGATIVE_INFINITY, to: asOf ?? Number.POSITIVE_INFINITY } : undefined;
    const through = originRequest(model, asOf);
    const request = { preset: model.preset, onError: 'throw' as const, limits: checkLimits(options.limits, 'predict'), ...(window ? { window } : {}) };
    let load: ReturnType<typeof source.weekly>;
    try {
      load = source.weekly({ ...request, ...(through !== undefined ? { through } : {}) });
    } catch (error) {
      // A span that only asOf made too long is a bad asOf, not bad records: say so (a RangeError, 400 over HTTP).
      if (!(error instanceof DataError && error.code === 'span_limit' && asOf !== undefined)) throw error;
      source.weekly(request); // the records alone: throws when they themselves span too many weeks
      throw new ArgumentRangeError(
        `predict: asOf ${options.asOf} lies more than limits.maxWeeksPerProfile = ${request.limits.maxWeeksPerProfile} weeks after the first record of profile '${error.value}'`,
      );
    }
    inputIds = input instanceof DailyFrame ? input.profileIds : (source as RowsWeeklySource).profileIds;
    // With asOf, the caller vouches for the days up to it: the origin week is complete.
    lastDay = asOf ?? load.lastDay;
    origin = originDay(model, asOf, lastDay);
    weekly = load.weekly;
  }

  const found = originRows(weekly, origin, options.profiles);
  const skipped = found.skipped;
  if (!options.profiles) {
    const inTable = new Set(weekly.profileIds);
    const window = `${options.since === undefined ? '' : ` on or after ${options.since}`}${options.since !== undefined && options.asOf !== undefined ? ' and' : ''}${options.asOf === undefined ? '' : ` on or before ${options.asOf}`}`;
    for (const id of inputIds) if (!inTable.has(id)) skipped.push({ profile_id: id, reason: `no rows${window}` });
    skipped.sort((a, b) => compareCodePoints(a.profile_id, b.profile_id));
  }
  return { weekly, ...found, skipped, lastDay };
}

/**
 * P4: the Sunday whose week forecasts start from: the last on or before
 * `asOf`; without it, none (each profile's latest week, `notebook`) or the
 * input's last complete week (Q8, `corrected`).
 */
function originDay(model: EngagementModel, asOf: number | undefined, lastDay: number): number | undefined {
  if (asOf !== undefined) return sundayOnOrBefore(asOf);
  return presetOf(model.preset).origin === 'last-complete-week' && lastDay > Number.NEGATIVE_INFINITY ? sundayOnOrBefore(lastDay) : undefined;
}

/** What a source is asked to extend each profile's weeks through: the origin week, once the last day read is known (`originDay`). */
function originRequest(model: EngagementModel, asOf: number | undefined): number | 'last-day' | undefined {
  if (asOf !== undefined) return sundayOnOrBefore(asOf);
  return presetOf(model.preset).origin === 'last-complete-week' ? 'last-day' : undefined;
}

/** P4: each profile's origin row in a weekly table (its week ending on `origin`, or its latest week), for the profiles asked for or all that have one. */
function originRows(
  weekly: WeeklyFrame,
  origin: number | undefined,
  only: readonly string[] | undefined,
): { profiles: number[]; rows: Int32Array; skipped: SkippedProfile[] } {
  const index = new Map(weekly.profileIds.map((id, k) => [id, k]));
  // The origin row of profile k: its week ending on `origin`, or its latest week (−1 when it has none by the origin).
  const rowOf = (k: number): number => (origin === undefined ? weekly.offsets[k + 1]! - 1 : weekly.rowAt(k, origin));
  let profiles: number[];
  if (only) {
    profiles = only.map((id) => {
      const k = index.get(id);
      if (k === undefined || rowOf(k) < 0)
        throw new ArgumentRangeError(
          `predict: no rows for profile '${id}'${origin !== undefined && k !== undefined ? ` on or before ${formatDay(origin)}` : ''}`,
          'no_rows_for_profile',
        );
      return k;
    });
  } else {
    // Profiles first seen after the origin (only in a partial last week) have nothing to forecast from: named, with why.
    profiles = weekly.profileIds.map((_, k) => k).filter((k) => rowOf(k) >= 0);
  }
  const skipped: SkippedProfile[] = [];
  if (!only && origin !== undefined) {
    const date = weekly.column('date');
    weekly.profileIds.forEach((id, k) => {
      if (rowOf(k) < 0) {
        skipped.push({
          profile_id: id,
          reason: `its first record is in the week ending ${formatDay(date[weekly.offsets[k]!]!)}, after the origin week ending ${formatDay(origin)} (the last complete week, or the week of asOf)`,
        });
      }
    });
  }
  return { profiles, rows: Int32Array.from(profiles, rowOf), skipped };
}

/**
 * Step P: for each profile, the features of its origin week and the four
 * forecasts, clipped at 0, with what each rests on.
 *
 * Input is the profile's recent daily rows (a `DailyFrame`, or row objects or
 * a danfo.js `DataFrame`, validated here), or an already built weekly table.
 * Daily rows go through N1–N8 on their own (P2); their missing targets are
 * unused and no row is dropped (P3). The origin week (P4) is, with `asOf`,
 * the week ending on the last Sunday on or before it; without, the latest
 * week per profile (`notebook`, even a partial one: Q8) or the input's last
 * complete week (`corrected`). Missing features are 0 (`notebook`, P5) or
 * imputed as the model's design says (`corrected`); forecasts below 0
 * become 0 (P6); each profile gets four dated forecasts (P7), with interval
 * bounds when `intervals` are asked for.
 *
 * @returns four entries per profile (7, 14, 21, 28 days), profiles in id order.
 * @example
 * const preds = predict(loadBuiltinModel(), rows);
 * // [{ profile_id, date: '2024-12-22', future_period: 'predicted_engagement_future_7d', predicted_engagement: 162.2, prediction_date: '2024-12-29', partial_week: false, … }, ...]
 * const honest = predict(corrected, rows, { asOf: '2024-12-01', intervals: [0.8, 0.95] });
 * // … lo_80, hi_80, lo_95, hi_95
 * @throws {@link ModelError} for an invalid model, one of another preset than the table, or intervals asked of a model without calibration.
 * @throws {@link DataError} for a bad row object, or a profile whose forecast would
 *   not be finite (an infinite feature, or features too large for the model).
 * @throws `RangeError` for a named profile with no rows (by `asOf`), or a bad option.
 */
export function predict(
  model: EngagementModel,
  input: DailyFrame | WeeklyFrame | readonly DailyRowInput[] | DataFrameLike,
  options: PredictOptions = {},
): Prediction[] {
  return predictWithSkipped(model, input, options).predictions;
}

/**
 * `predict`, and the profiles of the input that get no forecast, each with
 * the reason: its rows all lie after the origin week (a profile first seen
 * in the input's last, incomplete week), or none lies in the `since`/`asOf`
 * window. Nothing is left out without a word.
 *
 * @example
 * const { predictions, skipped } = predictWithSkipped(model, rows, { asOf: '2024-11-24' });
 * for (const s of skipped) console.warn(`${s.profile_id}: ${s.reason}`);
 * @throws what `predict` throws.
 */
export function predictWithSkipped(
  model: EngagementModel,
  input: DailyFrame | WeeklyFrame | readonly DailyRowInput[] | DataFrameLike,
  options: PredictOptions = {},
): { predictions: Prediction[]; skipped: SkippedProfile[] } {
  return predictRows(model, input, options);
}

/**
 * @internal `predictWithSkipped`, with `check` given each row object first,
 * in the same pass that reads it (it throws to refuse the row): what the
 * service calls, with its schema's checks; or on rows read from a request's
 * JSON text (`JsonRows`, checked as they were read).
 */
export function predictRows(
  model: EngagementModel,
  input: DailyFrame | WeeklyFrame | readonly DailyRowInput[] | DataFrameLike | JsonRows,
  options: PredictOptions,
  check?: RowCheck,
): { predictions: Prediction[]; skipped: SkippedProfile[] } {
  const coverages = coveragesFor(model, options, 'predict');
  const { weekly, profiles, rows, lastDay, skipped } = originsOf(model, input, options, check);
  return { predictions: forecastRows(model, weekly, profiles, rows, lastDay, coverages), skipped };
}

/** Checks the model, and the interval coverages asked for against what it can give. */
function coveragesFor(model: EngagementModel, options: PredictOptions, where: string): number[] {
  checkedModel(model);
  const coverages = checkIntervals(options.intervals, where);
  if (coverages.length > 0 && !model.intervals) {
    throw new ModelError(
      `${where}: this model has no interval calibration (${presetOf(model.preset).noIntervals ?? 'it was trained with calibrationWeeks: false or too little history'})`,
    );
  }
  return coverages;
}

/** Options of `predictFiles`: those of `predict`, how to read the files, and where to write the forecasts. */
export interface PredictFilesOptions extends PredictOptions, Pick<LoadOptions, 'onError' | 'onProgress' | 'workers'> {
  /**
   * A source that writes tables (`postgres()`, or `duckdb()` with a table):
   * also write the forecasts into this table of its database (a name, or `{ table, schema }`; the schema
   * defaults to the source's). The table is replaced as a whole in one
   * transaction: its columns are those of `predict`'s CSV output; when the
   * write fails, the table is left as it was and the promise rejects.
   */
  into?: string | ForecastTable;
}

/**
 * `predict` for daily files, read through the fast path (the reading
 * threads of `loadWeekly`, no daily row kept): the forecasts are those of
 * `predict(model, await loadDaily(source), options)`, at a fraction of the
 * time and memory. Rows dated before `since` or after `asOf` are not summed
 * and are counted in `report.outsideWindow`. Read only the files the
 * forecasts need (the last few months, say): the `notebook` preset's
 * features look back four weeks and the month before, the `corrected`
 * preset's up to 26 weeks and all of a profile's history (docs/features.md).
 *
 * `skipped` names the profiles read that get no forecast (first seen after
 * the origin week), as `predictWithSkipped` does; rows outside the window
 * are counted in `report.outsideWindow`.
 *
 * With `into` and a source that writes tables (`postgres()`, or `duckdb()`
 * with a table), the forecasts are also written into a table of that
 * database, the nightly job of a product in one call; `written` says which
 * table and how many rows.
 *
 * @example
 * const { predictions } = await predictFiles(model, ['data/ig_data_09-2024_u.csv', 'data/ig_data_10-2024_u.csv'], { asOf: '2024-10-27' });
 * @example
 * const { written } = await predictFiles(model, postgres({ table: 'daily' }), { asOf: '2024-11-24', intervals: [0.8, 0.95], into: 'forecasts' });
 * @throws what `loadWeekly` and `predict` throw; `ArgumentTypeError` for an `into` the source cannot write;
 *   `EngineError` when the write fails (the table is then as it was).
 */
export async function predictFiles(
  model: EngagementModel,
  source: string | readonly string[] | WeeklySource,
  options: PredictFilesOptions = {},
): Promise<{ predictions: Prediction[]; report: LoadReport; skipped: SkippedProfile[]; written?: WrittenForecasts }> {
  const coverages = coveragesFor(model, options, 'predictFiles');
  const into = intoOf(options.into, source);
  const since = options.since === undefined ? Number.NEGATIVE_INFINITY : parseDayStrict(options.since, 'predictFiles: since');
  const asOf = options.asOf === undefined ? undefined : parseDayStrict(options.asOf, 'predictFiles: asOf');
  const window = { from: since, to: asOf ?? Number.POSITIVE_INFINITY };
  const { onError, limits } = readSettings(options, 'predictFiles');
  const from = isWeeklySource(source) ? source : csvSource(source, options.workers ? { workers: options.workers } : {});
  const through = originRequest(model, asOf);
  const load = await from.weekly({
    preset: model.preset,
    onError,
    limits,
    window,
    ...(through !== undefined ? { through } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const lastDay = asOf ?? load.lastDay;
  const origin = originDay(model, asOf, lastDay);
  const { profiles, rows, skipped } = originRows(load.weekly, origin, options.profiles);
  const predictions = forecastRows(model, load.weekly, profiles, rows, lastDay, coverages);
  if (!into) return { predictions, report: load.report, skipped };
  const written = await into.source.writeForecasts!(into.table, predictions, boundColumns(coverages), options.onProgress);
  return { predictions, report: load.report, skipped, written };
}

/** Options of `predictInEngine`: those of `predictFiles` but `profiles` and `workers`, and how many profiles a batch holds. */
export interface PredictInEngineOptions extends Omit<PredictFilesOptions, 'profiles' | 'workers'> {
  /** Profiles per batch (a positive integer; default 5,000): Node holds the weekly table of one batch at a time. */
  batchProfiles?: number;
}

/** Profiles per batch of `predictInEngine`, by default: about half a million weekly rows for two years of history. */
export const DEFAULT_BATCH_PROFILES = 5000;

/**
 * `predictFiles` for a SQL engine's rows, in memory that does not grow with
 * them: the engine sums the rows into segments and sends them in profile
 * order; Node builds the weekly table of a batch of profiles at a time
 * (`batchProfiles`), scores it and lets it go. What Node holds is one
 * batch's table and the forecasts (four per profile), not the weekly table
 * of every profile. The forecasts, the report and `skipped` are those of
 * `predictFiles(model, source, options)`, profiles in id order.
 *
 * With `into`, the forecasts go into a table of the source's database in
 * one transaction (replaced as a whole, or left as it was on failure) and
 * are not returned. `postgres()`, and `duckdb()` over a database file,
 * write each batch's on a connection of their own before the next is read,
 * so Node holds no more than a batch of them (a `pool` needs room for two
 * connections); `duckdb()` with a connection given writes them once every
 * batch is scored.
 *
 * @returns without `into`, `{ predictions, report, skipped }`; with it, `{ written, report, skipped }`.
 * @example
 * import { postgres } from 'engagement-forecast/postgres';
 * const { written } = await predictInEngine(model, postgres({ table: 'daily' }), { asOf: '2024-11-24', intervals: [0.8, 0.95], into: 'forecasts' });
 * @throws `ArgumentTypeError` for a source without batches (files: use `predictFiles`), `profiles` (use
 *   `predictFiles`), or an `into` the source cannot write; otherwise what `predictFiles` throws.
 */
export function predictInEngine(
  model: EngagementModel,
  source: WeeklySource,
  options: PredictInEngineOptions & { into: string | ForecastTable },
): Promise<{ written: WrittenForecasts; report: LoadReport; skipped: SkippedProfile[] }>;
export function predictInEngine(
  model: EngagementModel,
  source: WeeklySource,
  options?: PredictInEngineOptions & { into?: undefined },
): Promise<{ predictions: Prediction[]; report: LoadReport; skipped: SkippedProfile[] }>;
export function predictInEngine(
  model: EngagementModel,
  source: WeeklySource,
  options?: PredictInEngineOptions,
): Promise<{ predictions?: Prediction[]; written?: WrittenForecasts; report: LoadReport; skipped: SkippedProfile[] }>;
export async function predictInEngine(
  model: EngagementModel,
  source: WeeklySource,
  options: PredictInEngineOptions = {},
): Promise<{ predictions?: Prediction[]; written?: WrittenForecasts; report: LoadReport; skipped: SkippedProfile[] }> {
  const coverages = coveragesFor(model, options, 'predictInEngine');
  if (!isWeeklySource(source) || typeof source.weeklyBatches !== 'function')
    throw new ArgumentTypeError(
      `predictInEngine: the source must send its weekly table in batches (duckdb() or postgres())${isWeeklySource(source) ? `; ${source.name} does not` : ''}: for files or rows in memory, use predictFiles`,
    );
  if ((options as PredictFilesOptions).profiles !== undefined)
    throw new ArgumentTypeError('predictInEngine: profiles is not an option here; to forecast some profiles, use predictFiles(model, source, { profiles })');
  const size = options.batchProfiles ?? DEFAULT_BATCH_PROFILES;
  if (!Number.isSafeInteger(size) || size < 1)
    throw new ArgumentTypeError(`predictInEngine: batchProfiles must be a positive integer, got ${JSON.stringify(options.batchProfiles)}`);
  const into = intoOf(options.into, source, 'predictInEngine');
  const since = options.since === undefined ? Number.NEGATIVE_INFINITY : parseDayStrict(options.since, 'predictInEngine: since');
  const asOf = options.asOf === undefined ? undefined : parseDayStrict(options.asOf, 'predictInEngine: asOf');
  const window = { from: since, to: asOf ?? Number.POSITIVE_INFINITY };
  const { onError, limits } = readSettings(options, 'predictInEngine');
  const onProgress = options.onProgress;
  const through = originRequest(model, asOf);
  const bounds = boundColumns(coverages);
  // Into a table that takes forecasts as they come: each batch's written before the next is read. Otherwise they are held.
  const sink = into && into.source.openForecasts ? await into.source.openForecasts(into.table, bounds, onProgress) : null;
  const predictions: Prediction[] = [];
  const skipped: SkippedProfile[] = [];
  let profiles = 0;
  try {
    const end = await source.weeklyBatches(
      { preset: model.preset, onError, limits, window, ...(through !== undefined ? { through } : {}), ...(onProgress ? { onProgress } : {}) },
      {
        profiles: size,
        onBatch: (weekly, lastRead) => {
          const lastDay = asOf ?? lastRead;
          const origin = originDay(model, asOf, lastDay);
          const batch = originRows(weekly, origin, undefined);
          const forecasts = forecastRows(model, weekly, batch.profiles, batch.rows, lastDay, coverages);
          for (const s of batch.skipped) skipped.push(s);
          profiles += batch.profiles.length;
          onProgress?.({ stage: 'predict', rows: profiles });
          if (sink) return sink.write(forecasts);
          for (const p of forecasts) predictions.push(p);
          return undefined;
        },
      },
    );
    if (sink) return { written: await sink.commit(), report: end.report, skipped };
    if (!into) return { predictions, report: end.report, skipped };
    return { written: await into.source.writeForecasts!(into.table, predictions, bounds, onProgress), report: end.report, skipped };
  } catch (error) {
    await sink?.abort();
    throw error;
  }
}

/** The interval columns of each coverage, lower then upper: [`lo_80`, `hi_80`], … */
function boundPairs(coverages: readonly number[]): (readonly [`lo_${string}`, `hi_${string}`])[] {
  return coverages.map(coverageLabel).map((l) => [`lo_${l}`, `hi_${l}`] as const);
}

/** The interval columns of forecasts with these coverages, in output order: `lo_80`, `hi_80`, … */
function boundColumns(coverages: readonly number[]): string[] {
  return boundPairs(coverages).flat();
}

/** `predictFiles`' (or `predictInEngine`'s) `into`, checked against the source before anything is read. */
function intoOf(into: PredictFilesOptions['into'], source: unknown, where = 'predictFiles'): { table: ForecastTable; source: WeeklySource } | null {
  if (into === undefined) return null;
  const table = typeof into === 'string' ? { table: into } : into;
  if (
    table === null ||
    typeof table !== 'object' ||
    typeof table.table !== 'string' ||
    table.table === '' ||
    (table.schema !== undefined && (typeof table.schema !== 'string' || table.schema === ''))
  )
    throw new ArgumentTypeError(`${where}: into must be a table name, or { table, schema } with non-empty names`);
  if (!isWeeklySource(source) || typeof source.writeForecasts !== 'function')
    throw new ArgumentTypeError(
      `${where}: into needs a source that writes tables (postgres(), or duckdb() with a table); ${isWeeklySource(source) ? `the source ${source.name} does not` : 'files do not'}: write the predictions yourself`,
    );
  return { table: { table: table.table, ...(table.schema !== undefined ? { schema: table.schema } : {}) }, source };
}

/** @internal The forecast of origin row `r` (in the order given to `forecastRows`) at horizon index `h`. */
export function forecastOf(predictions: readonly Prediction[], r: number, h: number): Prediction {
  return predictions[r * HORIZONS.length + h]!;
}

/**
 * @internal The forecasts of a (checked) model from given origin rows of a
 * weekly table: what `predict` and `backtest` share.
 */
export function forecastRows(
  model: EngagementModel,
  weekly: WeeklyFrame,
  profiles: readonly number[],
  rows: Int32Array,
  lastDay: number,
  coverages: readonly number[],
): Prediction[] {
  const names = model.features;
  const preset = presetOf(model.preset);
  const { columns, imputed: imputedCount } = preset.featureColumns(model, weekly, rows);
  const scale = coverages.length > 0 ? designColumns(weekly, [model.intervals!.scale], rows).columns[0]! : null;
  const multipliers = coverages.map((p) => TARGETS.map((t) => conformalMultiplier(model.intervals!.horizons[t], p)));
  const labels = coverages.map(coverageLabel);
  // Names made once per call, not once per forecast.
  const periods = TARGETS.map((t) => `predicted_${t}` as const);
  const boundKeys = boundPairs(coverages);
  // Cold start: profiles that have not posted by their origin get the cold-start heads, when the model has them.
  const cold = preset.coldStart && model.coldStart ? model.coldStart : null;
  const coldAt = int32s(rows.length).fill(-1);
  let coldColumns: Float64Array[] = [];
  let coldMultipliers: number[][] = [];
  if (cold) {
    const coldRows: number[] = [];
    rows.forEach((row, r) => {
      if (historyAt(weekly, row).weeksSincePost < 0) coldAt[r] = coldRows.push(row) - 1;
    });
    if (coldRows.length > 0) {
      coldColumns = designColumns(weekly, cold.features, Int32Array.from(coldRows)).columns;
      standardizeColumns(coldColumns, cold.scaler);
    }
    // Without a calibration of their own, cold-start intervals use the model's quantiles.
    coldMultipliers = coverages.map((p) => TARGETS.map((t) => conformalMultiplier(cold.intervals ? cold.intervals[t] : model.intervals!.horizons[t], p)));
  }
  const xCold = float64s(cold ? cold.features.length : 0);
  const apply = headOf(model);
  const date = weekly.column('date');
  const scaled = model.inputScaling === 'standard';
  const x = float64s(names.length);
  const out: Prediction[] = [];
  profiles.forEach((k, r) => {
    let imputed = imputedCount[r]! > 0;
    let nonFinite = false;
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j]![r]!;
      if (v !== v) imputed = true;
      // An infinite input (the notebook's Q5: engagement in a month with no post) is treated as
      // missing and the forecast says so, rather than failing the whole batch.
      if (v === Infinity || v === -Infinity) nonFinite = true;
      x[j] = v === v && v !== Infinity && v !== -Infinity ? v : 0; // P5: missing features are 0 (corrected designs have none left)
    }
    if (scaled) standardizeRow(x, model.scaler, x);
    const row = rows[r]!;
    const sunday = date[row]!;
    const label = formatDay(sunday);
    const history = historyAt(weekly, row);
    const partial = sunday > lastDay;
    const coldRow = coldAt[r]!;
    if (coldRow >= 0) for (let j = 0; j < xCold.length; j++) xCold[j] = coldColumns[j]![coldRow]!;
    TARGETS.forEach((target, h) => {
      const y = coldRow >= 0 ? applyColdStart(cold!.models[target], xCold) : apply(target, x);
      // Nothing non-finite comes back silently (it would be null in JSON, an empty CSV field).
      if (!Number.isFinite(y))
        throw new DataError(nonFiniteReason(y, target), {
          code: 'unforecastable',
          file: '<input>',
          line: 0,
          column: 'profile_id',
          value: weekly.profileIds[k]!,
        });
      const value = y < 0 ? 0 : y; // P6
      const p = {
        profile_id: weekly.profileIds[k]!,
        date: label,
        future_period: periods[h]!,
        predicted_engagement: value,
        prediction_date: formatDay(sunday + HORIZONS[h]!),
        partial_week: partial,
        no_recent_posts: history.posts26w === 0,
        clipped: y < 0,
        imputed,
        cold_start: coldRow >= 0,
        non_finite_input: nonFinite,
      } as Prediction;
      if (scale) {
        const floor = model.intervals!.floor ?? INTERVAL_FLOOR;
        // Cold start: scaled by the forecast itself (there is no level of the profile's own).
        const s = coldRow >= 0 ? Math.max(floor, value) : Math.max(floor, scale[r]!);
        coverages.forEach((_, c) => {
          const [lo, hi] = intervalBounds(value, s, (coldRow >= 0 ? coldMultipliers : multipliers)[c]![h]!);
          // A bound is never Infinity (null in JSON, empty in CSV): an overflowing one names the profile.
          if (!Number.isFinite(hi) || !Number.isFinite(lo)) {
            throw new DataError(
              `the ${labels[c]}% interval of the ${target} forecast overflows (the profile's scale, ${s}, is too large for the model's intervals)`,
              {
                code: 'unforecastable',
                file: '<input>',
                line: 0,
                column: 'profile_id',
                value: weekly.profileIds[k]!,
              },
            );
          }
          const [loKey, hiKey] = boundKeys[c]!;
          p[loKey] = lo;
          p[hiKey] = hi;
        });
      }
      out.push(p);
    });
  });
  return out;
}
