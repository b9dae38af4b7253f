import type { TargetName } from '../schema.js';

/** Row counts of a `corrected` training, per horizon. */
export interface CorrectedRowCounts {
  /** Weekly rows in the table. */
  weekly: number;
  /** Per horizon: rows fitted on (furthest target on or before the cutoff), rows scored (Sunday after the cutoff). */
  train: Record<TargetName, number>;
  test: Record<TargetName, number>;
  /** Per horizon: rows whose target week has no post or no record (nothing to learn from or score). */
  noTarget: Record<TargetName, number>;
  /** Rows with a target but no posting week on or before their Sunday: what the cold-start heads fit (docs/models.md). */
  noHistory: number;
  /** Rows with a target whose Sunday lies in the last 28 days up to the cutoff: their 28-day target is after it (Q6). */
  gap: number;
  /** Calibration scores per horizon (0 when intervals were not calibrated). */
  calibration: Record<TargetName, number>;
}
