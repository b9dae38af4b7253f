import { formatDay, parseDayStrict } from './calendar.js';
import { ArgumentRangeError, ArgumentTypeError, DataError } from './errors.js';
import { DailyFrame } from './frame/daily-frame.js';
import { isDataFrameLike, type DataFrameLike } from './frame/danfo.js';
import { WeeklyFrame } from './frame/weekly-frame.js';
import { resampleWeekly } from './features/resample.js';
import { dailyFromRows } from './io/load-daily.js';
import { applyHead, standardizeRow } from './model/linear.js';
import { checkHeads, checkSamePreset, validateModel, type EngagementModel } from './model/model-file.js';
import { FEATURES, HORIZONS, TARGETS, type DailyRowInput, type InputLimits, type Prediction, type TargetName } from './schema.js';

/** Options of `predict`. */
export interface PredictOptions {
  /** Predict only for these profile ids (each must have rows). Default: every profile. */
  profiles?: readonly string[];
  /** Daily input only: use the rows dated on or after this day (`YYYY-MM-DD`), as P1's "recent rows". */
  since?: string;
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
  if (features.length !== FEATURES.length) {
    throw new ArgumentRangeError(`predictFeatures: expected ${FEATURES.length} features (${FEATURES.join(', ')}), got ${features.length}`);
  }
  const x = model.inputScaling === 'standard' ? standardizeRow(features, model.scaler) : features;
  const out = {} as Record<TargetName, number>;
  for (const target of TARGETS) out[target] = applyHead(model.models[target], x);
  return out;
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

/** Why a forecast is not finite: the first non-finite feature, or an overflow of finite ones. */
function nonFiniteReason(x: ArrayLike<number>, y: number, target: string): string {
  for (let j = 0; j < x.length; j++) {
    if (!Number.isFinite(x[j]!)) {
      const why = FEATURES[j] === 'monthly_average_engagement_per_post' ? ' (engagement in a month with 0 posts, quirk Q5)' : '';
      return `the ${target} forecast is ${y}: feature ${FEATURES[j]} is ${x[j]}${why}`;
    }
  }
  return `the ${target} forecast is ${y}: the features are too large for the model (an overflow)`;
}

/**
 * Step P: for each profile, the features of its latest week and the four
 * models' forecasts, clipped at 0.
 *
 * Input is the profile's recent daily rows (a `DailyFrame`, or row objects or
 * a danfo.js `DataFrame`, validated here), or an already built weekly table. Daily rows go through
 * N1–N8 on their own (P2); their missing targets are unused and no row is
 * dropped (P3); the latest week per profile is used even when it is partial
 * (P4, quirk Q8 of the `notebook` preset); missing features are 0 (P5);
 * forecasts below 0 become 0 (P6); each profile gets four dated forecasts (P7).
 *
 * @returns four entries per profile (7, 14, 21, 28 days), profiles in id order.
 * @example
 * const preds = predict(loadBuiltinModel(), rows);
 * // [{ profile_id, date: '2024-12-22', future_period: 'predicted_engagement_future_7d', predicted_engagement: 162.2, prediction_date: '2024-12-29' }, ...]
 * @throws {ModelError} for an invalid model or one of another preset than the table.
 * @throws {DataError} for a bad row object, or a profile whose forecast would
 *   not be finite (an infinite feature, or features too large for the model).
 * @throws {RangeError} for a named profile with no rows.
 */
export function predict(
  model: EngagementModel,
  input: DailyFrame | WeeklyFrame | readonly DailyRowInput[] | DataFrameLike,
  options: PredictOptions = {},
): Prediction[] {
  checkedModel(model);
  const since = options.since === undefined ? undefined : parseDayStrict(options.since, 'predict: since');
  let weekly: WeeklyFrame;
  if (input instanceof WeeklyFrame) {
    if (since !== undefined) throw new ArgumentTypeError('predict: `since` applies to daily rows; filter the weekly table yourself');
    checkSamePreset(model.preset, input.preset, 'predict');
    weekly = input;
  } else {
    let daily = input instanceof DailyFrame ? input : Array.isArray(input) || isDataFrameLike(input) ? dailyFromRows(input, options.limits ? { limits: options.limits } : {}) : null;
    if (!daily) throw new ArgumentTypeError('predict: input must be a DailyFrame, a WeeklyFrame, an array of daily row objects or a danfo DataFrame');
    if (since !== undefined) {
      const day = daily.day;
      daily = daily.filterRows((i) => day[i]! >= since);
    }
    weekly = resampleWeekly(daily, { preset: model.preset, ...(options.limits ? { limits: options.limits } : {}) });
  }

  let profiles: number[];
  if (options.profiles) {
    const index = new Map(weekly.profileIds.map((id, k) => [id, k]));
    profiles = options.profiles.map((id) => {
      const k = index.get(id);
      if (k === undefined) throw new ArgumentRangeError(`predict: no rows for profile '${id}'`);
      return k;
    });
  } else {
    profiles = weekly.profileIds.map((_, k) => k);
  }

  // P4: each profile's latest week; only those rows' features are computed.
  const latest = Int32Array.from(profiles, (k) => weekly.offsets[k + 1]! - 1);
  const columns = FEATURES.map((f) => weekly.columnAt(f, latest));
  const date = weekly.column('date');
  const scaled = model.inputScaling === 'standard';
  const x = new Float64Array(FEATURES.length);
  const out: Prediction[] = [];
  profiles.forEach((k, r) => {
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j]![r]!;
      x[j] = v === v ? v : 0; // P5: missing features are 0
    }
    if (scaled) standardizeRow(x, model.scaler, x);
    const sunday = date[latest[r]!]!;
    const label = formatDay(sunday);
    TARGETS.forEach((target, h) => {
      const y = applyHead(model.models[target], x);
      // Nothing non-finite comes back silently (it would be null in JSON, an empty CSV field).
      if (!Number.isFinite(y)) throw new DataError(nonFiniteReason(x, y, target), { file: '<input>', line: 0, column: 'profile_id', value: weekly.profileIds[k]! });
      out.push({
        profile_id: weekly.profileIds[k]!,
        date: label,
        future_period: `predicted_${target}`,
        predicted_engagement: y < 0 ? 0 : y, // P6
        prediction_date: formatDay(sunday + HORIZONS[h]!),
      });
    });
  });
  return out;
}
