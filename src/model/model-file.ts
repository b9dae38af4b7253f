import { readFile } from 'node:fs/promises';
import { ModelError } from '../errors.js';
import { writeText } from '../io/text-writer.js';
import { CORRECTED_WEEKLY_COLUMNS, FEATURES, PRESETS, TARGETS, type Preset, type TargetName } from '../schema.js';
import { parseFeature } from './design.js';
import { LIBRARY_NAME, VERSION } from '../version.js';
import { parseDay } from '../calendar.js';
import type { Metrics } from './metrics.js';
import type { ScalerState } from './scaler.js';
import type { RowCounts } from './selection.js';
import { INTERVAL_METHOD, INTERVAL_SCALE, type IntervalCalibration } from './intervals.js';
import type { ColdStart } from './cold-start.js';
import type { CorrectedRowCounts } from './corrected-rows.js';
import type { BuiltinModelKind, CorrectedHead, ModelKind, ModelKindDefinition, ModelSpec } from './kinds/kind.js';
import { failIn } from './kinds/kind.js';
import { findModelKind, modelKind, modelKindNames } from './kinds/registry.js';

export type { BuiltinModelKind, CorrectedHead, ModelKind, ModelSpec } from './kinds/kind.js';

/** The model file format of notebook-preset least-squares models (what 0.1.0 writes and reads). */
export const FORMAT_VERSION = 1;

/** The model file format of models with an `estimator` and `intervals` (the `corrected` preset). */
export const FORMAT_VERSION_2 = 2;

/** The model kinds built into the library (docs/models.md); `registerModelKind` adds others. */
export const MODEL_KINDS: readonly BuiltinModelKind[] = Object.freeze(['linear', 'log-linear', 'ridge', 'mlp', 'naive', 'window-average']);

/**
 * One horizon's forecast from a format-2 model's head and a feature row
 * (standardized when the model's `inputScaling` is `standard`), before
 * clipping at 0: the kind's own `apply`.
 */
export function applyEstimator(kind: ModelKind, head: CorrectedHead, x: ArrayLike<number>): number {
  return modelKind(kind).apply(head, x);
}

/** One linear model: `intercept + Σ coef[j] · x[j]`. */
export interface LinearHead {
  coef: number[];
  intercept: number;
}

/** The T8 baseline's test metrics. */
export interface BaselineMetrics {
  MAE: number;
  RMSE: number;
  R2: number;
  /** Train rows (after T3). */
  trainRows: number;
  /** Test rows (after T3). */
  testRows: number;
}

/** Where a model's training data came from. */
export interface TrainingInfo {
  cutoff: string;
  /** First and last Sunday among the weekly rows used (train and test). */
  from: string;
  to: string;
  /** Row counts: along T1–T5 (notebook), or per horizon (corrected). */
  rows: RowCounts | CorrectedRowCounts;
}

/**
 * A trained model: what `trainModels` returns in `.model`, what model files
 * hold, what `predict` applies.
 */
export interface EngagementModel {
  formatVersion: number;
  library: { name: string; version: string };
  preset: Preset;
  /** Format 2: the model kind and its settings. Absent in format 1 (notebook least squares). */
  estimator?: ModelSpec;
  /** Feature names in the order of every `coef`: the 21 `FEATURES` (format 1), or the design's (format 2, docs/features.md). */
  features: string[];
  /** `none`: coefficients apply to raw features (notebook, quirk Q7); `standard`: to `scaler`-transformed ones. */
  inputScaling: 'none' | 'standard';
  scaler: ScalerState;
  /** Per horizon: a linear head (format 1), or the estimator's state (format 2: see `CorrectedHead`). */
  models: Record<TargetName, LinearHead>;
  /** Null for models not trained by this library (the built-in one). */
  training: TrainingInfo | null;
  metrics: Record<TargetName, Metrics> | null;
  baseline: BaselineMetrics | null;
  /** Format 2: conformal interval calibration, or null when none could be made. */
  intervals?: IntervalCalibration | null;
  /** Format 2: heads for profiles that have not posted yet, or null when the training data had too few (docs/models.md). */
  coldStart?: ColdStart | null;
  /** A line on where the model comes from. */
  description: string;
}

/**
 * A preset mismatch between a model (or the preset asked for) and a weekly
 * table: the same `ModelError` wherever it is found (training, prediction,
 * evaluation).
 */
export function checkSamePreset(modelPreset: Preset, tablePreset: Preset, where: string): void {
  if (modelPreset !== tablePreset) {
    throw new ModelError(`${where}: the model was trained with the '${modelPreset}' preset but the weekly table was built with '${tablePreset}'`);
  }
}

/** A finite number. */
function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A stored quantile grid of interval scores: n > 0 and 201 finite non-negative quantiles in increasing order. */
function checkQuantiles(h: unknown, where: string, what: string): void {
  if (
    !isRecord(h) ||
    !(typeof h.n === 'number' && h.n > 0) ||
    !Array.isArray(h.quantiles) ||
    h.quantiles.length !== 201 ||
    !h.quantiles.every((q) => finite(q) && (q as number) >= 0) ||
    !h.quantiles.every((q, i, all) => i === 0 || (q as number) >= (all[i - 1] as number))
  ) {
    fail(where, `${what} must hold n > 0 and 201 finite non-negative quantiles in increasing order`);
  }
}

function fail(where: string, what: string): never {
  throw new ModelError(`${where}: ${what}`);
}

function isNumberArray(value: unknown, length: number): boolean {
  if (!Array.isArray(value) || value.length !== length) return false;
  // A loop, not `every`: `predict` checks the scaler on every call.
  for (let i = 0; i < length; i++) if (typeof value[i] !== 'number' && value[i] !== null) return false;
  return true;
}

/** Whether every value is a finite number, and above `above` when given (the scaler's checks, on every `predict`). */
function allFinite(values: readonly unknown[], above = Number.NEGATIVE_INFINITY): boolean {
  for (const v of values) if (!(typeof v === 'number' && Number.isFinite(v) && v > above)) return false;
  return true;
}

/** A plain object (not an array, not null). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A flat record of numbers as saved (JSON has no NaN: it is written as null,
 * and read back as NaN). Only the named keys are read: no recursion, so a
 * deeply nested value cannot overflow the stack.
 */
function numberRecord(value: unknown, keys: readonly string[], where: string, what: string): Record<string, number> {
  if (!isRecord(value)) fail(where, `${what} must be an object of numbers (${keys.join(', ')})`);
  const out: Record<string, number> = {};
  for (const key of keys) {
    const v = value[key];
    if (v === null) out[key] = Number.NaN;
    else if (typeof v === 'number') out[key] = v;
    else fail(where, `${what}.${key} must be a number or null`);
  }
  return out;
}

/** A format-2 model's row counts: numbers, or per-target records of numbers (read without recursion). */
function correctedRows(value: unknown, where: string): CorrectedRowCounts {
  if (!isRecord(value)) fail(where, 'training.rows must be an object');
  const out: Record<string, unknown> = {};
  for (const key of ['weekly', 'noHistory', 'gap']) out[key] = numberRecord(value, [key], where, 'training.rows')[key];
  for (const key of ['train', 'test', 'noTarget', 'calibration']) out[key] = numberRecord(value[key], TARGETS, where, `training.rows.${key}`);
  return out as unknown as CorrectedRowCounts;
}

const METRIC_KEYS = ['MAE', 'MSE', 'RMSE', 'R2'] as const;
const BASELINE_KEYS = ['MAE', 'RMSE', 'R2', 'trainRows', 'testRows'] as const;
const ROW_COUNT_KEYS = [
  'weekly',
  'afterTargetDrop',
  'infiniteTargets',
  'infiniteFeatures',
  'afterZeroDrop',
  'trainBeforeMissingDrop',
  'testBeforeMissingDrop',
  'train',
  'test',
] as const;

/**
 * The parts `predict` applies — heads and, for standardized inputs, the
 * scaler — checked on every call (a few hundred comparisons), so a model
 * changed after it was first validated is caught before it gives a wrong or
 * non-finite forecast.
 * @throws {@link ModelError}
 */
export function checkHeads(
  m: Pick<EngagementModel, 'models' | 'inputScaling' | 'scaler'> & Partial<Pick<EngagementModel, 'features' | 'estimator' | 'formatVersion'>>,
  where: string,
): void {
  const { p, kind } = (MODEL_FORMATS.get(m.formatVersion as number) ?? MODEL_FORMATS.get(FORMAT_VERSION)!).heads(m as Record<string, unknown>);
  const models = m.models as unknown;
  if (!isRecord(models)) fail(where, 'the models are missing');
  const failHere = failIn(where);
  for (const target of TARGETS) {
    const head = models[target];
    if (!isRecord(head)) fail(where, `the model for ${target} is missing`);
    kind.checkHead(head, p, target, failHere);
    // A log-scale head read as another kind's would give other numbers without a word.
    if (!kind.logScale && 'factor' in head)
      fail(where, `${target} has a back-transform factor, which only log-scale kinds' heads have: estimator.kind '${kind.name}' does not match its heads`);
  }
  if (m.inputScaling !== 'none' && m.inputScaling !== 'standard') fail(where, `inputScaling must be 'none' or 'standard'`);
  const scaler = m.scaler as unknown;
  if (!isRecord(scaler)) fail(where, 'the scaler is missing');
  for (const key of ['mean', 'var', 'scale', 'nSamplesSeen']) {
    if (!isNumberArray(scaler[key], p)) fail(where, `scaler.${key} must be ${p} numbers`);
  }
  if (m.inputScaling === 'standard') {
    // The scaler is applied: every mean finite, every scale finite and positive.
    if (!allFinite(scaler.mean as unknown[])) fail(where, 'scaler.mean must be finite numbers when inputScaling is standard');
    if (!allFinite(scaler.scale as unknown[], 0)) fail(where, 'scaler.scale must be finite positive numbers when inputScaling is standard');
  }
}

/** The feature names a format-2 model may use: weekly columns of the corrected preset, or `log1p(column)`. */
function checkDesign(m: Record<string, unknown>, where: string): void {
  const features = m.features;
  if (
    !Array.isArray(features) ||
    features.length === 0 ||
    !features.every((f) => typeof f === 'string' && CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column))
  ) {
    fail(where, `features must be a list of corrected-preset columns (or log1p(column)); see docs/features.md`);
  }
  const e = m.estimator;
  const kind = isRecord(e) ? findModelKind(e.kind) : undefined;
  if (!kind) fail(where, `estimator.kind must be a model kind (${modelKindNames().join(', ')})`);
  const unreadable = kind.checkDesign?.(features as string[]);
  if (unreadable) fail(where, unreadable);
  if (m.preset !== 'corrected') fail(where, 'format 2 models are corrected-preset models');
  const cs = m.coldStart;
  if (cs !== undefined && cs !== null) {
    if (
      !isRecord(cs) ||
      !Array.isArray(cs.features) ||
      !cs.features.every((f) => typeof f === 'string' && CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column))
    )
      fail(where, 'coldStart.features must be a list of corrected-preset columns');
    const p = (cs.features as unknown[]).length;
    const sc = cs.scaler;
    if (
      !isRecord(sc) ||
      !isNumberArray(sc.mean, p) ||
      !isNumberArray(sc.scale, p) ||
      !(sc.scale as unknown[]).every((v) => finite(v) && (v as number) > 0) ||
      !(sc.mean as unknown[]).every(finite)
    )
      fail(where, `coldStart.scaler must hold ${p} finite means and positive scales`);
    for (const t of TARGETS) {
      const h = isRecord(cs.models) ? (cs.models as Record<string, unknown>)[t] : undefined;
      if (
        !isRecord(h) ||
        !Array.isArray(h.coef) ||
        h.coef.length !== p ||
        !h.coef.every(finite) ||
        !finite(h.intercept) ||
        !finite(h.factor) ||
        !((h.factor as number) > 0)
      )
        fail(where, `coldStart.models.${t} must be a log-linear head of ${p} coefficients`);
    }
    if (cs.intervals !== null && cs.intervals !== undefined) {
      for (const t of TARGETS) checkQuantiles(isRecord(cs.intervals) ? cs.intervals[t] : undefined, where, `coldStart.intervals.${t}`);
    }
  }
  // The scaler standardizes the features by position: the two lists must agree, in order.
  const scalerFeatures = isRecord(m.scaler) ? m.scaler.features : undefined;
  if (
    scalerFeatures !== undefined &&
    !(Array.isArray(scalerFeatures) && scalerFeatures.length === features.length && features.every((f, j) => scalerFeatures[j] === f))
  )
    fail(where, 'features must be scaler.features, in the same order');
  const iv = m.intervals;
  if (iv !== undefined && iv !== null) {
    if (!isRecord(iv) || !isRecord(iv.horizons) || typeof iv.floor !== 'number' || !(iv.floor > 0))
      fail(where, 'intervals must be a calibration object (or null)');
    if (iv.scale !== INTERVAL_SCALE) fail(where, `intervals.scale must be '${INTERVAL_SCALE}', got ${JSON.stringify(iv.scale)}`);
    if (iv.method !== INTERVAL_METHOD) fail(where, `intervals.method must be '${INTERVAL_METHOD}', got ${JSON.stringify(iv.method)}`);
    for (const t of TARGETS) checkQuantiles((iv.horizons as Record<string, unknown>)[t], where, `intervals.horizons.${t}`);
  }
}

/** What a model file format fixes: the checks of its design, how its heads are read, its row counts. */
interface ModelFormat {
  /** Checks the design (features, estimator, cold start, intervals) of a model of this format. */
  check(m: Record<string, unknown>, where: string): void;
  /** The kind whose heads the models hold, and their number of features. */
  heads(m: Record<string, unknown>): { kind: ModelKindDefinition; p: number };
  /** The training row counts as stored. */
  rows(value: unknown, where: string): RowCounts | CorrectedRowCounts;
}

/** The formats this version reads, by `formatVersion`: 1, notebook least squares; 2, corrected-preset models of any kind. */
const MODEL_FORMATS: ReadonlyMap<number, ModelFormat> = new Map<number, ModelFormat>([
  [
    FORMAT_VERSION,
    {
      check(m, where) {
        if (m.preset !== 'notebook') fail(where, `format 1 models are notebook-preset least squares; a '${String(m.preset)}' model is written as format 2`);
        if (!Array.isArray(m.features) || m.features.length !== FEATURES.length || !FEATURES.every((f, j) => (m.features as unknown[])[j] === f)) {
          fail(where, `features must be the ${FEATURES.length} model features in order (${FEATURES.join(', ')})`);
        }
      },
      heads: () => ({ kind: modelKind('linear'), p: FEATURES.length }),
      rows: (value, where) => numberRecord(value, ROW_COUNT_KEYS, where, 'training.rows') as unknown as RowCounts,
    },
  ],
  [
    FORMAT_VERSION_2,
    {
      check: checkDesign,
      heads: (m) => ({
        kind: (isRecord(m.estimator) ? findModelKind(m.estimator.kind) : undefined) ?? modelKind('linear'),
        p: Array.isArray(m.features) ? m.features.length : FEATURES.length,
      }),
      rows: correctedRows,
    },
  ],
]);

/**
 * Checks that an object is a usable model and returns it typed.
 * @param where names the source in messages (a file path, say).
 * @throws {@link ModelError} saying what is missing, malformed or mismatched.
 */
export function validateModel(value: unknown, where = 'model'): EngagementModel {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(where, 'not a model: expected a JSON object');
  const m = value as Record<string, unknown>;
  if (!('formatVersion' in m)) fail(where, `not an ${LIBRARY_NAME} model file (no formatVersion)`);
  const format = MODEL_FORMATS.get(m.formatVersion as number);
  if (!format) {
    fail(
      where,
      `model format version ${JSON.stringify(m.formatVersion)} is not supported; this version of ${LIBRARY_NAME} (${VERSION}) reads formats ${[...MODEL_FORMATS.keys()].join(' and ')}`,
    );
  }
  if (!PRESETS.includes(m.preset as Preset)) fail(where, `unknown preset ${JSON.stringify(m.preset)}`);
  format.check(m, where);
  checkHeads(m as unknown as EngagementModel, where);
  const library = m.library;
  if (!isRecord(library) || library.name !== LIBRARY_NAME || typeof library.version !== 'string')
    fail(where, `library must name ${LIBRARY_NAME} and its version`);
  let metrics: Record<TargetName, Metrics> | null = null;
  if (m.metrics !== undefined && m.metrics !== null) {
    const source = m.metrics;
    if (!isRecord(source)) fail(where, 'metrics must be an object per target, or null');
    metrics = Object.fromEntries(TARGETS.map((t) => [t, numberRecord(source[t], METRIC_KEYS, where, `metrics.${t}`)])) as unknown as Record<
      TargetName,
      Metrics
    >;
  }
  const baseline =
    m.baseline === undefined || m.baseline === null ? null : (numberRecord(m.baseline, BASELINE_KEYS, where, 'baseline') as unknown as BaselineMetrics);
  let training: TrainingInfo | null = null;
  if (m.training !== undefined && m.training !== null) {
    const t = m.training;
    if (!isRecord(t)) fail(where, 'training must be an object, or null');
    for (const key of ['cutoff', 'from', 'to'] as const) {
      if (typeof t[key] !== 'string' || Number.isNaN(parseDay(t[key] as string))) fail(where, `training.${key} must be a date written YYYY-MM-DD`);
    }
    const rows = format.rows(t.rows, where);
    training = { cutoff: t.cutoff as string, from: t.from as string, to: t.to as string, rows };
  }
  if (typeof m.description !== 'string') fail(where, 'description must be a string');
  return withTargetAliases({ ...m, metrics, baseline, training } as unknown as EngagementModel);
}

/**
 * Adds read-only, non-enumerable aliases `model.engagement_future_7d` …
 * for `model.models[target]`, so a head can be read either way; they are not
 * written to model files.
 */
export function withTargetAliases(model: EngagementModel): EngagementModel {
  for (const target of TARGETS) {
    if (Object.prototype.hasOwnProperty.call(model, target)) continue;
    Object.defineProperty(model, target, { get: () => model.models[target], enumerable: false, configurable: true });
  }
  return model;
}

/**
 * Writes a model to a JSON file: to a temporary file first, renamed into
 * place once complete, so a failed write leaves no partial model behind.
 * @example await saveModel(trained.model, 'model.json');
 */
export async function saveModel(model: EngagementModel, path: string): Promise<void> {
  validateModel(model, 'saveModel');
  await writeText(path, [`${JSON.stringify(model, null, 1)}\n`]);
}

/**
 * Reads and checks a model file.
 * @example const model = await loadModel('model.json');
 * @throws {@link ModelError} when the file is missing, not JSON, truncated, or not a model this version reads.
 */
export async function loadModel(path: string): Promise<EngagementModel> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ModelError(`${path}: cannot read the model file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ModelError(`${path}: not valid JSON, the file may be truncated or corrupted (${(error as Error).message})`);
  }
  return validateModel(value, path);
}
