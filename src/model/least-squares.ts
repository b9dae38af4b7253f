import { ArgumentRangeError } from '../errors.js';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

/** The least-squares fit of several targets on the same features. */
export interface LeastSquaresFit {
  /** Coefficients per target, in feature order. */
  coef: Float64Array[];
  /** Intercept per target. */
  intercept: number[];
  /** Numerical rank of the centered design. */
  rank: number;
  /** Singular values of the centered design after scaling each column to unit norm. */
  singularValues: number[];
  /** Rows fitted on. */
  rows: number;
}

/**
 * T6: ordinary least squares with intercept, as scikit-learn's `LinearRegression`
 * solves it: on centered data, with the minimum-norm answer when the design is
 * rank deficient. Several targets share one pass over the rows.
 *
 * Method: means first; then each centered row, with its columns scaled to unit
 * norm, updates the triangular factor R of [X | Y] by Givens rotations (a QR
 * factorisation streamed over the rows, no XᵀX formed, no explicit inverse).
 * A full-rank design is solved by back substitution; a rank-deficient one by
 * the SVD of R in the original column scale, which gives the minimum-norm
 * solution of the unscaled problem. Rank is decided as NumPy does
 * (singular values below `max * max(n, p) * eps` are zero).
 *
 * Complexity: O(n · (p + t)²) time, O((p + t)²) memory beyond the inputs.
 *
 * @param x feature columns (`x[j][row]`)
 * @param y target columns (`y[k][row]`)
 * @param rows the row numbers to fit on
 * @throws `RangeError` with no rows.
 */
export function fitLeastSquares(x: readonly ArrayLike<number>[], y: readonly ArrayLike<number>[], rows: ArrayLike<number>): LeastSquaresFit {
  const n = rows.length;
  const p = x.length;
  const t = y.length;
  if (n === 0) throw new ArgumentRangeError('fitLeastSquares: no rows to fit on');
  const m = p + t;
  const columns = [...x, ...y];
  const mean = new Float64Array(m);
  const norm = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const c = columns[j]!;
    let s = 0;
    for (let k = 0; k < n; k++) s += c[rows[k]!]!;
    const mu = s / n;
    let ss = 0;
    for (let k = 0; k < n; k++) ss += (c[rows[k]!]! - mu) ** 2;
    mean[j] = mu;
    norm[j] = ss > 0 ? Math.sqrt(ss) : 1;
  }

  // Streamed QR of the scaled, centered [X | Y] by Givens rotations.
  const r = new Float64Array(m * m);
  const v = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    const row = rows[k]!;
    for (let j = 0; j < m; j++) v[j] = (columns[j]![row]! - mean[j]!) / norm[j]!;
    for (let j = 0; j < m; j++) {
      const b = v[j]!;
      if (b === 0) continue;
      const d = j * m + j;
      const a = r[d]!;
      const h = Math.sqrt(a * a + b * b);
      const c = a / h;
      const s = b / h;
      r[d] = h;
      for (let q = j + 1; q < m; q++) {
        const rq = r[j * m + q]!;
        const vq = v[q]!;
        r[j * m + q] = c * rq + s * vq;
        v[q] = c * vq - s * rq;
      }
    }
  }

  const r11 = new Matrix(p, p);
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) r11.set(i, j, r[i * m + j]!);
  const singularValues = p > 0 ? new SingularValueDecomposition(r11, { autoTranspose: true }).diagonal : [];
  const smax = singularValues.length ? Math.max(...singularValues) : 0;
  const tol = smax * Math.max(n, p) * Number.EPSILON;
  const rank = singularValues.filter((s) => s > tol).length;

  const coef: Float64Array[] = [];
  const intercept: number[] = [];
  let pinvSolve: ((rhs: Float64Array) => Float64Array) | null = null;
  if (rank < p) {
    // Minimum norm in the original scale: R11·diag(norm) b = rhs.
    const unscaled = new Matrix(p, p);
    for (let i = 0; i < p; i++) for (let j = i; j < p; j++) unscaled.set(i, j, r[i * m + j]! * norm[j]!);
    const svd = new SingularValueDecomposition(unscaled, { autoTranspose: true });
    const u = svd.leftSingularVectors;
    const w = svd.rightSingularVectors;
    const sigma = svd.diagonal;
    const order = sigma
      .map((_, i) => i)
      .sort((a, b) => sigma[b]! - sigma[a]!)
      .slice(0, rank);
    pinvSolve = (rhs) => {
      const b = new Float64Array(p);
      for (const i of order) {
        let dot = 0;
        for (let q = 0; q < p; q++) dot += u.get(q, i) * rhs[q]!;
        const f = dot / sigma[i]!;
        for (let q = 0; q < p; q++) b[q]! += w.get(q, i) * f;
      }
      return b;
    };
  }
  for (let k = 0; k < t; k++) {
    const rhs = new Float64Array(p);
    for (let i = 0; i < p; i++) rhs[i] = r[i * m + p + k]! * norm[p + k]!;
    let b: Float64Array;
    if (pinvSolve) {
      b = pinvSolve(rhs);
    } else {
      // Back substitution on R11 (scaled columns), then back to the original scale.
      b = new Float64Array(p);
      for (let i = p - 1; i >= 0; i--) {
        let s = rhs[i]!;
        for (let j = i + 1; j < p; j++) s -= r[i * m + j]! * b[j]!;
        b[i] = s / r[i * m + i]!;
      }
      for (let j = 0; j < p; j++) b[j] = b[j]! / norm[j]!;
    }
    let icpt = mean[p + k]!;
    for (let j = 0; j < p; j++) icpt -= b[j]! * mean[j]!;
    coef.push(b);
    intercept.push(icpt);
  }
  return { coef, intercept, rank, singularValues, rows: n };
}
