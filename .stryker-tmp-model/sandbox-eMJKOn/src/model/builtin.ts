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
import { FEATURES, TARGETS, type TargetName } from '../schema.js';
import { LIBRARY_NAME, VERSION } from '../version.js';
import { BUILTIN_FIGURES } from './builtin-figures.js';
import { FORMAT_VERSION, validateModel, type EngagementModel, type LinearHead } from './model-file.js';

/**
 * The published pretrained models of the original notebook (preset
 * `notebook`), shipped in the package: prediction works with no training.
 * Trained on the real data (137K profiles, 2023-01 to 2024-07-30); the
 * notebook reported test R² 0.88 / 0.86 / 0.86 / 0.84 for 7/14/21/28 days.
 *
 * @example predict(loadBuiltinModel(), rows)
 */
export function loadBuiltinModel(): EngagementModel {
  if (stryMutAct_9fa48("7")) {
    {}
  } else {
    stryCov_9fa48("7");
    const models = {} as Record<TargetName, LinearHead>;
    for (const target of TARGETS) {
      if (stryMutAct_9fa48("8")) {
        {}
      } else {
        stryCov_9fa48("8");
        const m = BUILTIN_FIGURES.models[target];
        models[target] = stryMutAct_9fa48("9") ? {} : (stryCov_9fa48("9"), {
          coef: stryMutAct_9fa48("10") ? [] : (stryCov_9fa48("10"), [...m.coef]),
          intercept: m.intercept
        });
      }
    }
    const s = BUILTIN_FIGURES.scaler;
    return validateModel(stryMutAct_9fa48("11") ? {} : (stryCov_9fa48("11"), {
      formatVersion: FORMAT_VERSION,
      library: stryMutAct_9fa48("12") ? {} : (stryCov_9fa48("12"), {
        name: LIBRARY_NAME,
        version: VERSION
      }),
      preset: stryMutAct_9fa48("13") ? "" : (stryCov_9fa48("13"), 'notebook'),
      features: stryMutAct_9fa48("14") ? [] : (stryCov_9fa48("14"), [...FEATURES]),
      inputScaling: stryMutAct_9fa48("15") ? "" : (stryCov_9fa48("15"), 'none'),
      scaler: stryMutAct_9fa48("16") ? {} : (stryCov_9fa48("16"), {
        features: stryMutAct_9fa48("17") ? [] : (stryCov_9fa48("17"), [...s.features]),
        mean: stryMutAct_9fa48("18") ? [] : (stryCov_9fa48("18"), [...s.mean]),
        var: stryMutAct_9fa48("19") ? [] : (stryCov_9fa48("19"), [...s.var]),
        scale: stryMutAct_9fa48("20") ? [] : (stryCov_9fa48("20"), [...s.scale]),
        nSamplesSeen: stryMutAct_9fa48("21") ? [] : (stryCov_9fa48("21"), [...s.nSamplesSeen])
      }),
      models,
      training: null,
      metrics: null,
      baseline: null,
      description: stryMutAct_9fa48("22") ? "" : (stryCov_9fa48("22"), 'built-in: the published pretrained models of the original notebook (real data, cutoff 2024-07-30)')
    }), stryMutAct_9fa48("23") ? "" : (stryCov_9fa48("23"), 'built-in model'));
  }
}