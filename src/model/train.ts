import { ArgumentTypeError } from '../errors.js';
import { parseDayStrict } from '../calendar.js';
import { DailyFrame } from '../frame/daily-frame.js';
import { WeeklyFrame } from '../frame/weekly-frame.js';
import { resampleWeekly } from '../features/resample.js';
import { DEFAULT_CUTOFF, checkPreset, type Preset } from '../schema.js';
import { checkSamePreset } from './model-file.js';
import { presetOf } from './presets.js';
import type { CorrectedTrainResult } from './train-corrected.js';
import type { TrainOptions, TrainResult } from './train-options.js';

export type { TrainOptions, TrainResult } from './train-options.js';
export type { CorrectedTrainResult } from './train-corrected.js';

/**
 * Steps T1–T8: selects rows, fits the scaler, fits one least-squares model
 * per horizon, scores them on the test rows, and fits the baseline.
 *
 * @param input the weekly table (or daily rows, resampled with the preset).
 * @example
 * const trained = trainModels(weekly, { cutoff: '2024-07-30' });
 * trained.metrics.engagement_future_7d.RMSE;
 * await saveModel(trained.model, 'model.json');
 * @throws `RangeError` when no train rows remain.
 */
export function trainModels(input: WeeklyFrame<'notebook'> | DailyFrame, options?: TrainOptions & { preset?: 'notebook' }): TrainResult;
export function trainModels(input: WeeklyFrame<'corrected'>, options?: TrainOptions): CorrectedTrainResult;
export function trainModels(input: DailyFrame, options: TrainOptions & { preset: 'corrected' }): CorrectedTrainResult;
export function trainModels(input: WeeklyFrame | DailyFrame, options?: TrainOptions): TrainResult | CorrectedTrainResult;
export function trainModels(input: WeeklyFrame | DailyFrame, options: TrainOptions = {}): TrainResult | CorrectedTrainResult {
  const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
  const cutoffDay = parseDayStrict(cutoff, 'trainModels: cutoff');
  const preset = checkPreset(options.preset ?? (input instanceof WeeklyFrame ? input.preset : undefined), 'trainModels');
  let weekly: WeeklyFrame;
  if (input instanceof DailyFrame) {
    options.onProgress?.({ stage: 'weekly', rows: input.length });
    weekly = resampleWeekly<Preset>(input, { preset });
  } else if (input instanceof WeeklyFrame) {
    checkSamePreset(preset, input.preset, 'trainModels');
    weekly = input;
  } else {
    throw new ArgumentTypeError('trainModels: expected a WeeklyFrame (from resampleWeekly) or a DailyFrame');
  }
  return presetOf(preset).train(weekly, { ...options, cutoff, cutoffDay });
}
