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
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { HORIZONS, TARGETS, type TargetName } from '../schema.js';
import { designColumns } from './design.js';
import { fitLinearHead, type FittedHead } from './estimators.js';
import { scoreQuantiles } from './intervals.js';
import { applyHead, standardizeColumns } from './linear.js';
import { positions, type Rows } from './candidates.js';
import { StandardScaler, type ScalerState } from './scaler.js';

/*
 * Cold start: forecasts for profiles that have not posted yet (no naive
 * value, no window average exists for them). Per horizon, least squares of
 * log1p(target) on log1p of the latest known followers and of the observed
 * days, fitted on the weeks of such profiles that have a target, mapped back
 * with the absolute-error factor. Their intervals are calibrated apart
 * (their own scores, |actual − forecast| / max(floor, forecast)), so they
 * neither borrow nor disturb the widths of profiles with a history.
 */

/** The cold-start inputs. */
export const COLD_START_FEATURES = stryMutAct_9fa48("96") ? [] : (stryCov_9fa48("96"), [stryMutAct_9fa48("97") ? "" : (stryCov_9fa48("97"), 'log1p(followers_last_known)'), stryMutAct_9fa48("98") ? "" : (stryCov_9fa48("98"), 'log1p(observed_days_4w)'), stryMutAct_9fa48("99") ? "" : (stryCov_9fa48("99"), 'log1p(observed_days_26w)')]);

/** Fewest train rows per horizon for a cold-start head. */
const MIN_ROWS = 30;

/** Cold-start heads and their calibration, as a model file stores them. */
export interface ColdStart {
  features: string[];
  scaler: ScalerState;
  models: Record<TargetName, FittedHead>;
  /** Per horizon: the number of calibration scores and their quantiles (levels k/200), or null without calibration. */
  intervals: Record<TargetName, {
    n: number;
    quantiles: number[];
  }> | null;
}

/** One cold-start forecast from a standardized input row (before clipping). */
export function applyColdStart(head: FittedHead, x: ArrayLike<number>): number {
  if (stryMutAct_9fa48("100")) {
    {}
  } else {
    stryCov_9fa48("100");
    return stryMutAct_9fa48("101") ? Math.exp(applyHead(head, x)) * head.factor! + 1 : (stryCov_9fa48("101"), (stryMutAct_9fa48("102") ? Math.exp(applyHead(head, x)) / head.factor! : (stryCov_9fa48("102"), Math.exp(applyHead(head, x)) * head.factor!)) - 1);
  }
}

/**
 * Fits the cold-start heads on `cold` rows whose 28-day target lies on or
 * before the cutoff, and calibrates them like the main model (a fit on the
 * rows before the calibration windows, scored on the windows); null when a
 * horizon has fewer than 30 rows to fit.
 */
export function fitColdStart(weekly: WeeklyFrame, cold: Rows, cutoffDay: number, calibrationWeeks: number, floor: number): ColdStart | null {
  if (stryMutAct_9fa48("103")) {
    {}
  } else {
    stryCov_9fa48("103");
    const last = HORIZONS[stryMutAct_9fa48("104") ? HORIZONS.length + 1 : (stryCov_9fa48("104"), HORIZONS.length - 1)]!;
    const train = HORIZONS.map(stryMutAct_9fa48("105") ? () => undefined : (stryCov_9fa48("105"), (_, h) => positions(cold, h, stryMutAct_9fa48("106") ? () => undefined : (stryCov_9fa48("106"), d => stryMutAct_9fa48("110") ? d + last > cutoffDay : stryMutAct_9fa48("109") ? d + last < cutoffDay : stryMutAct_9fa48("108") ? false : stryMutAct_9fa48("107") ? true : (stryCov_9fa48("107", "108", "109", "110"), (stryMutAct_9fa48("111") ? d - last : (stryCov_9fa48("111"), d + last)) <= cutoffDay)))));
    if (stryMutAct_9fa48("114") ? train.every(t => t.length < MIN_ROWS) : stryMutAct_9fa48("113") ? false : stryMutAct_9fa48("112") ? true : (stryCov_9fa48("112", "113", "114"), train.some(stryMutAct_9fa48("115") ? () => undefined : (stryCov_9fa48("115"), t => stryMutAct_9fa48("119") ? t.length >= MIN_ROWS : stryMutAct_9fa48("118") ? t.length <= MIN_ROWS : stryMutAct_9fa48("117") ? false : stryMutAct_9fa48("116") ? true : (stryCov_9fa48("116", "117", "118", "119"), t.length < MIN_ROWS))))) return null;
    const {
      columns
    } = designColumns(weekly, COLD_START_FEATURES, cold.rows);
    const union = stryMutAct_9fa48("120") ? Int32Array.from(new Set(train.flatMap(t => [...t]))) : (stryCov_9fa48("120"), Int32Array.from(new Set(train.flatMap(stryMutAct_9fa48("121") ? () => undefined : (stryCov_9fa48("121"), t => stryMutAct_9fa48("122") ? [] : (stryCov_9fa48("122"), [...t]))))).sort());
    const scaler = StandardScaler.fitColumns(COLD_START_FEATURES, columns, union);
    standardizeColumns(columns, scaler);
    const models = Object.fromEntries(TARGETS.map((t, h) => [t, fitLinearHead(columns, cold.targets[h]!, train[h]!, true)])) as Record<TargetName, FittedHead>;
    let intervals: ColdStart['intervals'] = null;
    if (stryMutAct_9fa48("126") ? calibrationWeeks <= 0 : stryMutAct_9fa48("125") ? calibrationWeeks >= 0 : stryMutAct_9fa48("124") ? false : stryMutAct_9fa48("123") ? true : (stryCov_9fa48("123", "124", "125", "126"), calibrationWeeks > 0)) {
      if (stryMutAct_9fa48("127")) {
        {}
      } else {
        stryCov_9fa48("127");
        const calCut = stryMutAct_9fa48("128") ? cutoffDay - last + 7 * calibrationWeeks : (stryCov_9fa48("128"), (stryMutAct_9fa48("129") ? cutoffDay + last : (stryCov_9fa48("129"), cutoffDay - last)) - (stryMutAct_9fa48("130") ? 7 / calibrationWeeks : (stryCov_9fa48("130"), 7 * calibrationWeeks)));
        const fitRows = HORIZONS.map(stryMutAct_9fa48("131") ? () => undefined : (stryCov_9fa48("131"), (_, h) => positions(cold, h, stryMutAct_9fa48("132") ? () => undefined : (stryCov_9fa48("132"), d => stryMutAct_9fa48("136") ? d + last > calCut : stryMutAct_9fa48("135") ? d + last < calCut : stryMutAct_9fa48("134") ? false : stryMutAct_9fa48("133") ? true : (stryCov_9fa48("133", "134", "135", "136"), (stryMutAct_9fa48("137") ? d - last : (stryCov_9fa48("137"), d + last)) <= calCut)))));
        if (stryMutAct_9fa48("140") ? fitRows.some(r => r.length >= MIN_ROWS) : stryMutAct_9fa48("139") ? false : stryMutAct_9fa48("138") ? true : (stryCov_9fa48("138", "139", "140"), fitRows.every(stryMutAct_9fa48("141") ? () => undefined : (stryCov_9fa48("141"), r => stryMutAct_9fa48("145") ? r.length < MIN_ROWS : stryMutAct_9fa48("144") ? r.length > MIN_ROWS : stryMutAct_9fa48("143") ? false : stryMutAct_9fa48("142") ? true : (stryCov_9fa48("142", "143", "144", "145"), r.length >= MIN_ROWS))))) {
          if (stryMutAct_9fa48("146")) {
            {}
          } else {
            stryCov_9fa48("146");
            const x = new Float64Array(columns.length);
            intervals = Object.fromEntries(TARGETS.map((t, h) => {
              const head = fitLinearHead(columns, cold.targets[h]!, fitRows[h]!, true);
              const rows = positions(cold, h, d => d > calCut && d + HORIZONS[h]! <= cutoffDay);
              const scores = new Float64Array(rows.length);
              rows.forEach((k, s) => {
                for (let j = 0; j < columns.length; j++) x[j] = columns[j]![k]!;
                const forecast = Math.max(0, applyColdStart(head, x));
                scores[s] = Math.abs(cold.targets[h]![k]! - forecast) / Math.max(floor, forecast);
              });
              return [t, scoreQuantiles(scores)];
            })) as Record<TargetName, {
              n: number;
              quantiles: number[];
            }>;
            if (stryMutAct_9fa48("149") ? TARGETS.every(t => intervals![t].n === 0) : stryMutAct_9fa48("148") ? false : stryMutAct_9fa48("147") ? true : (stryCov_9fa48("147", "148", "149"), TARGETS.some(stryMutAct_9fa48("150") ? () => undefined : (stryCov_9fa48("150"), t => stryMutAct_9fa48("153") ? intervals![t].n !== 0 : stryMutAct_9fa48("152") ? false : stryMutAct_9fa48("151") ? true : (stryCov_9fa48("151", "152", "153"), intervals![t].n === 0))))) intervals = null;
          }
        }
      }
    }
    return stryMutAct_9fa48("154") ? {} : (stryCov_9fa48("154"), {
      features: stryMutAct_9fa48("155") ? [] : (stryCov_9fa48("155"), [...COLD_START_FEATURES]),
      scaler: scaler.toJSON(),
      models,
      intervals
    });
  }
}