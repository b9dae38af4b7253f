/**
 * engagement-forecast: forecasts of Instagram engagement per post 7, 14, 21
 * and 28 days ahead, from daily profile rows.
 *
 * Pipeline: `loadDaily` (N1) → `resampleWeekly` (N2–N8) → `trainModels`
 * (T1–T8) → `saveModel` / `loadModel` → `predict` (P). `loadBuiltinModel`
 * gives the published pretrained models.
 * @packageDocumentation
 */
export * from './schema.js';
export { DataError, ModelError, type DataErrorDetails } from './errors.js';
export { daysFromCivil, civilFromDays, formatDay, parseDay, sundayOf, isoWeek, weekNumberU, formatYearWeek } from './calendar.js';
export { loadDaily, dailyFromRows, type DailySource, type LoadOptions } from './io/load-daily.js';
export type { LoadReport, OnError } from './io/collector.js';
export { DailyFrame, type DailyRecord, type DailyColumns } from './frame/daily-frame.js';
export { WeeklyFrame } from './frame/weekly-frame.js';
export { resampleWeekly, type ResampleOptions } from './features/resample.js';
export { loadWeekly, type LoadWeeklyOptions } from './io/load-weekly.js';
export type { IngestOptions } from './io/ingest.js';
export { generateDaily, generateDailyRows, monthFileName, type GenerateOptions, type GenerateResult, type GeneratedRow } from './generate.js';
export { fitScaler, StandardScaler, type ScalerState, type FitScalerOptions } from './model/scaler.js';
export { fitLeastSquares, type LeastSquaresFit } from './model/least-squares.js';
export { regressionMetrics, type Metrics } from './model/metrics.js';
export type { RowCounts } from './model/selection.js';
export { trainModels, type TrainOptions, type TrainResult } from './model/train.js';
export {
  saveModel,
  loadModel,
  validateModel,
  FORMAT_VERSION,
  type EngagementModel,
  type LinearHead,
  type BaselineMetrics,
  type TrainingInfo,
} from './model/model-file.js';
export { loadBuiltinModel } from './model/builtin.js';
export { predict, predictFeatures, type PredictOptions } from './predict.js';
export { evaluateModel, FOLLOWER_BANDS, type Evaluation, type BandMetrics } from './report/evaluate.js';
export { renderReport } from './report/html.js';
export { writeWeeklyCsv, writePredictionsCsv } from './io/write-csv.js';
export { VERSION } from './version.js';
