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
import { gather } from '../frame/arrays.js';
import { BASELINE_FEATURES, FEATURES } from '../schema.js';
import { fitLeastSquares } from './least-squares.js';
import { predictRows, standardize } from './linear.js';
import { regressionMetrics } from './metrics.js';
import type { BaselineMetrics } from './model-file.js';
import { StandardScaler } from './scaler.js';
import type { RowSelection } from './selection.js';

/**
 * T8: the baseline. Least squares on `followers`, `reach` and `impressions`,
 * standardized with a scaler of its own fitted on the train rows, predicting
 * the 7-day target; train and test rows as after T3 (no T5). Returns its test
 * metrics.
 */
export function fitBaseline(selection: RowSelection): BaselineMetrics {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    const baseColumns = BASELINE_FEATURES.map(stryMutAct_9fa48("1") ? () => undefined : (stryCov_9fa48("1"), f => selection.features[FEATURES.indexOf(f)]!));
    const target = selection.targets[0]!;
    const scaler = StandardScaler.fitColumns(BASELINE_FEATURES, baseColumns, selection.train);
    const scaledColumns = baseColumns.map(stryMutAct_9fa48("2") ? () => undefined : (stryCov_9fa48("2"), (column, j) => column.map(stryMutAct_9fa48("3") ? () => undefined : (stryCov_9fa48("3"), v => standardize(v, scaler.mean[j]!, scaler.scale[j]!)))));
    const fit = fitLeastSquares(scaledColumns, stryMutAct_9fa48("4") ? [] : (stryCov_9fa48("4"), [target]), selection.train);
    const predicted = predictRows(baseColumns, stryMutAct_9fa48("5") ? {} : (stryCov_9fa48("5"), {
      coef: fit.coef[0]!,
      intercept: fit.intercept[0]!
    }), selection.test, scaler);
    const m = regressionMetrics(gather(target, selection.test), predicted);
    return stryMutAct_9fa48("6") ? {} : (stryCov_9fa48("6"), {
      MAE: m.MAE,
      RMSE: m.RMSE,
      R2: m.R2,
      trainRows: selection.train.length,
      testRows: selection.test.length
    });
  }
}