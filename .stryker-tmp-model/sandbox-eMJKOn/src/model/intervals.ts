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
import { TARGETS, type TargetName } from '../schema.js';

/*
 * Prediction intervals: split conformal, per horizon, scaled per profile.
 * On calibration windows before the cutoff (forecasts made as of origins
 * whose targets are all known by the cutoff, by a model fitted on what was
 * known before those origins), each forecast's score is
 * |actual − forecast| / scale, where scale is the profile's own level (its
 * pooled engagement per post over 13 weeks, with fallbacks, at least
 * `floor`). The interval at coverage p is forecast ± q·scale, with q the
 * conformal quantile of the scores, and never goes below 0. A 500-follower
 * account thus gets a width of its own size, not a large account's.
 */

/** Quantile levels stored per horizon: 0, 1/200, …, 1. */
const GRID = 200;

/** Interval calibration as stored in a model file. */
export interface IntervalCalibration {
  method: 'split-conformal, |actual - forecast| / profile scale';
  /** The scale's column (its fallbacks as in the model's design) and its lower bound. */
  scale: string;
  floor: number;
  /** First and last calibration origin (Sundays). */
  from: string;
  to: string;
  /** Per horizon: the number of scores and their quantiles at levels k/200, k = 0 … 200. */
  horizons: Record<TargetName, {
    n: number;
    quantiles: number[];
  }>;
}

/** The quantile grid of some scores (sorted in place). */
export function scoreQuantiles(scores: Float64Array): {
  n: number;
  quantiles: number[];
} {
  if (stryMutAct_9fa48("521")) {
    {}
  } else {
    stryCov_9fa48("521");
    stryMutAct_9fa48("522") ? scores : (stryCov_9fa48("522"), scores.sort());
    const n = scores.length;
    const quantiles: number[] = stryMutAct_9fa48("523") ? ["Stryker was here"] : (stryCov_9fa48("523"), []);
    for (let k = 0; stryMutAct_9fa48("526") ? k > GRID : stryMutAct_9fa48("525") ? k < GRID : stryMutAct_9fa48("524") ? false : (stryCov_9fa48("524", "525", "526"), k <= GRID); stryMutAct_9fa48("527") ? k-- : (stryCov_9fa48("527"), k++)) {
      if (stryMutAct_9fa48("528")) {
        {}
      } else {
        stryCov_9fa48("528");
        const at = stryMutAct_9fa48("529") ? k / GRID / (n - 1) : (stryCov_9fa48("529"), (stryMutAct_9fa48("530") ? k * GRID : (stryCov_9fa48("530"), k / GRID)) * (stryMutAct_9fa48("531") ? n + 1 : (stryCov_9fa48("531"), n - 1)));
        const lo = Math.floor(at);
        const hi = stryMutAct_9fa48("532") ? Math.max(n - 1, lo + 1) : (stryCov_9fa48("532"), Math.min(stryMutAct_9fa48("533") ? n + 1 : (stryCov_9fa48("533"), n - 1), stryMutAct_9fa48("534") ? lo - 1 : (stryCov_9fa48("534"), lo + 1)));
        quantiles.push((stryMutAct_9fa48("537") ? n !== 0 : stryMutAct_9fa48("536") ? false : stryMutAct_9fa48("535") ? true : (stryCov_9fa48("535", "536", "537"), n === 0)) ? Number.NaN : stryMutAct_9fa48("538") ? scores[lo]! - (scores[hi]! - scores[lo]!) * (at - lo) : (stryCov_9fa48("538"), scores[lo]! + (stryMutAct_9fa48("539") ? (scores[hi]! - scores[lo]!) / (at - lo) : (stryCov_9fa48("539"), (stryMutAct_9fa48("540") ? scores[hi]! + scores[lo]! : (stryCov_9fa48("540"), scores[hi]! - scores[lo]!)) * (stryMutAct_9fa48("541") ? at + lo : (stryCov_9fa48("541"), at - lo))))));
      }
    }
    return stryMutAct_9fa48("542") ? {} : (stryCov_9fa48("542"), {
      n,
      quantiles
    });
  }
}

/**
 * The conformal multiplier for coverage `p` (0 < p < 1): the
 * ⌈(n + 1)·p⌉ / n quantile of the calibration scores, read off the stored
 * grid by linear interpolation (the largest score when that level is 1).
 */
export function conformalMultiplier(h: {
  n: number;
  quantiles: number[];
}, p: number): number {
  if (stryMutAct_9fa48("543")) {
    {}
  } else {
    stryCov_9fa48("543");
    const level = stryMutAct_9fa48("544") ? Math.max(1, Math.ceil((h.n + 1) * p) / h.n) : (stryCov_9fa48("544"), Math.min(1, stryMutAct_9fa48("545") ? Math.ceil((h.n + 1) * p) * h.n : (stryCov_9fa48("545"), Math.ceil(stryMutAct_9fa48("546") ? (h.n + 1) / p : (stryCov_9fa48("546"), (stryMutAct_9fa48("547") ? h.n - 1 : (stryCov_9fa48("547"), h.n + 1)) * p)) / h.n)));
    const at = stryMutAct_9fa48("548") ? level / GRID : (stryCov_9fa48("548"), level * GRID);
    const lo = Math.floor(at);
    const hi = stryMutAct_9fa48("549") ? Math.max(GRID, lo + 1) : (stryCov_9fa48("549"), Math.min(GRID, stryMutAct_9fa48("550") ? lo - 1 : (stryCov_9fa48("550"), lo + 1)));
    return stryMutAct_9fa48("551") ? h.quantiles[lo]! - (h.quantiles[hi]! - h.quantiles[lo]!) * (at - lo) : (stryCov_9fa48("551"), h.quantiles[lo]! + (stryMutAct_9fa48("552") ? (h.quantiles[hi]! - h.quantiles[lo]!) / (at - lo) : (stryCov_9fa48("552"), (stryMutAct_9fa48("553") ? h.quantiles[hi]! + h.quantiles[lo]! : (stryCov_9fa48("553"), h.quantiles[hi]! - h.quantiles[lo]!)) * (stryMutAct_9fa48("554") ? at + lo : (stryCov_9fa48("554"), at - lo)))));
  }
}

/** An interval's bounds: forecast ± multiplier · scale, the lower one at least 0. */
export function intervalBounds(forecast: number, scale: number, multiplier: number): [number, number] {
  if (stryMutAct_9fa48("555")) {
    {}
  } else {
    stryCov_9fa48("555");
    const half = stryMutAct_9fa48("556") ? multiplier / scale : (stryCov_9fa48("556"), multiplier * scale);
    return stryMutAct_9fa48("557") ? [] : (stryCov_9fa48("557"), [stryMutAct_9fa48("558") ? Math.min(0, forecast - half) : (stryCov_9fa48("558"), Math.max(0, stryMutAct_9fa48("559") ? forecast + half : (stryCov_9fa48("559"), forecast - half))), stryMutAct_9fa48("560") ? forecast - half : (stryCov_9fa48("560"), forecast + half)]);
  }
}

/**
 * The `intervals` option of `predict`: coverages strictly between 0 and 1
 * (0.8, 0.95), or percentages (80, 95), as a sorted unique list.
 * @throws {ArgumentRangeError}
 */
export function checkIntervals(value: unknown, where: string): number[] {
  if (stryMutAct_9fa48("561")) {
    {}
  } else {
    stryCov_9fa48("561");
    if (stryMutAct_9fa48("564") ? value !== undefined : stryMutAct_9fa48("563") ? false : stryMutAct_9fa48("562") ? true : (stryCov_9fa48("562", "563", "564"), value === undefined)) return stryMutAct_9fa48("565") ? ["Stryker was here"] : (stryCov_9fa48("565"), []);
    if (stryMutAct_9fa48("568") ? !Array.isArray(value) && value.length === 0 : stryMutAct_9fa48("567") ? false : stryMutAct_9fa48("566") ? true : (stryCov_9fa48("566", "567", "568"), (stryMutAct_9fa48("569") ? Array.isArray(value) : (stryCov_9fa48("569"), !Array.isArray(value))) || (stryMutAct_9fa48("571") ? value.length !== 0 : stryMutAct_9fa48("570") ? false : (stryCov_9fa48("570", "571"), value.length === 0)))) throw new ArgumentRangeError(stryMutAct_9fa48("572") ? `` : (stryCov_9fa48("572"), `${where}: intervals must be a non-empty list of coverages such as [0.8, 0.95]`));
    const out = value.map(v => {
      if (stryMutAct_9fa48("573")) {
        {}
      } else {
        stryCov_9fa48("573");
        const p = (stryMutAct_9fa48("576") ? typeof v === 'number' && v > 1 || v < 100 : stryMutAct_9fa48("575") ? false : stryMutAct_9fa48("574") ? true : (stryCov_9fa48("574", "575", "576"), (stryMutAct_9fa48("578") ? typeof v === 'number' || v > 1 : stryMutAct_9fa48("577") ? true : (stryCov_9fa48("577", "578"), (stryMutAct_9fa48("580") ? typeof v !== 'number' : stryMutAct_9fa48("579") ? true : (stryCov_9fa48("579", "580"), typeof v === (stryMutAct_9fa48("581") ? "" : (stryCov_9fa48("581"), 'number')))) && (stryMutAct_9fa48("584") ? v <= 1 : stryMutAct_9fa48("583") ? v >= 1 : stryMutAct_9fa48("582") ? true : (stryCov_9fa48("582", "583", "584"), v > 1)))) && (stryMutAct_9fa48("587") ? v >= 100 : stryMutAct_9fa48("586") ? v <= 100 : stryMutAct_9fa48("585") ? true : (stryCov_9fa48("585", "586", "587"), v < 100)))) ? stryMutAct_9fa48("588") ? v * 100 : (stryCov_9fa48("588"), v / 100) : v;
        if (stryMutAct_9fa48("591") ? typeof p !== 'number' && !(p > 0 && p < 1) : stryMutAct_9fa48("590") ? false : stryMutAct_9fa48("589") ? true : (stryCov_9fa48("589", "590", "591"), (stryMutAct_9fa48("593") ? typeof p === 'number' : stryMutAct_9fa48("592") ? false : (stryCov_9fa48("592", "593"), typeof p !== (stryMutAct_9fa48("594") ? "" : (stryCov_9fa48("594"), 'number')))) || (stryMutAct_9fa48("595") ? p > 0 && p < 1 : (stryCov_9fa48("595"), !(stryMutAct_9fa48("598") ? p > 0 || p < 1 : stryMutAct_9fa48("597") ? false : stryMutAct_9fa48("596") ? true : (stryCov_9fa48("596", "597", "598"), (stryMutAct_9fa48("601") ? p <= 0 : stryMutAct_9fa48("600") ? p >= 0 : stryMutAct_9fa48("599") ? true : (stryCov_9fa48("599", "600", "601"), p > 0)) && (stryMutAct_9fa48("604") ? p >= 1 : stryMutAct_9fa48("603") ? p <= 1 : stryMutAct_9fa48("602") ? true : (stryCov_9fa48("602", "603", "604"), p < 1)))))))) throw new ArgumentRangeError(stryMutAct_9fa48("605") ? `` : (stryCov_9fa48("605"), `${where}: each interval coverage must be between 0 and 1 (or 0 and 100 as a percentage), got ${JSON.stringify(v)}`));
        return stryMutAct_9fa48("606") ? Math.round(p * 1e6) * 1e6 : (stryCov_9fa48("606"), Math.round(stryMutAct_9fa48("607") ? p / 1e6 : (stryCov_9fa48("607"), p * 1e6)) / 1e6);
      }
    });
    return stryMutAct_9fa48("608") ? [...new Set(out)] : (stryCov_9fa48("608"), (stryMutAct_9fa48("609") ? [] : (stryCov_9fa48("609"), [...new Set(out)])).sort(stryMutAct_9fa48("610") ? () => undefined : (stryCov_9fa48("610"), (a, b) => stryMutAct_9fa48("611") ? a + b : (stryCov_9fa48("611"), a - b))));
  }
}

/** The field name suffix of a coverage: 0.8 → `80`, 0.975 → `97.5`. */
export function coverageLabel(p: number): string {
  if (stryMutAct_9fa48("612")) {
    {}
  } else {
    stryCov_9fa48("612");
    return String(stryMutAct_9fa48("613") ? Math.round(p * 1e4) * 100 : (stryCov_9fa48("613"), Math.round(stryMutAct_9fa48("614") ? p / 1e4 : (stryCov_9fa48("614"), p * 1e4)) / 100));
  }
}

/** Every horizon of a calibration has scores. */
export function calibrationComplete(c: IntervalCalibration): boolean {
  if (stryMutAct_9fa48("615")) {
    {}
  } else {
    stryCov_9fa48("615");
    return stryMutAct_9fa48("616") ? TARGETS.some(t => c.horizons[t] && c.horizons[t].n > 0) : (stryCov_9fa48("616"), TARGETS.every(stryMutAct_9fa48("617") ? () => undefined : (stryCov_9fa48("617"), t => stryMutAct_9fa48("620") ? c.horizons[t] || c.horizons[t].n > 0 : stryMutAct_9fa48("619") ? false : stryMutAct_9fa48("618") ? true : (stryCov_9fa48("618", "619", "620"), c.horizons[t] && (stryMutAct_9fa48("623") ? c.horizons[t].n <= 0 : stryMutAct_9fa48("622") ? c.horizons[t].n >= 0 : stryMutAct_9fa48("621") ? true : (stryCov_9fa48("621", "622", "623"), c.horizons[t].n > 0))))));
  }
}