import { ArgumentRangeError } from '../errors.js';
import { formatDay } from '../calendar.js';
import { gather } from '../frame/arrays.js';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { FEATURES, TARGETS, type TargetName } from '../schema.js';
import { LIBRARY_NAME, VERSION } from '../version.js';
import { fitBaseline } from './baseline.js';
import { fitLeastSquares } from './least-squares.js';
import { predictRows } from './linear.js';
import { regressionMetrics, type Metrics } from './metrics.js';
import { FORMAT_VERSION, withTargetAliases, type EngagementModel, type LinearHead } from './model-file.js';
import { StandardScaler } from './scaler.js';
import { selectRows, withoutMissing, type RowCounts } from './selection.js';
import type { PresetTrainOptions, TrainResult } from './train-options.js';

/*
 * Training of `notebook` models (T1–T8): the notebook's row selection, the
 * scaler fitted but not applied (Q7), one least-squares fit for the four
 * targets, test metrics, and the baseline.
 */

/** T1–T8, `notebook` preset. */
export function trainNotebook(weekly: WeeklyFrame, options: PresetTrainOptions): TrainResult {
  const { cutoff, cutoffDay } = options;
  const preset = weekly.preset;
  if (
    options.model !== undefined &&
    options.model !== 'linear' &&
    !(typeof options.model === 'object' && options.model?.kind === 'linear' && options.model.features === undefined)
  ) {
    throw new ArgumentRangeError(
      `trainModels: the notebook preset fits its own least squares only; use preset 'corrected' for model ${JSON.stringify(options.model)}`,
    );
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
