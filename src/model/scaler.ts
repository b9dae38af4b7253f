import { ArgumentRangeError, ArgumentTypeError } from '../errors.js';
import { WeeklyFrame } from '../frame/weekly-frame.js';
import { FEATURES } from '../schema.js';
import { parseDayStrict } from '../calendar.js';
import { standardizeRow } from './linear.js';
import { selectRows } from './selection.js';

/** A fitted scaler's state, as saved in model files (scikit-learn's `mean_`, `var_`, `scale_`, `n_samples_seen_`). */
export interface ScalerState {
  features: string[];
  mean: number[];
  var: number[];
  scale: number[];
  nSamplesSeen: number[];
}

/**
 * Whether a feature's variance is indistinguishable from 0 given its mean,
 * as scikit-learn's `_is_constant_feature` decides: such features get scale 1.
 */
export function isConstantFeature(variance: number, mean: number, n: number): boolean {
  const eps = Number.EPSILON;
  const upper = n * eps * variance + (n * mean * eps) ** 2;
  return variance <= upper;
}

/**
 * Mean and population variance of `values` at `rows` (all when omitted),
 * ignoring NaN, with scikit-learn's correction term for rounding.
 */
function meanAndVariance(values: ArrayLike<number>, rows?: ArrayLike<number>): { mean: number; variance: number; n: number } {
  const m = rows ? rows.length : values.length;
  let n = 0;
  let sum = 0;
  for (let k = 0; k < m; k++) {
    const v = values[rows ? rows[k]! : k]!;
    if (v === v) {
      sum += v;
      n++;
    }
  }
  if (n === 0) return { mean: Number.NaN, variance: Number.NaN, n: 0 };
  const mean = sum / n;
  let sq = 0;
  let correction = 0;
  for (let k = 0; k < m; k++) {
    const v = values[rows ? rows[k]! : k]!;
    if (v === v) {
      const d = v - mean;
      correction += d;
      sq += d * d;
    }
  }
  return { mean, variance: (sq - (correction * correction) / n) / n, n };
}

/**
 * A fitted standard scaler: `(x - mean) / scale`. Fit with `fitScaler`.
 */
export class StandardScaler {
  readonly features: readonly string[];
  readonly mean: Float64Array;
  readonly var: Float64Array;
  readonly scale: Float64Array;
  readonly nSamplesSeen: Int32Array;

  constructor(state: ScalerState) {
    const p = state.features.length;
    for (const key of ['mean', 'var', 'scale', 'nSamplesSeen'] as const) {
      if (!Array.isArray(state[key]) && !ArrayBuffer.isView(state[key])) throw new ArgumentTypeError(`StandardScaler: '${key}' must be an array`);
      if (state[key].length !== p) throw new ArgumentTypeError(`StandardScaler: '${key}' has ${state[key].length} values for ${p} features`);
    }
    this.features = [...state.features];
    this.mean = Float64Array.from(state.mean);
    this.var = Float64Array.from(state.var);
    this.scale = Float64Array.from(state.scale);
    this.nSamplesSeen = Int32Array.from(state.nSamplesSeen);
  }

  /** Scales one feature row (in `features` order). */
  transform(row: ArrayLike<number>): Float64Array {
    if (row.length !== this.features.length) {
      throw new ArgumentRangeError(`StandardScaler.transform: expected ${this.features.length} values, got ${row.length}`);
    }
    return standardizeRow(row, this);
  }

  /** Plain-JSON state (for model files). */
  toJSON(): ScalerState {
    return {
      features: [...this.features],
      mean: Array.from(this.mean),
      var: Array.from(this.var),
      scale: Array.from(this.scale),
      nSamplesSeen: Array.from(this.nSamplesSeen),
    };
  }

  /** Fits on feature columns (`columns[j]` holds feature j), at `rows` when given. */
  static fitColumns(features: readonly string[], columns: readonly ArrayLike<number>[], rows?: ArrayLike<number>): StandardScaler {
    const state: ScalerState = { features: [...features], mean: [], var: [], scale: [], nSamplesSeen: [] };
    columns.forEach((column) => {
      const { mean, variance, n } = meanAndVariance(column, rows);
      state.mean.push(mean);
      state.var.push(variance);
      state.scale.push(isConstantFeature(variance, mean, n) ? 1 : Math.sqrt(variance));
      state.nSamplesSeen.push(n);
    });
    return new StandardScaler(state);
  }
}

/** Options of `fitScaler`. */
export interface FitScalerOptions {
  /** Feature names (weekly column names); default: the 21 model features. */
  features?: readonly string[];
  /** Row numbers to fit on; default: every row (or the train rows when `cutoff` is given). */
  rows?: ArrayLike<number>;
  /** Fit on the train rows of steps T1–T3 with this cutoff (`YYYY-MM-DD`), as training does. */
  cutoff?: string;
}

/**
 * Fits a standard scaler with scikit-learn's `StandardScaler` semantics (T4):
 * per feature the mean and the population standard deviation (divide by n)
 * of the non-missing values; a near-constant feature gets scale 1.
 *
 * @param input a weekly table, or a matrix of feature rows.
 * @example
 * const scaler = fitScaler(weekly, { cutoff: '2024-07-30' }); // as trainModels fits it
 * scaler.transform(row); scaler.toJSON();
 */
export function fitScaler(input: WeeklyFrame | readonly ArrayLike<number>[], options: FitScalerOptions = {}): StandardScaler {
  if (input instanceof WeeklyFrame) {
    const features = options.features ?? FEATURES;
    if (options.cutoff !== undefined) {
      if (options.rows) throw new ArgumentTypeError('fitScaler: give either rows or cutoff, not both');
      if (options.features) throw new ArgumentTypeError('fitScaler: with cutoff, the scaler is fitted on the model features');
      const selection = selectRows(input, parseDayStrict(options.cutoff, 'fitScaler: cutoff'));
      return StandardScaler.fitColumns(FEATURES, selection.features, selection.train);
    }
    const rows = options.rows;
    return StandardScaler.fitColumns(
      features,
      features.map((f) => (rows ? input.columnAt(f, rows) : input.column(f))),
    );
  }
  if (!Array.isArray(input)) throw new ArgumentTypeError('fitScaler: expected a WeeklyFrame or an array of feature rows');
  const width = input.length ? input[0]!.length : 0;
  const features = options.features ?? Array.from({ length: width }, (_, j) => `x${j}`);
  const columns = features.map((_, j) => {
    const c = new Float64Array(input.length);
    input.forEach((row, i) => {
      if (row.length !== features.length) throw new ArgumentRangeError(`fitScaler: row ${i} has ${row.length} values, expected ${features.length}`);
      c[i] = row[j]!;
    });
    return c;
  });
  return StandardScaler.fitColumns(features, columns, options.rows);
}
