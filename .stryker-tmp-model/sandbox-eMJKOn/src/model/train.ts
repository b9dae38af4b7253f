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
import { ArgumentRangeError, ArgumentTypeError } from '../errors.js';
import { formatDay, parseDayStrict } from '../calendar.js';
import { gather } from '../frame/arrays.js';
import { DailyFrame } from '../frame/daily-frame.js';
import { WeeklyFrame } from '../frame/weekly-frame.js';
import { resampleWeekly } from '../features/resample.js';
import { DEFAULT_CUTOFF, FEATURES, TARGETS, checkPreset, type Preset, type ProgressCallback, type TargetName } from '../schema.js';
import { LIBRARY_NAME, VERSION } from '../version.js';
import { fitBaseline } from './baseline.js';
import { fitLeastSquares } from './least-squares.js';
import { predictRows } from './linear.js';
import { regressionMetrics, type Metrics } from './metrics.js';
import { checkSamePreset, FORMAT_VERSION, withTargetAliases, type BaselineMetrics, type EngagementModel, type LinearHead } from './model-file.js';
import { StandardScaler } from './scaler.js';
import { checkModelSpec, DEFAULT_CALIBRATION_WEEKS, trainCorrected, type CorrectedRowCounts } from './train-corrected.js';
import type { ModelKind, ModelSpec } from './model-file.js';
import { selectRows, withoutMissing, type RowCounts } from './selection.js';

/** Options of `trainModels`. */
export interface TrainOptions {
  /** T3 cutoff, `YYYY-MM-DD`: train on Sundays on or before it, test after. Default 2024-07-30. */
  cutoff?: string;
  /** Preset; must match the weekly table's. Default: the table's preset (`notebook`). */
  preset?: Preset;
  /**
   * `corrected` preset: the model kind (`linear`, `log-linear`, `ridge`,
   * `mlp`, `naive`, `window-average`) or a kind with settings. Default: the
   * backtest winner, `DEFAULT_CORRECTED_MODEL`. The `notebook` preset fits
   * only its own least squares (`linear`).
   */
  model?: ModelKind | ModelSpec;
  /**
   * `corrected` preset: calibrate prediction intervals on this many weekly
   * origins before the cutoff (default 8); `false` for none.
   */
  calibrationWeeks?: number | false;
  /** Called at each stage. */
  onProgress?: ProgressCallback;
}

/** What `trainModels` returns. */
export interface TrainResult {
  /** The fitted model, ready for `predict` and `saveModel`. */
  model: EngagementModel;
  /** T7: test metrics per target. */
  metrics: Record<TargetName, Metrics>;
  /** T8: the baseline's test metrics. */
  baseline: BaselineMetrics;
  /** Row counts along T1–T5. */
  rows: RowCounts;
  /** Numerical rank of the design (21 unless features are collinear). */
  rank: number;
  /** Things worth knowing about the data (rows dropped for infinite values, a rank-deficient design). */
  warnings: string[];
}

/** What `trainModels` returns for the `corrected` preset. */
export interface CorrectedTrainResult {
  /** The fitted model (format 2), ready for `predict` and `saveModel`. */
  model: EngagementModel;
  /** Test metrics per horizon, on the rows after the cutoff with that horizon's target, forecasts clipped at 0. */
  metrics: Record<TargetName, Metrics>;
  /** Null: the corrected preset's baselines are models of their own (`naive`, `window-average`), compared by `backtest`. */
  baseline: null;
  /** Row counts per horizon. */
  rows: CorrectedRowCounts;
  /** Number of model features. */
  rank: number;
  /** Things worth knowing (no intervals, and why). */
  warnings: string[];
}

/**
 * Steps T1–T8: selects rows, fits the scaler, fits one least-squares model
 * per horizon, scores them on the test rows, and fits the baseline.
 *
 * @param input the weekly table (or daily rows, resampled with the preset).
 * @example
 * const trained = trainModels(weekly, { cutoff: '2024-07-30' });
 * trained.metrics.engagement_future_7d.RMSE;
 * await saveModel(trained.model, 'model.json');
 * @throws {RangeError} when no train rows remain.
 */
export function trainModels(input: WeeklyFrame<'notebook'> | DailyFrame, options?: TrainOptions & {
  preset?: 'notebook';
}): TrainResult;
export function trainModels(input: WeeklyFrame<'corrected'>, options?: TrainOptions): CorrectedTrainResult;
export function trainModels(input: DailyFrame, options: TrainOptions & {
  preset: 'corrected';
}): CorrectedTrainResult;
export function trainModels(input: WeeklyFrame | DailyFrame, options?: TrainOptions): TrainResult | CorrectedTrainResult;
export function trainModels(input: WeeklyFrame | DailyFrame, options: TrainOptions = {}): TrainResult | CorrectedTrainResult {
  if (stryMutAct_9fa48("2233")) {
    {}
  } else {
    stryCov_9fa48("2233");
    const cutoff = stryMutAct_9fa48("2234") ? options.cutoff && DEFAULT_CUTOFF : (stryCov_9fa48("2234"), options.cutoff ?? DEFAULT_CUTOFF);
    const cutoffDay = parseDayStrict(cutoff, stryMutAct_9fa48("2235") ? "" : (stryCov_9fa48("2235"), 'trainModels: cutoff'));
    const preset = checkPreset(stryMutAct_9fa48("2236") ? options.preset && (input instanceof WeeklyFrame ? input.preset : undefined) : (stryCov_9fa48("2236"), options.preset ?? (input instanceof WeeklyFrame ? input.preset : undefined)), stryMutAct_9fa48("2237") ? "" : (stryCov_9fa48("2237"), 'trainModels'));
    let weekly: WeeklyFrame;
    if (stryMutAct_9fa48("2239") ? false : stryMutAct_9fa48("2238") ? true : (stryCov_9fa48("2238", "2239"), input instanceof DailyFrame)) {
      if (stryMutAct_9fa48("2240")) {
        {}
      } else {
        stryCov_9fa48("2240");
        stryMutAct_9fa48("2241") ? options.onProgress({
          stage: 'weekly',
          rows: input.length
        }) : (stryCov_9fa48("2241"), options.onProgress?.(stryMutAct_9fa48("2242") ? {} : (stryCov_9fa48("2242"), {
          stage: stryMutAct_9fa48("2243") ? "" : (stryCov_9fa48("2243"), 'weekly'),
          rows: input.length
        })));
        weekly = resampleWeekly<Preset>(input, stryMutAct_9fa48("2244") ? {} : (stryCov_9fa48("2244"), {
          preset
        }));
      }
    } else if (stryMutAct_9fa48("2246") ? false : stryMutAct_9fa48("2245") ? true : (stryCov_9fa48("2245", "2246"), input instanceof WeeklyFrame)) {
      if (stryMutAct_9fa48("2247")) {
        {}
      } else {
        stryCov_9fa48("2247");
        checkSamePreset(preset, input.preset, stryMutAct_9fa48("2248") ? "" : (stryCov_9fa48("2248"), 'trainModels'));
        weekly = input;
      }
    } else {
      if (stryMutAct_9fa48("2249")) {
        {}
      } else {
        stryCov_9fa48("2249");
        throw new ArgumentTypeError(stryMutAct_9fa48("2250") ? "" : (stryCov_9fa48("2250"), 'trainModels: expected a WeeklyFrame (from resampleWeekly) or a DailyFrame'));
      }
    }
    if (stryMutAct_9fa48("2253") ? preset !== 'corrected' : stryMutAct_9fa48("2252") ? false : stryMutAct_9fa48("2251") ? true : (stryCov_9fa48("2251", "2252", "2253"), preset === (stryMutAct_9fa48("2254") ? "" : (stryCov_9fa48("2254"), 'corrected')))) {
      if (stryMutAct_9fa48("2255")) {
        {}
      } else {
        stryCov_9fa48("2255");
        const model = checkModelSpec(options.model, stryMutAct_9fa48("2256") ? "" : (stryCov_9fa48("2256"), 'trainModels'));
        const weeks = (stryMutAct_9fa48("2259") ? options.calibrationWeeks !== undefined : stryMutAct_9fa48("2258") ? false : stryMutAct_9fa48("2257") ? true : (stryCov_9fa48("2257", "2258", "2259"), options.calibrationWeeks === undefined)) ? DEFAULT_CALIBRATION_WEEKS : (stryMutAct_9fa48("2262") ? options.calibrationWeeks !== false : stryMutAct_9fa48("2261") ? false : stryMutAct_9fa48("2260") ? true : (stryCov_9fa48("2260", "2261", "2262"), options.calibrationWeeks === (stryMutAct_9fa48("2263") ? true : (stryCov_9fa48("2263"), false)))) ? 0 : options.calibrationWeeks;
        if (stryMutAct_9fa48("2266") ? !Number.isInteger(weeks) && weeks < 0 : stryMutAct_9fa48("2265") ? false : stryMutAct_9fa48("2264") ? true : (stryCov_9fa48("2264", "2265", "2266"), (stryMutAct_9fa48("2267") ? Number.isInteger(weeks) : (stryCov_9fa48("2267"), !Number.isInteger(weeks))) || (stryMutAct_9fa48("2270") ? weeks >= 0 : stryMutAct_9fa48("2269") ? weeks <= 0 : stryMutAct_9fa48("2268") ? false : (stryCov_9fa48("2268", "2269", "2270"), weeks < 0)))) throw new ArgumentTypeError(stryMutAct_9fa48("2271") ? `` : (stryCov_9fa48("2271"), `trainModels: calibrationWeeks must be a non-negative integer or false, got ${JSON.stringify(options.calibrationWeeks)}`));
        const result = trainCorrected(weekly, stryMutAct_9fa48("2272") ? {} : (stryCov_9fa48("2272"), {
          cutoff,
          cutoffDay,
          model,
          calibrationWeeks: weeks,
          ...(options.onProgress ? stryMutAct_9fa48("2273") ? {} : (stryCov_9fa48("2273"), {
            onProgress: options.onProgress
          }) : {})
        }));
        const out: CorrectedTrainResult = stryMutAct_9fa48("2274") ? {} : (stryCov_9fa48("2274"), {
          ...result,
          baseline: null,
          rank: result.model.features.length
        });
        return out;
      }
    }
    if (stryMutAct_9fa48("2277") ? options.model !== undefined && options.model !== 'linear' || !(typeof options.model === 'object' && options.model?.kind === 'linear' && options.model.features === undefined) : stryMutAct_9fa48("2276") ? false : stryMutAct_9fa48("2275") ? true : (stryCov_9fa48("2275", "2276", "2277"), (stryMutAct_9fa48("2279") ? options.model !== undefined || options.model !== 'linear' : stryMutAct_9fa48("2278") ? true : (stryCov_9fa48("2278", "2279"), (stryMutAct_9fa48("2281") ? options.model === undefined : stryMutAct_9fa48("2280") ? true : (stryCov_9fa48("2280", "2281"), options.model !== undefined)) && (stryMutAct_9fa48("2283") ? options.model === 'linear' : stryMutAct_9fa48("2282") ? true : (stryCov_9fa48("2282", "2283"), options.model !== (stryMutAct_9fa48("2284") ? "" : (stryCov_9fa48("2284"), 'linear')))))) && (stryMutAct_9fa48("2285") ? typeof options.model === 'object' && options.model?.kind === 'linear' && options.model.features === undefined : (stryCov_9fa48("2285"), !(stryMutAct_9fa48("2288") ? typeof options.model === 'object' && options.model?.kind === 'linear' || options.model.features === undefined : stryMutAct_9fa48("2287") ? false : stryMutAct_9fa48("2286") ? true : (stryCov_9fa48("2286", "2287", "2288"), (stryMutAct_9fa48("2290") ? typeof options.model === 'object' || options.model?.kind === 'linear' : stryMutAct_9fa48("2289") ? true : (stryCov_9fa48("2289", "2290"), (stryMutAct_9fa48("2292") ? typeof options.model !== 'object' : stryMutAct_9fa48("2291") ? true : (stryCov_9fa48("2291", "2292"), typeof options.model === (stryMutAct_9fa48("2293") ? "" : (stryCov_9fa48("2293"), 'object')))) && (stryMutAct_9fa48("2295") ? options.model?.kind !== 'linear' : stryMutAct_9fa48("2294") ? true : (stryCov_9fa48("2294", "2295"), (stryMutAct_9fa48("2296") ? options.model.kind : (stryCov_9fa48("2296"), options.model?.kind)) === (stryMutAct_9fa48("2297") ? "" : (stryCov_9fa48("2297"), 'linear')))))) && (stryMutAct_9fa48("2299") ? options.model.features !== undefined : stryMutAct_9fa48("2298") ? true : (stryCov_9fa48("2298", "2299"), options.model.features === undefined)))))))) {
      if (stryMutAct_9fa48("2300")) {
        {}
      } else {
        stryCov_9fa48("2300");
        throw new ArgumentRangeError(stryMutAct_9fa48("2301") ? `` : (stryCov_9fa48("2301"), `trainModels: the notebook preset fits its own least squares only; use preset 'corrected' for model ${JSON.stringify(options.model)}`));
      }
    }
    const warnings: string[] = stryMutAct_9fa48("2302") ? ["Stryker was here"] : (stryCov_9fa48("2302"), []);
    stryMutAct_9fa48("2303") ? options.onProgress({
      stage: 'select',
      rows: weekly.length
    }) : (stryCov_9fa48("2303"), options.onProgress?.(stryMutAct_9fa48("2304") ? {} : (stryCov_9fa48("2304"), {
      stage: stryMutAct_9fa48("2305") ? "" : (stryCov_9fa48("2305"), 'select'),
      rows: weekly.length
    })));
    const selection = selectRows(weekly, cutoffDay);
    const {
      counts
    } = selection;
    if (stryMutAct_9fa48("2309") ? counts.infiniteTargets <= 0 : stryMutAct_9fa48("2308") ? counts.infiniteTargets >= 0 : stryMutAct_9fa48("2307") ? false : stryMutAct_9fa48("2306") ? true : (stryCov_9fa48("2306", "2307", "2308", "2309"), counts.infiniteTargets > 0)) {
      if (stryMutAct_9fa48("2310")) {
        {}
      } else {
        stryCov_9fa48("2310");
        warnings.push(stryMutAct_9fa48("2311") ? `` : (stryCov_9fa48("2311"), `${counts.infiniteTargets} rows dropped: a target was +Infinity (engagement in a week with 0 posts)`));
      }
    }
    if (stryMutAct_9fa48("2315") ? counts.infiniteFeatures <= 0 : stryMutAct_9fa48("2314") ? counts.infiniteFeatures >= 0 : stryMutAct_9fa48("2313") ? false : stryMutAct_9fa48("2312") ? true : (stryCov_9fa48("2312", "2313", "2314", "2315"), counts.infiniteFeatures > 0)) {
      if (stryMutAct_9fa48("2316")) {
        {}
      } else {
        stryCov_9fa48("2316");
        warnings.push(stryMutAct_9fa48("2317") ? `` : (stryCov_9fa48("2317"), `${counts.infiniteFeatures} rows dropped: a feature was infinite (a month with engagement but 0 posts)`));
      }
    }
    const featureColumns = selection.features;
    const targetColumns = selection.targets;

    // T4: scaler on the train rows, before T5.
    stryMutAct_9fa48("2318") ? options.onProgress({
      stage: 'scaler',
      rows: selection.train.length
    }) : (stryCov_9fa48("2318"), options.onProgress?.(stryMutAct_9fa48("2319") ? {} : (stryCov_9fa48("2319"), {
      stage: stryMutAct_9fa48("2320") ? "" : (stryCov_9fa48("2320"), 'scaler'),
      rows: selection.train.length
    })));
    const scaler = StandardScaler.fitColumns(FEATURES, featureColumns, selection.train);
    // T5.
    const train = withoutMissing(featureColumns, selection.train);
    const test = withoutMissing(featureColumns, selection.test);
    if (stryMutAct_9fa48("2323") ? train.length !== 0 : stryMutAct_9fa48("2322") ? false : stryMutAct_9fa48("2321") ? true : (stryCov_9fa48("2321", "2322", "2323"), train.length === 0)) {
      if (stryMutAct_9fa48("2324")) {
        {}
      } else {
        stryCov_9fa48("2324");
        throw new ArgumentRangeError(stryMutAct_9fa48("2325") ? `` : (stryCov_9fa48("2325"), `trainModels: no train rows on or before ${cutoff} (${counts.afterZeroDrop} rows had targets and data)`));
      }
    }
    // T6: the notebook fits on the unscaled features (Q7).
    stryMutAct_9fa48("2326") ? options.onProgress({
      stage: 'fit',
      rows: train.length
    }) : (stryCov_9fa48("2326"), options.onProgress?.(stryMutAct_9fa48("2327") ? {} : (stryCov_9fa48("2327"), {
      stage: stryMutAct_9fa48("2328") ? "" : (stryCov_9fa48("2328"), 'fit'),
      rows: train.length
    })));
    const fit = fitLeastSquares(featureColumns, targetColumns, train);
    if (stryMutAct_9fa48("2332") ? fit.rank >= FEATURES.length : stryMutAct_9fa48("2331") ? fit.rank <= FEATURES.length : stryMutAct_9fa48("2330") ? false : stryMutAct_9fa48("2329") ? true : (stryCov_9fa48("2329", "2330", "2331", "2332"), fit.rank < FEATURES.length)) {
      if (stryMutAct_9fa48("2333")) {
        {}
      } else {
        stryCov_9fa48("2333");
        warnings.push(stryMutAct_9fa48("2334") ? `` : (stryCov_9fa48("2334"), `the design has rank ${fit.rank} of ${FEATURES.length}: collinear or constant features; the minimum-norm solution was used`));
      }
    }
    const models = {} as Record<TargetName, LinearHead>;
    const metrics = {} as Record<TargetName, Metrics>;
    stryMutAct_9fa48("2335") ? options.onProgress({
      stage: 'metrics',
      rows: test.length
    }) : (stryCov_9fa48("2335"), options.onProgress?.(stryMutAct_9fa48("2336") ? {} : (stryCov_9fa48("2336"), {
      stage: stryMutAct_9fa48("2337") ? "" : (stryCov_9fa48("2337"), 'metrics'),
      rows: test.length
    })));
    TARGETS.forEach((target, k) => {
      if (stryMutAct_9fa48("2338")) {
        {}
      } else {
        stryCov_9fa48("2338");
        models[target] = stryMutAct_9fa48("2339") ? {} : (stryCov_9fa48("2339"), {
          coef: Array.from(fit.coef[k]!),
          intercept: fit.intercept[k]!
        });
        metrics[target] = regressionMetrics(gather(targetColumns[k]!, test), predictRows(featureColumns, models[target], test));
      }
    });

    // T8.
    stryMutAct_9fa48("2340") ? options.onProgress({
      stage: 'baseline',
      rows: selection.train.length
    }) : (stryCov_9fa48("2340"), options.onProgress?.(stryMutAct_9fa48("2341") ? {} : (stryCov_9fa48("2341"), {
      stage: stryMutAct_9fa48("2342") ? "" : (stryCov_9fa48("2342"), 'baseline'),
      rows: selection.train.length
    })));
    const baseline = fitBaseline(selection);
    const rows: RowCounts = stryMutAct_9fa48("2343") ? {} : (stryCov_9fa48("2343"), {
      ...counts,
      train: train.length,
      test: test.length
    });
    const date = weekly.column(stryMutAct_9fa48("2344") ? "" : (stryCov_9fa48("2344"), 'date'));
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const part of stryMutAct_9fa48("2345") ? [] : (stryCov_9fa48("2345"), [train, test])) {
      if (stryMutAct_9fa48("2346")) {
        {}
      } else {
        stryCov_9fa48("2346");
        for (const k of part) {
          if (stryMutAct_9fa48("2347")) {
            {}
          } else {
            stryCov_9fa48("2347");
            const d = date[selection.rows[k]!]!;
            if (stryMutAct_9fa48("2351") ? d >= first : stryMutAct_9fa48("2350") ? d <= first : stryMutAct_9fa48("2349") ? false : stryMutAct_9fa48("2348") ? true : (stryCov_9fa48("2348", "2349", "2350", "2351"), d < first)) first = d;
            if (stryMutAct_9fa48("2355") ? d <= last : stryMutAct_9fa48("2354") ? d >= last : stryMutAct_9fa48("2353") ? false : stryMutAct_9fa48("2352") ? true : (stryCov_9fa48("2352", "2353", "2354", "2355"), d > last)) last = d;
          }
        }
      }
    }
    const model: EngagementModel = stryMutAct_9fa48("2356") ? {} : (stryCov_9fa48("2356"), {
      formatVersion: FORMAT_VERSION,
      library: stryMutAct_9fa48("2357") ? {} : (stryCov_9fa48("2357"), {
        name: LIBRARY_NAME,
        version: VERSION
      }),
      preset,
      features: stryMutAct_9fa48("2358") ? [] : (stryCov_9fa48("2358"), [...FEATURES]),
      inputScaling: stryMutAct_9fa48("2359") ? "" : (stryCov_9fa48("2359"), 'none'),
      scaler: scaler.toJSON(),
      models,
      training: stryMutAct_9fa48("2360") ? {} : (stryCov_9fa48("2360"), {
        cutoff,
        from: formatDay(first),
        to: formatDay(last),
        rows
      }),
      metrics,
      baseline,
      description: stryMutAct_9fa48("2361") ? `` : (stryCov_9fa48("2361"), `least squares per horizon, ${preset} preset, trained on ${train.length} weekly rows up to ${cutoff}`)
    });
    return stryMutAct_9fa48("2362") ? {} : (stryCov_9fa48("2362"), {
      model: withTargetAliases(model),
      metrics,
      baseline,
      rows,
      rank: fit.rank,
      warnings
    });
  }
}