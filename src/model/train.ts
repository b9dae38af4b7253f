import { ArgumentRangeError, ArgumentTypeError } from '../errors.js';
import { formatDay, parseDayStrict } from '../calendar.js';
import { gather } from '../frame/arrays.js';
import { DailyFrame } from '../frame/daily-frame.js';
import { WeeklyFrame } from '../frame/weekly-frame.js';
import { resampleWeekly } from '../features/resample.js';
import { DEFAULT_CUTOFF, FEATURES, TARGETS, checkPreset, type Preset, type ProgressCallback, type TargetName } from '../schema.js';
import { LIBRARY_NAME, VERSION } from '../version.js';
import { fitBaseline } from './baseline.js';
import { fitLeastSquares } from './least-squares.js';
import { predictRows } from './linear.js';
import { regressionMetrics, type Metrics } from './metrics.js';
import { checkSamePreset, FORMAT_VERSION, withTargetAliases, type BaselineMetrics, type EngagementModel, type LinearHead } from './model-file.js';
import { StandardScaler } from './scaler.js';
import { checkModelSpec, DEFAULT_CALIBRATION_WEEKS, trainCorrected, type CorrectedRowCounts } from './train-corrected.js';
import type { ModelKind, ModelSpec } from './model-file.js';
import { selectRows, withoutMissing, type RowCounts } from './selection.js';

/** Options of `trainModels`. */
export interface TrainOptions {
  /** T3 cutoff, `YYYY-MM-DD`: train on Sundays on or before it, test after. Default 2024-07-30. */
  cutoff?: string;
  /** Preset; must match the weekly table's. Default: the table's preset (`notebook`). */
  preset?: Preset;
  /**
   * `corrected` preset: the model kind (`linear`, `log-linear`, `ridge`,
   * `mlp`, `naive`, `window-average`) or a kind with settings. Default: the
   * backtest winner, `DEFAULT_CORRECTED_MODEL`. The `notebook` preset fits
   * only its own least squares (`linear`).
   */
  model?: ModelKind | ModelSpec;
  /**
   * `corrected` preset: calibrate prediction intervals on this many weekly
   * origins before the cutoff (default 8); `false` for none.
   */
  calibrationWeeks?: number | false;
  /** Called at each stage. */
  onProgress?: ProgressCallback;
}

/** What `trainModels` returns. */
export interface TrainResult {
  /** The fitted model, ready for `predict` and `saveModel`. */
  model: EngagementModel;
  /** T7: test metrics per target. */
  metrics: Record<TargetName, Metrics>;
  /** T8: the baseline's test metrics. */
  baseline: BaselineMetrics;
  /** Row counts along T1–T5. */
  rows: RowCounts;
  /** Numerical rank of the design (21 unless features are collinear). */
  rank: number;
  /** Things worth knowing about the data (rows dropped for infinite values, a rank-deficient design). */
  warnings: string[];
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

/**
 * Steps T1–T8: selects rows, fits the scaler, fits one least-squares model
 * per horizon, scores them on the test rows, and fits the baseline.
 *
 * @param input the weekly table (or daily rows, resampled with the preset).
 * @example
 * const trained = trainModels(weekly, { cutoff: '2024-07-30' });
 * trained.metrics.engagement_future_7d.RMSE;
 * await saveModel(trained.model, 'model.json');
 * @throws {RangeError} when no train rows remain.
 */
export function trainModels(input: WeeklyFrame<'notebook'> | DailyFrame, options?: TrainOptions & { preset?: 'notebook' }): TrainResult;
export function trainModels(input: WeeklyFrame<'corrected'>, options?: TrainOptions): CorrectedTrainResult;
export function trainModels(input: DailyFrame, options: TrainOptions & { preset: 'corrected' }): CorrectedTrainResult;
export function trainModels(input: WeeklyFrame | DailyFrame, options?: TrainOptions): TrainResult | CorrectedTrainResult;
export function trainModels(input: WeeklyFrame | DailyFrame, options: TrainOptions = {}): TrainResult | CorrectedTrainResult {
  const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
  const cutoffDay = parseDayStrict(cutoff, 'trainModels: cutoff');
  const preset = checkPreset(options.preset ?? (input instanceof WeeklyFrame ? input.preset : undefined), 'trainModels');
  let weekly: WeeklyFrame;
  if (input instanceof DailyFrame) {
    options.onProgress?.({ stage: 'weekly', rows: input.length });
    weekly = resampleWeekly<Preset>(input, { preset });
  } else if (input instanceof WeeklyFrame) {
    checkSamePreset(preset, input.preset, 'trainModels');
    weekly = input;
  } else {
    throw new ArgumentTypeError('trainModels: expected a WeeklyFrame (from resampleWeekly) or a DailyFrame');
  }
  if (preset === 'corrected') {
    const model = checkModelSpec(options.model, 'trainModels');
    const weeks = options.calibrationWeeks === undefined ? DEFAULT_CALIBRATION_WEEKS : options.calibrationWeeks === false ? 0 : options.calibrationWeeks;
    if (!Number.isInteger(weeks) || weeks < 0) throw new ArgumentTypeError(`trainModels: calibrationWeeks must be a non-negative integer or false, got ${JSON.stringify(options.calibrationWeeks)}`);
    const result = trainCorrected(weekly, { cutoff, cutoffDay, model, calibrationWeeks: weeks, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    const out: CorrectedTrainResult = { ...result, baseline: null, rank: result.model.features.length };
    return out;
  }
  if (options.model !== undefined && options.model !== 'linear' && !(typeof options.model === 'object' && options.model?.kind === 'linear' && options.model.features === undefined)) {
    throw new ArgumentRangeError(`trainModels: the notebook preset fits its own least squares only; use preset 'corrected' for model ${JSON.stringify(options.model)}`);
  }
  const warnings: string[] = [];
  options.onProgress?.({ stage: 'select', rows: weekly.length });
  const selection = selectRows(weekly, cutoffDay);
  const { counts } = selection;
  if (counts.infiniteTargets > 0) {
    warnings.push(`${counts.infiniteTargets} rows dropped: a target was +Infinity (engagement in a week with 0 posts)`);
  }
  if (counts.infiniteFeatures > 0) {
    warnings.push(`${counts.infiniteFeatures} rows dropped: a feature was infinite (a month with engagement but 0 posts)`);
  }
  const featureColumns = selection.features;
  const targetColumns = selection.targets;

  // T4: scaler on the train rows, before T5.
  options.onProgress?.({ stage: 'scaler', rows: selection.train.length });
  const scaler = StandardScaler.fitColumns(FEATURES, featureColumns, selection.train);
  // T5.
  const train = withoutMissing(featureColumns, selection.train);
  const test = withoutMissing(featureColumns, selection.test);
  if (train.length === 0) {
    throw new ArgumentRangeError(`trainModels: no train rows on or before ${cutoff} (${counts.afterZeroDrop} rows had targets and data)`);
  }
  // T6: the notebook fits on the unscaled features (Q7).
  options.onProgress?.({ stage: 'fit', rows: train.length });
  const fit = fitLeastSquares(featureColumns, targetColumns, train);
  if (fit.rank < FEATURES.length) {
    warnings.push(`the design has rank ${fit.rank} of ${FEATURES.length}: collinear or constant features; the minimum-norm solution was used`);
  }
  const models = {} as Record<TargetName, LinearHead>;
  const metrics = {} as Record<TargetName, Metrics>;
  options.onProgress?.({ stage: 'metrics', rows: test.length });
  TARGETS.forEach((target, k) => {
    models[target] = { coef: Array.from(fit.coef[k]!), intercept: fit.intercept[k]! };
    metrics[target] = regressionMetrics(gather(targetColumns[k]!, test), predictRows(featureColumns, models[target], test));
  });

  // T8.
  options.onProgress?.({ stage: 'baseline', rows: selection.train.length });
  const baseline = fitBaseline(selection);

  const rows: RowCounts = { ...counts, train: train.length, test: test.length };
  const date = weekly.column('date');
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const part of [train, test]) {
    for (const k of part) {
      const d = date[selection.rows[k]!]!;
      if (d < first) first = d;
      if (d > last) last = d;
    }
  }
  const model: EngagementModel = {
    formatVersion: FORMAT_VERSION,
    library: { name: LIBRARY_NAME, version: VERSION },
    preset,
    features: [...FEATURES],
    inputScaling: 'none',
    scaler: scaler.toJSON(),
    models,
    training: { cutoff, from: formatDay(first), to: formatDay(last), rows },
    metrics,
    baseline,
    description: `least squares per horizon, ${preset} preset, trained on ${train.length} weekly rows up to ${cutoff}`,
  };
  return { model: withTargetAliases(model), metrics, baseline, rows, rank: fit.rank, warnings };
}
