import { formatDay, parseDayStrict, sundayOnOrBefore } from '../calendar.js';
import { ArgumentRangeError, ArgumentTypeError } from '../errors.js';
import { DailyFrame, lastDayOf } from '../frame/daily-frame.js';
import { WeeklyFrame } from '../frame/weekly-frame.js';
import { dailyFrameSource, resampleWeekly } from '../features/resample.js';
import { historyAt } from '../features/windows.js';
import { correctedEngagementPerPost } from '../features/engagement-per-post.js';
import { targetAt } from '../features/targets.js';
import { checkIntervals, coverageLabel } from '../model/intervals.js';
import type { EngagementModel, ModelKind, ModelSpec } from '../model/model-file.js';
import { findModelKind } from '../model/kinds/registry.js';
import { trainModels } from '../model/train.js';
import { checkModelSpec, DEFAULT_CORRECTED_MODEL } from '../model/train-corrected.js';
import { forecastOf, forecastRows } from '../predict.js';
import { checkLimits, HORIZONS, type Prediction, type ProgressCallback } from '../schema.js';
import { ScoreAccumulator, type ForecastScore } from './score.js';

/** Options of `backtest`. */
export interface BacktestOptions {
  /**
   * Models to compare (`corrected` preset), each a kind or a kind with
   * settings. Default: the preset's default model, `naive`, and window
   * averages over 4 and 13 weeks. The naive model is always added (every
   * relative WAPE is against it).
   */
  models?: (ModelKind | ModelSpec)[];
  /**
   * Also backtest the `notebook` preset's least squares (needs daily input),
   * twice: rebuilt from the daily rows known at each origin (honest), and as
   * the notebook scores itself, with features from a table of all the data
   * (its monthly average sees the weeks it predicts, Q2). The gap between the
   * two is what the leak was worth. Default false.
   */
  notebook?: boolean;
  /** Number of forecast origins. Default 6. */
  origins?: number;
  /** Weeks between origins. Default 4. */
  step?: number;
  /** The last origin (the last Sunday on or before this day). Default: 28 days before the data's last complete week (a weekly table: its last week). */
  last?: string;
  /** Refit every k origins (the model of the latest refit forecasts the origins in between, from what is known at each). Default 1: every origin. */
  refitEvery?: number;
  /** Interval coverages to score. Default [0.8, 0.95]. */
  intervals?: number[];
  /** Calibration weeks of each fit (see `TrainOptions.calibrationWeeks`). Default 8. */
  calibrationWeeks?: number;
  onProgress?: ProgressCallback;
  /**
   * Called with every forecast scored (the rows the table sums): the profile,
   * the origin, the horizon, what happened and each model's forecast, for a
   * yardstick of one's own (the quality scripts score an oracle with it).
   */
  onForecast?: (forecast: ScoredForecast) => void;
}

/** One row of a backtest table: a model at a horizon, over every origin. */
export interface BacktestRow extends ForecastScore {
  /** The model's name: its kind, with settings (`window-average 4w`), or `notebook` for the notebook preset. */
  model: string;
  /** Days ahead. */
  horizon: number;
}

/** What `backtest` returns. */
export interface BacktestResult {
  /** The origins (Sundays), in order. */
  origins: string[];
  /** Per model and horizon. */
  table: BacktestRow[];
  /** Forecasts that had an actual to score (per horizon, summed over origins; the same for every model). */
  scored: Record<string, number>;
  /** Profile-origins without a posting week by the origin: no naive forecast exists, so they are not in `table`. */
  noHistory: number;
  /**
   * Those profiles' forecasts by the first model's cold-start heads, scored
   * on their own per horizon (no relative WAPE: there is no naive forecast);
   * empty when the model has no cold start.
   */
  coldStart: BacktestRow[];
  /** Settings used. */
  settings: { step: number; refitEvery: number; calibrationWeeks: number; intervals: number[] };
}

/** One forecast a backtest scored, as `onForecast` hands it over. */
export interface ScoredForecast {
  profileId: string;
  /** The origin (a Sunday), `YYYY-MM-DD`. */
  origin: string;
  /** Days ahead: 7, 14, 21 or 28 (the week that ends that many days after the origin). */
  horizon: number;
  /** The engagement per post of that week. */
  actual: number;
  /** Each model's forecast of it, by the model's name in the table. */
  forecasts: Record<string, number>;
}

/** A model's name in backtest tables. */
function modelName(spec: ModelSpec): string {
  const named = findModelKind(spec.kind)?.tableName?.(spec);
  if (named !== undefined) return named;
  const settings = [
    spec.features && spec.features !== 'robust' ? spec.features : '',
    spec.correction && spec.correction !== 'absolute' ? spec.correction : '',
  ].filter(Boolean);
  return settings.length ? `${spec.kind} (${settings.join(', ')})` : spec.kind;
}

/**
 * Rolling-origin backtest. At each origin (a Sunday), each model is fitted
 * only on what was known then — weeks whose 28-day target lies on or before
 * the origin, intervals calibrated on the weeks before — and forecasts all
 * four horizons from the origin week for every profile that has posted by
 * then; forecasts are scored against what happened (the engagement per post
 * of the weeks 7, 14, 21 and 28 days later, where they have posts). Every
 * model is scored on the same forecasts, so WAPE relative to naive compares
 * like with like.
 *
 * `corrected` features use only days up to each row's Sunday, so one weekly
 * table serves every origin; the `notebook` preset (option `notebook`) is
 * rebuilt from the daily rows dated on or before each origin, so its
 * leaking features (Q2) see no more than the origin either.
 *
 * @example
 * const { table } = backtest(await loadDaily('data/'), { origins: 6, step: 4 });
 * console.table(table.map((r) => ({ model: r.model, h: r.horizon, WAPE: r.WAPE, rel: r.relativeWAPE })));
 * @throws `RangeError` when the data holds no origin with train rows before it.
 */
export function backtest(source: DailyFrame | WeeklyFrame<'corrected'>, options: BacktestOptions = {}): BacktestResult {
  let daily: DailyFrame | null = null;
  let weekly: WeeklyFrame;
  if (source instanceof DailyFrame) {
    daily = source;
    weekly = resampleWeekly(source, { preset: 'corrected' });
  } else if (source instanceof WeeklyFrame && source.preset === 'corrected') {
    weekly = source;
  } else {
    throw new ArgumentTypeError('backtest: source must be a DailyFrame or a corrected-preset WeeklyFrame');
  }
  if (options.notebook && !daily)
    throw new ArgumentTypeError('backtest: the notebook preset is backtested from daily rows (its features must be rebuilt as of each origin)');
  const count = positiveInteger(options.origins ?? 6, 'origins');
  const step = positiveInteger(options.step ?? 4, 'step');
  const refitEvery = positiveInteger(options.refitEvery ?? 1, 'refitEvery');
  const calibrationWeeks = options.calibrationWeeks ?? 8;
  const coverages = checkIntervals(options.intervals ?? [0.8, 0.95], 'backtest');
  const labels = coverages.map(coverageLabel);
  const specs: ModelSpec[] = (
    options.models ?? [DEFAULT_CORRECTED_MODEL, 'naive', { kind: 'window-average', weeks: 4 }, { kind: 'window-average', weeks: 13 }]
  ).map((m) => checkModelSpec(m, 'backtest'));
  if (!specs.some((s) => s.kind === 'naive')) specs.push({ kind: 'naive' });

  const date = weekly.column('date');
  let maxSunday = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < date.length; i++) if (date[i]! > maxSunday) maxSunday = date[i]!;
  // The last complete week of the data (daily input) or the table's last week; its 28-day target week is the last one scored.
  const lastWeek = daily ? sundayOnOrBefore(lastDayOf(daily)) : maxSunday;
  const lastOrigin = options.last === undefined ? lastWeek - 28 : sundayOnOrBefore(parseDayStrict(options.last, 'backtest: last'));
  const origins = Array.from({ length: count }, (_, k) => lastOrigin - 7 * step * (count - 1 - k));

  // The forecasts scored: per origin, the rows of profiles that have posted by then.
  const names = [...specs.map(modelName), ...(options.notebook ? [NOTEBOOK, NOTEBOOK_LEAKY] : [])];
  const notebookFull = options.notebook ? resampleWeekly(daily!, { preset: 'notebook' }) : null;
  const notebookSource = options.notebook ? dailyFrameSource(daily!) : null;
  const limits = checkLimits(undefined, 'backtest');
  const notebookIndex = notebookFull ? new Map(notebookFull.profileIds.map((id, k) => [id, k])) : null;
  const acc = names.map(() => HORIZONS.map(() => new ScoreAccumulator()));
  const scored: Record<string, number> = Object.fromEntries(HORIZONS.map((h) => [`${h}d`, 0]));
  let noHistory = 0;
  const coldAcc = HORIZONS.map(() => new ScoreAccumulator());
  let coldScored = 0;
  const fitted: (EngagementModel | null)[] = names.map(() => null);
  const posts = weekly.stored('posts');
  const engagement = weekly.stored('engagement');

  origins.forEach((origin, o) => {
    options.onProgress?.({ stage: `backtest origin ${formatDay(origin)}`, rows: o });
    const profiles: number[] = [];
    const rows: number[] = [];
    const coldProfiles: number[] = [];
    const coldRows: number[] = [];
    for (let k = 0; k + 1 < weekly.offsets.length; k++) {
      const at = weekly.rowAt(k, origin);
      if (at < 0) continue;
      if (historyAt(weekly, at).weeksSincePost < 0) {
        noHistory++;
        coldProfiles.push(k);
        coldRows.push(at);
        continue;
      }
      profiles.push(k);
      rows.push(at);
    }
    const originRows = Int32Array.from(rows);
    // Actuals, and the naive forecast the relative WAPE is against.
    const actual = HORIZONS.map((_, h) =>
      Float64Array.from(originRows, (i, r) => targetAt(i, h + 1, weekly.offsets[profiles[r]! + 1]!, engagement, posts, correctedEngagementPerPost)),
    );
    HORIZONS.forEach((h, k) => {
      for (const y of actual[k]!) if (y === y) scored[`${h}d`]!++;
    });
    const refit = o % refitEvery === 0;
    const byModel: Float64Array[][] = [];
    const boundsByModel: (Record<string, [number, number]> | undefined)[][][] = [];
    names.forEach((name, m) => {
      let preds;
      if (name === NOTEBOOK_LEAKY) {
        // The notebook's own protocol: the table built from all the data (Q2's monthly average sees the weeks ahead), T3 at the origin.
        const nb = notebookFull!;
        if (refit || !fitted[m]) fitted[m] = trainModels(nb, { cutoff: formatDay(origin) }).model;
        const nbProfiles = profiles.map((k) => notebookIndex!.get(weekly.profileIds[k]!)!);
        const nbRows = Int32Array.from(nbProfiles, (k) => nb.rowAt(k, origin));
        preds = forecastRows(fitted[m]!, nb, nbProfiles, nbRows, Number.POSITIVE_INFINITY, []);
      } else if (name === NOTEBOOK) {
        // Rebuilt from the daily rows dated on or before the origin, through the origin week.
        const nb = notebookSource!.weekly({
          preset: 'notebook',
          onError: 'throw',
          limits,
          window: { from: Number.NEGATIVE_INFINITY, to: origin },
          through: origin,
        }).weekly;
        if (refit || !fitted[m]) fitted[m] = trainModels(nb, { cutoff: formatDay(origin) }).model;
        const index = new Map(nb.profileIds.map((id, k) => [id, k]));
        const nbProfiles = profiles.map((k) => index.get(weekly.profileIds[k]!)!);
        const nbRows = Int32Array.from(nbProfiles, (k) => nb.offsets[k + 1]! - 1);
        preds = forecastRows(fitted[m]!, nb, nbProfiles, nbRows, origin, []);
      } else {
        if (refit || !fitted[m])
          fitted[m] = trainModels(weekly as WeeklyFrame<'corrected'>, { cutoff: formatDay(origin), model: specs[m]!, calibrationWeeks }).model;
        const model = fitted[m]!;
        preds = forecastRows(model, weekly, profiles, originRows, Number.POSITIVE_INFINITY, model.intervals ? coverages : []);
      }
      byModel[m] = HORIZONS.map((_, h) => Float64Array.from(originRows, (_, r) => forecastOf(preds, r, h).predicted_engagement));
      boundsByModel[m] = HORIZONS.map((_, h) => Array.from(originRows, (_, r) => boundsOf(forecastOf(preds, r, h), labels)));
    });
    // Cold start: the first model's heads for profiles that have not posted yet, scored apart.
    const first = fitted[0];
    if (first?.coldStart && coldRows.length > 0) {
      const preds = forecastRows(
        first,
        weekly,
        coldProfiles,
        Int32Array.from(coldRows),
        Number.POSITIVE_INFINITY,
        first.coldStart.intervals || first.intervals ? coverages : [],
      );
      coldRows.forEach((i, r) => {
        HORIZONS.forEach((_, h) => {
          const y = targetAt(i, h + 1, weekly.offsets[coldProfiles[r]! + 1]!, engagement, posts, correctedEngagementPerPost);
          if (y !== y) return;
          const p = forecastOf(preds, r, h);
          coldAcc[h]!.add(y, p.predicted_engagement, Number.NaN, boundsOf(p, labels));
          coldScored++;
        });
      });
    }
    const naiveAt = names.indexOf('naive');
    if (options.onForecast) {
      const originDate = formatDay(origin);
      HORIZONS.forEach((horizon, h) => {
        const y = actual[h]!;
        for (let r = 0; r < y.length; r++) {
          if (y[r] !== y[r]) continue;
          const forecasts: Record<string, number> = {};
          names.forEach((name, m) => (forecasts[name] = byModel[m]![h]![r]!));
          options.onForecast!({ profileId: weekly.profileIds[profiles[r]!]!, origin: originDate, horizon, actual: y[r]!, forecasts });
        }
      });
    }
    names.forEach((_, m) => {
      HORIZONS.forEach((_, h) => {
        const y = actual[h]!;
        for (let r = 0; r < y.length; r++) {
          if (y[r] !== y[r]) continue;
          acc[m]![h]!.add(y[r]!, byModel[m]![h]![r]!, byModel[naiveAt]![h]![r]!, boundsByModel[m]![h]![r]);
        }
      });
    });
  });
  const table: BacktestRow[] = [];
  names.forEach((model, m) => HORIZONS.forEach((horizon, h) => table.push({ model, horizon, ...acc[m]![h]!.result() })));
  const coldStart = coldScored > 0 ? HORIZONS.map((horizon, h) => ({ model: `cold start (${names[0]})`, horizon, ...coldAcc[h]!.result() })) : [];
  return { origins: origins.map(formatDay), table, scored, noHistory, coldStart, settings: { step, refitEvery, calibrationWeeks, intervals: coverages } };
}

/** A forecast's interval bounds by label (`80` → [lo_80, hi_80]), or undefined when it has none. */
function boundsOf(p: Prediction, labels: readonly string[]): Record<string, [number, number]> | undefined {
  let out: Record<string, [number, number]> | undefined;
  for (const l of labels) if (p[`lo_${l}`] !== undefined) (out ??= {})[l] = [p[`lo_${l}`]!, p[`hi_${l}`]!];
  return out;
}

/** The notebook preset's rows in backtest tables: rebuilt as of each origin, and as the notebook itself scores it. */
export const NOTEBOOK = 'notebook (honest: as of each origin)';
export const NOTEBOOK_LEAKY = 'notebook (leaky: features from all the data)';

function positiveInteger(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw new ArgumentRangeError(`backtest: ${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return v;
}
