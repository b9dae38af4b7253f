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

/**
 * Least squares with intercept (minimum-norm when rank deficient), on the
 * raw target or on log1p of it (`log`), in which case the head carries the
 * factor that maps e^prediction back (`correction`).
 */
export function fitLinearHead(
  x: readonly ArrayLike<number>[],
  target: ArrayLike<number>,
  rows: ArrayLike<number>,
  log: boolean,
  correction: BackTransform = 'absolute',
): FittedHead {
  if (!log) {
    const fit = fitLeastSquares(x, [target], rows);
    return { coef: Array.from(fit.coef[0]!), intercept: fit.intercept[0]! };
  }
  // The log1p target: normal equations on the (standardized) design with a negligible ridge
  // (LOG_JITTER), so collinear inputs cannot make them singular; one pass, no copy of the rows.
  return logHeadFromSums(new NormalSums(x.length).add(x, target, rows, Math.log1p), x, target, rows, correction);
}

/** A log-linear head from its normal sums over `rows`, with the back-transform factor over the same rows. */
export function logHeadFromSums(
  sums: NormalSums,
  x: readonly ArrayLike<number>[],
  target: ArrayLike<number>,
  rows: ArrayLike<number>,
  correction: BackTransform,
): FittedHead {
  const head = sums.solve(LOG_JITTER);
  const y = new Float64Array(rows.length);
  const predicted = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    let p = head.intercept;
    for (let j = 0; j < x.length; j++) p += head.coef[j]! * x[j]![i]!;
    predicted[k] = p;
    y[k] = Math.log1p(target[i]!);
  }
  return { ...head, factor: backTransformFactor(y, predicted, correction) };
}

/** The ridge penalty per row of the log-linear fits: enough to keep the normal equations definite, too small to shrink. */
export const LOG_JITTER = 1e-7;

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
  for (let k = 0; k < n; k++) {
    ratio[k] = Math.exp(y[k]! - predicted[k]!);
    weight[k] = Math.exp(predicted[k]!);
  }
  return weightedMedian(ratio, weight);
}

/**
 * The weighted median of `values` (the smallest v with at least half the
 * total weight on values ≤ v), by selection in expected O(n): millions of
 * rows per fit, where a comparison sort of indices was most of the training
 * time. Reorders both arrays in place.
 */
export function weightedMedian(values: Float64Array, weights: Float64Array): number {
  let lo = 0;
  let hi = values.length - 1;
  let total = 0;
  for (let k = 0; k <= hi; k++) total += weights[k]!;
  // Weight known to lie below [lo, hi]: the target is the first value where the running weight reaches half.
  let below = 0;
  const half = total / 2;
  const swap = (a: number, b: number) => {
    const v = values[a]!;
    values[a] = values[b]!;
    values[b] = v;
    const w = weights[a]!;
    weights[a] = weights[b]!;
    weights[b] = w;
  };
  let seed = 0x9e3779b9;
  while (lo < hi) {
    // Random pivot (deterministic sequence), three-way partition: < pivot | = pivot | > pivot.
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const pivot = values[lo + (seed % (hi - lo + 1))]!;
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = values[i]!;
      if (v < pivot) swap(lt++, i++);
      else if (v > pivot) swap(i, gt--);
      else i++;
    }
    let wLess = 0;
    for (let k = lo; k < lt; k++) wLess += weights[k]!;
    let wEqual = 0;
    for (let k = lt; k <= gt; k++) wEqual += weights[k]!;
    if (below + wLess >= half) {
      hi = lt - 1;
    } else if (below + wLess + wEqual >= half) {
      return pivot;
    } else {
      below += wLess + wEqual;
      lo = gt + 1;
    }
  }
  return values[lo]!;
}

/**
 * Ridge regression with an unpenalized intercept: minimizes
 * Σ (y − b − xβ)² + λ·n·‖β‖² on centered data, solved by Cholesky on the
 * normal equations (p is small; λ > 0 makes them positive definite).
 */
export function fitRidgeHead(
  x: readonly ArrayLike<number>[],
  target: ArrayLike<number>,
  rows: ArrayLike<number>,
  lambda: number,
  transform?: (y: number) => number,
): FittedHead {
  return new NormalSums(x.length).add(x, target, rows, transform).solve(lambda);
}

/**
 * The sums behind the normal equations of a least-squares fit with
 * intercept — n, Σx, Σy, Σxxᵀ, Σxy — accumulated over rows and added across
 * row sets, so a fit on more rows reuses the sums of fewer (training fits the
 * calibration model on a subset of the final model's rows). Solved centered,
 * with a ridge penalty λ·n·‖β‖² (the intercept unpenalized), by Cholesky.
 */
export class NormalSums {
  n = 0;
  sy = 0;
  readonly sx: Float64Array;
  readonly sxx: Float64Array;
  readonly sxy: Float64Array;

  constructor(readonly p: number) {
    this.sx = new Float64Array(p);
    this.sxx = new Float64Array(p * p);
    this.sxy = new Float64Array(p);
  }

  /**
   * Adds the rows `rows` of the columns `x` and of `target` (through `transform`).
   * Hot path (millions of rows, several fits per training): rows are gathered in blocks into
   * contiguous columns and each sum is a dot product over the block — tight loops over
   * Float64Arrays, not a row at a time.
   */
  add(x: readonly ArrayLike<number>[], target: ArrayLike<number>, rows: ArrayLike<number>, transform?: (y: number) => number): this {
    const p = this.p;
    const BLOCK = 4096;
    const block = Array.from({ length: p }, () => new Float64Array(BLOCK));
    const yBlock = new Float64Array(BLOCK);
    const n = rows.length;
    for (let from = 0; from < n; from += BLOCK) {
      const m = Math.min(BLOCK, n - from);
      for (let j = 0; j < p; j++) {
        const col = x[j]!;
        const out = block[j]!;
        let s = 0;
        for (let k = 0; k < m; k++) s += out[k] = col[rows[from + k]!]!;
        this.sx[j]! += s;
      }
      let sy = 0;
      for (let k = 0; k < m; k++) {
        const t = target[rows[from + k]!]!;
        sy += yBlock[k] = transform ? transform(t) : t;
      }
      this.sy += sy;
      for (let j = 0; j < p; j++) {
        const u = block[j]!;
        let s = 0;
        for (let k = 0; k < m; k++) s += u[k]! * yBlock[k]!;
        this.sxy[j]! += s;
        for (let q = j; q < p; q++) {
          const v = block[q]!;
          let t = 0;
          for (let k = 0; k < m; k++) t += u[k]! * v[k]!;
          this.sxx[j * p + q]! += t;
        }
      }
    }
    this.n += n;
    return this;
  }

  /** The sums of both row sets. */
  plus(other: NormalSums): NormalSums {
    const out = new NormalSums(this.p);
    out.n = this.n + other.n;
    out.sy = this.sy + other.sy;
    for (let j = 0; j < this.p; j++) {
      out.sx[j] = this.sx[j]! + other.sx[j]!;
      out.sxy[j] = this.sxy[j]! + other.sxy[j]!;
    }
    for (let k = 0; k < this.sxx.length; k++) out.sxx[k] = this.sxx[k]! + other.sxx[k]!;
    return out;
  }

  /** The ridge solution (λ > 0 keeps the system definite). */
  solve(lambda: number): FittedHead {
    const { p, n } = this;
    const mean = Float64Array.from(this.sx, (s) => s / n);
    const yMean = this.sy / n;
    const a = new Matrix(p, p);
    for (let j = 0; j < p; j++) {
      for (let q = j; q < p; q++) {
        // Centered: Σ(x_j − x̄_j)(x_q − x̄_q) = Σx_j x_q − n x̄_j x̄_q.
        const value = this.sxx[j * p + q]! - n * mean[j]! * mean[q]! + (j === q ? lambda * n : 0);
        a.set(j, q, value);
        a.set(q, j, value);
      }
    }
    const b = Array.from({ length: p }, (_, j) => this.sxy[j]! - n * mean[j]! * yMean);
    const beta = new CholeskyDecomposition(a).solve(Matrix.columnVector(b)).getColumn(0);
    let intercept = yMean;
    for (let j = 0; j < p; j++) intercept -= beta[j]! * mean[j]!;
    return { coef: beta, intercept };
  }
}
