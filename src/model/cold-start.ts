import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { HORIZONS, TARGETS, type TargetName } from '../schema.js';
import { designColumns } from './design.js';
import { fitLinearHead, type FittedHead } from './estimators.js';
import { scoreQuantiles } from './intervals.js';
import { applyHead, standardizeColumns } from './linear.js';
import { positions, type Rows } from './candidates.js';
import { StandardScaler, type ScalerState } from './scaler.js';

/*
 * Cold start: forecasts for profiles that have not posted yet (no naive
 * value, no window average exists for them). Per horizon, least squares of
 * log1p(target) on log1p of the latest known followers and of the observed
 * days, fitted on the weeks of such profiles that have a target, mapped back
 * with the absolute-error factor. Their intervals are calibrated apart
 * (their own scores, |actual − forecast| / max(floor, forecast)), so they
 * neither borrow nor disturb the widths of profiles with a history.
 */

/** The cold-start inputs. */
export const COLD_START_FEATURES = ['log1p(followers_last_known)', 'log1p(observed_days_4w)', 'log1p(observed_days_26w)'];

/** Fewest train rows per horizon for a cold-start head. */
export const MIN_ROWS = 30;

/** Cold-start heads and their calibration, as a model file stores them. */
export interface ColdStart {
  features: string[];
  scaler: ScalerState;
  models: Record<TargetName, FittedHead>;
  /** Per horizon: the number of calibration scores and their quantiles (levels k/200), or null without calibration. */
  intervals: Record<TargetName, { n: number; quantiles: number[] }> | null;
}

/** One cold-start forecast from a standardized input row (before clipping). */
export function applyColdStart(head: FittedHead, x: ArrayLike<number>): number {
  return Math.exp(applyHead(head, x)) * head.factor! - 1;
}

/** Fewest calibration scores a horizon of the cold-start heads is calibrated from (below: the main model's quantiles). */
export const MIN_CALIBRATION_SCORES = 20;

/**
 * Fits the cold-start heads on `cold` rows whose 28-day target lies on or
 * before the cutoff, and calibrates them like the main model (a fit on the
 * rows before the calibration windows, scored on the windows); null when a
 * horizon has fewer than 30 rows to fit. With fewer than
 * `MIN_CALIBRATION_SCORES` scores in a horizon the heads get no intervals of
 * their own, and `warnings` says so.
 */
export function fitColdStart(
  weekly: WeeklyFrame,
  cold: Rows,
  cutoffDay: number,
  calibrationWeeks: number,
  floor: number,
  warnings: string[] = [],
): ColdStart | null {
  const last = HORIZONS[HORIZONS.length - 1]!;
  const train = HORIZONS.map((_, h) => positions(cold, h, (d) => d + last <= cutoffDay));
  if (train.some((t) => t.length < MIN_ROWS)) return null;
  const { columns } = designColumns(weekly, COLD_START_FEATURES, cold.rows);
  const union = Int32Array.from(new Set(train.flatMap((t) => [...t]))).sort();
  const scaler = StandardScaler.fitColumns(COLD_START_FEATURES, columns, union);
  standardizeColumns(columns, scaler);
  const models = Object.fromEntries(TARGETS.map((t, h) => [t, fitLinearHead(columns, cold.targets[h]!, train[h]!, true)])) as Record<TargetName, FittedHead>;
  let intervals: ColdStart['intervals'] = null;
  if (calibrationWeeks > 0) {
    const calCut = cutoffDay - last - 7 * calibrationWeeks;
    const fitRows = HORIZONS.map((_, h) => positions(cold, h, (d) => d + last <= calCut));
    if (fitRows.every((r) => r.length >= MIN_ROWS)) {
      const x = new Float64Array(columns.length);
      intervals = Object.fromEntries(
        TARGETS.map((t, h) => {
          const head = fitLinearHead(columns, cold.targets[h]!, fitRows[h]!, true);
          const rows = positions(cold, h, (d) => d > calCut && d + HORIZONS[h]! <= cutoffDay);
          const scores = new Float64Array(rows.length);
          rows.forEach((k, s) => {
            for (let j = 0; j < columns.length; j++) x[j] = columns[j]![k]!;
            const forecast = Math.max(0, applyColdStart(head, x));
            scores[s] = Math.abs(cold.targets[h]![k]! - forecast) / Math.max(floor, forecast);
          });
          return [t, scoreQuantiles(scores)];
        }),
      ) as Record<TargetName, { n: number; quantiles: number[] }>;
      intervals = withEnoughScores(intervals, warnings);
    }
  }
  return { features: [...COLD_START_FEATURES], scaler: scaler.toJSON(), models, intervals };
}

/**
 * The cold-start heads' calibration when every horizon has `MIN_CALIBRATION_SCORES` scores, else null, and
 * `warnings` says why (when some horizon has scores at all). Also what a training in an engine decides with.
 */
export function withEnoughScores(intervals: NonNullable<ColdStart['intervals']>, warnings: string[]): ColdStart['intervals'] {
  const fewest = Math.min(...TARGETS.map((t) => intervals[t].n));
  if (fewest >= MIN_CALIBRATION_SCORES) return intervals;
  // A 95% bound needs 19 scores to be more than the largest one; a handful gives equal 80% and 95% bounds.
  if (fewest > 0)
    warnings.push(
      `no cold-start intervals of their own: ${fewest} calibration scores in a horizon, fewer than ${MIN_CALIBRATION_SCORES}; cold-start forecasts take the main model's interval quantiles, scaled by the forecast`,
    );
  return null;
}
