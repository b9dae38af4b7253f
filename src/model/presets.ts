import { ArgumentRangeError, ArgumentTypeError } from '../errors.js';
import { weeklyColumns } from '../features/weekly-columns.js';
import type { ColumnRegistry, WeeklyFrame } from '../frame/weekly-frame.js';
import { FEATURES, type Preset } from '../schema.js';
import { designColumns } from './design.js';
import type { ModelKindDefinition } from './kinds/kind.js';
import { modelKind } from './kinds/registry.js';
import { FORMAT_VERSION, FORMAT_VERSION_2, type EngagementModel } from './model-file.js';
import { checkModelSpec, DEFAULT_CALIBRATION_WEEKS, trainCorrected, withAim, type CorrectedTrainResult } from './train-corrected.js';
import { trainNotebook } from './train-notebook.js';
import type { PresetTrainOptions, TrainResult } from './train-options.js';

/*
 * A preset is one object: its weekly columns, its training protocol, the
 * origin its forecasts start from, the model file format it writes, and
 * what its models can do (intervals, cold start, the T1–T5 evaluation).
 * Code that differs by preset asks the preset's object; none branches on
 * the name, so a new preset cannot fall into another's path.
 */

/** Everything that differs between presets. */
export interface PresetDefinition {
  readonly name: Preset;
  /** The weekly table's column definitions, in output order (features/weekly-columns.ts). */
  readonly columns: ColumnRegistry;
  /** The model file format its models are written in. */
  readonly formatVersion: number;
  /**
   * P4 without `asOf`: each profile's latest week, even a partial one
   * (`latest-week`, the notebook's Q8), or the input's last complete week.
   */
  readonly origin: 'latest-week' | 'last-complete-week';
  /** Why its models never carry interval calibration, or null when trained ones do. */
  readonly noIntervals: string | null;
  /** Whether its training takes a model kind and interval calibration (`model`, `calibrationWeeks`). */
  readonly modelOptions: boolean;
  /** Whether its models may carry cold-start heads. */
  readonly coldStart: boolean;
  /** Whether `evaluateModel` (the notebook's T1–T5 test rows) scores its models; else why not. */
  readonly evaluation: true | string;
  /** One line that goes wherever its metrics are printed or drawn, when they overstate; else null. */
  readonly metricsCaveat: string | null;
  /** T: trains on a weekly table of this preset, the cutoff checked. */
  train(weekly: WeeklyFrame, options: PresetTrainOptions): TrainResult | CorrectedTrainResult;
  /** The kind of a (validated) model of this preset. */
  kindOf(model: EngagementModel): ModelKindDefinition;
  /**
   * The feature columns a model reads at weekly rows `rows` (raw, before
   * any standardizing), and per row how many were imputed.
   */
  featureColumns(model: EngagementModel, weekly: WeeklyFrame, rows: Int32Array): { columns: Float64Array[]; imputed: Uint8Array };
}

const notebook: PresetDefinition = {
  metricsCaveat:
    "These are the notebook's own metrics: its monthly-average feature sees the weeks it predicts (quirk Q2), so they overstate its accuracy; `engagement-forecast backtest --notebook` scores it on what was known at each origin.",
  name: 'notebook',
  columns: weeklyColumns('notebook'),
  formatVersion: FORMAT_VERSION,
  origin: 'latest-week',
  noIntervals: 'notebook-preset models have none: their features see the weeks they predict',
  modelOptions: false,
  coldStart: false,
  evaluation: true,
  train(weekly, options) {
    const m = options.model;
    if (m !== undefined && m !== 'linear' && !(typeof m === 'object' && m?.kind === 'linear' && m.features === undefined)) {
      throw new ArgumentRangeError(`trainModels: the notebook preset fits its own least squares only; use preset 'corrected' for model ${JSON.stringify(m)}`);
    }
    if (options.aim !== undefined)
      throw new ArgumentRangeError("trainModels: aim is a corrected-preset option (the notebook's least squares aims at the mean)");
    return trainNotebook(weekly, options);
  },
  kindOf: () => modelKind('linear'),
  featureColumns: (_model, weekly, rows) => ({ columns: FEATURES.map((f) => weekly.columnAt(f, rows)), imputed: new Uint8Array(rows.length) }),
};

const corrected: PresetDefinition = {
  metricsCaveat: null,
  name: 'corrected',
  columns: weeklyColumns('corrected'),
  formatVersion: FORMAT_VERSION_2,
  origin: 'last-complete-week',
  noIntervals: null,
  modelOptions: true,
  coldStart: true,
  evaluation:
    'evaluateModel: scores notebook-preset models on the weeks after their cutoff; score a corrected-preset model with backtest (engagement-forecast backtest)',
  train(weekly, options) {
    const model = withAim(checkModelSpec(options.model, 'trainModels'), options.aim, 'trainModels');
    const weeks = options.calibrationWeeks === undefined ? DEFAULT_CALIBRATION_WEEKS : options.calibrationWeeks === false ? 0 : options.calibrationWeeks;
    if (!Number.isInteger(weeks) || weeks < 0)
      throw new ArgumentTypeError(`trainModels: calibrationWeeks must be a non-negative integer or false, got ${JSON.stringify(options.calibrationWeeks)}`);
    const { cutoff, cutoffDay, onProgress } = options;
    return trainCorrected(weekly, { cutoff, cutoffDay, model, calibrationWeeks: weeks, ...(onProgress ? { onProgress } : {}) });
  },
  kindOf: (model) => modelKind(model.estimator!.kind),
  featureColumns: (model, weekly, rows) => designColumns(weekly, model.features, rows),
};

const PRESETS: ReadonlyMap<string, PresetDefinition> = new Map([notebook, corrected].map((p) => [p.name, p]));

/** The object of a preset (checked by `checkPreset` first). */
export function presetOf(name: Preset): PresetDefinition {
  const preset = PRESETS.get(name);
  if (!preset) throw new ArgumentRangeError(`unknown preset '${String(name)}'`);
  return preset;
}
