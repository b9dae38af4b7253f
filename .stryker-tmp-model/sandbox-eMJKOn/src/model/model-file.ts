// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { readFile } from 'node:fs/promises';
import { ModelError } from '../errors.js';
import { writeText } from '../io/text-writer.js';
import { CORRECTED_WEEKLY_COLUMNS, FEATURES, TARGETS, type Preset, type TargetName } from '../schema.js';
import { parseFeature } from './design.js';
import { LIBRARY_NAME, VERSION } from '../version.js';
import { parseDay } from '../calendar.js';
import type { Metrics } from './metrics.js';
import type { ScalerState } from './scaler.js';
import type { RowCounts } from './selection.js';
import type { BackTransform, FittedHead } from './estimators.js';
import type { IntervalCalibration } from './intervals.js';
import type { ColdStart } from './cold-start.js';
import { applyHead } from './linear.js';
import { applyMlp, type MlpHead, type MlpOptions } from './mlp.js';
import type { CorrectedRowCounts } from './train-corrected.js';

/** The model file format of notebook-preset least-squares models (what 0.1.0 writes and reads). */
export const FORMAT_VERSION = 1;

/** The model file format of models with an `estimator` and `intervals` (the `corrected` preset). */
export const FORMAT_VERSION_2 = 2;

/** The model kinds of the `corrected` preset (docs/models.md). */
export type ModelKind = 'linear' | 'log-linear' | 'ridge' | 'mlp' | 'naive' | 'window-average';

/** The model kinds `trainModels` fits with the `corrected` preset. */
export const MODEL_KINDS: readonly ModelKind[] = stryMutAct_9fa48("1025") ? [] : (stryCov_9fa48("1025"), [stryMutAct_9fa48("1026") ? "" : (stryCov_9fa48("1026"), 'linear'), stryMutAct_9fa48("1027") ? "" : (stryCov_9fa48("1027"), 'log-linear'), stryMutAct_9fa48("1028") ? "" : (stryCov_9fa48("1028"), 'ridge'), stryMutAct_9fa48("1029") ? "" : (stryCov_9fa48("1029"), 'mlp'), stryMutAct_9fa48("1030") ? "" : (stryCov_9fa48("1030"), 'naive'), stryMutAct_9fa48("1031") ? "" : (stryCov_9fa48("1031"), 'window-average')]);

/** A model kind with its settings: what `trainModels(weekly, { model })` takes and a format-2 file stores as `estimator`. */
export interface ModelSpec {
  kind: ModelKind;
  /** The design: `robust` (the default), `core` or `full` (docs/features.md). Fitted kinds only. */
  features?: 'core' | 'robust' | 'full';
  /** Ridge penalty per row on standardized features (ridge only). Default 0.01. */
  lambda?: number;
  /** Window of a window average: 4 or 13 weeks. Default 13. */
  weeks?: 4 | 13;
  /** Network settings (mlp only; see `MlpOptions`). */
  mlp?: MlpOptions;
  /** log-linear and mlp: how predictions are mapped back from the log scale (`BackTransform`). Default `absolute`. */
  correction?: BackTransform;
}

/**
 * One horizon's fitted state in a format-2 model: a linear head (`linear`,
 * `ridge`; `log-linear` adds `factor`), a network (`mlp`), or nothing
 * (`naive`, `window-average` read their one feature).
 */
export type CorrectedHead = Partial<FittedHead> & Partial<MlpHead>;

/**
 * One horizon's forecast from a format-2 model's head and a feature row
 * (standardized when the model's `inputScaling` is `standard`), before
 * clipping at 0.
 */
export function applyEstimator(kind: ModelKind, head: CorrectedHead, x: ArrayLike<number>): number {
  if (stryMutAct_9fa48("1032")) {
    {}
  } else {
    stryCov_9fa48("1032");
    switch (kind) {
      case stryMutAct_9fa48("1033") ? "" : (stryCov_9fa48("1033"), 'naive'):
      case stryMutAct_9fa48("1035") ? "" : (stryCov_9fa48("1035"), 'window-average'):
        if (stryMutAct_9fa48("1034")) {} else {
          stryCov_9fa48("1034");
          return x[0]!;
        }
      case stryMutAct_9fa48("1037") ? "" : (stryCov_9fa48("1037"), 'log-linear'):
        if (stryMutAct_9fa48("1036")) {} else {
          stryCov_9fa48("1036");
          return stryMutAct_9fa48("1038") ? Math.exp(applyHead(head as FittedHead, x)) * head.factor! + 1 : (stryCov_9fa48("1038"), (stryMutAct_9fa48("1039") ? Math.exp(applyHead(head as FittedHead, x)) / head.factor! : (stryCov_9fa48("1039"), Math.exp(applyHead(head as FittedHead, x)) * head.factor!)) - 1);
        }
      case stryMutAct_9fa48("1041") ? "" : (stryCov_9fa48("1041"), 'mlp'):
        if (stryMutAct_9fa48("1040")) {} else {
          stryCov_9fa48("1040");
          return stryMutAct_9fa48("1042") ? Math.exp(applyMlp(head as MlpHead, x)) * head.factor! + 1 : (stryCov_9fa48("1042"), (stryMutAct_9fa48("1043") ? Math.exp(applyMlp(head as MlpHead, x)) / head.factor! : (stryCov_9fa48("1043"), Math.exp(applyMlp(head as MlpHead, x)) * head.factor!)) - 1);
        }
      default:
        if (stryMutAct_9fa48("1044")) {} else {
          stryCov_9fa48("1044");
          return applyHead(head as FittedHead, x);
        }
    }
  }
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
  library: {
    name: string;
    version: string;
  };
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
  if (stryMutAct_9fa48("1045")) {
    {}
  } else {
    stryCov_9fa48("1045");
    if (stryMutAct_9fa48("1048") ? modelPreset === tablePreset : stryMutAct_9fa48("1047") ? false : stryMutAct_9fa48("1046") ? true : (stryCov_9fa48("1046", "1047", "1048"), modelPreset !== tablePreset)) {
      if (stryMutAct_9fa48("1049")) {
        {}
      } else {
        stryCov_9fa48("1049");
        throw new ModelError(stryMutAct_9fa48("1050") ? `` : (stryCov_9fa48("1050"), `${where}: the model was trained with the '${modelPreset}' preset but the weekly table was built with '${tablePreset}'`));
      }
    }
  }
}

/** A finite number. */
function finite(v: unknown): boolean {
  if (stryMutAct_9fa48("1051")) {
    {}
  } else {
    stryCov_9fa48("1051");
    return stryMutAct_9fa48("1054") ? typeof v === 'number' || Number.isFinite(v) : stryMutAct_9fa48("1053") ? false : stryMutAct_9fa48("1052") ? true : (stryCov_9fa48("1052", "1053", "1054"), (stryMutAct_9fa48("1056") ? typeof v !== 'number' : stryMutAct_9fa48("1055") ? true : (stryCov_9fa48("1055", "1056"), typeof v === (stryMutAct_9fa48("1057") ? "" : (stryCov_9fa48("1057"), 'number')))) && Number.isFinite(v));
  }
}

/** A stored quantile grid of interval scores: n > 0 and 201 finite non-negative quantiles. */
function checkQuantiles(h: unknown, where: string, what: string): void {
  if (stryMutAct_9fa48("1058")) {
    {}
  } else {
    stryCov_9fa48("1058");
    if (stryMutAct_9fa48("1061") ? (!isRecord(h) || !(typeof h.n === 'number' && h.n > 0) || !Array.isArray(h.quantiles) || h.quantiles.length !== 201) && !h.quantiles.every(q => finite(q) && q as number >= 0) : stryMutAct_9fa48("1060") ? false : stryMutAct_9fa48("1059") ? true : (stryCov_9fa48("1059", "1060", "1061"), (stryMutAct_9fa48("1063") ? (!isRecord(h) || !(typeof h.n === 'number' && h.n > 0) || !Array.isArray(h.quantiles)) && h.quantiles.length !== 201 : stryMutAct_9fa48("1062") ? false : (stryCov_9fa48("1062", "1063"), (stryMutAct_9fa48("1065") ? (!isRecord(h) || !(typeof h.n === 'number' && h.n > 0)) && !Array.isArray(h.quantiles) : stryMutAct_9fa48("1064") ? false : (stryCov_9fa48("1064", "1065"), (stryMutAct_9fa48("1067") ? !isRecord(h) && !(typeof h.n === 'number' && h.n > 0) : stryMutAct_9fa48("1066") ? false : (stryCov_9fa48("1066", "1067"), (stryMutAct_9fa48("1068") ? isRecord(h) : (stryCov_9fa48("1068"), !isRecord(h))) || (stryMutAct_9fa48("1069") ? typeof h.n === 'number' && h.n > 0 : (stryCov_9fa48("1069"), !(stryMutAct_9fa48("1072") ? typeof h.n === 'number' || h.n > 0 : stryMutAct_9fa48("1071") ? false : stryMutAct_9fa48("1070") ? true : (stryCov_9fa48("1070", "1071", "1072"), (stryMutAct_9fa48("1074") ? typeof h.n !== 'number' : stryMutAct_9fa48("1073") ? true : (stryCov_9fa48("1073", "1074"), typeof h.n === (stryMutAct_9fa48("1075") ? "" : (stryCov_9fa48("1075"), 'number')))) && (stryMutAct_9fa48("1078") ? h.n <= 0 : stryMutAct_9fa48("1077") ? h.n >= 0 : stryMutAct_9fa48("1076") ? true : (stryCov_9fa48("1076", "1077", "1078"), h.n > 0)))))))) || (stryMutAct_9fa48("1079") ? Array.isArray(h.quantiles) : (stryCov_9fa48("1079"), !Array.isArray(h.quantiles))))) || (stryMutAct_9fa48("1081") ? h.quantiles.length === 201 : stryMutAct_9fa48("1080") ? false : (stryCov_9fa48("1080", "1081"), h.quantiles.length !== 201)))) || (stryMutAct_9fa48("1082") ? h.quantiles.every(q => finite(q) && q as number >= 0) : (stryCov_9fa48("1082"), !(stryMutAct_9fa48("1083") ? h.quantiles.some(q => finite(q) && q as number >= 0) : (stryCov_9fa48("1083"), h.quantiles.every(stryMutAct_9fa48("1084") ? () => undefined : (stryCov_9fa48("1084"), q => stryMutAct_9fa48("1087") ? finite(q) || q as number >= 0 : stryMutAct_9fa48("1086") ? false : stryMutAct_9fa48("1085") ? true : (stryCov_9fa48("1085", "1086", "1087"), finite(q) && (stryMutAct_9fa48("1090") ? (q as number) < 0 : stryMutAct_9fa48("1089") ? q as number > 0 : stryMutAct_9fa48("1088") ? true : (stryCov_9fa48("1088", "1089", "1090"), q as number >= 0))))))))))) {
      if (stryMutAct_9fa48("1091")) {
        {}
      } else {
        stryCov_9fa48("1091");
        fail(where, stryMutAct_9fa48("1092") ? `` : (stryCov_9fa48("1092"), `${what} must hold n > 0 and 201 finite non-negative quantiles`));
      }
    }
  }
}
function fail(where: string, what: string): never {
  if (stryMutAct_9fa48("1093")) {
    {}
  } else {
    stryCov_9fa48("1093");
    throw new ModelError(stryMutAct_9fa48("1094") ? `` : (stryCov_9fa48("1094"), `${where}: ${what}`));
  }
}
function isNumberArray(value: unknown, length: number): boolean {
  if (stryMutAct_9fa48("1095")) {
    {}
  } else {
    stryCov_9fa48("1095");
    return stryMutAct_9fa48("1098") ? Array.isArray(value) && value.length === length || value.every(v => typeof v === 'number' || v === null) : stryMutAct_9fa48("1097") ? false : stryMutAct_9fa48("1096") ? true : (stryCov_9fa48("1096", "1097", "1098"), (stryMutAct_9fa48("1100") ? Array.isArray(value) || value.length === length : stryMutAct_9fa48("1099") ? true : (stryCov_9fa48("1099", "1100"), Array.isArray(value) && (stryMutAct_9fa48("1102") ? value.length !== length : stryMutAct_9fa48("1101") ? true : (stryCov_9fa48("1101", "1102"), value.length === length)))) && (stryMutAct_9fa48("1103") ? value.some(v => typeof v === 'number' || v === null) : (stryCov_9fa48("1103"), value.every(stryMutAct_9fa48("1104") ? () => undefined : (stryCov_9fa48("1104"), v => stryMutAct_9fa48("1107") ? typeof v === 'number' && v === null : stryMutAct_9fa48("1106") ? false : stryMutAct_9fa48("1105") ? true : (stryCov_9fa48("1105", "1106", "1107"), (stryMutAct_9fa48("1109") ? typeof v !== 'number' : stryMutAct_9fa48("1108") ? false : (stryCov_9fa48("1108", "1109"), typeof v === (stryMutAct_9fa48("1110") ? "" : (stryCov_9fa48("1110"), 'number')))) || (stryMutAct_9fa48("1112") ? v !== null : stryMutAct_9fa48("1111") ? false : (stryCov_9fa48("1111", "1112"), v === null))))))));
  }
}

/** A plain object (not an array, not null). */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (stryMutAct_9fa48("1113")) {
    {}
  } else {
    stryCov_9fa48("1113");
    return stryMutAct_9fa48("1116") ? value !== null && typeof value === 'object' || !Array.isArray(value) : stryMutAct_9fa48("1115") ? false : stryMutAct_9fa48("1114") ? true : (stryCov_9fa48("1114", "1115", "1116"), (stryMutAct_9fa48("1118") ? value !== null || typeof value === 'object' : stryMutAct_9fa48("1117") ? true : (stryCov_9fa48("1117", "1118"), (stryMutAct_9fa48("1120") ? value === null : stryMutAct_9fa48("1119") ? true : (stryCov_9fa48("1119", "1120"), value !== null)) && (stryMutAct_9fa48("1122") ? typeof value !== 'object' : stryMutAct_9fa48("1121") ? true : (stryCov_9fa48("1121", "1122"), typeof value === (stryMutAct_9fa48("1123") ? "" : (stryCov_9fa48("1123"), 'object')))))) && (stryMutAct_9fa48("1124") ? Array.isArray(value) : (stryCov_9fa48("1124"), !Array.isArray(value))));
  }
}

/**
 * A flat record of numbers as saved (JSON has no NaN: it is written as null,
 * and read back as NaN). Only the named keys are read: no recursion, so a
 * deeply nested value cannot overflow the stack.
 */
function numberRecord(value: unknown, keys: readonly string[], where: string, what: string): Record<string, number> {
  if (stryMutAct_9fa48("1125")) {
    {}
  } else {
    stryCov_9fa48("1125");
    if (stryMutAct_9fa48("1128") ? false : stryMutAct_9fa48("1127") ? true : stryMutAct_9fa48("1126") ? isRecord(value) : (stryCov_9fa48("1126", "1127", "1128"), !isRecord(value))) fail(where, stryMutAct_9fa48("1129") ? `` : (stryCov_9fa48("1129"), `${what} must be an object of numbers (${keys.join(stryMutAct_9fa48("1130") ? "" : (stryCov_9fa48("1130"), ', '))})`));
    const out: Record<string, number> = {};
    for (const key of keys) {
      if (stryMutAct_9fa48("1131")) {
        {}
      } else {
        stryCov_9fa48("1131");
        const v = value[key];
        if (stryMutAct_9fa48("1134") ? v !== null : stryMutAct_9fa48("1133") ? false : stryMutAct_9fa48("1132") ? true : (stryCov_9fa48("1132", "1133", "1134"), v === null)) out[key] = Number.NaN;else if (stryMutAct_9fa48("1137") ? typeof v !== 'number' : stryMutAct_9fa48("1136") ? false : stryMutAct_9fa48("1135") ? true : (stryCov_9fa48("1135", "1136", "1137"), typeof v === (stryMutAct_9fa48("1138") ? "" : (stryCov_9fa48("1138"), 'number')))) out[key] = v;else fail(where, stryMutAct_9fa48("1139") ? `` : (stryCov_9fa48("1139"), `${what}.${key} must be a number or null`));
      }
    }
    return out;
  }
}

/** A format-2 model's row counts: numbers, or per-target records of numbers (read without recursion). */
function correctedRows(value: unknown, where: string): CorrectedRowCounts {
  if (stryMutAct_9fa48("1140")) {
    {}
  } else {
    stryCov_9fa48("1140");
    if (stryMutAct_9fa48("1143") ? false : stryMutAct_9fa48("1142") ? true : stryMutAct_9fa48("1141") ? isRecord(value) : (stryCov_9fa48("1141", "1142", "1143"), !isRecord(value))) fail(where, stryMutAct_9fa48("1144") ? "" : (stryCov_9fa48("1144"), 'training.rows must be an object'));
    const out: Record<string, unknown> = {};
    for (const key of stryMutAct_9fa48("1145") ? [] : (stryCov_9fa48("1145"), [stryMutAct_9fa48("1146") ? "" : (stryCov_9fa48("1146"), 'weekly'), stryMutAct_9fa48("1147") ? "" : (stryCov_9fa48("1147"), 'noHistory'), stryMutAct_9fa48("1148") ? "" : (stryCov_9fa48("1148"), 'gap')])) out[key] = numberRecord(stryMutAct_9fa48("1149") ? {} : (stryCov_9fa48("1149"), {
      v: value[key]
    }), stryMutAct_9fa48("1150") ? [] : (stryCov_9fa48("1150"), [stryMutAct_9fa48("1151") ? "" : (stryCov_9fa48("1151"), 'v')]), where, stryMutAct_9fa48("1152") ? `` : (stryCov_9fa48("1152"), `training.rows.${key}`)).v;
    for (const key of stryMutAct_9fa48("1153") ? [] : (stryCov_9fa48("1153"), [stryMutAct_9fa48("1154") ? "" : (stryCov_9fa48("1154"), 'train'), stryMutAct_9fa48("1155") ? "" : (stryCov_9fa48("1155"), 'test'), stryMutAct_9fa48("1156") ? "" : (stryCov_9fa48("1156"), 'noTarget'), stryMutAct_9fa48("1157") ? "" : (stryCov_9fa48("1157"), 'calibration')])) out[key] = numberRecord(value[key], TARGETS, where, stryMutAct_9fa48("1158") ? `` : (stryCov_9fa48("1158"), `training.rows.${key}`));
    return out as unknown as CorrectedRowCounts;
  }
}
const METRIC_KEYS = ['MAE', 'MSE', 'RMSE', 'R2'] as const;
const BASELINE_KEYS = ['MAE', 'RMSE', 'R2', 'trainRows', 'testRows'] as const;
const ROW_COUNT_KEYS = ['weekly', 'afterTargetDrop', 'infiniteTargets', 'infiniteFeatures', 'afterZeroDrop', 'trainBeforeMissingDrop', 'testBeforeMissingDrop', 'train', 'test'] as const;

/**
 * The parts `predict` applies — heads and, for standardized inputs, the
 * scaler — checked on every call (a few hundred comparisons), so a model
 * changed after it was first validated is caught before it gives a wrong or
 * non-finite forecast.
 * @throws {ModelError}
 */
export function checkHeads(m: Pick<EngagementModel, 'models' | 'inputScaling' | 'scaler'> & Partial<Pick<EngagementModel, 'features' | 'estimator' | 'formatVersion'>>, where: string): void {
  if (stryMutAct_9fa48("1159")) {
    {}
  } else {
    stryCov_9fa48("1159");
    const p = (stryMutAct_9fa48("1162") ? m.formatVersion === FORMAT_VERSION_2 || Array.isArray(m.features) : stryMutAct_9fa48("1161") ? false : stryMutAct_9fa48("1160") ? true : (stryCov_9fa48("1160", "1161", "1162"), (stryMutAct_9fa48("1164") ? m.formatVersion !== FORMAT_VERSION_2 : stryMutAct_9fa48("1163") ? true : (stryCov_9fa48("1163", "1164"), m.formatVersion === FORMAT_VERSION_2)) && Array.isArray(m.features))) ? m.features.length : FEATURES.length;
    const kind: ModelKind = (stryMutAct_9fa48("1167") ? m.formatVersion === FORMAT_VERSION_2 || isRecord(m.estimator) : stryMutAct_9fa48("1166") ? false : stryMutAct_9fa48("1165") ? true : (stryCov_9fa48("1165", "1166", "1167"), (stryMutAct_9fa48("1169") ? m.formatVersion !== FORMAT_VERSION_2 : stryMutAct_9fa48("1168") ? true : (stryCov_9fa48("1168", "1169"), m.formatVersion === FORMAT_VERSION_2)) && isRecord(m.estimator))) ? m.estimator.kind as ModelKind : stryMutAct_9fa48("1170") ? "" : (stryCov_9fa48("1170"), 'linear');
    const models = m.models as unknown;
    if (stryMutAct_9fa48("1173") ? false : stryMutAct_9fa48("1172") ? true : stryMutAct_9fa48("1171") ? isRecord(models) : (stryCov_9fa48("1171", "1172", "1173"), !isRecord(models))) fail(where, stryMutAct_9fa48("1174") ? "" : (stryCov_9fa48("1174"), 'the models are missing'));
    for (const target of TARGETS) {
      if (stryMutAct_9fa48("1175")) {
        {}
      } else {
        stryCov_9fa48("1175");
        const head = models[target];
        if (stryMutAct_9fa48("1178") ? false : stryMutAct_9fa48("1177") ? true : stryMutAct_9fa48("1176") ? isRecord(head) : (stryCov_9fa48("1176", "1177", "1178"), !isRecord(head))) fail(where, stryMutAct_9fa48("1179") ? `` : (stryCov_9fa48("1179"), `the model for ${target} is missing`));
        if (stryMutAct_9fa48("1182") ? kind === 'naive' && kind === 'window-average' : stryMutAct_9fa48("1181") ? false : stryMutAct_9fa48("1180") ? true : (stryCov_9fa48("1180", "1181", "1182"), (stryMutAct_9fa48("1184") ? kind !== 'naive' : stryMutAct_9fa48("1183") ? false : (stryCov_9fa48("1183", "1184"), kind === (stryMutAct_9fa48("1185") ? "" : (stryCov_9fa48("1185"), 'naive')))) || (stryMutAct_9fa48("1187") ? kind !== 'window-average' : stryMutAct_9fa48("1186") ? false : (stryCov_9fa48("1186", "1187"), kind === (stryMutAct_9fa48("1188") ? "" : (stryCov_9fa48("1188"), 'window-average')))))) continue;
        if (stryMutAct_9fa48("1191") ? kind !== 'mlp' : stryMutAct_9fa48("1190") ? false : stryMutAct_9fa48("1189") ? true : (stryCov_9fa48("1189", "1190", "1191"), kind === (stryMutAct_9fa48("1192") ? "" : (stryCov_9fa48("1192"), 'mlp')))) {
          if (stryMutAct_9fa48("1193")) {
            {}
          } else {
            stryCov_9fa48("1193");
            const layers = head.layers;
            let width = p;
            if (stryMutAct_9fa48("1196") ? !Array.isArray(layers) && layers.length === 0 : stryMutAct_9fa48("1195") ? false : stryMutAct_9fa48("1194") ? true : (stryCov_9fa48("1194", "1195", "1196"), (stryMutAct_9fa48("1197") ? Array.isArray(layers) : (stryCov_9fa48("1197"), !Array.isArray(layers))) || (stryMutAct_9fa48("1199") ? layers.length !== 0 : stryMutAct_9fa48("1198") ? false : (stryCov_9fa48("1198", "1199"), layers.length === 0)))) fail(where, stryMutAct_9fa48("1200") ? `` : (stryCov_9fa48("1200"), `${target}.layers must be a list of dense layers`));
            layers.forEach((layer: unknown, l: number) => {
              if (stryMutAct_9fa48("1201")) {
                {}
              } else {
                stryCov_9fa48("1201");
                if (stryMutAct_9fa48("1204") ? (!isRecord(layer) || !Array.isArray(layer.weights) || !Array.isArray(layer.bias)) && layer.weights.length !== width : stryMutAct_9fa48("1203") ? false : stryMutAct_9fa48("1202") ? true : (stryCov_9fa48("1202", "1203", "1204"), (stryMutAct_9fa48("1206") ? (!isRecord(layer) || !Array.isArray(layer.weights)) && !Array.isArray(layer.bias) : stryMutAct_9fa48("1205") ? false : (stryCov_9fa48("1205", "1206"), (stryMutAct_9fa48("1208") ? !isRecord(layer) && !Array.isArray(layer.weights) : stryMutAct_9fa48("1207") ? false : (stryCov_9fa48("1207", "1208"), (stryMutAct_9fa48("1209") ? isRecord(layer) : (stryCov_9fa48("1209"), !isRecord(layer))) || (stryMutAct_9fa48("1210") ? Array.isArray(layer.weights) : (stryCov_9fa48("1210"), !Array.isArray(layer.weights))))) || (stryMutAct_9fa48("1211") ? Array.isArray(layer.bias) : (stryCov_9fa48("1211"), !Array.isArray(layer.bias))))) || (stryMutAct_9fa48("1213") ? layer.weights.length === width : stryMutAct_9fa48("1212") ? false : (stryCov_9fa48("1212", "1213"), layer.weights.length !== width)))) fail(where, stryMutAct_9fa48("1214") ? `` : (stryCov_9fa48("1214"), `${target}.layers[${l}] must have ${width} rows of weights and a bias`));
                const out = (layer.bias as unknown[]).length;
                if (stryMutAct_9fa48("1217") ? !(layer.bias as unknown[]).every(finite) && !(layer.weights as unknown[]).every(row => Array.isArray(row) && row.length === out && row.every(finite)) : stryMutAct_9fa48("1216") ? false : stryMutAct_9fa48("1215") ? true : (stryCov_9fa48("1215", "1216", "1217"), (stryMutAct_9fa48("1218") ? (layer.bias as unknown[]).every(finite) : (stryCov_9fa48("1218"), !(stryMutAct_9fa48("1219") ? (layer.bias as unknown[]).some(finite) : (stryCov_9fa48("1219"), (layer.bias as unknown[]).every(finite))))) || (stryMutAct_9fa48("1220") ? (layer.weights as unknown[]).every(row => Array.isArray(row) && row.length === out && row.every(finite)) : (stryCov_9fa48("1220"), !(stryMutAct_9fa48("1221") ? (layer.weights as unknown[]).some(row => Array.isArray(row) && row.length === out && row.every(finite)) : (stryCov_9fa48("1221"), (layer.weights as unknown[]).every(stryMutAct_9fa48("1222") ? () => undefined : (stryCov_9fa48("1222"), row => stryMutAct_9fa48("1225") ? Array.isArray(row) && row.length === out || row.every(finite) : stryMutAct_9fa48("1224") ? false : stryMutAct_9fa48("1223") ? true : (stryCov_9fa48("1223", "1224", "1225"), (stryMutAct_9fa48("1227") ? Array.isArray(row) || row.length === out : stryMutAct_9fa48("1226") ? true : (stryCov_9fa48("1226", "1227"), Array.isArray(row) && (stryMutAct_9fa48("1229") ? row.length !== out : stryMutAct_9fa48("1228") ? true : (stryCov_9fa48("1228", "1229"), row.length === out)))) && (stryMutAct_9fa48("1230") ? row.some(finite) : (stryCov_9fa48("1230"), row.every(finite)))))))))))) fail(where, stryMutAct_9fa48("1231") ? `` : (stryCov_9fa48("1231"), `${target}.layers[${l}] must hold finite numbers`));
                width = out;
              }
            });
            if (stryMutAct_9fa48("1234") ? width === 1 : stryMutAct_9fa48("1233") ? false : stryMutAct_9fa48("1232") ? true : (stryCov_9fa48("1232", "1233", "1234"), width !== 1)) fail(where, stryMutAct_9fa48("1235") ? `` : (stryCov_9fa48("1235"), `${target}: the last layer must have one output`));
            if (stryMutAct_9fa48("1238") ? !finite(head.factor) && !(head.factor as number > 0) : stryMutAct_9fa48("1237") ? false : stryMutAct_9fa48("1236") ? true : (stryCov_9fa48("1236", "1237", "1238"), (stryMutAct_9fa48("1239") ? finite(head.factor) : (stryCov_9fa48("1239"), !finite(head.factor))) || (stryMutAct_9fa48("1240") ? head.factor as number > 0 : (stryCov_9fa48("1240"), !(stryMutAct_9fa48("1244") ? (head.factor as number) <= 0 : stryMutAct_9fa48("1243") ? head.factor as number >= 0 : stryMutAct_9fa48("1242") ? false : stryMutAct_9fa48("1241") ? true : (stryCov_9fa48("1241", "1242", "1243", "1244"), head.factor as number > 0)))))) fail(where, stryMutAct_9fa48("1245") ? `` : (stryCov_9fa48("1245"), `${target}.factor must be a finite positive number`));
            continue;
          }
        }
        const coef = head.coef;
        if (stryMutAct_9fa48("1248") ? (!Array.isArray(coef) || coef.length !== p) && !coef.every(finite) : stryMutAct_9fa48("1247") ? false : stryMutAct_9fa48("1246") ? true : (stryCov_9fa48("1246", "1247", "1248"), (stryMutAct_9fa48("1250") ? !Array.isArray(coef) && coef.length !== p : stryMutAct_9fa48("1249") ? false : (stryCov_9fa48("1249", "1250"), (stryMutAct_9fa48("1251") ? Array.isArray(coef) : (stryCov_9fa48("1251"), !Array.isArray(coef))) || (stryMutAct_9fa48("1253") ? coef.length === p : stryMutAct_9fa48("1252") ? false : (stryCov_9fa48("1252", "1253"), coef.length !== p)))) || (stryMutAct_9fa48("1254") ? coef.every(finite) : (stryCov_9fa48("1254"), !(stryMutAct_9fa48("1255") ? coef.some(finite) : (stryCov_9fa48("1255"), coef.every(finite))))))) fail(where, stryMutAct_9fa48("1256") ? `` : (stryCov_9fa48("1256"), `${target}.coef must be ${p} finite numbers`));
        if (stryMutAct_9fa48("1259") ? false : stryMutAct_9fa48("1258") ? true : stryMutAct_9fa48("1257") ? finite(head.intercept) : (stryCov_9fa48("1257", "1258", "1259"), !finite(head.intercept))) fail(where, stryMutAct_9fa48("1260") ? `` : (stryCov_9fa48("1260"), `${target}.intercept must be a finite number`));
        if (stryMutAct_9fa48("1263") ? kind === 'log-linear' || !(finite(head.factor) && head.factor as number > 0) : stryMutAct_9fa48("1262") ? false : stryMutAct_9fa48("1261") ? true : (stryCov_9fa48("1261", "1262", "1263"), (stryMutAct_9fa48("1265") ? kind !== 'log-linear' : stryMutAct_9fa48("1264") ? true : (stryCov_9fa48("1264", "1265"), kind === (stryMutAct_9fa48("1266") ? "" : (stryCov_9fa48("1266"), 'log-linear')))) && (stryMutAct_9fa48("1267") ? finite(head.factor) && head.factor as number > 0 : (stryCov_9fa48("1267"), !(stryMutAct_9fa48("1270") ? finite(head.factor) || head.factor as number > 0 : stryMutAct_9fa48("1269") ? false : stryMutAct_9fa48("1268") ? true : (stryCov_9fa48("1268", "1269", "1270"), finite(head.factor) && (stryMutAct_9fa48("1273") ? (head.factor as number) <= 0 : stryMutAct_9fa48("1272") ? head.factor as number >= 0 : stryMutAct_9fa48("1271") ? true : (stryCov_9fa48("1271", "1272", "1273"), head.factor as number > 0)))))))) fail(where, stryMutAct_9fa48("1274") ? `` : (stryCov_9fa48("1274"), `${target}.factor must be a finite positive number`));
      }
    }
    if (stryMutAct_9fa48("1277") ? m.inputScaling !== 'none' || m.inputScaling !== 'standard' : stryMutAct_9fa48("1276") ? false : stryMutAct_9fa48("1275") ? true : (stryCov_9fa48("1275", "1276", "1277"), (stryMutAct_9fa48("1279") ? m.inputScaling === 'none' : stryMutAct_9fa48("1278") ? true : (stryCov_9fa48("1278", "1279"), m.inputScaling !== (stryMutAct_9fa48("1280") ? "" : (stryCov_9fa48("1280"), 'none')))) && (stryMutAct_9fa48("1282") ? m.inputScaling === 'standard' : stryMutAct_9fa48("1281") ? true : (stryCov_9fa48("1281", "1282"), m.inputScaling !== (stryMutAct_9fa48("1283") ? "" : (stryCov_9fa48("1283"), 'standard')))))) fail(where, stryMutAct_9fa48("1284") ? `` : (stryCov_9fa48("1284"), `inputScaling must be 'none' or 'standard'`));
    const scaler = m.scaler as unknown;
    if (stryMutAct_9fa48("1287") ? false : stryMutAct_9fa48("1286") ? true : stryMutAct_9fa48("1285") ? isRecord(scaler) : (stryCov_9fa48("1285", "1286", "1287"), !isRecord(scaler))) fail(where, stryMutAct_9fa48("1288") ? "" : (stryCov_9fa48("1288"), 'the scaler is missing'));
    for (const key of stryMutAct_9fa48("1289") ? [] : (stryCov_9fa48("1289"), [stryMutAct_9fa48("1290") ? "" : (stryCov_9fa48("1290"), 'mean'), stryMutAct_9fa48("1291") ? "" : (stryCov_9fa48("1291"), 'var'), stryMutAct_9fa48("1292") ? "" : (stryCov_9fa48("1292"), 'scale'), stryMutAct_9fa48("1293") ? "" : (stryCov_9fa48("1293"), 'nSamplesSeen')])) {
      if (stryMutAct_9fa48("1294")) {
        {}
      } else {
        stryCov_9fa48("1294");
        if (stryMutAct_9fa48("1297") ? false : stryMutAct_9fa48("1296") ? true : stryMutAct_9fa48("1295") ? isNumberArray(scaler[key], p) : (stryCov_9fa48("1295", "1296", "1297"), !isNumberArray(scaler[key], p))) fail(where, stryMutAct_9fa48("1298") ? `` : (stryCov_9fa48("1298"), `scaler.${key} must be ${p} numbers`));
      }
    }
    if (stryMutAct_9fa48("1301") ? m.inputScaling !== 'standard' : stryMutAct_9fa48("1300") ? false : stryMutAct_9fa48("1299") ? true : (stryCov_9fa48("1299", "1300", "1301"), m.inputScaling === (stryMutAct_9fa48("1302") ? "" : (stryCov_9fa48("1302"), 'standard')))) {
      if (stryMutAct_9fa48("1303")) {
        {}
      } else {
        stryCov_9fa48("1303");
        // The scaler is applied: every mean finite, every scale finite and positive.
        if (stryMutAct_9fa48("1306") ? false : stryMutAct_9fa48("1305") ? true : stryMutAct_9fa48("1304") ? (scaler.mean as unknown[]).every(v => typeof v === 'number' && Number.isFinite(v)) : (stryCov_9fa48("1304", "1305", "1306"), !(stryMutAct_9fa48("1307") ? (scaler.mean as unknown[]).some(v => typeof v === 'number' && Number.isFinite(v)) : (stryCov_9fa48("1307"), (scaler.mean as unknown[]).every(stryMutAct_9fa48("1308") ? () => undefined : (stryCov_9fa48("1308"), v => stryMutAct_9fa48("1311") ? typeof v === 'number' || Number.isFinite(v) : stryMutAct_9fa48("1310") ? false : stryMutAct_9fa48("1309") ? true : (stryCov_9fa48("1309", "1310", "1311"), (stryMutAct_9fa48("1313") ? typeof v !== 'number' : stryMutAct_9fa48("1312") ? true : (stryCov_9fa48("1312", "1313"), typeof v === (stryMutAct_9fa48("1314") ? "" : (stryCov_9fa48("1314"), 'number')))) && Number.isFinite(v)))))))) fail(where, stryMutAct_9fa48("1315") ? "" : (stryCov_9fa48("1315"), 'scaler.mean must be finite numbers when inputScaling is standard'));
        if (stryMutAct_9fa48("1318") ? false : stryMutAct_9fa48("1317") ? true : stryMutAct_9fa48("1316") ? (scaler.scale as unknown[]).every(v => typeof v === 'number' && Number.isFinite(v) && v > 0) : (stryCov_9fa48("1316", "1317", "1318"), !(stryMutAct_9fa48("1319") ? (scaler.scale as unknown[]).some(v => typeof v === 'number' && Number.isFinite(v) && v > 0) : (stryCov_9fa48("1319"), (scaler.scale as unknown[]).every(stryMutAct_9fa48("1320") ? () => undefined : (stryCov_9fa48("1320"), v => stryMutAct_9fa48("1323") ? typeof v === 'number' && Number.isFinite(v) || v > 0 : stryMutAct_9fa48("1322") ? false : stryMutAct_9fa48("1321") ? true : (stryCov_9fa48("1321", "1322", "1323"), (stryMutAct_9fa48("1325") ? typeof v === 'number' || Number.isFinite(v) : stryMutAct_9fa48("1324") ? true : (stryCov_9fa48("1324", "1325"), (stryMutAct_9fa48("1327") ? typeof v !== 'number' : stryMutAct_9fa48("1326") ? true : (stryCov_9fa48("1326", "1327"), typeof v === (stryMutAct_9fa48("1328") ? "" : (stryCov_9fa48("1328"), 'number')))) && Number.isFinite(v))) && (stryMutAct_9fa48("1331") ? v <= 0 : stryMutAct_9fa48("1330") ? v >= 0 : stryMutAct_9fa48("1329") ? true : (stryCov_9fa48("1329", "1330", "1331"), v > 0))))))))) fail(where, stryMutAct_9fa48("1332") ? "" : (stryCov_9fa48("1332"), 'scaler.scale must be finite positive numbers when inputScaling is standard'));
      }
    }
  }
}

/** The feature names a format-2 model may use: weekly columns of the corrected preset, or `log1p(column)`. */
function checkDesign(m: Record<string, unknown>, where: string): void {
  if (stryMutAct_9fa48("1333")) {
    {}
  } else {
    stryCov_9fa48("1333");
    const features = m.features;
    if (stryMutAct_9fa48("1336") ? (!Array.isArray(features) || features.length === 0) && !features.every(f => typeof f === 'string' && CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column)) : stryMutAct_9fa48("1335") ? false : stryMutAct_9fa48("1334") ? true : (stryCov_9fa48("1334", "1335", "1336"), (stryMutAct_9fa48("1338") ? !Array.isArray(features) && features.length === 0 : stryMutAct_9fa48("1337") ? false : (stryCov_9fa48("1337", "1338"), (stryMutAct_9fa48("1339") ? Array.isArray(features) : (stryCov_9fa48("1339"), !Array.isArray(features))) || (stryMutAct_9fa48("1341") ? features.length !== 0 : stryMutAct_9fa48("1340") ? false : (stryCov_9fa48("1340", "1341"), features.length === 0)))) || (stryMutAct_9fa48("1342") ? features.every(f => typeof f === 'string' && CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column)) : (stryCov_9fa48("1342"), !(stryMutAct_9fa48("1343") ? features.some(f => typeof f === 'string' && CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column)) : (stryCov_9fa48("1343"), features.every(stryMutAct_9fa48("1344") ? () => undefined : (stryCov_9fa48("1344"), f => stryMutAct_9fa48("1347") ? typeof f === 'string' || CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column) : stryMutAct_9fa48("1346") ? false : stryMutAct_9fa48("1345") ? true : (stryCov_9fa48("1345", "1346", "1347"), (stryMutAct_9fa48("1349") ? typeof f !== 'string' : stryMutAct_9fa48("1348") ? true : (stryCov_9fa48("1348", "1349"), typeof f === (stryMutAct_9fa48("1350") ? "" : (stryCov_9fa48("1350"), 'string')))) && CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column)))))))))) {
      if (stryMutAct_9fa48("1351")) {
        {}
      } else {
        stryCov_9fa48("1351");
        fail(where, stryMutAct_9fa48("1352") ? `` : (stryCov_9fa48("1352"), `features must be a list of corrected-preset columns (or log1p(column)); see docs/features.md`));
      }
    }
    const e = m.estimator;
    if (stryMutAct_9fa48("1355") ? !isRecord(e) && !MODEL_KINDS.includes(e.kind as ModelKind) : stryMutAct_9fa48("1354") ? false : stryMutAct_9fa48("1353") ? true : (stryCov_9fa48("1353", "1354", "1355"), (stryMutAct_9fa48("1356") ? isRecord(e) : (stryCov_9fa48("1356"), !isRecord(e))) || (stryMutAct_9fa48("1357") ? MODEL_KINDS.includes(e.kind as ModelKind) : (stryCov_9fa48("1357"), !MODEL_KINDS.includes(e.kind as ModelKind))))) fail(where, stryMutAct_9fa48("1358") ? `` : (stryCov_9fa48("1358"), `estimator.kind must be a model kind (${MODEL_KINDS.join(stryMutAct_9fa48("1359") ? "" : (stryCov_9fa48("1359"), ', '))})`));
    if (stryMutAct_9fa48("1362") ? e.kind === 'naive' || e.kind === 'window-average' || features.length !== 1 : stryMutAct_9fa48("1361") ? false : stryMutAct_9fa48("1360") ? true : (stryCov_9fa48("1360", "1361", "1362"), (stryMutAct_9fa48("1364") ? e.kind === 'naive' && e.kind === 'window-average' : stryMutAct_9fa48("1363") ? true : (stryCov_9fa48("1363", "1364"), (stryMutAct_9fa48("1366") ? e.kind !== 'naive' : stryMutAct_9fa48("1365") ? false : (stryCov_9fa48("1365", "1366"), e.kind === (stryMutAct_9fa48("1367") ? "" : (stryCov_9fa48("1367"), 'naive')))) || (stryMutAct_9fa48("1369") ? e.kind !== 'window-average' : stryMutAct_9fa48("1368") ? false : (stryCov_9fa48("1368", "1369"), e.kind === (stryMutAct_9fa48("1370") ? "" : (stryCov_9fa48("1370"), 'window-average')))))) && (stryMutAct_9fa48("1372") ? features.length === 1 : stryMutAct_9fa48("1371") ? true : (stryCov_9fa48("1371", "1372"), features.length !== 1)))) fail(where, stryMutAct_9fa48("1373") ? `` : (stryCov_9fa48("1373"), `a ${e.kind} model reads one feature`));
    if (stryMutAct_9fa48("1376") ? m.preset === 'corrected' : stryMutAct_9fa48("1375") ? false : stryMutAct_9fa48("1374") ? true : (stryCov_9fa48("1374", "1375", "1376"), m.preset !== (stryMutAct_9fa48("1377") ? "" : (stryCov_9fa48("1377"), 'corrected')))) fail(where, stryMutAct_9fa48("1378") ? "" : (stryCov_9fa48("1378"), 'format 2 models are corrected-preset models'));
    const cs = m.coldStart;
    if (stryMutAct_9fa48("1381") ? cs !== undefined || cs !== null : stryMutAct_9fa48("1380") ? false : stryMutAct_9fa48("1379") ? true : (stryCov_9fa48("1379", "1380", "1381"), (stryMutAct_9fa48("1383") ? cs === undefined : stryMutAct_9fa48("1382") ? true : (stryCov_9fa48("1382", "1383"), cs !== undefined)) && (stryMutAct_9fa48("1385") ? cs === null : stryMutAct_9fa48("1384") ? true : (stryCov_9fa48("1384", "1385"), cs !== null)))) {
      if (stryMutAct_9fa48("1386")) {
        {}
      } else {
        stryCov_9fa48("1386");
        if (stryMutAct_9fa48("1389") ? (!isRecord(cs) || !Array.isArray(cs.features)) && !cs.features.every(f => typeof f === 'string' && CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column)) : stryMutAct_9fa48("1388") ? false : stryMutAct_9fa48("1387") ? true : (stryCov_9fa48("1387", "1388", "1389"), (stryMutAct_9fa48("1391") ? !isRecord(cs) && !Array.isArray(cs.features) : stryMutAct_9fa48("1390") ? false : (stryCov_9fa48("1390", "1391"), (stryMutAct_9fa48("1392") ? isRecord(cs) : (stryCov_9fa48("1392"), !isRecord(cs))) || (stryMutAct_9fa48("1393") ? Array.isArray(cs.features) : (stryCov_9fa48("1393"), !Array.isArray(cs.features))))) || (stryMutAct_9fa48("1394") ? cs.features.every(f => typeof f === 'string' && CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column)) : (stryCov_9fa48("1394"), !(stryMutAct_9fa48("1395") ? cs.features.some(f => typeof f === 'string' && CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column)) : (stryCov_9fa48("1395"), cs.features.every(stryMutAct_9fa48("1396") ? () => undefined : (stryCov_9fa48("1396"), f => stryMutAct_9fa48("1399") ? typeof f === 'string' || CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column) : stryMutAct_9fa48("1398") ? false : stryMutAct_9fa48("1397") ? true : (stryCov_9fa48("1397", "1398", "1399"), (stryMutAct_9fa48("1401") ? typeof f !== 'string' : stryMutAct_9fa48("1400") ? true : (stryCov_9fa48("1400", "1401"), typeof f === (stryMutAct_9fa48("1402") ? "" : (stryCov_9fa48("1402"), 'string')))) && CORRECTED_WEEKLY_COLUMNS.includes(parseFeature(f).column)))))))))) fail(where, stryMutAct_9fa48("1403") ? "" : (stryCov_9fa48("1403"), 'coldStart.features must be a list of corrected-preset columns'));
        const p = (cs.features as unknown[]).length;
        const sc = cs.scaler;
        if (stryMutAct_9fa48("1406") ? (!isRecord(sc) || !isNumberArray(sc.mean, p) || !isNumberArray(sc.scale, p) || !(sc.scale as unknown[]).every(v => finite(v) && v as number > 0)) && !(sc.mean as unknown[]).every(finite) : stryMutAct_9fa48("1405") ? false : stryMutAct_9fa48("1404") ? true : (stryCov_9fa48("1404", "1405", "1406"), (stryMutAct_9fa48("1408") ? (!isRecord(sc) || !isNumberArray(sc.mean, p) || !isNumberArray(sc.scale, p)) && !(sc.scale as unknown[]).every(v => finite(v) && v as number > 0) : stryMutAct_9fa48("1407") ? false : (stryCov_9fa48("1407", "1408"), (stryMutAct_9fa48("1410") ? (!isRecord(sc) || !isNumberArray(sc.mean, p)) && !isNumberArray(sc.scale, p) : stryMutAct_9fa48("1409") ? false : (stryCov_9fa48("1409", "1410"), (stryMutAct_9fa48("1412") ? !isRecord(sc) && !isNumberArray(sc.mean, p) : stryMutAct_9fa48("1411") ? false : (stryCov_9fa48("1411", "1412"), (stryMutAct_9fa48("1413") ? isRecord(sc) : (stryCov_9fa48("1413"), !isRecord(sc))) || (stryMutAct_9fa48("1414") ? isNumberArray(sc.mean, p) : (stryCov_9fa48("1414"), !isNumberArray(sc.mean, p))))) || (stryMutAct_9fa48("1415") ? isNumberArray(sc.scale, p) : (stryCov_9fa48("1415"), !isNumberArray(sc.scale, p))))) || (stryMutAct_9fa48("1416") ? (sc.scale as unknown[]).every(v => finite(v) && v as number > 0) : (stryCov_9fa48("1416"), !(stryMutAct_9fa48("1417") ? (sc.scale as unknown[]).some(v => finite(v) && v as number > 0) : (stryCov_9fa48("1417"), (sc.scale as unknown[]).every(stryMutAct_9fa48("1418") ? () => undefined : (stryCov_9fa48("1418"), v => stryMutAct_9fa48("1421") ? finite(v) || v as number > 0 : stryMutAct_9fa48("1420") ? false : stryMutAct_9fa48("1419") ? true : (stryCov_9fa48("1419", "1420", "1421"), finite(v) && (stryMutAct_9fa48("1424") ? (v as number) <= 0 : stryMutAct_9fa48("1423") ? v as number >= 0 : stryMutAct_9fa48("1422") ? true : (stryCov_9fa48("1422", "1423", "1424"), v as number > 0))))))))))) || (stryMutAct_9fa48("1425") ? (sc.mean as unknown[]).every(finite) : (stryCov_9fa48("1425"), !(stryMutAct_9fa48("1426") ? (sc.mean as unknown[]).some(finite) : (stryCov_9fa48("1426"), (sc.mean as unknown[]).every(finite))))))) fail(where, stryMutAct_9fa48("1427") ? `` : (stryCov_9fa48("1427"), `coldStart.scaler must hold ${p} finite means and positive scales`));
        for (const t of TARGETS) {
          if (stryMutAct_9fa48("1428")) {
            {}
          } else {
            stryCov_9fa48("1428");
            const h = isRecord(cs.models) ? (cs.models as Record<string, unknown>)[t] : undefined;
            if (stryMutAct_9fa48("1431") ? (!isRecord(h) || !Array.isArray(h.coef) || h.coef.length !== p || !h.coef.every(finite) || !finite(h.intercept) || !finite(h.factor)) && !(h.factor as number > 0) : stryMutAct_9fa48("1430") ? false : stryMutAct_9fa48("1429") ? true : (stryCov_9fa48("1429", "1430", "1431"), (stryMutAct_9fa48("1433") ? (!isRecord(h) || !Array.isArray(h.coef) || h.coef.length !== p || !h.coef.every(finite) || !finite(h.intercept)) && !finite(h.factor) : stryMutAct_9fa48("1432") ? false : (stryCov_9fa48("1432", "1433"), (stryMutAct_9fa48("1435") ? (!isRecord(h) || !Array.isArray(h.coef) || h.coef.length !== p || !h.coef.every(finite)) && !finite(h.intercept) : stryMutAct_9fa48("1434") ? false : (stryCov_9fa48("1434", "1435"), (stryMutAct_9fa48("1437") ? (!isRecord(h) || !Array.isArray(h.coef) || h.coef.length !== p) && !h.coef.every(finite) : stryMutAct_9fa48("1436") ? false : (stryCov_9fa48("1436", "1437"), (stryMutAct_9fa48("1439") ? (!isRecord(h) || !Array.isArray(h.coef)) && h.coef.length !== p : stryMutAct_9fa48("1438") ? false : (stryCov_9fa48("1438", "1439"), (stryMutAct_9fa48("1441") ? !isRecord(h) && !Array.isArray(h.coef) : stryMutAct_9fa48("1440") ? false : (stryCov_9fa48("1440", "1441"), (stryMutAct_9fa48("1442") ? isRecord(h) : (stryCov_9fa48("1442"), !isRecord(h))) || (stryMutAct_9fa48("1443") ? Array.isArray(h.coef) : (stryCov_9fa48("1443"), !Array.isArray(h.coef))))) || (stryMutAct_9fa48("1445") ? h.coef.length === p : stryMutAct_9fa48("1444") ? false : (stryCov_9fa48("1444", "1445"), h.coef.length !== p)))) || (stryMutAct_9fa48("1446") ? h.coef.every(finite) : (stryCov_9fa48("1446"), !(stryMutAct_9fa48("1447") ? h.coef.some(finite) : (stryCov_9fa48("1447"), h.coef.every(finite))))))) || (stryMutAct_9fa48("1448") ? finite(h.intercept) : (stryCov_9fa48("1448"), !finite(h.intercept))))) || (stryMutAct_9fa48("1449") ? finite(h.factor) : (stryCov_9fa48("1449"), !finite(h.factor))))) || (stryMutAct_9fa48("1450") ? h.factor as number > 0 : (stryCov_9fa48("1450"), !(stryMutAct_9fa48("1454") ? (h.factor as number) <= 0 : stryMutAct_9fa48("1453") ? h.factor as number >= 0 : stryMutAct_9fa48("1452") ? false : stryMutAct_9fa48("1451") ? true : (stryCov_9fa48("1451", "1452", "1453", "1454"), h.factor as number > 0)))))) fail(where, stryMutAct_9fa48("1455") ? `` : (stryCov_9fa48("1455"), `coldStart.models.${t} must be a log-linear head of ${p} coefficients`));
          }
        }
        if (stryMutAct_9fa48("1458") ? cs.intervals !== null || cs.intervals !== undefined : stryMutAct_9fa48("1457") ? false : stryMutAct_9fa48("1456") ? true : (stryCov_9fa48("1456", "1457", "1458"), (stryMutAct_9fa48("1460") ? cs.intervals === null : stryMutAct_9fa48("1459") ? true : (stryCov_9fa48("1459", "1460"), cs.intervals !== null)) && (stryMutAct_9fa48("1462") ? cs.intervals === undefined : stryMutAct_9fa48("1461") ? true : (stryCov_9fa48("1461", "1462"), cs.intervals !== undefined)))) {
          if (stryMutAct_9fa48("1463")) {
            {}
          } else {
            stryCov_9fa48("1463");
            for (const t of TARGETS) checkQuantiles(isRecord(cs.intervals) ? cs.intervals[t] : undefined, where, stryMutAct_9fa48("1464") ? `` : (stryCov_9fa48("1464"), `coldStart.intervals.${t}`));
          }
        }
      }
    }
    const iv = m.intervals;
    if (stryMutAct_9fa48("1467") ? iv !== undefined || iv !== null : stryMutAct_9fa48("1466") ? false : stryMutAct_9fa48("1465") ? true : (stryCov_9fa48("1465", "1466", "1467"), (stryMutAct_9fa48("1469") ? iv === undefined : stryMutAct_9fa48("1468") ? true : (stryCov_9fa48("1468", "1469"), iv !== undefined)) && (stryMutAct_9fa48("1471") ? iv === null : stryMutAct_9fa48("1470") ? true : (stryCov_9fa48("1470", "1471"), iv !== null)))) {
      if (stryMutAct_9fa48("1472")) {
        {}
      } else {
        stryCov_9fa48("1472");
        if (stryMutAct_9fa48("1475") ? (!isRecord(iv) || !isRecord(iv.horizons) || typeof iv.floor !== 'number') && !(iv.floor > 0) : stryMutAct_9fa48("1474") ? false : stryMutAct_9fa48("1473") ? true : (stryCov_9fa48("1473", "1474", "1475"), (stryMutAct_9fa48("1477") ? (!isRecord(iv) || !isRecord(iv.horizons)) && typeof iv.floor !== 'number' : stryMutAct_9fa48("1476") ? false : (stryCov_9fa48("1476", "1477"), (stryMutAct_9fa48("1479") ? !isRecord(iv) && !isRecord(iv.horizons) : stryMutAct_9fa48("1478") ? false : (stryCov_9fa48("1478", "1479"), (stryMutAct_9fa48("1480") ? isRecord(iv) : (stryCov_9fa48("1480"), !isRecord(iv))) || (stryMutAct_9fa48("1481") ? isRecord(iv.horizons) : (stryCov_9fa48("1481"), !isRecord(iv.horizons))))) || (stryMutAct_9fa48("1483") ? typeof iv.floor === 'number' : stryMutAct_9fa48("1482") ? false : (stryCov_9fa48("1482", "1483"), typeof iv.floor !== (stryMutAct_9fa48("1484") ? "" : (stryCov_9fa48("1484"), 'number')))))) || (stryMutAct_9fa48("1485") ? iv.floor > 0 : (stryCov_9fa48("1485"), !(stryMutAct_9fa48("1489") ? iv.floor <= 0 : stryMutAct_9fa48("1488") ? iv.floor >= 0 : stryMutAct_9fa48("1487") ? false : stryMutAct_9fa48("1486") ? true : (stryCov_9fa48("1486", "1487", "1488", "1489"), iv.floor > 0)))))) fail(where, stryMutAct_9fa48("1490") ? "" : (stryCov_9fa48("1490"), 'intervals must be a calibration object (or null)'));
        for (const t of TARGETS) checkQuantiles((iv.horizons as Record<string, unknown>)[t], where, stryMutAct_9fa48("1491") ? `` : (stryCov_9fa48("1491"), `intervals.horizons.${t}`));
      }
    }
  }
}

/**
 * Checks that an object is a usable model and returns it typed.
 * @param where names the source in messages (a file path, say).
 * @throws {ModelError} saying what is missing, malformed or mismatched.
 */
export function validateModel(value: unknown, where = stryMutAct_9fa48("1492") ? "" : (stryCov_9fa48("1492"), 'model')): EngagementModel {
  if (stryMutAct_9fa48("1493")) {
    {}
  } else {
    stryCov_9fa48("1493");
    if (stryMutAct_9fa48("1496") ? (value === null || typeof value !== 'object') && Array.isArray(value) : stryMutAct_9fa48("1495") ? false : stryMutAct_9fa48("1494") ? true : (stryCov_9fa48("1494", "1495", "1496"), (stryMutAct_9fa48("1498") ? value === null && typeof value !== 'object' : stryMutAct_9fa48("1497") ? false : (stryCov_9fa48("1497", "1498"), (stryMutAct_9fa48("1500") ? value !== null : stryMutAct_9fa48("1499") ? false : (stryCov_9fa48("1499", "1500"), value === null)) || (stryMutAct_9fa48("1502") ? typeof value === 'object' : stryMutAct_9fa48("1501") ? false : (stryCov_9fa48("1501", "1502"), typeof value !== (stryMutAct_9fa48("1503") ? "" : (stryCov_9fa48("1503"), 'object')))))) || Array.isArray(value))) fail(where, stryMutAct_9fa48("1504") ? "" : (stryCov_9fa48("1504"), 'not a model: expected a JSON object'));
    const m = value as Record<string, unknown>;
    if (stryMutAct_9fa48("1507") ? false : stryMutAct_9fa48("1506") ? true : stryMutAct_9fa48("1505") ? 'formatVersion' in m : (stryCov_9fa48("1505", "1506", "1507"), !((stryMutAct_9fa48("1508") ? "" : (stryCov_9fa48("1508"), 'formatVersion')) in m))) fail(where, stryMutAct_9fa48("1509") ? `` : (stryCov_9fa48("1509"), `not an ${LIBRARY_NAME} model file (no formatVersion)`));
    if (stryMutAct_9fa48("1512") ? m.formatVersion !== FORMAT_VERSION || m.formatVersion !== FORMAT_VERSION_2 : stryMutAct_9fa48("1511") ? false : stryMutAct_9fa48("1510") ? true : (stryCov_9fa48("1510", "1511", "1512"), (stryMutAct_9fa48("1514") ? m.formatVersion === FORMAT_VERSION : stryMutAct_9fa48("1513") ? true : (stryCov_9fa48("1513", "1514"), m.formatVersion !== FORMAT_VERSION)) && (stryMutAct_9fa48("1516") ? m.formatVersion === FORMAT_VERSION_2 : stryMutAct_9fa48("1515") ? true : (stryCov_9fa48("1515", "1516"), m.formatVersion !== FORMAT_VERSION_2)))) {
      if (stryMutAct_9fa48("1517")) {
        {}
      } else {
        stryCov_9fa48("1517");
        fail(where, stryMutAct_9fa48("1518") ? `` : (stryCov_9fa48("1518"), `model format version ${JSON.stringify(m.formatVersion)} is not supported; this version of ${LIBRARY_NAME} (${VERSION}) reads formats ${FORMAT_VERSION} and ${FORMAT_VERSION_2}`));
      }
    }
    if (stryMutAct_9fa48("1521") ? m.preset !== 'notebook' || m.preset !== 'corrected' : stryMutAct_9fa48("1520") ? false : stryMutAct_9fa48("1519") ? true : (stryCov_9fa48("1519", "1520", "1521"), (stryMutAct_9fa48("1523") ? m.preset === 'notebook' : stryMutAct_9fa48("1522") ? true : (stryCov_9fa48("1522", "1523"), m.preset !== (stryMutAct_9fa48("1524") ? "" : (stryCov_9fa48("1524"), 'notebook')))) && (stryMutAct_9fa48("1526") ? m.preset === 'corrected' : stryMutAct_9fa48("1525") ? true : (stryCov_9fa48("1525", "1526"), m.preset !== (stryMutAct_9fa48("1527") ? "" : (stryCov_9fa48("1527"), 'corrected')))))) fail(where, stryMutAct_9fa48("1528") ? `` : (stryCov_9fa48("1528"), `unknown preset ${JSON.stringify(m.preset)}`));
    if (stryMutAct_9fa48("1531") ? m.formatVersion !== FORMAT_VERSION_2 : stryMutAct_9fa48("1530") ? false : stryMutAct_9fa48("1529") ? true : (stryCov_9fa48("1529", "1530", "1531"), m.formatVersion === FORMAT_VERSION_2)) {
      if (stryMutAct_9fa48("1532")) {
        {}
      } else {
        stryCov_9fa48("1532");
        checkDesign(m, where);
      }
    } else if (stryMutAct_9fa48("1535") ? m.preset === 'notebook' : stryMutAct_9fa48("1534") ? false : stryMutAct_9fa48("1533") ? true : (stryCov_9fa48("1533", "1534", "1535"), m.preset !== (stryMutAct_9fa48("1536") ? "" : (stryCov_9fa48("1536"), 'notebook')))) {
      if (stryMutAct_9fa48("1537")) {
        {}
      } else {
        stryCov_9fa48("1537");
        fail(where, stryMutAct_9fa48("1538") ? `` : (stryCov_9fa48("1538"), `format 1 models are notebook-preset least squares; a '${String(m.preset)}' model is written as format 2`));
      }
    } else if (stryMutAct_9fa48("1541") ? (!Array.isArray(m.features) || m.features.length !== FEATURES.length) && !FEATURES.every((f, j) => (m.features as unknown[])[j] === f) : stryMutAct_9fa48("1540") ? false : stryMutAct_9fa48("1539") ? true : (stryCov_9fa48("1539", "1540", "1541"), (stryMutAct_9fa48("1543") ? !Array.isArray(m.features) && m.features.length !== FEATURES.length : stryMutAct_9fa48("1542") ? false : (stryCov_9fa48("1542", "1543"), (stryMutAct_9fa48("1544") ? Array.isArray(m.features) : (stryCov_9fa48("1544"), !Array.isArray(m.features))) || (stryMutAct_9fa48("1546") ? m.features.length === FEATURES.length : stryMutAct_9fa48("1545") ? false : (stryCov_9fa48("1545", "1546"), m.features.length !== FEATURES.length)))) || (stryMutAct_9fa48("1547") ? FEATURES.every((f, j) => (m.features as unknown[])[j] === f) : (stryCov_9fa48("1547"), !(stryMutAct_9fa48("1548") ? FEATURES.some((f, j) => (m.features as unknown[])[j] === f) : (stryCov_9fa48("1548"), FEATURES.every(stryMutAct_9fa48("1549") ? () => undefined : (stryCov_9fa48("1549"), (f, j) => stryMutAct_9fa48("1552") ? (m.features as unknown[])[j] !== f : stryMutAct_9fa48("1551") ? false : stryMutAct_9fa48("1550") ? true : (stryCov_9fa48("1550", "1551", "1552"), (m.features as unknown[])[j] === f))))))))) {
      if (stryMutAct_9fa48("1553")) {
        {}
      } else {
        stryCov_9fa48("1553");
        fail(where, stryMutAct_9fa48("1554") ? `` : (stryCov_9fa48("1554"), `features must be the ${FEATURES.length} model features in order (${FEATURES.join(stryMutAct_9fa48("1555") ? "" : (stryCov_9fa48("1555"), ', '))})`));
      }
    }
    checkHeads(m as unknown as EngagementModel, where);
    const library = m.library;
    if (stryMutAct_9fa48("1558") ? (!isRecord(library) || library.name !== LIBRARY_NAME) && typeof library.version !== 'string' : stryMutAct_9fa48("1557") ? false : stryMutAct_9fa48("1556") ? true : (stryCov_9fa48("1556", "1557", "1558"), (stryMutAct_9fa48("1560") ? !isRecord(library) && library.name !== LIBRARY_NAME : stryMutAct_9fa48("1559") ? false : (stryCov_9fa48("1559", "1560"), (stryMutAct_9fa48("1561") ? isRecord(library) : (stryCov_9fa48("1561"), !isRecord(library))) || (stryMutAct_9fa48("1563") ? library.name === LIBRARY_NAME : stryMutAct_9fa48("1562") ? false : (stryCov_9fa48("1562", "1563"), library.name !== LIBRARY_NAME)))) || (stryMutAct_9fa48("1565") ? typeof library.version === 'string' : stryMutAct_9fa48("1564") ? false : (stryCov_9fa48("1564", "1565"), typeof library.version !== (stryMutAct_9fa48("1566") ? "" : (stryCov_9fa48("1566"), 'string')))))) fail(where, stryMutAct_9fa48("1567") ? `` : (stryCov_9fa48("1567"), `library must name ${LIBRARY_NAME} and its version`));
    let metrics: Record<TargetName, Metrics> | null = null;
    if (stryMutAct_9fa48("1570") ? m.metrics !== undefined || m.metrics !== null : stryMutAct_9fa48("1569") ? false : stryMutAct_9fa48("1568") ? true : (stryCov_9fa48("1568", "1569", "1570"), (stryMutAct_9fa48("1572") ? m.metrics === undefined : stryMutAct_9fa48("1571") ? true : (stryCov_9fa48("1571", "1572"), m.metrics !== undefined)) && (stryMutAct_9fa48("1574") ? m.metrics === null : stryMutAct_9fa48("1573") ? true : (stryCov_9fa48("1573", "1574"), m.metrics !== null)))) {
      if (stryMutAct_9fa48("1575")) {
        {}
      } else {
        stryCov_9fa48("1575");
        const source = m.metrics;
        if (stryMutAct_9fa48("1578") ? false : stryMutAct_9fa48("1577") ? true : stryMutAct_9fa48("1576") ? isRecord(source) : (stryCov_9fa48("1576", "1577", "1578"), !isRecord(source))) fail(where, stryMutAct_9fa48("1579") ? "" : (stryCov_9fa48("1579"), 'metrics must be an object per target, or null'));
        metrics = Object.fromEntries(TARGETS.map(t => [t, numberRecord(source[t], METRIC_KEYS, where, `metrics.${t}`)])) as unknown as Record<TargetName, Metrics>;
      }
    }
    const baseline = (stryMutAct_9fa48("1582") ? m.baseline === undefined && m.baseline === null : stryMutAct_9fa48("1581") ? false : stryMutAct_9fa48("1580") ? true : (stryCov_9fa48("1580", "1581", "1582"), (stryMutAct_9fa48("1584") ? m.baseline !== undefined : stryMutAct_9fa48("1583") ? false : (stryCov_9fa48("1583", "1584"), m.baseline === undefined)) || (stryMutAct_9fa48("1586") ? m.baseline !== null : stryMutAct_9fa48("1585") ? false : (stryCov_9fa48("1585", "1586"), m.baseline === null)))) ? null : numberRecord(m.baseline, BASELINE_KEYS, where, 'baseline') as unknown as BaselineMetrics;
    let training: TrainingInfo | null = null;
    if (stryMutAct_9fa48("1589") ? m.training !== undefined || m.training !== null : stryMutAct_9fa48("1588") ? false : stryMutAct_9fa48("1587") ? true : (stryCov_9fa48("1587", "1588", "1589"), (stryMutAct_9fa48("1591") ? m.training === undefined : stryMutAct_9fa48("1590") ? true : (stryCov_9fa48("1590", "1591"), m.training !== undefined)) && (stryMutAct_9fa48("1593") ? m.training === null : stryMutAct_9fa48("1592") ? true : (stryCov_9fa48("1592", "1593"), m.training !== null)))) {
      if (stryMutAct_9fa48("1594")) {
        {}
      } else {
        stryCov_9fa48("1594");
        const t = m.training;
        if (stryMutAct_9fa48("1597") ? false : stryMutAct_9fa48("1596") ? true : stryMutAct_9fa48("1595") ? isRecord(t) : (stryCov_9fa48("1595", "1596", "1597"), !isRecord(t))) fail(where, stryMutAct_9fa48("1598") ? "" : (stryCov_9fa48("1598"), 'training must be an object, or null'));
        for (const key of ['cutoff', 'from', 'to'] as const) {
          if (stryMutAct_9fa48("1599")) {
            {}
          } else {
            stryCov_9fa48("1599");
            if (stryMutAct_9fa48("1602") ? typeof t[key] !== 'string' && Number.isNaN(parseDay(t[key] as string)) : stryMutAct_9fa48("1601") ? false : stryMutAct_9fa48("1600") ? true : (stryCov_9fa48("1600", "1601", "1602"), (stryMutAct_9fa48("1604") ? typeof t[key] === 'string' : stryMutAct_9fa48("1603") ? false : (stryCov_9fa48("1603", "1604"), typeof t[key] !== (stryMutAct_9fa48("1605") ? "" : (stryCov_9fa48("1605"), 'string')))) || Number.isNaN(parseDay(t[key] as string)))) fail(where, stryMutAct_9fa48("1606") ? `` : (stryCov_9fa48("1606"), `training.${key} must be a date written YYYY-MM-DD`));
          }
        }
        const rows = (stryMutAct_9fa48("1609") ? m.formatVersion !== FORMAT_VERSION_2 : stryMutAct_9fa48("1608") ? false : stryMutAct_9fa48("1607") ? true : (stryCov_9fa48("1607", "1608", "1609"), m.formatVersion === FORMAT_VERSION_2)) ? correctedRows(t.rows, where) : numberRecord(t.rows, ROW_COUNT_KEYS, where, 'training.rows') as unknown as RowCounts;
        training = stryMutAct_9fa48("1610") ? {} : (stryCov_9fa48("1610"), {
          cutoff: t.cutoff as string,
          from: t.from as string,
          to: t.to as string,
          rows
        });
      }
    }
    if (stryMutAct_9fa48("1613") ? typeof m.description === 'string' : stryMutAct_9fa48("1612") ? false : stryMutAct_9fa48("1611") ? true : (stryCov_9fa48("1611", "1612", "1613"), typeof m.description !== (stryMutAct_9fa48("1614") ? "" : (stryCov_9fa48("1614"), 'string')))) fail(where, stryMutAct_9fa48("1615") ? "" : (stryCov_9fa48("1615"), 'description must be a string'));
    return withTargetAliases({
      ...m,
      metrics,
      baseline,
      training
    } as unknown as EngagementModel);
  }
}

/**
 * Adds read-only, non-enumerable aliases `model.engagement_future_7d` …
 * for `model.models[target]`, so a head can be read either way; they are not
 * written to model files.
 */
export function withTargetAliases(model: EngagementModel): EngagementModel {
  if (stryMutAct_9fa48("1616")) {
    {}
  } else {
    stryCov_9fa48("1616");
    for (const target of TARGETS) {
      if (stryMutAct_9fa48("1617")) {
        {}
      } else {
        stryCov_9fa48("1617");
        if (stryMutAct_9fa48("1619") ? false : stryMutAct_9fa48("1618") ? true : (stryCov_9fa48("1618", "1619"), Object.prototype.hasOwnProperty.call(model, target))) continue;
        Object.defineProperty(model, target, stryMutAct_9fa48("1620") ? {} : (stryCov_9fa48("1620"), {
          get: stryMutAct_9fa48("1621") ? () => undefined : (stryCov_9fa48("1621"), () => model.models[target]),
          enumerable: stryMutAct_9fa48("1622") ? true : (stryCov_9fa48("1622"), false),
          configurable: stryMutAct_9fa48("1623") ? false : (stryCov_9fa48("1623"), true)
        }));
      }
    }
    return model;
  }
}

/**
 * Writes a model to a JSON file: to a temporary file first, renamed into
 * place once complete, so a failed write leaves no partial model behind.
 * @example await saveModel(trained.model, 'model.json');
 */
export async function saveModel(model: EngagementModel, path: string): Promise<void> {
  if (stryMutAct_9fa48("1624")) {
    {}
  } else {
    stryCov_9fa48("1624");
    validateModel(model, stryMutAct_9fa48("1625") ? "" : (stryCov_9fa48("1625"), 'saveModel'));
    await writeText(path, stryMutAct_9fa48("1626") ? [] : (stryCov_9fa48("1626"), [stryMutAct_9fa48("1627") ? `` : (stryCov_9fa48("1627"), `${JSON.stringify(model, null, 1)}\n`)]));
  }
}

/**
 * Reads and checks a model file.
 * @example const model = await loadModel('model.json');
 * @throws {ModelError} when the file is missing, not JSON, truncated, or not a model this version reads.
 */
export async function loadModel(path: string): Promise<EngagementModel> {
  if (stryMutAct_9fa48("1628")) {
    {}
  } else {
    stryCov_9fa48("1628");
    let text: string;
    try {
      if (stryMutAct_9fa48("1629")) {
        {}
      } else {
        stryCov_9fa48("1629");
        text = await readFile(path, stryMutAct_9fa48("1630") ? "" : (stryCov_9fa48("1630"), 'utf8'));
      }
    } catch (error) {
      if (stryMutAct_9fa48("1631")) {
        {}
      } else {
        stryCov_9fa48("1631");
        throw new ModelError(stryMutAct_9fa48("1632") ? `` : (stryCov_9fa48("1632"), `${path}: cannot read the model file (${stryMutAct_9fa48("1633") ? (error as NodeJS.ErrnoException).code && (error as Error).message : (stryCov_9fa48("1633"), (error as NodeJS.ErrnoException).code ?? (error as Error).message)})`));
      }
    }
    let value: unknown;
    try {
      if (stryMutAct_9fa48("1634")) {
        {}
      } else {
        stryCov_9fa48("1634");
        value = JSON.parse(text);
      }
    } catch (error) {
      if (stryMutAct_9fa48("1635")) {
        {}
      } else {
        stryCov_9fa48("1635");
        throw new ModelError(stryMutAct_9fa48("1636") ? `` : (stryCov_9fa48("1636"), `${path}: not valid JSON, the file may be truncated or corrupted (${(error as Error).message})`));
      }
    }
    return validateModel(value, path);
  }
}