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
import { ArgumentRangeError } from '../errors.js';
/** Regression metrics (T7), with scikit-learn's definitions. */
export interface Metrics {
  MAE: number;
  MSE: number;
  RMSE: number;
  /** Coefficient of determination; 1 for a perfect fit of constant targets, 0 for an imperfect one; NaN under 2 rows. */
  R2: number;
}

/**
 * MAE, MSE, RMSE and R² of predictions against actual values (equal lengths).
 * @throws {RangeError} when the lengths differ.
 */
export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): Metrics {
  if (stryMutAct_9fa48("843")) {
    {}
  } else {
    stryCov_9fa48("843");
    const n = actual.length;
    if (stryMutAct_9fa48("846") ? predicted.length === n : stryMutAct_9fa48("845") ? false : stryMutAct_9fa48("844") ? true : (stryCov_9fa48("844", "845", "846"), predicted.length !== n)) throw new ArgumentRangeError(stryMutAct_9fa48("847") ? `` : (stryCov_9fa48("847"), `regressionMetrics: ${n} actual values but ${predicted.length} predictions`));
    if (stryMutAct_9fa48("850") ? n !== 0 : stryMutAct_9fa48("849") ? false : stryMutAct_9fa48("848") ? true : (stryCov_9fa48("848", "849", "850"), n === 0)) return stryMutAct_9fa48("851") ? {} : (stryCov_9fa48("851"), {
      MAE: Number.NaN,
      MSE: Number.NaN,
      RMSE: Number.NaN,
      R2: Number.NaN
    });
    let abs = 0;
    let sq = 0;
    let sum = 0;
    for (let i = 0; stryMutAct_9fa48("854") ? i >= n : stryMutAct_9fa48("853") ? i <= n : stryMutAct_9fa48("852") ? false : (stryCov_9fa48("852", "853", "854"), i < n); stryMutAct_9fa48("855") ? i-- : (stryCov_9fa48("855"), i++)) {
      if (stryMutAct_9fa48("856")) {
        {}
      } else {
        stryCov_9fa48("856");
        const d = stryMutAct_9fa48("857") ? actual[i]! + predicted[i]! : (stryCov_9fa48("857"), actual[i]! - predicted[i]!);
        stryMutAct_9fa48("858") ? abs -= Math.abs(d) : (stryCov_9fa48("858"), abs += Math.abs(d));
        stryMutAct_9fa48("859") ? sq -= d * d : (stryCov_9fa48("859"), sq += stryMutAct_9fa48("860") ? d / d : (stryCov_9fa48("860"), d * d));
        stryMutAct_9fa48("861") ? sum -= actual[i]! : (stryCov_9fa48("861"), sum += actual[i]!);
      }
    }
    const mean = stryMutAct_9fa48("862") ? sum * n : (stryCov_9fa48("862"), sum / n);
    let total = 0;
    for (let i = 0; stryMutAct_9fa48("865") ? i >= n : stryMutAct_9fa48("864") ? i <= n : stryMutAct_9fa48("863") ? false : (stryCov_9fa48("863", "864", "865"), i < n); stryMutAct_9fa48("866") ? i-- : (stryCov_9fa48("866"), i++)) stryMutAct_9fa48("867") ? total -= (actual[i]! - mean) ** 2 : (stryCov_9fa48("867"), total += (stryMutAct_9fa48("868") ? actual[i]! + mean : (stryCov_9fa48("868"), actual[i]! - mean)) ** 2);
    const mse = stryMutAct_9fa48("869") ? sq * n : (stryCov_9fa48("869"), sq / n);
    let r2: number;
    if (stryMutAct_9fa48("873") ? n >= 2 : stryMutAct_9fa48("872") ? n <= 2 : stryMutAct_9fa48("871") ? false : stryMutAct_9fa48("870") ? true : (stryCov_9fa48("870", "871", "872", "873"), n < 2)) r2 = Number.NaN;else if (stryMutAct_9fa48("876") ? total !== 0 : stryMutAct_9fa48("875") ? false : stryMutAct_9fa48("874") ? true : (stryCov_9fa48("874", "875", "876"), total === 0)) r2 = (stryMutAct_9fa48("879") ? sq !== 0 : stryMutAct_9fa48("878") ? false : stryMutAct_9fa48("877") ? true : (stryCov_9fa48("877", "878", "879"), sq === 0)) ? 1 : 0;else r2 = stryMutAct_9fa48("880") ? 1 + sq / total : (stryCov_9fa48("880"), 1 - (stryMutAct_9fa48("881") ? sq * total : (stryCov_9fa48("881"), sq / total)));
    return stryMutAct_9fa48("882") ? {} : (stryCov_9fa48("882"), {
      MAE: stryMutAct_9fa48("883") ? abs * n : (stryCov_9fa48("883"), abs / n),
      MSE: mse,
      RMSE: Math.sqrt(mse),
      R2: r2
    });
  }
}