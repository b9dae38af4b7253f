import { ArgumentRangeError } from '../errors.js';
import { TARGETS, type TargetName } from '../schema.js';

/*
 * Prediction intervals: split conformal, per horizon, scaled per profile.
 * On calibration windows before the cutoff (forecasts made as of origins
 * whose targets are all known by the cutoff, by a model fitted on what was
 * known before those origins), each forecast's score is
 * |actual − forecast| / scale, where scale is the profile's own level (its
 * pooled engagement per post over 13 weeks, with fallbacks, at least
 * `floor`). The interval at coverage p is forecast ± q·scale, with q the
 * conformal quantile of the scores, and never goes below 0. A 500-follower
 * account thus gets a width of its own size, not a large account's.
 */

/** Quantile levels stored per horizon: 0, 1/200, …, 1. */
export const GRID = 200;

/** Interval calibration as stored in a model file. */
export interface IntervalCalibration {
  method: 'split-conformal, |actual - forecast| / profile scale';
  /** The scale's column (its fallbacks as in the model's design) and its lower bound. */
  scale: string;
  floor: number;
  /** First and last calibration origin (Sundays). */
  from: string;
  to: string;
  /** Per horizon: the number of scores and their quantiles at levels k/200, k = 0 … 200. */
  horizons: Record<TargetName, { n: number; quantiles: number[] }>;
}

/** The quantile grid of some scores (sorted in place). */
export function scoreQuantiles(scores: Float64Array): { n: number; quantiles: number[] } {
  scores.sort();
  const n = scores.length;
  const quantiles: number[] = [];
  for (let k = 0; k <= GRID; k++) {
    const at = (k / GRID) * (n - 1);
    const lo = Math.floor(at);
    const hi = Math.min(n - 1, lo + 1);
    quantiles.push(n === 0 ? Number.NaN : scores[lo]! + (scores[hi]! - scores[lo]!) * (at - lo));
  }
  return { n, quantiles };
}

/**
 * The conformal multiplier for coverage `p` (0 < p < 1): the
 * ⌈(n + 1)·p⌉ / n quantile of the calibration scores, read off the stored
 * grid by linear interpolation (the largest score when that level is 1).
 */
export function conformalMultiplier(h: { n: number; quantiles: number[] }, p: number): number {
  const level = Math.min(1, Math.ceil((h.n + 1) * p) / h.n);
  const at = level * GRID;
  const lo = Math.floor(at);
  const hi = Math.min(GRID, lo + 1);
  return h.quantiles[lo]! + (h.quantiles[hi]! - h.quantiles[lo]!) * (at - lo);
}

/** An interval's bounds: forecast ± multiplier · scale, the lower one at least 0. */
export function intervalBounds(forecast: number, scale: number, multiplier: number): [number, number] {
  const half = multiplier * scale;
  return [Math.max(0, forecast - half), forecast + half];
}

/** How the intervals are calibrated, as model files name it. */
export const INTERVAL_METHOD = 'split-conformal, |actual - forecast| / profile scale';

/** The weekly column that scales the intervals per profile. */
export const INTERVAL_SCALE = 'engagement_per_post_13w';

/**
 * The `intervals` option of `predict`: coverages strictly between 0 and 1
 * (0.8, 0.95), or percentages from 10 to 100 (80, 95), as a sorted unique
 * list. A value from 1 to 10 is refused as ambiguous (1.5 is more likely a
 * slip than a 1.5 % interval, which is written 0.015).
 * @throws {@link ArgumentRangeError}
 */
export function checkIntervals(value: unknown, where: string): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length === 0)
    throw new ArgumentRangeError(`${where}: intervals must be a non-empty list of coverages such as [0.8, 0.95]`);
  const out = value.map((v) => {
    if (typeof v === 'number' && v > 1 && v < 10)
      throw new ArgumentRangeError(
        `${where}: interval coverage ${v} is ambiguous: write a coverage between 0 and 1 (0.8) or a percentage from 10 to 100 (80); for ${v} %, write ${v / 100}`,
      );
    const p = typeof v === 'number' && v >= 10 && v < 100 ? v / 100 : v;
    if (typeof p !== 'number' || !(p > 0 && p < 1))
      throw new ArgumentRangeError(`${where}: each interval coverage must be between 0 and 1 (or 10 and 100 as a percentage), got ${JSON.stringify(v)}`);
    return Math.round(p * 1e6) / 1e6;
  });
  return [...new Set(out)].sort((a, b) => a - b);
}

/** The field name suffix of a coverage: 0.8 → `80`, 0.975 → `97.5`. */
export function coverageLabel(p: number): string {
  return String(Math.round(p * 1e4) / 100);
}

/** Every horizon of a calibration has scores. */
export function calibrationComplete(c: IntervalCalibration): boolean {
  return TARGETS.every((t) => c.horizons[t] && c.horizons[t].n > 0);
}
