import { parseDayStrict } from '../calendar.js';
import { ArgumentRangeError, ArgumentTypeError } from '../errors.js';
import { QUERY_OVER_WINDOW_COLUMNS, type WindowColumnsRequest, type WindowColumnsSource } from '../engines/common.js';
import { log1pSql, type SqlDialect } from '../features/sql-week.js';
import type { WeeklySource } from '../features/source.js';
import type { LoadReport } from '../frame/load-report.js';
import { HORIZONS } from '../schema.js';
import { imputationOf, parseFeature } from './design.js';
import { LOG_JITTER, NormalSums } from './estimators.js';
import { modelKind } from './kinds/registry.js';
import type { ModelSpec } from './kinds/kind.js';
import type { ScalerState } from './scaler.js';
import { DEFAULT_CALIBRATION_WEEKS } from './train-corrected.js';

/*
 * The sums a `corrected` training fits its least-squares heads from,
 * computed where the rows are: the design (imputed, log-transformed and
 * standardized as `designColumns`, `StandardScaler` and `trainCorrected` make
 * it) over the window columns the engine computes (features/sql-week.ts),
 * and per horizon the normal sums of the rows fitted before the calibration
 * windows and of those after, as `NormalSums` keeps them. Only the sums and
 * the scaler come back: p × p numbers per horizon, whatever the rows.
 */

/** What `normalSumsInEngine` returns. */
export interface EngineNormalSums {
  /** The scaler fitted on the train rows (every row whose 28-day target lies on or before the cutoff). */
  scaler: ScalerState;
  /** Per horizon: the sums of the rows whose 28-day target lies on or before the calibration windows' start. */
  early: NormalSums[];
  /** Per horizon: the sums of the train rows after those. */
  later: NormalSums[];
  /** What reading found. */
  report: LoadReport;
}

/** Options of `normalSumsInEngine`. */
export interface NormalSumsOptions {
  /** The training's cutoff, `YYYY-MM-DD`, as `trainModels` takes it. */
  cutoff: string;
  /** A least-squares kind of the corrected preset (`log-linear` by default). */
  model?: ModelSpec;
  /** Calibration weeks before the cutoff (`DEFAULT_CALIBRATION_WEEKS`). */
  calibrationWeeks?: number;
}

/** The shortest text of a double that reads back as the same double, as SQL of the dialect's double type. */
const double = (d: SqlDialect, x: number): string => `CAST(${String(x)} AS ${d.double})`;

/** A design feature over the window columns' relation: the column, else its fallbacks, else its default; log1p(max(0, ·)) for `log1p(·)`. */
function featureSql(d: SqlDialect, feature: string): string {
  const { column, log } = parseFeature(feature);
  const { fallbacks, value } = imputationOf(column);
  const imputed = `coalesce(${[column, ...fallbacks].join(', ')}, ${double(d, value)})`;
  return log ? log1pSql(`greatest(${double(d, 0)}, ${imputed})`) : imputed;
}

/**
 * The design rows' CTEs over the window columns' query (`ef_rows`): every week with a target at some horizon
 * (`t1` … `t4`: the engagement per post 1 … 4 weeks later, where that week has posts) and a posting history, its
 * features `x0` … imputed and log-transformed as `designColumns` makes them, and its Sunday.
 */
function designRowsSql(d: SqlDialect, windowColumns: string, features: readonly string[]): string {
  return `WITH ef_window AS (${windowColumns}), ef_x AS (
    SELECT sunday, post_run, ${features.map((f, j) => `${featureSql(d, f)} AS x${j}`).join(', ')},
           ${HORIZONS.map((_, h) => `lead(CASE WHEN posts > 0 THEN engagement / posts END, ${h + 1}) OVER (PARTITION BY id ORDER BY sunday) AS t${h + 1}`).join(', ')}
    FROM ef_window
  ), ef_rows AS (
    SELECT * FROM ef_x WHERE post_run > 0 AND (${HORIZONS.map((_, h) => `t${h + 1} IS NOT NULL`).join(' OR ')})
  )`;
}

/**
 * The query of the scaler and the normal sums (`normalSumsInEngine`) over the window columns' query, and its width:
 * one row per horizon and part (0: before the calibration windows, 1: after), with the scaler's numbers on each.
 */
export function normalSumsQuery(
  d: SqlDialect,
  windowColumns: string,
  features: readonly string[],
  transform: 'log1p' | null,
  days: { cutoff: number; calibrationCut: number },
): { sql: string; width: number } {
  const js = features.map((_, j) => j);
  const last = HORIZONS[HORIZONS.length - 1]!;
  const eps = double(d, Number.EPSILON);
  const target = `CASE ${HORIZONS.map((_, h) => `WHEN hz.h = ${h + 1} THEN t${h + 1}`).join(' ')} END`;
  const pairs = js.flatMap((j) => js.filter((q) => q >= j).map((q) => [j, q] as const));
  const sums = ['count(*)', 'sum(y)', ...js.map((j) => `sum(z${j})`), ...pairs.map(([j, q]) => `sum(z${j} * z${q})`), ...js.map((j) => `sum(z${j} * y)`)];
  const scaler = ['n', ...js.flatMap((j) => [`m${j}`, `v${j}`, `s${j}`])];
  const sql = `${designRowsSql(d, windowColumns, features)}, ef_mean AS (
    SELECT count(*) AS n, ${js.map((j) => `sum(x${j}) / count(*) AS m${j}`).join(', ')} FROM ef_rows WHERE sunday + ${last} <= ${days.cutoff}
  ), ef_spread AS (
    SELECT ${js.map((j) => `sum((x${j} - m${j}) * (x${j} - m${j})) AS q${j}, sum(x${j} - m${j}) AS c${j}`).join(', ')}
    FROM ef_rows, ef_mean WHERE sunday + ${last} <= ${days.cutoff}
  ), ef_variance AS (
    SELECT n, ${js.map((j) => `m${j}, (q${j} - (c${j} * c${j}) / n) / n AS v${j}`).join(', ')} FROM ef_mean, ef_spread
  ), ef_scaler AS (
    SELECT *, ${js.map((j) => `CASE WHEN v${j} <= n * ${eps} * v${j} + (n * m${j} * ${eps}) * (n * m${j} * ${eps}) THEN ${double(d, 1)} ELSE sqrt(v${j}) END AS s${j}`).join(', ')}
    FROM ef_variance
  ), ef_parts AS (
    SELECT hz.h, CASE WHEN sunday + ${last} <= ${days.calibrationCut} THEN 0 WHEN sunday + ${last} <= ${days.cutoff} THEN 1 END AS part,
           ${transform === 'log1p' ? log1pSql(target) : target} AS y, ${js.map((j) => `(x${j} - m${j}) / s${j} AS z${j}`).join(', ')}
    FROM ef_rows CROSS JOIN ef_scaler CROSS JOIN (VALUES ${HORIZONS.map((_, h) => `(${h + 1})`).join(', ')}) AS hz(h)
  ), ef_sums AS (
    SELECT h, part, ${sums.map((s, k) => `CAST(${s} AS ${d.double}) AS a${k}`).join(', ')}
    FROM ef_parts WHERE y IS NOT NULL AND part IS NOT NULL GROUP BY h, part
  )
  SELECT CAST(h AS ${d.double}), CAST(part AS ${d.double}), ${sums.map((_, k) => `a${k}`).join(', ')}, ${scaler.map((c) => `CAST(${c} AS ${d.double})`).join(', ')}
  FROM ef_sums CROSS JOIN ef_scaler ORDER BY h, part`;
  return { sql, width: 2 + sums.length + scaler.length };
}

/** The cutoff and the calibration windows' start (the rows before it fit the calibration heads), as day numbers. */
function daysOf(options: NormalSumsOptions): { cutoff: number; calibrationCut: number } {
  const cutoff = parseDayStrict(options.cutoff, 'trainInEngine: cutoff');
  const calibrationWeeks = options.calibrationWeeks ?? DEFAULT_CALIBRATION_WEEKS;
  return { cutoff, calibrationCut: cutoff - HORIZONS[HORIZONS.length - 1]! - 7 * calibrationWeeks };
}

/**
 * @internal The scaler and the normal sums of a `corrected` least-squares training (the default `log-linear`),
 * computed where the rows of `source` are (DuckDB, PostgreSQL): what `trainModels` fits its heads from on the same
 * rows, up to the order of the sums. Only p × p numbers per horizon come back.
 */
export async function normalSumsInEngine(source: WeeklySource, options: NormalSumsOptions, request: WindowColumnsRequest): Promise<EngineNormalSums> {
  const run = (source as Partial<WindowColumnsSource>)[QUERY_OVER_WINDOW_COLUMNS];
  if (typeof run !== 'function')
    throw new ArgumentTypeError(`normalSumsInEngine: ${source.name} computes nothing where its rows are (use duckdb() or postgres())`);
  const spec = options.model ?? { kind: 'log-linear' };
  const kind = modelKind(spec.kind);
  if (kind.name !== 'log-linear') throw new ArgumentRangeError(`normalSumsInEngine: the ${kind.name} kind is not computed in an engine yet (log-linear is)`);
  const { features } = kind.design(spec);
  const days = daysOf(options);
  const { columns, report } = await run.call(source, request, (d, windowColumns) => normalSumsQuery(d, windowColumns, features, 'log1p', days));
  const p = features.length;
  const early = HORIZONS.map(() => new NormalSums(p));
  const later = HORIZONS.map(() => new NormalSums(p));
  const rows = columns[0]?.length ?? 0;
  const scaler: ScalerState = { features: [...features], mean: [], var: [], scale: [], nSamplesSeen: [] };
  for (let r = 0; r < rows; r++) {
    const at = (c: number) => columns[c]![r]!;
    const sums = (at(1) === 0 ? early : later)[at(0) - 1]!;
    let c = 2;
    sums.n = at(c++);
    sums.sy = at(c++);
    for (let j = 0; j < p; j++) sums.sx[j] = at(c++);
    for (let j = 0; j < p; j++) for (let q = j; q < p; q++) sums.sxx[j * p + q] = at(c++);
    for (let j = 0; j < p; j++) sums.sxy[j] = at(c++);
    const n = at(c++);
    scaler.mean.length = scaler.var.length = scaler.scale.length = scaler.nSamplesSeen.length = 0;
    for (let j = 0; j < p; j++) {
      scaler.mean.push(at(c++));
      scaler.var.push(at(c++));
      scaler.scale.push(at(c++));
      scaler.nSamplesSeen.push(n);
    }
  }
  return { scaler, early, later, report };
}

/** A least-squares head: coefficients in feature order, and the intercept. */
interface LinearHead {
  coef: ArrayLike<number>;
  intercept: number;
}

/**
 * The query of the log-linear heads' back-transform factors and the test metrics (`headsInEngine`): per horizon
 * (`h`, from 1) the factor of the final head (the weighted median of e^(y − p), weights e^p, over the train rows:
 * `backTransformFactor`'s 'absolute'), that of the calibration head (over the rows fitted before the calibration
 * windows), and the final head's MAE, MSE and R² on the rows after the cutoff, its forecasts clipped at 0
 * (`regressionMetrics`), with their count.
 */
export function headsQuery(
  d: SqlDialect,
  windowColumns: string,
  features: readonly string[],
  scaler: ScalerState,
  heads: { final: readonly LinearHead[]; calibration: readonly LinearHead[] },
  days: { cutoff: number; calibrationCut: number },
): { sql: string; width: number } {
  const last = HORIZONS[HORIZONS.length - 1]!;
  // p = intercept + Σ coef · z, added in the JS order (`logHeadFromSums`): SQL adds a + b + c as (a + b) + c.
  const fitted = (head: (h: number) => LinearHead) =>
    `CASE ${HORIZONS.map((_, h) => `WHEN hz.h = ${h + 1} THEN ${[double(d, head(h).intercept), ...features.map((_, j) => `${double(d, head(h).coef[j]!)} * z${j}`)].join(' + ')}`).join(' ')} END`;
  const target = `CASE ${HORIZONS.map((_, h) => `WHEN hz.h = ${h + 1} THEN t${h + 1}`).join(' ')} END`;
  // The weighted median: the smallest ratio whose rows, with every smaller or equal one, carry half the weight.
  const median = (p: string, rows: string) => `SELECT h, min(ratio) AS factor FROM (
      SELECT h, ratio, sum(w) OVER (PARTITION BY h ORDER BY ratio RANGE UNBOUNDED PRECEDING) AS below, sum(w) OVER (PARTITION BY h) AS total
      FROM (SELECT h, exp(y - ${p}) AS ratio, exp(${p}) AS w FROM ef_fitted WHERE ${rows}) AS r
    ) AS c WHERE below >= total / 2 GROUP BY h`;
  const sql = `${designRowsSql(d, windowColumns, features)}, ef_fitted AS (
    SELECT hz.h, sunday, ${target} AS t, ${log1pSql(target)} AS y, ${fitted((h) => heads.final[h]!)} AS p_final, ${fitted((h) => heads.calibration[h]!)} AS p_calibration
    FROM (SELECT sunday, ${features.map((_, j) => `(x${j} - ${double(d, scaler.mean[j]!)}) / ${double(d, scaler.scale[j]!)} AS z${j}`).join(', ')}, ${HORIZONS.map((_, h) => `t${h + 1}`).join(', ')} FROM ef_rows) AS z
    CROSS JOIN (VALUES ${HORIZONS.map((_, h) => `(${h + 1})`).join(', ')}) AS hz(h)
  ), ef_factor AS (${median('p_final', `y IS NOT NULL AND sunday + ${last} <= ${days.cutoff}`)}
  ), ef_calibration_factor AS (${median('p_calibration', `y IS NOT NULL AND sunday + ${last} <= ${days.calibrationCut}`)}
  ), ef_test AS (
    SELECT f.h, t, greatest(${double(d, 0)}, exp(p_final) * factor - 1) AS predicted FROM ef_fitted AS f JOIN ef_factor USING (h) WHERE t IS NOT NULL AND sunday > ${days.cutoff}
  ), ef_metrics AS (
    SELECT h, count(*) AS n, sum(abs(t - predicted)) AS absolute, sum((t - predicted) * (t - predicted)) AS squared, sum(t) / count(*) AS mean FROM ef_test GROUP BY h
  ), ef_total AS (
    SELECT h, sum((t - mean) * (t - mean)) AS total FROM ef_test JOIN ef_metrics USING (h) GROUP BY h
  )
  SELECT ${[
    'f.h',
    'f.factor',
    'c.factor',
    'coalesce(m.n, 0)',
    'm.absolute / m.n',
    'm.squared / m.n',
    "CASE WHEN m.n < 2 THEN CAST('NaN' AS DOUBLE_TYPE) WHEN t.total = 0 THEN CASE WHEN m.squared = 0 THEN 1 ELSE 0 END ELSE 1 - m.squared / t.total END",
  ]
    .map((c) => `coalesce(CAST(${c.replaceAll('DOUBLE_TYPE', d.double)} AS ${d.double}), CAST('NaN' AS ${d.double}))`)
    .join(', ')}
  FROM ef_factor AS f JOIN ef_calibration_factor AS c USING (h) LEFT JOIN ef_metrics AS m USING (h) LEFT JOIN ef_total AS t USING (h) ORDER BY f.h`;
  return { sql, width: 7 };
}

/** What `headsInEngine` returns: the log-linear heads of a `corrected` training, fitted where the rows are. */
export interface EngineHeads extends EngineNormalSums {
  /** Per horizon: the final head (fitted on every train row) with its back-transform factor. */
  heads: (LinearHead & { factor: number })[];
  /** Per horizon: the head fitted on the rows before the calibration windows, with its factor. */
  calibrationHeads: (LinearHead & { factor: number })[];
  /** Per horizon: the final head's metrics on the rows after the cutoff, and their count. */
  metrics: { n: number; MAE: number; MSE: number; RMSE: number; R2: number }[];
}

/**
 * @internal The log-linear heads of a `corrected` training (coefficients, intercepts, back-transform factors, for the
 * model and for its interval calibration) and its test metrics, computed where the rows of `source` are, in two
 * passes: the normal sums (`normalSumsInEngine`), solved here, then the factors and metrics over the same rows.
 */
export async function headsInEngine(source: WeeklySource, options: NormalSumsOptions, request: WindowColumnsRequest): Promise<EngineHeads> {
  const sums = await normalSumsInEngine(source, options, request);
  const run = (source as WeeklySource & WindowColumnsSource)[QUERY_OVER_WINDOW_COLUMNS];
  const { features } = modelKind(options.model?.kind ?? 'log-linear').design(options.model ?? { kind: 'log-linear' });
  const final = HORIZONS.map((_, h) => sums.early[h]!.plus(sums.later[h]!).solve(LOG_JITTER));
  const calibration = HORIZONS.map((_, h) => sums.early[h]!.solve(LOG_JITTER));
  const days = daysOf(options);
  const { columns } = await run.call(source, request, (d, windowColumns) => headsQuery(d, windowColumns, features, sums.scaler, { final, calibration }, days));
  const at = (c: number, h: number) => columns[c]![h]!;
  return {
    ...sums,
    heads: final.map((head, h) => ({ coef: head.coef, intercept: head.intercept, factor: at(1, h) })),
    calibrationHeads: calibration.map((head, h) => ({ coef: head.coef, intercept: head.intercept, factor: at(2, h) })),
    metrics: HORIZONS.map((_, h) => ({ n: at(3, h), MAE: at(4, h), MSE: at(5, h), RMSE: Math.sqrt(at(5, h)), R2: at(6, h) })),
  };
}
