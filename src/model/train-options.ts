import type { ProgressCallback, Preset, TargetName } from '../schema.js';
import type { ModelKind, ModelSpec } from './kinds/kind.js';
import type { Metrics } from './metrics.js';
import type { BaselineMetrics, EngagementModel } from './model-file.js';
import type { RowCounts } from './selection.js';

/** Options of `trainModels`. */
export interface TrainOptions {
  /** T3 cutoff, `YYYY-MM-DD`: train on Sundays on or before it, test after. Default 2024-07-30. */
  cutoff?: string;
  /** Preset; must match the weekly table's. Default: the table's preset (`notebook`). */
  preset?: Preset;
  /**
   * `corrected` preset: the model kind (`linear`, `log-linear`, `ridge`,
   * `mlp`, `naive`, `window-average`) or a kind with settings. Default: the
   * backtest winner, `DEFAULT_CORRECTED_MODEL`. The `notebook` preset fits
   * only its own least squares (`linear`).
   */
  model?: ModelKind | ModelSpec;
  /**
   * `corrected` preset: what the forecasts aim at. `'median'` (default):
   * each profile's forecast as close as it can be (the backtests' WAPE),
   * biased low in the mean where a few viral weeks pull the mean far above
   * the median. `'mean'`: forecasts whose sums come close to the totals
   * (for summing over profiles or weeks): the log-scale models
   * (`log-linear`, `mlp`) map back with Duan's smearing factor (`correction:
   * 'smearing'`); the other kinds aim at the mean already. See
   * docs/forecast-quality.md.
   */
  aim?: 'median' | 'mean';
  /**
   * `corrected` preset: calibrate prediction intervals on this many weekly
   * origins before the cutoff (default 8); `false` for none.
   */
  calibrationWeeks?: number | false;
  /** Called at each stage. */
  onProgress?: ProgressCallback;
}

/** What `trainModels` returns. */
export interface TrainResult {
  /** The fitted model, ready for `predict` and `saveModel`. */
  model: EngagementModel;
  /** T7: test metrics per target. */
  metrics: Record<TargetName, Metrics>;
  /** T8: the baseline's test metrics. */
  baseline: BaselineMetrics;
  /** Row counts along T1–T5. */
  rows: RowCounts;
  /** Numerical rank of the design (21 unless features are collinear). */
  rank: number;
  /** Things worth knowing about the data (rows dropped for infinite values, a rank-deficient design). */
  warnings: string[];
}

/** What a preset's training is given: `trainModels`' options, the cutoff checked. */
export interface PresetTrainOptions extends TrainOptions {
  cutoff: string;
  /** The cutoff as a day number. */
  cutoffDay: number;
}
