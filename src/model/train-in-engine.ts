import { formatDay, parseDayStrict } from '../calendar.js';
import { ArgumentRangeError, ArgumentTypeError } from '../errors.js';
import { QUERY_OVER_WINDOW_COLUMNS, type WindowColumnsSource } from '../engines/common.js';
import type { WeeklySource } from '../features/source.js';
import type { LoadReport } from '../frame/load-report.js';
import { checkLimits, DEFAULT_CUTOFF, HORIZONS, type InputLimits, type OnError } from '../schema.js';
import { LIBRARY_NAME, VERSION } from '../version.js';
import { COLD_START_FEATURES, MIN_ROWS as COLD_START_MIN_ROWS, withEnoughScores, type ColdStart } from './cold-start.js';
import { parseFeature } from './design.js';
import type { FittedHead } from './estimators.js';
import { INTERVAL_SCALE } from './intervals.js';
import type { ModelSpec } from './kinds/kind.js';
import { modelKind, modelKindNames } from './kinds/registry.js';
import type { Metrics } from './metrics.js';
import { FORMAT_VERSION_2, withTargetAliases, type EngagementModel } from './model-file.js';
import { ConditionError, headsInEngine, type EngineHeads, type TrainingDays } from './sql-design.js';
import {
  checkModelSpec,
  DEFAULT_CALIBRATION_WEEKS,
  INTERVAL_FLOOR,
  intervalCalibration,
  perTarget,
  withAim,
  type CorrectedTrainResult,
} from './train-corrected.js';
import type { CorrectedRowCounts } from './corrected-rows.js';

/*
 * Training where the rows are: the `corrected` preset's default model (and
 * its cold-start heads, calibration and test metrics) fitted from what a SQL
 * engine computes over the rows it holds (`sql-design.ts`), so that Node
 * holds p × p matrices and quantiles, never the rows. The same model as
 * `trainModels` on the same rows, up to the order of the sums.
 */

/** Options of `trainInEngine`. */
export interface TrainInEngineOptions {
  /** `corrected` (the only preset trained in an engine). */
  preset?: 'corrected';
  /** T3 cutoff, `YYYY-MM-DD`, as `trainModels` takes it. */
  cutoff?: string;
  /**
   * The model: `log-linear` (the default), `ridge`, `linear` (where its normal equations keep the QR fit's
   * digits), or a baseline (`naive`, `window-average`), with their settings; `mlp` is trained by `trainModels`.
   */
  model?: ModelSpec | string;
  /** Calibration weeks before the cutoff (8); `false` for none. */
  calibrationWeeks?: number | false;
  /** `'median'` (the default): the absolute-error back-transform; `'mean'`: Duan's smearing, forecasts that sum to the totals (as `trainModels`). */
  aim?: 'median' | 'mean';
  /** What to do with a row that cannot be read (as `loadWeekly`). */
  onError?: OnError;
  /** Input limits, as `loadWeekly` takes them. */
  limits?: Partial<InputLimits>;
}

/** What `trainInEngine` returns: what `trainModels` returns, and what reading the rows found. */
export interface TrainInEngineResult extends CorrectedTrainResult {
  report: LoadReport;
}

/**
 * Trains the `corrected` preset's default model (or a `ridge` or `linear` one, or scores a baseline) where the rows of `source` are (DuckDB, PostgreSQL, a coordinator
 * of PostgreSQL shards): the window columns, the design, the normal sums, the back-transform factors, the
 * calibration quantiles, the test metrics and the cold-start heads are computed by the engine; Node solves the
 * p × p systems and assembles the model. It returns what `trainModels` returns on the same rows (coefficients,
 * factors, quantiles and metrics within 1e-9 relative: the engine adds in another order).
 *
 * @example
 * const { model } = await trainInEngine(postgres({ table: 'daily' }), { cutoff: '2024-09-29' });
 * await saveModel(model, 'model.json');
 * @throws `ArgumentTypeError` for a source that computes nothing where its rows are, or a model kind not trained
 * in an engine (`mlp`: train it with `trainModels`); `ArgumentRangeError` for `linear` on a design too
 * ill-conditioned for its normal equations; `ArgumentRangeError` when no train rows remain; `DataError` as
 * `loadWeekly` (a refused row under `onError: 'throw'`, a profile past the span limit), and as `trainModels` for a
 * row with a value past 2^53 (code `unforecastable`).
 */
export async function trainInEngine(source: WeeklySource, options: TrainInEngineOptions = {}): Promise<TrainInEngineResult> {
  if (typeof (source as Partial<WindowColumnsSource>)[QUERY_OVER_WINDOW_COLUMNS] !== 'function')
    throw new ArgumentTypeError(`trainInEngine: the source must compute where its rows are (duckdb() or postgres()); ${source.name} does not: use trainModels`);
  if (options.preset !== undefined && options.preset !== 'corrected')
    throw new ArgumentRangeError(`trainInEngine: only the corrected preset is trained in an engine, got ${JSON.stringify(options.preset)}`);
  const spec = withAim(checkModelSpec(options.model, 'trainInEngine'), options.aim, 'trainInEngine');
  const kind = modelKind(spec.kind);
  // How the kind is fitted from the engine's sums (its `engineFit`); none: trained by `trainModels` only.
  const fit = kind.engineFit?.(spec) ?? null;
  if (!fit)
    throw new ArgumentTypeError(
      `trainInEngine: ${spec.kind} is not trained in an engine yet (${modelKindNames()
        .filter((name) => modelKind(name).engineFit)
        .join(', ')} are); train it with trainModels${kind.name === 'mlp' ? ' (the neural network is JS-only)' : ''}`,
    );
  const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
  const cutoffDay = parseDayStrict(cutoff, 'trainInEngine: cutoff');
  const calibrationWeeks = options.calibrationWeeks === false ? 0 : (options.calibrationWeeks ?? DEFAULT_CALIBRATION_WEEKS);
  if (!Number.isInteger(calibrationWeeks) || calibrationWeeks < 0)
    throw new ArgumentRangeError(`trainInEngine: calibrationWeeks must be a non-negative integer or false, got ${JSON.stringify(options.calibrationWeeks)}`);
  const last = HORIZONS[HORIZONS.length - 1]!;
  const days: TrainingDays = { cutoff: cutoffDay, calibrationCut: cutoffDay - last - 7 * calibrationWeeks };
  const request = { onError: options.onError ?? 'throw', limits: checkLimits(options.limits, 'trainInEngine') };
  const { features, standardized } = kind.design(spec);
  const scaleAt = features.findIndex((f) => parseFeature(f).column === INTERVAL_SCALE);
  // One read of the rows: the window columns computed once, the model's passes and the cold-start heads' over them.
  let read: { result: [EngineHeads, EngineHeads]; report: LoadReport };
  try {
    read = await (source as WeeklySource & WindowColumnsSource)[QUERY_OVER_WINDOW_COLUMNS](request, async (query) => [
      await headsInEngine(query, features, 'history', days, { kind: 'profile-scale', scaleAt, floor: INTERVAL_FLOOR }, fit),
      await headsInEngine(query, COLD_START_FEATURES, 'cold', days, { kind: 'forecast-scale', floor: INTERVAL_FLOOR }),
    ]);
  } catch (error) {
    // Thrown within the source's read, which may wrap it as its own error.
    let condition: unknown = error;
    while (condition instanceof Error && !(condition instanceof ConditionError)) condition = condition.cause;
    if (!(condition instanceof ConditionError)) throw error;
    throw new ArgumentRangeError(
      `trainInEngine: ${spec.kind}: ${condition.message} on these rows, past ${condition.limit}: its normal equations would not give the QR fit of trainModels to 1e-9; train ${spec.kind} with trainModels, or use ridge`,
    );
  }
  const {
    result: [main, cold],
    report,
  } = read;
  const train = HORIZONS.map((_, h) => main.early[h]! + main.later[h]!);
  if (train.some((n) => n === 0) || !main.scaler)
    throw new ArgumentRangeError(`trainInEngine: no train rows whose 28-day target lies on or before ${cutoff} for every horizon`);
  const warnings: string[] = [];

  const calibrate = calibrationWeeks > 0 && main.early.every((n) => n > 0);
  const intervals = intervalCalibration(calibrationWeeks, calibrate, days.calibrationCut, cutoffDay, warnings, () => perTarget((_, h) => main.scores[h]!));
  const coldStart = coldStartOf(cold, calibrationWeeks, warnings);
  if (!coldStart)
    warnings.push("no cold-start heads: too few weeks of profiles without a posting history; such profiles get the model's forecast from imputed inputs");

  const metrics = perTarget((_, h): Metrics => {
    const { MAE, MSE, RMSE, R2 } = main.metrics[h]!;
    return { MAE, MSE, RMSE, R2 };
  });
  const rows: CorrectedRowCounts = {
    weekly: main.counts.weekly,
    train: perTarget((_, h) => train[h]!),
    test: perTarget((_, h) => main.metrics[h]!.n),
    noTarget: perTarget((_, h) => main.counts.noTarget[h]!),
    noHistory: main.counts.cold,
    gap: main.counts.gap,
    calibration: perTarget((_, h) => (calibrate ? main.scores[h]!.n : 0)),
  };
  // A log-scale head keeps its back-transform factor; a ridge head has none; a baseline's head is empty.
  const heads = perTarget((_, h) => {
    if ('given' in fit) return {};
    const { factor, ...head } = main.heads[h]!;
    return fit.scale === 'log' ? { ...head, factor } : head;
  });
  const model: EngagementModel = {
    formatVersion: FORMAT_VERSION_2,
    library: { name: LIBRARY_NAME, version: VERSION },
    preset: 'corrected',
    estimator: spec,
    features,
    inputScaling: standardized ? 'standard' : 'none',
    scaler: main.scaler,
    models: heads as unknown as EngagementModel['models'],
    training: { cutoff, from: formatDay(main.counts.first), to: formatDay(main.counts.last), rows },
    metrics,
    baseline: null,
    intervals,
    coldStart,
    description: `${kind.description?.(spec) ?? spec.kind} per horizon, corrected preset, trained on weeks whose 28-day target lies on or before ${cutoff}`,
  };
  return { model: withTargetAliases(model), metrics, baseline: null, rows, rank: features.length, warnings, report };
}

/** The cold-start heads (`fitColdStart`) from their passes in the engine: null when a horizon has too few rows. */
function coldStartOf(cold: EngineHeads, calibrationWeeks: number, warnings: string[]): ColdStart | null {
  if (!cold.scaler || HORIZONS.some((_, h) => cold.early[h]! + cold.later[h]! < COLD_START_MIN_ROWS)) return null;
  let intervals: ColdStart['intervals'] = null;
  if (calibrationWeeks > 0 && cold.early.every((n) => n >= COLD_START_MIN_ROWS)) {
    intervals = withEnoughScores(
      perTarget((_, h) => cold.scores[h]!),
      warnings,
    );
  }
  const models = perTarget((_, h) => cold.heads[h]! as FittedHead);
  return { features: [...COLD_START_FEATURES], scaler: cold.scaler, models, intervals };
}
