import type { WindowColumnsQuery } from '../engines/common.js';
import { doubleSql, expm1Sql, log1pSql, type SqlDialect } from '../features/sql-week.js';
import { HORIZONS, TARGETS } from '../schema.js';
import { imputationOf, parseFeature } from './design.js';
import { LOG_JITTER, NormalSums, type BackTransform } from './estimators.js';
import { GRID, INTERVAL_SCALE } from './intervals.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { EngineFit, HeadScale } from './kinds/kind.js';
import type { ScalerState } from './scaler.js';
import { SUMMABLE, unsummableError } from './summable.js';

/*
 * What a `corrected` training of least-squares heads (on the log or the raw
 * scale) or of a baseline needs of every row, computed where the rows are: the design (imputed,
 * log-transformed and standardized as `designColumns`, `StandardScaler` and
 * `trainCorrected` make it) over the window columns the engine computes
 * (features/sql-week.ts); per horizon the normal sums of the rows fitted
 * before the calibration windows and of those after (`NormalSums`); then,
 * with the heads solved here, their back-transform factors (weighted
 * medians, or Duan's smearing), the calibration scores' quantiles and the test metrics. Only
 * sums, quantiles and counts come back: p × p numbers per horizon, whatever
 * the rows. The rows are those of the model (a posting history) or of the
 * cold-start heads (none yet).
 */

/** Which candidate rows a design's queries read: those with a posting history (the model's), or those without (the cold-start heads'). */
export type RowSet = 'history' | 'cold';

/** The training's days: the cutoff, and the calibration windows' start (the rows before it fit the calibration heads). */
export interface TrainingDays {
  cutoff: number;
  calibrationCut: number;
}

/** The 28-day horizon: a row's furthest target lies this many days after its Sunday. */
const LAST = HORIZONS[HORIZONS.length - 1]!;

/** A design feature over the window columns' relation: the column, else its fallbacks, else its default; log1p(max(0, ·)) for `log1p(·)`. */
function featureSql(d: SqlDialect, feature: string): string {
  const { column, log } = parseFeature(feature);
  const { fallbacks, value } = imputationOf(column);
  const imputed = `coalesce(${[column, ...fallbacks].join(', ')}, ${doubleSql(d, value)})`;
  return log ? log1pSql(`greatest(${doubleSql(d, 0)}, ${imputed})`) : imputed;
}

/** The target of horizon `hz.h` (a CROSS JOIN of the horizons' numbers 1 … 4), of `t1` … `t4`. */
const TARGET = `CASE ${HORIZONS.map((_, h) => `WHEN hz.h = ${h + 1} THEN t${h + 1}`).join(' ')} END`;
/** The horizons' numbers as rows, to CROSS JOIN. */
const HORIZON_ROWS = `(VALUES ${HORIZONS.map((_, h) => `(${h + 1})`).join(', ')}) AS hz(h)`;

/**
 * The design rows' CTEs over the window columns' query: `ef_x`, every week, its features `x0` … (imputed and
 * log-transformed as `designColumns` makes them) and its targets `t1` … `t4` (the engagement per post 1 … 4 weeks
 * later, where that week has posts); `ef_rows`, the weeks of `set` with a target at some horizon.
 */
function designRowsSql(d: SqlDialect, windowColumns: string, features: readonly string[], set: RowSet, extra: readonly string[] = []): string {
  // The window columns are read where each part needs them, not copied first (a CTE read twice is otherwise materialized).
  return `WITH ef_window AS NOT MATERIALIZED (${windowColumns}), ef_x AS (
    SELECT sunday, post_run, ${features.map((f, j) => `${featureSql(d, f)} AS x${j}`).join(', ')},${extra.map((e) => ` ${e},`).join('')}
           ${HORIZONS.map((_, h) => `target_${h + 1} AS t${h + 1}`).join(', ')}
    FROM ef_window
  ), ef_rows AS (
    SELECT * FROM ef_x WHERE post_run ${set === 'history' ? '>' : '='} 0 AND (${HORIZONS.map((_, h) => `t${h + 1} IS NOT NULL`).join(' OR ')})
  )`;
}

/**
 * The query of the scaler and the normal sums over the window columns' query, and its width: one row per part (0:
 * before the calibration windows, 1: after) and set of horizons with a target (`targets`, bit h − 1 for horizon h),
 * with the sums of the features, their cross-products, and per horizon the target's and its products with the
 * features; the scaler's numbers on each.
 */
export function normalSumsQuery(
  d: SqlDialect,
  windowColumns: string,
  features: readonly string[],
  set: RowSet,
  days: TrainingDays,
  scale: HeadScale,
): { sql: string; width: number } {
  const js = features.map((_, j) => j);
  const eps = doubleSql(d, Number.EPSILON);
  const pairs = js.flatMap((j) => js.filter((q) => q >= j).map((q) => [j, q] as const));
  const hs = HORIZONS.map((_, h) => h + 1);
  // Grouped by which horizons have a target (a bit each), not once per horizon: the sums over the features, the
  // costly part, are computed once per row; Node adds a horizon's groups (normalSumsInEngine).
  const sums = [
    'count(*)',
    ...js.map((j) => `sum(z${j})`),
    ...pairs.map(([j, q]) => `sum(z${j} * z${q})`),
    ...hs.map((h) => `sum(y${h})`),
    ...hs.flatMap((h) => js.map((j) => `sum(z${j} * y${h})`)),
  ];
  const scaler = ['n', ...js.flatMap((j) => [`m${j}`, `v${j}`, `s${j}`])];
  // The scaler as `StandardScaler.fitColumns` fits it on the train rows: the mean, the population variance with
  // scikit-learn's correction term, and scale 1 for a near-constant feature.
  // With the train rows' means, in the same scan, the rows on or before the cutoff with a value past ±2^53 (the
  // model's rows only: `trainModels` checks those).
  const train = `sunday + ${LAST} <= ${days.cutoff}`;
  const unsummable = set === 'history' ? `count(*) FILTER (WHERE ${unsummableSql(d, features)})` : '0';
  const sql = `${designRowsSql(d, windowColumns, features, set)}, ef_mean AS (
    SELECT count(*) FILTER (WHERE ${train}) AS n, ${js.map((j) => `sum(x${j}) FILTER (WHERE ${train}) / count(*) FILTER (WHERE ${train}) AS m${j}`).join(', ')},
           ${unsummable} AS u
    FROM ef_rows WHERE sunday <= ${days.cutoff}
  ), ef_spread AS (
    SELECT ${js.map((j) => `sum((x${j} - m${j}) * (x${j} - m${j})) AS q${j}, sum(x${j} - m${j}) AS c${j}`).join(', ')}
    FROM ef_rows, ef_mean WHERE sunday + ${LAST} <= ${days.cutoff}
  ), ef_variance AS (
    SELECT n, u, ${js.map((j) => `m${j}, (q${j} - (c${j} * c${j}) / n) / n AS v${j}`).join(', ')} FROM ef_mean, ef_spread
  ), ef_scaler AS (
    SELECT *, ${js.map((j) => `CASE WHEN v${j} <= n * ${eps} * v${j} + (n * m${j} * ${eps}) * (n * m${j} * ${eps}) THEN ${doubleSql(d, 1)} ELSE sqrt(v${j}) END AS s${j}`).join(', ')}
    FROM ef_variance
  ), ef_parts AS (
    SELECT CASE WHEN sunday + ${LAST} <= ${days.calibrationCut} THEN 0 WHEN sunday + ${LAST} <= ${days.cutoff} THEN 1 END AS part,
           ${hs.map((h) => `CASE WHEN t${h} IS NULL THEN 0 ELSE ${2 ** (h - 1)} END`).join(' + ')} AS targets,
           ${hs.map((h) => `${scale === 'log' ? log1pSql(`t${h}`) : `t${h}`} AS y${h}`).join(', ')}, ${js.map((j) => `(x${j} - m${j}) / s${j} AS z${j}`).join(', ')}
    FROM ef_rows CROSS JOIN ef_scaler
  ), ef_sums AS (
    SELECT part, targets, ${sums.map((s, k) => `CAST(${s} AS ${d.double}) AS a${k}`).join(', ')}
    FROM ef_parts WHERE part IS NOT NULL GROUP BY part, targets
  )
  SELECT CAST(part AS ${d.double}), CAST(targets AS ${d.double}), ${sums.map((_, k) => `a${k}`).join(', ')}, ${[...scaler, 'u'].map((c) => `CAST(${c} AS ${d.double})`).join(', ')}
  FROM ef_sums CROSS JOIN ef_scaler ORDER BY part, targets`;
  return { sql, width: 2 + sums.length + scaler.length + 1 };
}

/** The design's values a training sums, in `trainModels`'s order: the features, then the targets. */
const summedColumns = (features: readonly string[]): string[] => [...features.map((_, j) => `x${j}`), ...HORIZONS.map((_, h) => `t${h + 1}`)];

/** Whether a value is past ±2^53 (not NaN, which is missing; both engines take NaN as larger than any number). */
const pastSummable = (d: SqlDialect, c: string): string => `(abs(${c}) > ${doubleSql(d, SUMMABLE)} AND ${c} <> CAST('NaN' AS ${d.double}))`;

/** Whether a design row has a value past ±2^53. */
function unsummableSql(d: SqlDialect, features: readonly string[]): string {
  return summedColumns(features)
    .map((c) => pastSummable(d, c))
    .join(' OR ');
}

/**
 * The first of the model's rows on or before the cutoff with a value past ±2^53, in `trainModels`'s order (by
 * profile, then Sunday; the features, then the targets): its profile's number, Sunday, column (its index in that
 * order) and value.
 */
function unsummableQuery(d: SqlDialect, windowColumns: string, features: readonly string[], cutoff: number): { sql: string; width: number } {
  const columns = summedColumns(features);
  const sql = `${designRowsSql(d, windowColumns, features, 'history', ['id'])}
  SELECT CAST(id AS ${d.double}), CAST(sunday AS ${d.double}),
         CAST(CASE ${columns.map((c, k) => `WHEN ${pastSummable(d, c)} THEN ${k}`).join(' ')} END AS ${d.double}),
         CAST(CASE ${columns.map((c) => `WHEN ${pastSummable(d, c)} THEN ${c}`).join(' ')} END AS ${d.double})
  FROM ef_rows WHERE sunday <= ${cutoff} AND (${unsummableSql(d, features)}) ORDER BY id, sunday LIMIT 1`;
  return { sql, width: 4 };
}

/** The scaler and the normal sums of a design over a source's rows (`normalSumsQuery`). */
export interface EngineNormalSums {
  /** The scaler fitted on the train rows (every row whose 28-day target lies on or before the cutoff); null without any. */
  scaler: ScalerState | null;
  /** Per horizon: the sums of the rows whose 28-day target lies on or before the calibration windows' start. */
  early: NormalSums[];
  /** Per horizon: the sums of the train rows after those. */
  later: NormalSums[];
  /** The model's rows (`history`) on or before the cutoff with a value past ±2^53. */
  unsummable: number;
}

/** @internal The scaler and the normal sums of a design over the rows of `set`, on the heads' scale, by `query` where they are. */
export async function normalSumsInEngine(
  query: WindowColumnsQuery,
  features: readonly string[],
  set: RowSet,
  days: TrainingDays,
  scale: HeadScale,
): Promise<EngineNormalSums> {
  const columns = await query((d, windowColumns) => normalSumsQuery(d, windowColumns, features, set, days, scale));
  const p = features.length;
  const early = HORIZONS.map(() => new NormalSums(p));
  const later = HORIZONS.map(() => new NormalSums(p));
  let scaler: ScalerState | null = null;
  let unsummable = 0;
  // One row per part and set of horizons with a target: each horizon's sums add the rows that have its target.
  for (let r = 0; r < (columns[0]?.length ?? 0); r++) {
    let c = 0;
    const next = () => columns[c++]![r]!;
    const part = next() === 0 ? early : later;
    const targets = next();
    const n = next();
    const sx = Array.from({ length: p }, next);
    const sxx = Array.from({ length: (p * (p + 1)) / 2 }, next);
    const sy = HORIZONS.map(next);
    const sxy = HORIZONS.map(() => Array.from({ length: p }, next));
    HORIZONS.forEach((_, h) => {
      if ((targets & (1 << h)) === 0) return;
      const sums = part[h]!;
      sums.n += n;
      sums.sy += sy[h]!;
      let k = 0;
      for (let j = 0; j < p; j++) {
        sums.sx[j]! += sx[j]!;
        sums.sxy[j]! += sxy[h]![j]!;
        for (let q = j; q < p; q++) sums.sxx[j * p + q]! += sxx[k++]!;
      }
    });
    const seen = next();
    scaler = { features: [...features], mean: [], var: [], scale: [], nSamplesSeen: [] };
    for (let j = 0; j < p; j++) {
      scaler.mean.push(next());
      scaler.var.push(next());
      scaler.scale.push(next());
      scaler.nSamplesSeen.push(seen);
    }
    unsummable = next();
  }
  return { scaler, early, later, unsummable };
}

/** A least-squares head: coefficients in feature order, and the intercept. */
export interface LinearHead {
  coef: ArrayLike<number>;
  intercept: number;
}

/**
 * How a calibration row is scored: `profile-scale`, the main model's (|actual − forecast| / max(floor, the
 * profile's imputed 13-week average: the design's feature `scaleAt` mapped back, or with `scaleAt` −1 the window
 * column imputed as a feature)); `forecast-scale`, the cold-start
 * heads' (|actual − forecast| / max(floor, forecast)). Forecasts are clipped at 0.
 */
export type ScoreScale = { kind: 'profile-scale'; scaleAt: number; floor: number } | { kind: 'forecast-scale'; floor: number };

/** Buckets per unit of the log ratio, for the weighted medians (`headsQuery`). */
const MEDIAN_BUCKETS = 64;

/**
 * The query of the heads' back-transform factors, calibration scores and test metrics over the window columns'
 * query, and its width: per horizon (`h`, from 1) the factor of the final head (on the log scale, over the train
 * rows, `backTransformFactor`'s: by `correction`, the weighted median of e^(y − p) with weights e^p, or their
 * mean; 1 on the raw scale), that of the calibration head
 * (over the rows fitted before the calibration windows), the final head's test rows, MAE, MSE and R² (forecasts
 * clipped at 0: `regressionMetrics`), the calibration scores' count and their quantiles at k / GRID
 * (`scoreQuantiles`), then the rows' counts (`CorrectedRowCounts`): weekly rows, rows without this horizon's
 * target, rows of the cold-start heads, rows in the gap before the cutoff, and the first and last Sundays of the
 * candidate rows.
 */
export function headsQuery(
  d: SqlDialect,
  windowColumns: string,
  features: readonly string[],
  set: RowSet,
  scaler: ScalerState,
  heads: { final: readonly LinearHead[]; calibration: readonly LinearHead[] },
  days: TrainingDays,
  score: ScoreScale,
  scale: HeadScale,
  correction: BackTransform = 'absolute',
): { sql: string; width: number } {
  const nan = `CAST('NaN' AS ${d.double})`;
  // p = intercept + Σ coef · z, added in the JS order (`logHeadFromSums`): SQL adds a + b + c as (a + b) + c.
  const fitted = (head: (h: number) => LinearHead) =>
    `CASE ${HORIZONS.map((_, h) => `WHEN hz.h = ${h + 1} THEN ${[doubleSql(d, head(h).intercept), ...features.map((_, j) => `${doubleSql(d, head(h).coef[j]!)} * z${j}`)].join(' + ')}`).join(' ')} END`;
  // The weighted median: the smallest ratio whose rows, with every smaller or equal one, carry half the weight.
  // Without sorting every row: the weights summed by bucket of the log ratio (1/64 wide) find the bucket where half
  // the weight is reached, and only the rows of that bucket and of the next one with rows (where rounding may put
  // the half instead) are sorted, after the weight of the buckets below.
  const median = (p: string, rows: string) => `WITH ef_r AS (
      SELECT h, exp(y - ${p}) AS ratio, exp(${p}) AS w, CAST(floor((y - ${p}) * ${MEDIAN_BUCKETS}) AS BIGINT) AS b FROM ef_fitted WHERE ${rows}
    ), ef_b AS (
      SELECT h, b, w, sum(w) OVER (PARTITION BY h ORDER BY b ROWS UNBOUNDED PRECEDING) AS upto, sum(w) OVER (PARTITION BY h) AS total,
             lead(b) OVER (PARTITION BY h ORDER BY b) AS next
      FROM (SELECT h, b, sum(w) AS w FROM ef_r GROUP BY h, b) AS g
    ), ef_cut AS (
      SELECT h, b, next, upto - w AS below, total FROM (SELECT *, row_number() OVER (PARTITION BY h ORDER BY b) AS k FROM ef_b WHERE upto >= total / 2) AS c WHERE k = 1
    )
    SELECT h, min(ratio) AS factor FROM (
      SELECT r.h, r.ratio, c.below + sum(r.w) OVER (PARTITION BY r.h ORDER BY r.ratio RANGE UNBOUNDED PRECEDING) AS cum, c.total
      FROM ef_r AS r JOIN ef_cut AS c ON c.h = r.h WHERE r.b >= c.b AND r.b <= coalesce(c.next, c.b)
    ) AS m WHERE cum >= total / 2 GROUP BY h`;
  // Duan's smearing (aim 'mean'): the mean of e^(y − p).
  const smearing = (p: string, rows: string) => `SELECT h, sum(exp(y - ${p})) / count(*) AS factor FROM ef_fitted WHERE ${rows} GROUP BY h`;
  const factorOf = (p: string, rows: string) => (correction === 'smearing' ? smearing(p, rows) : median(p, rows));
  const horizonDays = `CASE ${HORIZONS.map((days, h) => `WHEN hz.h = ${h + 1} THEN ${days}`).join(' ')} END`;
  // A forecast from a fitted value and its factor: mapped back from the log scale, or as it is; clipped at 0.
  const mapped = (p: string, factor: string) => `greatest(${doubleSql(d, 0)}, ${scale === 'log' ? `exp(${p}) * ${factor} - 1` : p})`;
  const noFactor = `SELECT h, ${doubleSql(d, 1)} AS factor FROM ${HORIZON_ROWS}`;
  const forecast = mapped('p_calibration', 'c.factor');
  // The profile scale from the design's feature (mapped back from log1p where it is one), else imputed apart.
  const scaleAt = score.kind === 'profile-scale' ? score.scaleAt : -1;
  const profileScale = score.kind === 'profile-scale' ? (scaleAt >= 0 && parseFeature(features[scaleAt]!).log ? expm1Sql('scale_x') : 'scale_x') : forecast;
  const extra = score.kind === 'profile-scale' && scaleAt < 0 ? [`${featureSql(d, INTERVAL_SCALE)} AS x_scale`] : [];
  const levels = Array.from({ length: GRID + 1 }, (_, k) => k / GRID);
  const quantiles =
    d.name === 'duckdb'
      ? `quantile_cont(score, [${levels.map((q) => doubleSql(d, q)).join(', ')}])`
      : `percentile_cont(ARRAY[${levels.map((q) => doubleSql(d, q)).join(', ')}]) WITHIN GROUP (ORDER BY score)`;
  // The rows' counts in one scan of the window columns (ef_weekly_counts): they need no features.
  const sql = `${designRowsSql(d, windowColumns, features, set, extra)}, ef_fitted AS (
    SELECT hz.h, sunday, ${horizonDays} AS horizon_days, scale_x, ${TARGET} AS t, ${scale === 'log' ? log1pSql(TARGET) : TARGET} AS y,
           ${fitted((h) => heads.final[h]!)} AS p_final, ${fitted((h) => heads.calibration[h]!)} AS p_calibration
    FROM (SELECT sunday, ${score.kind === 'profile-scale' ? (scaleAt >= 0 ? `x${scaleAt}` : 'x_scale') : nan} AS scale_x,
                 ${features.map((_, j) => `(x${j} - ${doubleSql(d, scaler.mean[j]!)}) / ${doubleSql(d, scaler.scale[j]!)} AS z${j}`).join(', ')},
                 ${HORIZONS.map((_, h) => `t${h + 1}`).join(', ')} FROM ef_rows) AS z
    CROSS JOIN ${HORIZON_ROWS}
  ), ef_factor AS (${scale === 'log' ? factorOf('p_final', `y IS NOT NULL AND sunday + ${LAST} <= ${days.cutoff}`) : noFactor}
  ), ef_calibration_factor AS (${scale === 'log' ? factorOf('p_calibration', `y IS NOT NULL AND sunday + ${LAST} <= ${days.calibrationCut}`) : noFactor}
  ), ef_test AS (
    SELECT f.h, t, ${mapped('p_final', 'factor')} AS predicted FROM ef_fitted AS f JOIN ef_factor USING (h) WHERE t IS NOT NULL AND sunday > ${days.cutoff}
  ), ef_metrics AS (
    SELECT h, count(*) AS n, sum(abs(t - predicted)) AS absolute, sum((t - predicted) * (t - predicted)) AS squared, sum(t) / count(*) AS mean FROM ef_test GROUP BY h
  ), ef_total AS (
    SELECT h, sum((t - mean) * (t - mean)) AS total FROM ef_test JOIN ef_metrics USING (h) GROUP BY h
  ), ef_scores AS (
    SELECT f.h, abs(t - ${forecast}) / greatest(${doubleSql(d, score.floor)}, ${profileScale}) AS score
    FROM ef_fitted AS f JOIN ef_calibration_factor AS c USING (h) WHERE t IS NOT NULL AND sunday > ${days.calibrationCut} AND sunday + horizon_days <= ${days.cutoff}
  ), ef_quantiles AS (
    SELECT h, count(*) AS n, ${quantiles} AS q FROM ef_scores GROUP BY h
  ), ef_weekly_counts AS (
    SELECT count(*) AS weekly, ${HORIZONS.map((_, h) => `count(*) FILTER (WHERE target_${h + 1} IS NULL) AS no_target_${h + 1}`).join(', ')},
           count(*) FILTER (WHERE post_run = 0 AND (${HORIZONS.map((_, h) => `target_${h + 1} IS NOT NULL`).join(' OR ')})) AS cold
    FROM ef_window
  ), ef_counts AS (
    SELECT hz.h, weekly, CASE ${HORIZONS.map((_, h) => `WHEN hz.h = ${h + 1} THEN no_target_${h + 1}`).join(' ')} END AS no_target
    FROM ef_weekly_counts CROSS JOIN ${HORIZON_ROWS}
  ), ef_spans AS (
    SELECT (SELECT cold FROM ef_weekly_counts) AS cold,
           count(*) FILTER (WHERE sunday <= ${days.cutoff} AND sunday + ${LAST} > ${days.cutoff}) AS gap, min(sunday) AS first, max(sunday) AS last
    FROM ef_rows
  )
  SELECT ${[
    'n.h',
    'f.factor',
    'c.factor',
    'coalesce(m.n, 0)',
    'm.absolute / m.n',
    'm.squared / m.n',
    `CASE WHEN m.n < 2 THEN ${nan} WHEN t.total = 0 THEN CASE WHEN m.squared = 0 THEN 1 ELSE 0 END ELSE 1 - m.squared / t.total END`,
    'coalesce(q.n, 0)',
    ...levels.map((_, k) => `q.q[${k + 1}]`),
    'n.weekly',
    'n.no_target',
    's.cold',
    's.gap',
    's.first',
    's.last',
  ]
    .map((c) => `coalesce(CAST(${c} AS ${d.double}), ${nan})`)
    .join(', ')}
  FROM ef_counts AS n CROSS JOIN ef_spans AS s LEFT JOIN ef_factor AS f ON f.h = n.h LEFT JOIN ef_calibration_factor AS c ON c.h = n.h
    LEFT JOIN ef_metrics AS m ON m.h = n.h LEFT JOIN ef_total AS t ON t.h = n.h LEFT JOIN ef_quantiles AS q ON q.h = n.h ORDER BY n.h`;
  return { sql, width: 8 + levels.length + 6 };
}

/** The design's condition number past `EngineFit.maxCondition`: its normal equations would lose the digits a QR keeps. */
export class ConditionError extends Error {
  constructor(
    readonly condition: number,
    readonly limit: number,
  ) {
    super(`the design's condition number is ${condition.toPrecision(3)}`);
  }
}

/**
 * The condition number of the centered design whose sums `s` holds: the square root of the ratio of the extreme
 * eigenvalues of its centered cross-products (Infinity when singular).
 */
export function centeredCondition(s: NormalSums): number {
  const { p, n } = s;
  const a = new Matrix(p, p);
  for (let j = 0; j < p; j++) for (let q = 0; q < p; q++) a.set(j, q, s.sxx[Math.min(j, q) * p + Math.max(j, q)]! - (s.sx[j]! * s.sx[q]!) / n);
  const values = new EigenvalueDecomposition(a, { assumeSymmetric: true }).realEigenvalues;
  const largest = Math.max(...values);
  const smallest = Math.min(...values);
  return smallest > 0 ? Math.sqrt(largest / smallest) : Number.POSITIVE_INFINITY;
}

/** A fitted head: coefficients, intercept and back-transform factor (1 for a `raw`-scale head, which has none). */
export interface LogHead {
  coef: number[];
  intercept: number;
  factor: number;
}

/** What `headsInEngine` returns: the heads of a design over the rows of a set, fitted where the rows are. */
export interface EngineHeads {
  /** The scaler of the design, fitted on the train rows; null when there are none. */
  scaler: ScalerState | null;
  /** Per horizon: the rows fitted before the calibration windows, and those after (the train rows are both). */
  early: number[];
  later: number[];
  /** Per horizon: the final head (fitted on every train row) with its back-transform factor; null without train rows. */
  heads: (LogHead | null)[];
  /** Per horizon: the head fitted on the rows before the calibration windows, with its factor; null without any. */
  calibrationHeads: (LogHead | null)[];
  /** Per horizon: the final head's metrics on the rows after the cutoff, and their count. */
  metrics: { n: number; MAE: number; MSE: number; RMSE: number; R2: number }[];
  /** Per horizon: the calibration scores' count and quantiles (levels k / GRID), scored by the calibration head. */
  scores: { n: number; quantiles: number[] }[];
  /** The rows' counts: weekly rows, per horizon those without a target, the cold-start heads' rows, the gap rows. */
  counts: { weekly: number; noTarget: number[]; cold: number; gap: number; first: number; last: number };
}

/**
 * @internal The heads of a design over the rows of `set`, by `query` where they are (coefficients, intercepts and
 * back-transform factors, for the model and for its interval calibration), with their calibration scores and test
 * metrics, computed where the rows are, in two passes: the normal sums (`normalSumsInEngine`), solved here, then the
 * factors, scores and metrics over the same rows (`headsQuery`).
 */
export async function headsInEngine(
  query: WindowColumnsQuery,
  features: readonly string[],
  set: RowSet,
  days: TrainingDays,
  score: ScoreScale,
  fit: EngineFit = { scale: 'log', lambda: LOG_JITTER },
): Promise<EngineHeads> {
  const sums = await normalSumsInEngine(query, features, set, days, fit.scale);
  // A value past 2^53 is refused as `trainModels` refuses it, naming the first such row, once every horizon has
  // train rows (without, `trainInEngine` says so first, as `trainModels` does).
  if (sums.unsummable > 0 && HORIZONS.every((_, h) => sums.early[h]!.n + sums.later[h]!.n > 0)) {
    const [number, sunday, column, value] = (await query((d, windowColumns) => unsummableQuery(d, windowColumns, features, days.cutoff))).map((c) => c[0]!);
    throw unsummableError(await query.profileName(number!), sunday!, [...features, ...TARGETS][column!]!, value!);
  }
  const solved = (s: NormalSums) => {
    if (s.n <= 0) return null;
    if ('given' in fit) return fit.given;
    if (fit.maxCondition !== undefined) {
      const condition = centeredCondition(s);
      if (!(condition <= fit.maxCondition)) throw new ConditionError(condition, fit.maxCondition);
    }
    return s.solve(fit.lambda);
  };
  const final = HORIZONS.map((_, h) => solved(sums.early[h]!.plus(sums.later[h]!)));
  const calibration = HORIZONS.map((_, h) => solved(sums.early[h]!));
  const none = { coef: features.map(() => 0), intercept: 0 };
  // A given head reads the features as they are: the scaler, still fitted for the model file, is not applied.
  const applied =
    sums.scaler && 'given' in fit ? { ...sums.scaler, mean: features.map(() => 0), var: features.map(() => 1), scale: features.map(() => 1) } : sums.scaler;
  const columns = applied
    ? await query((d, windowColumns) =>
        headsQuery(
          d,
          windowColumns,
          features,
          set,
          applied,
          { final: final.map((f) => f ?? none), calibration: calibration.map((f) => f ?? none) },
          days,
          score,
          fit.scale,
          'correction' in fit ? fit.correction : undefined,
        ),
      )
    : [];
  const at = (c: number, h: number) => columns[c]?.[h] ?? Number.NaN;
  const head = (solution: { coef: ArrayLike<number>; intercept: number } | null, factor: number): LogHead | null =>
    solution ? { coef: Array.from(solution.coef), intercept: solution.intercept, factor } : null;
  const q = 8;
  const tail = q + GRID + 1;
  return {
    scaler: sums.scaler,
    early: sums.early.map((s) => s.n),
    later: sums.later.map((s) => s.n),
    heads: final.map((fit, h) => head(fit, at(1, h))),
    calibrationHeads: calibration.map((fit, h) => head(fit, at(2, h))),
    metrics: HORIZONS.map((_, h) => ({ n: at(3, h), MAE: at(4, h), MSE: at(5, h), RMSE: Math.sqrt(at(5, h)), R2: at(6, h) })),
    scores: HORIZONS.map((_, h) => ({ n: at(7, h), quantiles: Array.from({ length: GRID + 1 }, (_, k) => at(q + k, h)) })),
    counts: {
      weekly: at(tail, 0),
      noTarget: HORIZONS.map((_, h) => at(tail + 1, h)),
      cold: at(tail + 2, 0),
      gap: at(tail + 3, 0),
      first: at(tail + 4, 0),
      last: at(tail + 5, 0),
    },
  };
}
