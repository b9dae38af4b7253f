import { ArgumentRangeError } from '../errors.js';
/** Regression metrics (T7), with scikit-learn's definitions. */
export interface Metrics {
  MAE: number;
  MSE: number;
  RMSE: number;
  /** Coefficient of determination; 1 for a perfect fit of constant targets, 0 for an imperfect one; NaN under 2 rows. */
  R2: number;
}

/**
 * MAE, MSE, RMSE and R² of predictions against actual values (equal lengths).
 * @throws `RangeError` when the lengths differ.
 */
export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): Metrics {
  const n = actual.length;
  if (predicted.length !== n) throw new ArgumentRangeError(`regressionMetrics: ${n} actual values but ${predicted.length} predictions`);
  if (n === 0) return { MAE: Number.NaN, MSE: Number.NaN, RMSE: Number.NaN, R2: Number.NaN };
  let abs = 0;
  let sq = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = actual[i]! - predicted[i]!;
    abs += Math.abs(d);
    sq += d * d;
    sum += actual[i]!;
  }
  const mean = sum / n;
  let total = 0;
  for (let i = 0; i < n; i++) total += (actual[i]! - mean) ** 2;
  const mse = sq / n;
  let r2: number;
  if (n < 2) r2 = Number.NaN;
  else if (total === 0) r2 = sq === 0 ? 1 : 0;
  else r2 = 1 - sq / total;
  return { MAE: abs / n, MSE: mse, RMSE: Math.sqrt(mse), R2: r2 };
}
