import { ModelError } from '../../errors.js';
import type { BackTransform, FittedHead } from '../estimators.js';
import type { MlpHead, MlpOptions } from '../mlp.js';
import type { NormalSums } from '../estimators.js';

/*
 * What a model kind is: one object with everything the library does with a
 * kind — check its settings, name the design it reads, fit a head per
 * horizon, apply a head, and check a stored head. Training, model files,
 * prediction and backtests ask the registry (`registry.ts`) for the kind's
 * object and never branch on its name.
 */

/** The model kinds built into the library (docs/models.md). */
export type BuiltinModelKind = 'linear' | 'log-linear' | 'ridge' | 'mlp' | 'naive' | 'window-average';

/**
 * A model kind's name: a built-in one, or one added with `registerModelKind`.
 * (`string & {}` keeps the built-in names offered by editors.)
 */
export type ModelKind = BuiltinModelKind | (string & {});

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

/** The head of a linear kind (`linear`, `ridge`). */
export interface LinearKindHead {
  coef: number[];
  intercept: number;
}

/** The head of the `log-linear` kind: a linear head on log1p of the target, and its back-transform factor. */
export interface LogLinearKindHead extends LinearKindHead {
  factor: number;
}

/** The head of the `naive` and `window-average` kinds: nothing is fitted, the forecast is the one feature read. */
export type FeatureKindHead = Record<string, never>;

/**
 * One horizon's fitted state in a format-2 model, by kind: a linear head
 * (`linear`, `ridge`), one with a back-transform factor (`log-linear`), a
 * network (`mlp`), or nothing (`naive`, `window-average`).
 */
export type CorrectedHead = LinearKindHead | LogLinearKindHead | MlpHead | FeatureKindHead;

/** The design a kind reads: its feature names in order, and whether they are standardized before its head sees them. */
export interface KindDesign {
  features: string[];
  standardized: boolean;
}

/** What a kind's `fit` is given: the design's columns (standardized when the design says so), one horizon's targets, and the positions to fit on. */
export interface FitInput {
  /** Per feature, per candidate position. */
  x: readonly Float64Array[];
  /** Per candidate position: the horizon's target (NaN where it has none). */
  target: Float64Array;
  /** Positions fitted on. */
  rows: Int32Array;
  /** A seed for kinds with random starts (1–4 per horizon; 101–104 for the calibration fits). */
  seed: number;
}

/**
 * @internal A kind whose fit is solved from normal sums (`NormalSums`): training then
 * fits its calibration head on the early rows and its final head on early +
 * later rows from one pass over each, instead of two fits.
 */
export interface SumsFit<H> {
  /** The target transform of the sums (log1p for a log-scale kind). */
  transform?: (y: number) => number;
  /** The head from the sums over `rows` (`x`, `target` for what the sums do not hold, such as a back-transform factor). */
  solve(sums: NormalSums, spec: ModelSpec, x: readonly Float64Array[], target: Float64Array, rows: Int32Array): H;
}

/**
 * The scale a head is fitted on: `log`, log1p of the target, mapped back by e^p · factor − 1 (`log-linear`,
 * the cold-start heads); `raw`, the target itself, the forecast p (`ridge`, `linear`, the baselines).
 */
export type HeadScale = 'log' | 'raw';

/**
 * @internal How `trainInEngine` fits a kind from the normal sums an engine computes: on a scale with a ridge
 * `lambda` (a log-scale head with its back-transform; `maxCondition`: refused past that condition number of the
 * design, where the normal equations would lose the digits a QR keeps), or a `given` head (nothing fitted).
 */
export type EngineFit =
  | { scale: HeadScale; lambda: number; correction?: BackTransform; maxCondition?: number }
  | { scale: 'raw'; given: { coef: ArrayLike<number>; intercept: number } };

/** Reports a malformed stored head: throws a `ModelError` naming the source and what is wrong. */
export type Fail = (what: string) => never;

/**
 * A model kind: one object holds everything the library does with it. Add one
 * with `registerModelKind` (docs/models.md, "adding a kind").
 */
export interface ModelKindDefinition<H extends object = CorrectedHead> {
  /** The name, as in `{ kind }` and in model files' `estimator.kind`. */
  readonly name: ModelKind;
  /** Whether it predicts on the log1p scale, mapped back by a factor (so it takes `correction`). */
  readonly logScale?: boolean;
  /**
   * Checks the kind's own settings of a `model` option (`spec`, as given) and
   * copies them, with their defaults, into `out` (which holds `kind` and
   * `features` already).
   * @throws {@link ArgumentTypeError} or {@link ArgumentRangeError} naming the setting.
   */
  checkSettings?(spec: Readonly<Record<string, unknown>>, out: ModelSpec, where: string): void;
  /** The features it reads. */
  design(spec: ModelSpec): KindDesign;
  /** A stored model's design that the kind cannot read (a message), or null. */
  checkDesign?(features: readonly string[]): string | null;
  /** Fits one horizon's head. */
  fit(spec: ModelSpec, input: FitInput): H;
  /** @internal Solves from normal sums instead, when the kind can (see `SumsFit`). */
  readonly sums?: SumsFit<H>;
  /** @internal How `trainInEngine` fits it where the rows are (`EngineFit`); absent: `trainModels` only. */
  engineFit?(spec: ModelSpec): EngineFit;
  /** One forecast, before clipping at 0, from a head and a feature row (standardized when the design is). */
  apply(head: H, x: ArrayLike<number>): number;
  /** Checks a stored head of `p` features (`target` names it in messages); calls `fail` when it cannot be applied. */
  checkHead(head: Readonly<Record<string, unknown>>, p: number, target: string, fail: Fail): void;
  /** The kind with its settings in a model's description (default: the kind's name). */
  description?(spec: ModelSpec): string;
  /** The model's name in backtest tables, when the kind's settings make it (default: the kind's name, with its feature set and back-transform when not the defaults). */
  tableName?(spec: ModelSpec): string;
}

/** A finite number. */
export function finite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A `Fail` that throws `ModelError`s naming `where`. */
export function failIn(where: string): Fail {
  return (what) => {
    throw new ModelError(`${where}: ${what}`);
  };
}

/** The check of a stored linear head: `p` finite coefficients and a finite intercept. */
export function checkLinearHead(head: Readonly<Record<string, unknown>>, p: number, target: string, fail: Fail): void {
  const coef = head.coef;
  if (!Array.isArray(coef) || coef.length !== p || !coef.every(finite)) fail(`${target}.coef must be ${p} finite numbers`);
  if (!finite(head.intercept)) fail(`${target}.intercept must be a finite number`);
}

/** The check of a stored back-transform factor: finite and positive. */
export function checkFactor(head: Readonly<Record<string, unknown>>, target: string, fail: Fail): void {
  if (!(finite(head.factor) && head.factor > 0)) fail(`${target}.factor must be a finite positive number`);
}

export type { FittedHead };
