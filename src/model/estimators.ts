import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { fitLeastSquares } from './least-squares.js';

/*
 * The estimators of `corrected` models, each fitted per horizon on the
 * standardized design (`model/design.ts`): least squares, ridge, and least
 * squares on a log1p target mapped back with a bias correction. What they
 * produce is a `LinearHead`, applied by `model/linear.ts`.
 */

/** A fitted linear head on standardized features; `factor` present when the target was log1p-transformed. */
export interface FittedHead {
  coef: number[];
  intercept: number;
  /** log1p target only: the back-transform factor c of ŷ = e^prediction · c − 1 (see `BackTransform`). */
  factor?: number;
}

/** log1p of each target value at `rows`, as a column aligned with `rows` (row k of the result is rows[k]). */
function logTargets(target: ArrayLike<number>, rows: ArrayLike<number>): { y: Float64Array; at: Int32Array } {
  const y = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) y[k] = Math.log1p(target[rows[k]!]!);
  return { y, at: Int32Array.from({ length: rows.length }, (_, k) => k) };
}

/** Columns re-indexed by `rows` (so row k of the result is row rows[k] of the input). */
function gatherColumns(columns: readonly ArrayLike<number>[], rows: ArrayLike<number>): Float64Array[] {
  return columns.map((c) => {
    const out = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) out[k] = c[rows[k]!]!;
    return out;
  });
}

/**
 * Least squares with intercept (minimum-norm when rank deficient), on the
 * raw target or on log1p of it (`log`), in which case the head carries the
 * factor that maps e^prediction back (`correction`).
 */
export function fitLinearHead(x: readonly ArrayLike<number>[], target: ArrayLike<number>, rows: ArrayLike<number>, log: boolean, correction: BackTransform = 'absolute'): FittedHead {
  if (!log) {
    const fit = fitLeastSquares(x, [target], rows);
    return { coef: Array.from(fit.coef[0]!), intercept: fit.intercept[0]! };
  }
  const { y, at } = logTargets(target, rows);
  const xs = gatherColumns(x, rows);
  const fit = fitLeastSquares(xs, [y], at);
  const head = { coef: Array.from(fit.coef[0]!), intercept: fit.intercept[0]! };
  const predicted = new Float64Array(y.length);
  for (let k = 0; k < y.length; k++) {
    let p = head.intercept;
    for (let j = 0; j < xs.length; j++) p += head.coef[j]! * xs[j]![k]!;
    predicted[k] = p;
  }
  return { ...head, factor: backTransformFactor(y, predicted, correction) };
}

/**
 * How a log1p-scale prediction p is mapped back: ŷ = e^p · c − 1, with c
 * Duan's smearing factor (`smearing`: towards the mean, for squared error)
 * or the factor that minimizes the absolute error on the train rows
 * (`absolute`, the default: for MAE and WAPE).
 */
export type BackTransform = 'smearing' | 'absolute';

/**
 * The back-transform factor c of a log1p-scale fit, from the log targets and
 * the fitted values: `smearing` is Duan's estimate, the mean of e^(y − p);
 * `absolute` the c minimizing Σ |(y + 1) − c·e^p|, a weighted median of
 * e^(y − p) with weights e^p.
 */
export function backTransformFactor(y: ArrayLike<number>, predicted: ArrayLike<number>, correction: BackTransform): number {
  const n = y.length;
  if (n === 0) return 1;
  if (correction === 'smearing') {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += Math.exp(y[k]! - predicted[k]!);
    return sum / n;
  }
  const ratio = new Float64Array(n);
  const weight = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    ratio[k] = Math.exp(y[k]! - predicted[k]!);
    weight[k] = Math.exp(predicted[k]!);
    total += weight[k]!;
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => ratio[a]! - ratio[b]!);
  let acc = 0;
  for (const k of order) {
    acc += weight[k]!;
    if (acc >= total / 2) return ratio[k]!;
  }
  return ratio[order[n - 1]!]!;
}

/**
 * Ridge regression with an unpenalized intercept: minimizes
 * Σ (y − b − xβ)² + λ·n·‖β‖² on centered data, solved by Cholesky on the
 * normal equations (p is small; λ > 0 makes them positive definite).
 */
export function fitRidgeHead(x: readonly ArrayLike<number>[], target: ArrayLike<number>, rows: ArrayLike<number>, lambda: number): FittedHead {
  const p = x.length;
  const n = rows.length;
  const mean = new Float64Array(p);
  let yMean = 0;
  for (let k = 0; k < n; k++) {
    const i = rows[k]!;
    for (let j = 0; j < p; j++) mean[j]! += x[j]![i]!;
    yMean += target[i]!;
  }
  for (let j = 0; j < p; j++) mean[j]! /= n;
  yMean /= n;
  const g = new Float64Array(p * p);
  const b = new Float64Array(p);
  const v = new Float64Array(p);
  for (let k = 0; k < n; k++) {
    const i = rows[k]!;
    for (let j = 0; j < p; j++) v[j] = x[j]![i]! - mean[j]!;
    const dy = target[i]! - yMean;
    for (let j = 0; j < p; j++) {
      const vj = v[j]!;
      b[j]! += vj * dy;
      for (let q = j; q < p; q++) g[j * p + q]! += vj * v[q]!;
    }
  }
  const a = new Matrix(p, p);
  for (let j = 0; j < p; j++) for (let q = j; q < p; q++) {
    const value = g[j * p + q]! + (j === q ? lambda * n : 0);
    a.set(j, q, value);
    a.set(q, j, value);
  }
  const beta = new CholeskyDecomposition(a).solve(Matrix.columnVector(Array.from(b))).getColumn(0);
  let intercept = yMean;
  for (let j = 0; j < p; j++) intercept -= beta[j]! * mean[j]!;
  return { coef: beta, intercept };
}
