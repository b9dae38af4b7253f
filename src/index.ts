/**
 * engagement-forecast: forecasts of Instagram engagement per post 7, 14, 21
 * and 28 days ahead, from daily profile rows.
 *
 * Pipeline: `loadDaily` (N1) → `resampleWeekly` (N2–N8) → `trainModels`
 * (T1–T8) → `saveModel` / `loadModel` → `predict` (P). `loadBuiltinModel`
 * gives the published pretrained models. `loadWeekly` is the fast path from
 * files to the weekly table.
 *
 * Calendar helpers are at `engagement-forecast/calendar`, the synthetic data
 * generator at `engagement-forecast/generate`.
 * @packageDocumentation
 */

// Names and public types of the pipeline.
export {
  REQUIRED_DAILY_COLUMNS,
  DAILY_COLUMNS,
  COUNT_COLUMNS,
  LAGS,
  LAGGED_COLUMNS,
  HORIZONS,
  LAG_FEATURES,
  FEATURES,
  TARGETS,
  BASELINE_FEATURES,
  WEEKLY_COLUMNS,
  CORRECTED_EXTRA_COLUMNS,
  CORRECTED_WEEKLY_COLUMNS,
  DEFAULT_CUTOFF,
  DEFAULT_LIMITS,
  PRESETS,
  PREDICTION_FLAGS,
  type Preset,
  type CountColumn,
  type Horizon,
  type TargetName,
  type DailyRowInput,
  type WeeklyRecord,
  type Prediction,
  type ProgressEvent,
  type ProgressCallback,
  type OnError,
  type InputLimits,
  type CheckedLimits,
} from './schema.js';
export {
  DataError,
  ModelError,
  WriteError,
  EngineError,
  ArgumentTypeError,
  ArgumentRangeError,
  type DataErrorDetails,
  type DataErrorCode,
  type ArgumentErrorCode,
} from './errors.js';
export { VERSION } from './version.js';

// Frames.
export { DailyFrame, type DailyRecord, type DailyColumns } from './frame/daily-frame.js';
export type { CountArray } from './frame/arrays.js';
export { WeeklyFrame } from './frame/weekly-frame.js';
export type { LoadReport } from './frame/load-report.js';
export type { DataFrameLike } from './frame/danfo.js';

// N: reading and the weekly table.
export { loadDaily, dailyFromRows, type DailySource, type LoadOptions } from './io/load-daily.js';
export { resampleWeekly, type ResampleOptions } from './features/resample.js';
export { weeklyFromSegmentColumns, SEGMENT_COLUMNS, type SegmentColumns, type SegmentTableOptions } from './features/segments.js';
export { loadWeekly, type LoadWeeklyOptions } from './io/load-weekly.js';
export { csvSource, type CsvSourceOptions } from './io/csv-source.js';
export { dailyFrameSource } from './features/resample.js';
export {
  isWeeklySource,
  type WeeklySource,
  type SyncWeeklySource,
  type WeeklyRequest,
  type WeeklyLoad,
  type DailyRequest,
  type ProfileRowSource,
  type ForecastSink,
  type ForecastTable,
  type WeeklyBatching,
  type WeeklyBatchesEnd,
  type WrittenForecasts,
} from './features/source.js';
export type { DayWindow } from './features/weekly-sums.js';
export type { IngestOptions } from './io/ingest.js';
export { writeWeeklyCsv, writePredictionsCsv } from './io/write-csv.js';

// T: training and model files.
export { fitScaler, StandardScaler, type ScalerState, type FitScalerOptions } from './model/scaler.js';
export { fitLeastSquares, type LeastSquaresFit } from './model/least-squares.js';
export { regressionMetrics, type Metrics } from './model/metrics.js';
export type { RowCounts } from './model/selection.js';
export { trainModels, type TrainOptions, type TrainResult, type CorrectedTrainResult } from './model/train.js';
export { trainInEngine, type TrainInEngineOptions, type TrainInEngineResult } from './model/train-in-engine.js';
export { DEFAULT_CORRECTED_MODEL, DEFAULT_CALIBRATION_WEEKS, type CorrectedRowCounts } from './model/train-corrected.js';
export { designFeatures, CORE_COLUMNS, type FeatureSet } from './model/design.js';
export type { IntervalCalibration } from './model/intervals.js';
export type { ColdStart } from './model/cold-start.js';
export type { MlpOptions, MlpHead, DenseLayer } from './model/mlp.js';
export type { FittedHead, BackTransform } from './model/estimators.js';
export {
  saveModel,
  loadModel,
  validateModel,
  FORMAT_VERSION,
  FORMAT_VERSION_2,
  MODEL_KINDS,
  type EngagementModel,
  type LinearHead,
  type BaselineMetrics,
  type TrainingInfo,
  type ModelKind,
  type ModelSpec,
  type CorrectedHead,
} from './model/model-file.js';
export { loadBuiltinModel } from './model/builtin.js';
export { registerModelKind } from './model/kinds/registry.js';
export type {
  ModelKindDefinition,
  KindDesign,
  FitInput,
  Fail,
  BuiltinModelKind,
  LinearKindHead,
  LogLinearKindHead,
  FeatureKindHead,
} from './model/kinds/kind.js';

// P: prediction, and evaluation.
export {
  predict,
  predictWithSkipped,
  predictFeatures,
  predictFiles,
  predictInEngine,
  DEFAULT_BATCH_PROFILES,
  type PredictFilesOptions,
  type PredictInEngineOptions,
  type PredictOptions,
  type SkippedProfile,
} from './predict.js';
export { backtest, type BacktestOptions, type BacktestResult, type ScoredForecast, type BacktestRow } from './backtest/backtest.js';
export { scoreForecasts, type ForecastScore } from './backtest/score.js';
export { evaluateModel, FOLLOWER_BANDS, type Evaluation, type BandMetrics } from './report/evaluate.js';
export { renderReport } from './report/html.js';
export { renderBacktestReport } from './report/backtest-html.js';

// Interop (optional peers, loaded only when used).
export { predictionsToDanfo } from './interop/danfo.js';
