// @ts-nocheck
import { dailyFromRows, trainModels, type EngagementModel } from '../../src/index.js';
import { simpleRows } from './synthetic.js';

let cached: EngagementModel | null = null;

/** A small corrected-preset model (log-linear, intervals calibrated on 4 weeks), trained once per test file. */
export function smallCorrectedModel(): EngagementModel {
  cached ??= trainModels(dailyFromRows(simpleRows(12, '2024-01-01', '2024-10-31')), { preset: 'corrected', cutoff: '2024-09-30', calibrationWeeks: 4 }).model;
  return cached;
}
