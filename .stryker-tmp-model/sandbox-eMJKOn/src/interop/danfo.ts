// @ts-nocheck
import { makeDataFrame, type DataFrameLike } from '../frame/danfo.js';
import type { Prediction } from '../schema.js';

/**
 * Predictions as a danfo.js `DataFrame` with the columns `profile_id`,
 * `date`, `future_period`, `predicted_engagement` and `prediction_date`.
 * Needs the optional peer dependency danfojs-node, loaded only here.
 *
 * @example predictionsToDanfo(predict(model, rows)).print();
 */
export function predictionsToDanfo(predictions: readonly Prediction[]): DataFrameLike {
  const names = ['profile_id', 'date', 'future_period', 'predicted_engagement', 'prediction_date'] as const;
  const columns: Record<string, unknown[]> = {};
  for (const name of names) columns[name] = predictions.map((p) => p[name]);
  return makeDataFrame(columns, 'predictionsToDanfo');
}
