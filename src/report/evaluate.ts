import { parseDayStrict } from '../calendar.js';
import { ArgumentRangeError, ArgumentTypeError } from '../errors.js';
import { gather } from '../frame/arrays.js';
import { WeeklyFrame } from '../frame/weekly-frame.js';
import { fitBaseline } from '../model/baseline.js';
import { predictRows } from '../model/linear.js';
import { presetOf } from '../model/presets.js';
import { checkSamePreset, validateModel, type BaselineMetrics, type EngagementModel } from '../model/model-file.js';
import { regressionMetrics, type Metrics } from '../model/metrics.js';
import { selectRows, withoutMissing } from '../model/selection.js';
import { DEFAULT_CUTOFF, FEATURES, TARGETS, type TargetName } from '../schema.js';

/** Follower bands of the original analysis, by average daily followers. */
export const FOLLOWER_BANDS = [
  { label: '<1K', min: 0, max: 1e3 },
  { label: '1K–10K', min: 1e3, max: 1e4 },
  { label: '10K–100K', min: 1e4, max: 1e5 },
  { label: '100K–1M', min: 1e5, max: 1e6 },
  { label: '>1M', min: 1e6, max: Number.POSITIVE_INFINITY },
] as const;

/** Errors of one band. */
export interface BandMetrics extends Metrics {
  band: string;
  rows: number;
}

/** A model scored on the weeks after a cutoff. */
export interface Evaluation {
  cutoff: string;
  preset: string;
  description: string;
  /** Test rows scored (after T1–T3 and T5). */
  testRows: number;
  metrics: Record<TargetName, Metrics>;
  /** The T8 baseline fitted on this data's rows up to the cutoff; null without train rows. */
  baseline: BaselineMetrics | null;
  /** Per target, the actual and predicted values of every test row (unclipped, as T7 scores them). */
  points: Record<TargetName, { actual: Float64Array; predicted: Float64Array }>;
  /** Average daily followers of each test row's week (the weekly sum over the week's daily rows). */
  followers: Float64Array;
  /** Per target, the metrics by follower band. */
  bands: Record<TargetName, BandMetrics[]>;
}

/**
 * Scores a model on the test rows (Sunday after `cutoff`) of a weekly table,
 * as T7 does, with the baseline of T8 and errors by follower band.
 *
 * @example const evaluation = evaluateModel(await loadModel('model.json'), weekly, { cutoff: '2024-07-30' });
 * @throws {@link ModelError} for a model of another preset than the table.
 * @throws `RangeError` when no row lies after the cutoff.
 */
export function evaluateModel(model: EngagementModel, weekly: WeeklyFrame, options: { cutoff?: string } = {}): Evaluation {
  validateModel(model, 'evaluateModel: model');
  if (!(weekly instanceof WeeklyFrame)) throw new ArgumentTypeError('evaluateModel: expected a WeeklyFrame');
  checkSamePreset(model.preset, weekly.preset, 'evaluateModel');
  const evaluation = presetOf(model.preset).evaluation;
  if (evaluation !== true) throw new ArgumentRangeError(evaluation);
  const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
  const selection = selectRows(weekly, parseDayStrict(cutoff, 'evaluateModel: cutoff'));
  const test = withoutMissing(selection.features, selection.test);
  if (test.length === 0) throw new ArgumentRangeError(`evaluateModel: no rows with all four targets after ${cutoff}`);
  const scaler = model.inputScaling === 'standard' ? model.scaler : undefined;
  const dailyRows = weekly.dailyRows;
  const followerColumn = selection.features[FEATURES.indexOf('followers')]!;
  const followers = Float64Array.from(test, (k) => {
    const n = dailyRows[selection.rows[k]!]!;
    return n > 0 ? followerColumn[k]! / n : 0;
  });
  const metrics = {} as Record<TargetName, Metrics>;
  const points = {} as Evaluation['points'];
  const bands = {} as Evaluation['bands'];
  TARGETS.forEach((target, h) => {
    const actual = gather(selection.targets[h]!, test);
    const predicted = predictRows(selection.features, model.models[target], test, scaler);
    metrics[target] = regressionMetrics(actual, predicted);
    points[target] = { actual, predicted };
    bands[target] = FOLLOWER_BANDS.map((band) => {
      const idx: number[] = [];
      followers.forEach((f, i) => {
        if (f >= band.min && f < band.max) idx.push(i);
      });
      const m = regressionMetrics(
        idx.map((i) => actual[i]!),
        idx.map((i) => predicted[i]!),
      );
      return { band: band.label, rows: idx.length, ...m };
    });
  });
  return {
    cutoff,
    preset: model.preset,
    description: model.description,
    testRows: test.length,
    metrics,
    baseline: selection.train.length > 0 ? fitBaseline(selection) : null,
    points,
    followers,
    bands,
  };
}
