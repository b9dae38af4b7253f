import { makeDataFrame, type DataFrameLike } from '../frame/danfo.js';
import type { Prediction } from '../schema.js';

/**
 * Predictions as a danfo.js `DataFrame`, one column per field the forecasts
 * carry, in their order: `profile_id`, `date`, `future_period`,
 * `predicted_engagement`, `prediction_date`, the flags (`partial_week` …
 * `non_finite_input`) and, when asked for, the interval bounds (`lo_80`,
 * `hi_80`, …). Needs the optional peer dependency danfojs-node, loaded only here.
 *
 * @example predictionsToDanfo(predict(model, rows, { intervals: [0.8] })).print();
 */
export function predictionsToDanfo(predictions: readonly Prediction[]): DataFrameLike {
  // Every field of every forecast: nothing a forecast says is dropped on the way to the DataFrame.
  const names: string[] = [];
  const seen = new Set<string>();
  for (const p of predictions) {
    for (const name of Object.keys(p)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  const columns: Record<string, unknown[]> = {};
  for (const name of names) columns[name] = predictions.map((p) => (p as unknown as Record<string, unknown>)[name]);
  return makeDataFrame(columns, 'predictionsToDanfo');
}
