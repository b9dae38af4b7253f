import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { fitLeastSquares } from './least-squares.js';

/*
 * The estimators of `corrected` models, each fitted per horizon on the
 * standardized design (`model/design.ts`): least squares, ridge, and least
 * squares on a log1p target mapped back with Duan's smearing. What they
 * produce is a `LinearHead`, applied by `model/linear.ts`.
 */

/** A fitted linear head on standardized features; `smearing` present when the target was log1p-transformed. */
export interface FittedHead {
  coef: number[];
  intercept: number;
  /** Duan's smearing factor: the mean of exp(residual) on the train rows (log1p target only). */
  smearing?: number;
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
 * smearing factor that maps exp(prediction) back to the mean.
 */
export function fitLinearHead(x: readonly ArrayLike<number>[], target: ArrayLike<number>, rows: ArrayLike<number>, log: boolean): FittedHead {
  if (!log) {
    const fit = fitLeastSquares(x, [target], rows);
    return { coef: Array.from(fit.coef[0]!), intercept: fit.intercept[0]! };
  }
  const { y, at } = logTargets(target, rows);
  const xs = gatherColumns(x, rows);
  const fit = fitLeastSquares(xs, [y], at);
  const head = { coef: Array.from(fit.coef[0]!), intercept: fit.intercept[0]! };
  return { ...head, smearing: smearingFactor(xs, y, head) };
}

/** Duan's smearing estimate: the mean of exp(y − ŷ) over the fitted rows. */
function smearingFactor(x: readonly Float64Array[], y: Float64Array, head: { coef: number[]; intercept: number }): number {
  let sum = 0;
  for (let k = 0; k < y.length; k++) {
    let p = head.intercept;
    for (let j = 0; j < x.length; j++) p += head.coef[j]! * x[j]![k]!;
    sum += Math.exp(y[k]! - p);
  }
  return y.length ? sum / y.length : 1;
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
