import { formatDay } from '../calendar.js';
import { ArgumentRangeError, ArgumentTypeError } from '../errors.js';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { HORIZONS, TARGETS, type ProgressCallback, type TargetName } from '../schema.js';
import { LIBRARY_NAME, VERSION } from '../version.js';
import { designColumns, parseFeature } from './design.js';
import { NormalSums } from './estimators.js';
import { calibrationComplete, INTERVAL_METHOD, INTERVAL_SCALE, scoreQuantiles, type IntervalCalibration } from './intervals.js';
import { fitColdStart } from './cold-start.js';
import { regressionMetrics, type Metrics } from './metrics.js';
import { FORMAT_VERSION_2, withTargetAliases, type EngagementModel } from './model-file.js';
import type { CorrectedRowCounts } from './corrected-rows.js';
import type { CorrectedHead, ModelKindDefinition, ModelSpec } from './kinds/kind.js';
import { findModelKind, modelKind, modelKindNames } from './kinds/registry.js';
import { StandardScaler } from './scaler.js';
import { SUMMABLE, unsummableError } from './summable.js';
import { candidatesOf, positions } from './candidates.js';
import { standardizeColumns } from './linear.js';

/*
 * Training of `corrected` models (T, corrected): per horizon, the rows with
 * that horizon's target (a week with posts) and a posting history, split so
 * that a train row's furthest target week is on or before the cutoff (Q6),
 * the design standardized before fitting (Q7), one estimator per horizon,
 * then interval calibration on windows before the cutoff.
 */

export type { CorrectedRowCounts } from './corrected-rows.js';

/** The corrected preset's default model (the backtest winner; docs/forecast-quality.md). */
export const DEFAULT_CORRECTED_MODEL: Readonly<ModelSpec> = Object.freeze({ kind: 'log-linear' });

/** Calibration origins (weeks) before the cutoff, by default. */
export const DEFAULT_CALIBRATION_WEEKS = 8;

/** The `model` option of `trainModels`: a kind, or a kind with its settings. */
export function checkModelSpec(value: unknown, where: string): ModelSpec {
  if (value === undefined) return { ...DEFAULT_CORRECTED_MODEL };
  const spec = (typeof value === 'string' ? { kind: value } : value) as Record<string, unknown> | null;
  const kind = spec !== null && typeof spec === 'object' ? findModelKind(spec.kind) : undefined;
  if (!kind) {
    throw new ArgumentTypeError(`${where}: model must be one of ${modelKindNames().join(', ')} (or { kind, … }), got ${JSON.stringify(value)}`);
  }
  const given = spec as Record<string, unknown>;
  const out: ModelSpec = { kind: kind.name };
  if (given.features !== undefined) {
    if (given.features !== 'core' && given.features !== 'robust' && given.features !== 'full')
      throw new ArgumentTypeError(`${where}: model.features must be 'core', 'robust' or 'full', got ${JSON.stringify(given.features)}`);
    out.features = given.features;
  }
  kind.checkSettings?.(given, out, where);
  if (given.correction !== undefined) {
    if (!kind.logScale || (given.correction !== 'smearing' && given.correction !== 'absolute'))
      throw new ArgumentTypeError(
        `${where}: model.correction is 'smearing' or 'absolute', for log-linear and mlp models, got ${JSON.stringify(given.correction)}`,
      );
    out.correction = given.correction;
  }
  return out;
}

/**
 * A model spec with `aim` applied (see `TrainOptions.aim`): `'mean'` maps a
 * log-scale kind back by the smearing factor; a spec whose own `correction`
 * says otherwise is an error, not overruled.
 */
export function withAim(spec: ModelSpec, aim: unknown, where: string): ModelSpec {
  if (aim === undefined) return spec;
  if (aim !== 'median' && aim !== 'mean') throw new ArgumentTypeError(`${where}: aim must be 'median' or 'mean', got ${JSON.stringify(aim)}`);
  if (!findModelKind(spec.kind)?.logScale) return spec;
  const correction = aim === 'mean' ? 'smearing' : 'absolute';
  if (spec.correction !== undefined && spec.correction !== correction)
    throw new ArgumentTypeError(`${where}: aim '${aim}' maps a ${spec.kind} model back by '${correction}', but model.correction is '${spec.correction}'`);
  return { ...spec, correction };
}

/** Forecasts of a head at candidate positions (before clipping). */
function forecastAt(kind: ModelKindDefinition, head: CorrectedHead, x: readonly Float64Array[], rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  const row = new Float64Array(x.length);
  for (let k = 0; k < rows.length; k++) {
    for (let j = 0; j < x.length; j++) row[j] = x[j]![rows[k]!]!;
    out[k] = kind.apply(head, row);
  }
  return out;
}

/** Options of a `corrected` training (see `TrainOptions`). */
export interface CorrectedTrainOptions {
  cutoffDay: number;
  cutoff: string;
  model: ModelSpec;
  /** Calibration weeks before the cutoff; 0: no intervals. */
  calibrationWeeks: number;
  onProgress?: ProgressCallback;
}

/** What `trainModels` returns for the `corrected` preset. */
export interface CorrectedTrainResult {
  /** The fitted model (format 2), ready for `predict` and `saveModel`. */
  model: EngagementModel;
  /** Test metrics per horizon, on the rows after the cutoff with that horizon's target, forecasts clipped at 0. */
  metrics: Record<TargetName, Metrics>;
  /** Null: the corrected preset's baselines are models of their own (`naive`, `window-average`), compared by `backtest`. */
  baseline: null;
  /** Row counts per horizon. */
  rows: CorrectedRowCounts;
  /** Number of model features. */
  rank: number;
  /** Things worth knowing (no intervals, and why). */
  warnings: string[];
}

/** @internal A record with one value per target, from the target and its horizon's index. */
export const perTarget = <V>(f: (t: TargetName, h: number) => V): Record<TargetName, V> =>
  Object.fromEntries(TARGETS.map((t, h) => [t, f(t, h)])) as Record<TargetName, V>;

/**
 * @internal A training's interval calibration from its calibration scores' quantiles per horizon (`horizons`,
 * asked for only when the rows before the calibration windows allow it), or null with `warnings` saying why:
 * calibration turned off, no rows before the calibration windows (`calibrate` false), or a horizon without scores.
 * Days are day numbers: `calCut` where the calibration windows start, `cutoffDay` the cutoff.
 */
export function intervalCalibration(
  calibrationWeeks: number,
  calibrate: boolean,
  calCut: number,
  cutoffDay: number,
  warnings: string[],
  horizons: () => IntervalCalibration['horizons'],
): IntervalCalibration | null {
  if (calibrationWeeks <= 0) return null;
  if (!calibrate) {
    warnings.push(`no intervals: no rows before the calibration windows (${formatDay(calCut)}); train with an earlier cutoff's data or more history`);
    return null;
  }
  const intervals: IntervalCalibration = {
    method: INTERVAL_METHOD,
    scale: INTERVAL_SCALE,
    floor: INTERVAL_FLOOR,
    from: formatDay(calCut + 7),
    to: formatDay(cutoffDay - HORIZONS[0]!),
    horizons: horizons(),
  };
  if (calibrationComplete(intervals)) return intervals;
  warnings.push('no intervals: a horizon has no calibration rows');
  return null;
}

/**
 * Every value training can see (the rows whose Sunday is on or before the
 * cutoff: fit and calibration), features and targets, is within ±2^53 or
 * NaN (missing); otherwise a `DataError` names the profile, the week and
 * the column, instead of a solver's error or a model with infinite
 * intervals.
 */
function checkSummable(
  weekly: WeeklyFrame,
  c: ReturnType<typeof candidatesOf>,
  cutoffDay: number,
  features: readonly string[],
  columns: readonly ArrayLike<number>[],
): void {
  const named: [string, ArrayLike<number>][] = [
    ...features.map((f, j): [string, ArrayLike<number>] => [f, columns[j]!]),
    ...TARGETS.map((t, h): [string, ArrayLike<number>] => [t, c.targets[h]!]),
  ];
  for (let k = 0; k < c.rows.length; k++) {
    if (c.date[k]! > cutoffDay) continue;
    for (const [name, values] of named) {
      const v = values[k]!;
      if (!(Math.abs(v) > SUMMABLE)) continue;
      throw unsummableError(weekly.profileIds[weekly.profile[c.rows[k]!]!]!, c.date[k]!, name, v);
    }
  }
}

/** T, `corrected` preset. */
export function trainCorrected(weekly: WeeklyFrame, options: CorrectedTrainOptions): CorrectedTrainResult {
  const { cutoffDay, cutoff, model: spec } = options;
  const warnings: string[] = [];
  options.onProgress?.({ stage: 'select', rows: weekly.length });
  const c = candidatesOf(weekly);
  const last = HORIZONS[HORIZONS.length - 1]!;
  // Q6: a train row's furthest target week (its Sunday + 28 days) is on or before the cutoff.
  const inTrain = (sunday: number): boolean => sunday + last <= cutoffDay;
  const train = HORIZONS.map((_, h) => positions(c, h, inTrain));
  const test = HORIZONS.map((_, h) => positions(c, h, (d) => d > cutoffDay));
  let gap = 0;
  for (let k = 0; k < c.rows.length; k++) if (c.date[k]! <= cutoffDay && !inTrain(c.date[k]!)) gap++;
  if (train.some((t) => t.length === 0)) {
    throw new ArgumentRangeError(
      `trainModels: no train rows whose 28-day target lies on or before ${cutoff} for every horizon (${c.rows.length} rows have a target and a posting history)`,
    );
  }

  const kind = modelKind(spec.kind);
  const design = kind.design(spec);
  options.onProgress?.({ stage: 'features', rows: c.rows.length });
  const { columns } = designColumns(weekly, design.features, c.rows);
  const trainUnion = unionOf(train, c.rows.length);
  checkSummable(weekly, c, cutoffDay, design.features, columns);
  const scaler = StandardScaler.fitColumns(design.features, columns, trainUnion);
  // The intervals' profile scale (13-week pooled average, imputed): taken from the design when it has it, before standardizing.
  const scaleAt = design.features.findIndex((f) => parseFeature(f).column === 'engagement_per_post_13w');
  const scaleColumn =
    scaleAt < 0 ? null : parseFeature(design.features[scaleAt]!).log ? columns[scaleAt]!.map(Math.expm1) : Float64Array.from(columns[scaleAt]!);
  if (design.standardized) standardizeColumns(columns, scaler);

  // Calibration fits (on the rows known before the calibration windows) are needed below; the
  // kinds solved by normal equations reuse their sums for the final fit.
  const calCut = cutoffDay - last - 7 * options.calibrationWeeks;
  const fitRows = HORIZONS.map((_, h) => positions(c, h, (d) => d + last <= calCut));
  const calibrate = options.calibrationWeeks > 0 && fitRows.every((r) => r.length > 0);
  const calibrationHeads: (CorrectedHead | null)[] = HORIZONS.map(() => null);
  options.onProgress?.({ stage: 'fit', rows: trainUnion.length });
  const heads = perTarget((_, h) => {
    const sums = kind.sums;
    if (!calibrate || !sums) return kind.fit(spec, { x: columns, target: c.targets[h]!, rows: train[h]!, seed: h + 1 });
    const early = new NormalSums(columns.length).add(columns, c.targets[h]!, fitRows[h]!, sums.transform);
    const later = new NormalSums(columns.length).add(
      columns,
      c.targets[h]!,
      positions(c, h, (d) => d + last > calCut && d + last <= cutoffDay),
      sums.transform,
    );
    calibrationHeads[h] = sums.solve(early, spec, columns, c.targets[h]!, fitRows[h]!);
    return sums.solve(early.plus(later), spec, columns, c.targets[h]!, train[h]!);
  });
  options.onProgress?.({ stage: 'metrics', rows: test[0]!.length });
  const metrics = perTarget((t, h) => {
    const predicted = forecastAt(kind, heads[t], columns, test[h]!).map((v) => (v < 0 ? 0 : v));
    return regressionMetrics(
      Float64Array.from(test[h]!, (k) => c.targets[h]![k]!),
      predicted,
    );
  });

  // Intervals: a model fitted on what was known before the calibration origins scores them.
  const calibration = perTarget(() => 0);
  if (options.calibrationWeeks > 0) options.onProgress?.({ stage: 'calibrate', rows: trainUnion.length });
  const intervals = intervalCalibration(options.calibrationWeeks, calibrate, calCut, cutoffDay, warnings, () => {
    const scale = scaleColumn ?? designColumns(weekly, ['engagement_per_post_13w'], c.rows).columns[0]!;
    return perTarget((t, h) => {
      const head = calibrationHeads[h] ?? kind.fit(spec, { x: columns, target: c.targets[h]!, rows: fitRows[h]!, seed: h + 101 });
      const rows = positions(c, h, (d) => d > calCut && d + HORIZONS[h]! <= cutoffDay);
      const predicted = forecastAt(kind, head, columns, rows);
      const scores = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) {
        const y = c.targets[h]![rows[k]!]!;
        scores[k] = Math.abs(y - Math.max(0, predicted[k]!)) / Math.max(INTERVAL_FLOOR, scale[rows[k]!]!);
      }
      calibration[t] = rows.length;
      return scoreQuantiles(scores);
    });
  });

  options.onProgress?.({ stage: 'cold start', rows: c.cold.rows.length });
  const coldStart = fitColdStart(weekly, c.cold, cutoffDay, options.calibrationWeeks, INTERVAL_FLOOR, warnings);
  if (!coldStart)
    warnings.push("no cold-start heads: too few weeks of profiles without a posting history; such profiles get the model's forecast from imputed inputs");

  const rows: CorrectedRowCounts = {
    weekly: weekly.length,
    train: perTarget((_, h) => train[h]!.length),
    test: perTarget((_, h) => test[h]!.length),
    noTarget: perTarget((_, h) => c.noTarget[h]!),
    noHistory: c.noHistory,
    gap,
    calibration,
  };
  let first = Number.POSITIVE_INFINITY;
  let lastSunday = Number.NEGATIVE_INFINITY;
  for (const d of c.date) {
    if (d < first) first = d;
    if (d > lastSunday) lastSunday = d;
  }
  const model: EngagementModel = {
    formatVersion: FORMAT_VERSION_2,
    library: { name: LIBRARY_NAME, version: VERSION },
    preset: 'corrected',
    estimator: spec,
    features: design.features,
    inputScaling: design.standardized ? 'standard' : 'none',
    scaler: scaler.toJSON(),
    models: heads as EngagementModel['models'],
    training: { cutoff, from: formatDay(first), to: formatDay(lastSunday), rows },
    metrics,
    baseline: null,
    intervals,
    coldStart,
    description: `${kind.description?.(spec) ?? spec.kind} per horizon, corrected preset, trained on weeks whose 28-day target lies on or before ${cutoff}`,
  };
  return { model: withTargetAliases(model), metrics, baseline: null, rows, rank: design.features.length, warnings };
}

/** The smallest profile scale intervals use (engagement per post). */
export const INTERVAL_FLOOR = 1;

/** The sorted union of several position lists (positions below `size`). */
function unionOf(lists: readonly Int32Array[], size: number): Int32Array {
  const mark = new Uint8Array(size);
  let count = 0;
  for (const l of lists) {
    for (const k of l) {
      if (!mark[k]) {
        mark[k] = 1;
        count++;
      }
    }
  }
  const out = new Int32Array(count);
  let o = 0;
  for (let k = 0; k < size; k++) if (mark[k]) out[o++] = k;
  return out;
}
