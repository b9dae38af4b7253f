import { gather } from '../frame/arrays.js';
import { BASELINE_FEATURES, FEATURES } from '../schema.js';
import { fitLeastSquares } from './least-squares.js';
import { predictRows, standardize } from './linear.js';
import { regressionMetrics } from './metrics.js';
import type { BaselineMetrics } from './model-file.js';
import { StandardScaler } from './scaler.js';
import type { RowSelection } from './selection.js';

/**
 * T8: the baseline. Least squares on `followers`, `reach` and `impressions`,
 * standardized with a scaler of its own fitted on the train rows, predicting
 * the 7-day target; train and test rows as after T3 (no T5). Returns its test
 * metrics.
 */
export function fitBaseline(selection: RowSelection): BaselineMetrics {
  const baseColumns = BASELINE_FEATURES.map((f) => selection.features[FEATURES.indexOf(f)]!);
  const target = selection.targets[0]!;
  const scaler = StandardScaler.fitColumns(BASELINE_FEATURES, baseColumns, selection.train);
  const scaledColumns = baseColumns.map((column, j) => column.map((v) => standardize(v, scaler.mean[j]!, scaler.scale[j]!)));
  const fit = fitLeastSquares(scaledColumns, [target], selection.train);
  const predicted = predictRows(baseColumns, { coef: fit.coef[0]!, intercept: fit.intercept[0]! }, selection.test, scaler);
  const m = regressionMetrics(gather(target, selection.test), predicted);
  return { MAE: m.MAE, RMSE: m.RMSE, R2: m.R2, trainRows: selection.train.length, testRows: selection.test.length };
}
