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
import { formatDay } from '../calendar.js';
import { ArgumentRangeError, ArgumentTypeError } from '../errors.js';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { HORIZONS, TARGETS, type ProgressCallback, type TargetName } from '../schema.js';
import { LIBRARY_NAME, VERSION } from '../version.js';
import { designColumns, designFeatures, parseFeature, type FeatureSet } from './design.js';
import { fitLinearHead, fitRidgeHead, logHeadFromSums, NormalSums } from './estimators.js';
import { calibrationComplete, scoreQuantiles, type IntervalCalibration } from './intervals.js';
import { fitColdStart } from './cold-start.js';
import { regressionMetrics, type Metrics } from './metrics.js';
import { fitMlpHead, type MlpOptions } from './mlp.js';
import { applyEstimator, MODEL_KINDS, type CorrectedHead, type EngagementModel, type ModelKind, type ModelSpec, FORMAT_VERSION_2, withTargetAliases } from './model-file.js';
import { StandardScaler } from './scaler.js';
import { candidatesOf, positions } from './candidates.js';
import { standardizeColumns } from './linear.js';

/*
 * Training of `corrected` models (T, corrected): per horizon, the rows with
 * that horizon's target (a week with posts) and a posting history, split so
 * that a train row's furthest target week is on or before the cutoff (Q6),
 * the design standardized before fitting (Q7), one estimator per horizon,
 * then interval calibration on windows before the cutoff.
 */

/** The corrected preset's default model (the backtest winner; docs/forecast-quality.md). */
export const DEFAULT_CORRECTED_MODEL: Readonly<ModelSpec> = Object.freeze(stryMutAct_9fa48("1834") ? {} : (stryCov_9fa48("1834"), {
  kind: stryMutAct_9fa48("1835") ? "" : (stryCov_9fa48("1835"), 'log-linear')
}));

/** Calibration origins (weeks) before the cutoff, by default. */
export const DEFAULT_CALIBRATION_WEEKS = 8;

/** Row counts of a `corrected` training, per horizon. */
export interface CorrectedRowCounts {
  /** Weekly rows in the table. */
  weekly: number;
  /** Per horizon: rows fitted on (furthest target on or before the cutoff), rows scored (Sunday after the cutoff). */
  train: Record<TargetName, number>;
  test: Record<TargetName, number>;
  /** Per horizon: rows whose target week has no post or no record (nothing to learn from or score). */
  noTarget: Record<TargetName, number>;
  /** Rows with a target but no posting week on or before their Sunday: what the cold-start heads fit (docs/models.md). */
  noHistory: number;
  /** Rows with a target whose Sunday lies in the last 28 days up to the cutoff: their 28-day target is after it (Q6). */
  gap: number;
  /** Calibration scores per horizon (0 when intervals were not calibrated). */
  calibration: Record<TargetName, number>;
}

/** The `model` option of `trainModels`: a kind, or a kind with its settings. */
export function checkModelSpec(value: unknown, where: string): ModelSpec {
  if (stryMutAct_9fa48("1836")) {
    {}
  } else {
    stryCov_9fa48("1836");
    if (stryMutAct_9fa48("1839") ? value !== undefined : stryMutAct_9fa48("1838") ? false : stryMutAct_9fa48("1837") ? true : (stryCov_9fa48("1837", "1838", "1839"), value === undefined)) return stryMutAct_9fa48("1840") ? {} : (stryCov_9fa48("1840"), {
      ...DEFAULT_CORRECTED_MODEL
    });
    const spec = (typeof value === 'string' ? {
      kind: value
    } : value) as Partial<ModelSpec>;
    if (stryMutAct_9fa48("1843") ? (spec === null || typeof spec !== 'object') && !MODEL_KINDS.includes(spec.kind as ModelKind) : stryMutAct_9fa48("1842") ? false : stryMutAct_9fa48("1841") ? true : (stryCov_9fa48("1841", "1842", "1843"), (stryMutAct_9fa48("1845") ? spec === null && typeof spec !== 'object' : stryMutAct_9fa48("1844") ? false : (stryCov_9fa48("1844", "1845"), (stryMutAct_9fa48("1847") ? spec !== null : stryMutAct_9fa48("1846") ? false : (stryCov_9fa48("1846", "1847"), spec === null)) || (stryMutAct_9fa48("1849") ? typeof spec === 'object' : stryMutAct_9fa48("1848") ? false : (stryCov_9fa48("1848", "1849"), typeof spec !== (stryMutAct_9fa48("1850") ? "" : (stryCov_9fa48("1850"), 'object')))))) || (stryMutAct_9fa48("1851") ? MODEL_KINDS.includes(spec.kind as ModelKind) : (stryCov_9fa48("1851"), !MODEL_KINDS.includes(spec.kind as ModelKind))))) {
      if (stryMutAct_9fa48("1852")) {
        {}
      } else {
        stryCov_9fa48("1852");
        throw new ArgumentTypeError(stryMutAct_9fa48("1853") ? `` : (stryCov_9fa48("1853"), `${where}: model must be one of ${MODEL_KINDS.join(stryMutAct_9fa48("1854") ? "" : (stryCov_9fa48("1854"), ', '))} (or { kind, … }), got ${JSON.stringify(value)}`));
      }
    }
    const out: ModelSpec = stryMutAct_9fa48("1855") ? {} : (stryCov_9fa48("1855"), {
      kind: spec.kind as ModelKind
    });
    if (stryMutAct_9fa48("1858") ? spec.features === undefined : stryMutAct_9fa48("1857") ? false : stryMutAct_9fa48("1856") ? true : (stryCov_9fa48("1856", "1857", "1858"), spec.features !== undefined)) {
      if (stryMutAct_9fa48("1859")) {
        {}
      } else {
        stryCov_9fa48("1859");
        if (stryMutAct_9fa48("1862") ? spec.features !== 'core' && spec.features !== 'robust' || spec.features !== 'full' : stryMutAct_9fa48("1861") ? false : stryMutAct_9fa48("1860") ? true : (stryCov_9fa48("1860", "1861", "1862"), (stryMutAct_9fa48("1864") ? spec.features !== 'core' || spec.features !== 'robust' : stryMutAct_9fa48("1863") ? true : (stryCov_9fa48("1863", "1864"), (stryMutAct_9fa48("1866") ? spec.features === 'core' : stryMutAct_9fa48("1865") ? true : (stryCov_9fa48("1865", "1866"), spec.features !== (stryMutAct_9fa48("1867") ? "" : (stryCov_9fa48("1867"), 'core')))) && (stryMutAct_9fa48("1869") ? spec.features === 'robust' : stryMutAct_9fa48("1868") ? true : (stryCov_9fa48("1868", "1869"), spec.features !== (stryMutAct_9fa48("1870") ? "" : (stryCov_9fa48("1870"), 'robust')))))) && (stryMutAct_9fa48("1872") ? spec.features === 'full' : stryMutAct_9fa48("1871") ? true : (stryCov_9fa48("1871", "1872"), spec.features !== (stryMutAct_9fa48("1873") ? "" : (stryCov_9fa48("1873"), 'full')))))) throw new ArgumentTypeError(stryMutAct_9fa48("1874") ? `` : (stryCov_9fa48("1874"), `${where}: model.features must be 'core', 'robust' or 'full', got ${JSON.stringify(spec.features)}`));
        out.features = spec.features;
      }
    }
    if (stryMutAct_9fa48("1877") ? spec.kind !== 'ridge' : stryMutAct_9fa48("1876") ? false : stryMutAct_9fa48("1875") ? true : (stryCov_9fa48("1875", "1876", "1877"), spec.kind === (stryMutAct_9fa48("1878") ? "" : (stryCov_9fa48("1878"), 'ridge')))) {
      if (stryMutAct_9fa48("1879")) {
        {}
      } else {
        stryCov_9fa48("1879");
        const lambda = stryMutAct_9fa48("1880") ? spec.lambda && 0.01 : (stryCov_9fa48("1880"), spec.lambda ?? 0.01);
        if (stryMutAct_9fa48("1883") ? (typeof lambda !== 'number' || !(lambda > 0)) && !Number.isFinite(lambda) : stryMutAct_9fa48("1882") ? false : stryMutAct_9fa48("1881") ? true : (stryCov_9fa48("1881", "1882", "1883"), (stryMutAct_9fa48("1885") ? typeof lambda !== 'number' && !(lambda > 0) : stryMutAct_9fa48("1884") ? false : (stryCov_9fa48("1884", "1885"), (stryMutAct_9fa48("1887") ? typeof lambda === 'number' : stryMutAct_9fa48("1886") ? false : (stryCov_9fa48("1886", "1887"), typeof lambda !== (stryMutAct_9fa48("1888") ? "" : (stryCov_9fa48("1888"), 'number')))) || (stryMutAct_9fa48("1889") ? lambda > 0 : (stryCov_9fa48("1889"), !(stryMutAct_9fa48("1893") ? lambda <= 0 : stryMutAct_9fa48("1892") ? lambda >= 0 : stryMutAct_9fa48("1891") ? false : stryMutAct_9fa48("1890") ? true : (stryCov_9fa48("1890", "1891", "1892", "1893"), lambda > 0)))))) || (stryMutAct_9fa48("1894") ? Number.isFinite(lambda) : (stryCov_9fa48("1894"), !Number.isFinite(lambda))))) throw new ArgumentRangeError(stryMutAct_9fa48("1895") ? `` : (stryCov_9fa48("1895"), `${where}: model.lambda must be a positive number, got ${JSON.stringify(spec.lambda)}`));
        out.lambda = lambda;
      }
    }
    if (stryMutAct_9fa48("1898") ? spec.kind !== 'window-average' : stryMutAct_9fa48("1897") ? false : stryMutAct_9fa48("1896") ? true : (stryCov_9fa48("1896", "1897", "1898"), spec.kind === (stryMutAct_9fa48("1899") ? "" : (stryCov_9fa48("1899"), 'window-average')))) {
      if (stryMutAct_9fa48("1900")) {
        {}
      } else {
        stryCov_9fa48("1900");
        const weeks = stryMutAct_9fa48("1901") ? spec.weeks && 13 : (stryCov_9fa48("1901"), spec.weeks ?? 13);
        if (stryMutAct_9fa48("1904") ? weeks !== 4 || weeks !== 13 : stryMutAct_9fa48("1903") ? false : stryMutAct_9fa48("1902") ? true : (stryCov_9fa48("1902", "1903", "1904"), (stryMutAct_9fa48("1906") ? weeks === 4 : stryMutAct_9fa48("1905") ? true : (stryCov_9fa48("1905", "1906"), weeks !== 4)) && (stryMutAct_9fa48("1908") ? weeks === 13 : stryMutAct_9fa48("1907") ? true : (stryCov_9fa48("1907", "1908"), weeks !== 13)))) throw new ArgumentRangeError(stryMutAct_9fa48("1909") ? `` : (stryCov_9fa48("1909"), `${where}: model.weeks must be 4 or 13 for a window average, got ${JSON.stringify(spec.weeks)}`));
        out.weeks = weeks;
      }
    }
    if (stryMutAct_9fa48("1912") ? spec.kind === 'mlp' || spec.mlp !== undefined : stryMutAct_9fa48("1911") ? false : stryMutAct_9fa48("1910") ? true : (stryCov_9fa48("1910", "1911", "1912"), (stryMutAct_9fa48("1914") ? spec.kind !== 'mlp' : stryMutAct_9fa48("1913") ? true : (stryCov_9fa48("1913", "1914"), spec.kind === (stryMutAct_9fa48("1915") ? "" : (stryCov_9fa48("1915"), 'mlp')))) && (stryMutAct_9fa48("1917") ? spec.mlp === undefined : stryMutAct_9fa48("1916") ? true : (stryCov_9fa48("1916", "1917"), spec.mlp !== undefined)))) out.mlp = spec.mlp;
    if (stryMutAct_9fa48("1920") ? spec.correction === undefined : stryMutAct_9fa48("1919") ? false : stryMutAct_9fa48("1918") ? true : (stryCov_9fa48("1918", "1919", "1920"), spec.correction !== undefined)) {
      if (stryMutAct_9fa48("1921")) {
        {}
      } else {
        stryCov_9fa48("1921");
        if (stryMutAct_9fa48("1924") ? spec.kind !== 'log-linear' && spec.kind !== 'mlp' && spec.correction !== 'smearing' && spec.correction !== 'absolute' : stryMutAct_9fa48("1923") ? false : stryMutAct_9fa48("1922") ? true : (stryCov_9fa48("1922", "1923", "1924"), (stryMutAct_9fa48("1926") ? spec.kind !== 'log-linear' || spec.kind !== 'mlp' : stryMutAct_9fa48("1925") ? false : (stryCov_9fa48("1925", "1926"), (stryMutAct_9fa48("1928") ? spec.kind === 'log-linear' : stryMutAct_9fa48("1927") ? true : (stryCov_9fa48("1927", "1928"), spec.kind !== (stryMutAct_9fa48("1929") ? "" : (stryCov_9fa48("1929"), 'log-linear')))) && (stryMutAct_9fa48("1931") ? spec.kind === 'mlp' : stryMutAct_9fa48("1930") ? true : (stryCov_9fa48("1930", "1931"), spec.kind !== (stryMutAct_9fa48("1932") ? "" : (stryCov_9fa48("1932"), 'mlp')))))) || (stryMutAct_9fa48("1934") ? spec.correction !== 'smearing' || spec.correction !== 'absolute' : stryMutAct_9fa48("1933") ? false : (stryCov_9fa48("1933", "1934"), (stryMutAct_9fa48("1936") ? spec.correction === 'smearing' : stryMutAct_9fa48("1935") ? true : (stryCov_9fa48("1935", "1936"), spec.correction !== (stryMutAct_9fa48("1937") ? "" : (stryCov_9fa48("1937"), 'smearing')))) && (stryMutAct_9fa48("1939") ? spec.correction === 'absolute' : stryMutAct_9fa48("1938") ? true : (stryCov_9fa48("1938", "1939"), spec.correction !== (stryMutAct_9fa48("1940") ? "" : (stryCov_9fa48("1940"), 'absolute')))))))) throw new ArgumentTypeError(stryMutAct_9fa48("1941") ? `` : (stryCov_9fa48("1941"), `${where}: model.correction is 'smearing' or 'absolute', for log-linear and mlp models, got ${JSON.stringify(spec.correction)}`));
        out.correction = spec.correction;
      }
    }
    return out;
  }
}

/** The design a kind reads: its feature names and whether inputs are standardized. */
function designOf(spec: ModelSpec): {
  features: string[];
  standardized: boolean;
} {
  if (stryMutAct_9fa48("1942")) {
    {}
  } else {
    stryCov_9fa48("1942");
    if (stryMutAct_9fa48("1945") ? spec.kind !== 'naive' : stryMutAct_9fa48("1944") ? false : stryMutAct_9fa48("1943") ? true : (stryCov_9fa48("1943", "1944", "1945"), spec.kind === (stryMutAct_9fa48("1946") ? "" : (stryCov_9fa48("1946"), 'naive')))) return stryMutAct_9fa48("1947") ? {} : (stryCov_9fa48("1947"), {
      features: stryMutAct_9fa48("1948") ? [] : (stryCov_9fa48("1948"), [stryMutAct_9fa48("1949") ? "" : (stryCov_9fa48("1949"), 'last_engagement_per_post')]),
      standardized: stryMutAct_9fa48("1950") ? true : (stryCov_9fa48("1950"), false)
    });
    if (stryMutAct_9fa48("1953") ? spec.kind !== 'window-average' : stryMutAct_9fa48("1952") ? false : stryMutAct_9fa48("1951") ? true : (stryCov_9fa48("1951", "1952", "1953"), spec.kind === (stryMutAct_9fa48("1954") ? "" : (stryCov_9fa48("1954"), 'window-average')))) return stryMutAct_9fa48("1955") ? {} : (stryCov_9fa48("1955"), {
      features: stryMutAct_9fa48("1956") ? [] : (stryCov_9fa48("1956"), [stryMutAct_9fa48("1957") ? `` : (stryCov_9fa48("1957"), `engagement_per_post_${stryMutAct_9fa48("1958") ? spec.weeks && 13 : (stryCov_9fa48("1958"), spec.weeks ?? 13)}w`)]),
      standardized: stryMutAct_9fa48("1959") ? true : (stryCov_9fa48("1959"), false)
    });
    const set: FeatureSet = stryMutAct_9fa48("1960") ? spec.features && 'robust' : (stryCov_9fa48("1960"), spec.features ?? (stryMutAct_9fa48("1961") ? "" : (stryCov_9fa48("1961"), 'robust')));
    return stryMutAct_9fa48("1962") ? {} : (stryCov_9fa48("1962"), {
      features: designFeatures(set, stryMutAct_9fa48("1965") ? spec.kind === 'log-linear' && spec.kind === 'mlp' : stryMutAct_9fa48("1964") ? false : stryMutAct_9fa48("1963") ? true : (stryCov_9fa48("1963", "1964", "1965"), (stryMutAct_9fa48("1967") ? spec.kind !== 'log-linear' : stryMutAct_9fa48("1966") ? false : (stryCov_9fa48("1966", "1967"), spec.kind === (stryMutAct_9fa48("1968") ? "" : (stryCov_9fa48("1968"), 'log-linear')))) || (stryMutAct_9fa48("1970") ? spec.kind !== 'mlp' : stryMutAct_9fa48("1969") ? false : (stryCov_9fa48("1969", "1970"), spec.kind === (stryMutAct_9fa48("1971") ? "" : (stryCov_9fa48("1971"), 'mlp')))))),
      standardized: stryMutAct_9fa48("1972") ? false : (stryCov_9fa48("1972"), true)
    });
  }
}

/** Fits one head of a kind on the (standardized) design at candidate positions. */
function fitHead(spec: ModelSpec, x: readonly Float64Array[], target: Float64Array, rows: Int32Array, seed: number): CorrectedHead {
  if (stryMutAct_9fa48("1973")) {
    {}
  } else {
    stryCov_9fa48("1973");
    switch (spec.kind) {
      case stryMutAct_9fa48("1975") ? "" : (stryCov_9fa48("1975"), 'linear'):
        if (stryMutAct_9fa48("1974")) {} else {
          stryCov_9fa48("1974");
          return fitLinearHead(x, target, rows, stryMutAct_9fa48("1976") ? true : (stryCov_9fa48("1976"), false));
        }
      case stryMutAct_9fa48("1978") ? "" : (stryCov_9fa48("1978"), 'log-linear'):
        if (stryMutAct_9fa48("1977")) {} else {
          stryCov_9fa48("1977");
          return fitLinearHead(x, target, rows, stryMutAct_9fa48("1979") ? false : (stryCov_9fa48("1979"), true), stryMutAct_9fa48("1980") ? spec.correction && 'absolute' : (stryCov_9fa48("1980"), spec.correction ?? (stryMutAct_9fa48("1981") ? "" : (stryCov_9fa48("1981"), 'absolute'))));
        }
      case stryMutAct_9fa48("1983") ? "" : (stryCov_9fa48("1983"), 'ridge'):
        if (stryMutAct_9fa48("1982")) {} else {
          stryCov_9fa48("1982");
          return fitRidgeHead(x, target, rows, stryMutAct_9fa48("1984") ? spec.lambda && 0.01 : (stryCov_9fa48("1984"), spec.lambda ?? 0.01));
        }
      case stryMutAct_9fa48("1986") ? "" : (stryCov_9fa48("1986"), 'mlp'):
        if (stryMutAct_9fa48("1985")) {} else {
          stryCov_9fa48("1985");
          return fitMlpHead(x, target, rows, stryMutAct_9fa48("1987") ? {} : (stryCov_9fa48("1987"), {
            seed,
            ...(spec.correction ? stryMutAct_9fa48("1988") ? {} : (stryCov_9fa48("1988"), {
              correction: spec.correction
            }) : {}),
            ...(spec.mlp as MlpOptions | undefined)
          }));
        }
      default:
        if (stryMutAct_9fa48("1989")) {} else {
          stryCov_9fa48("1989");
          return {};
        }
    }
  }
}

/** Forecasts of a head at candidate positions (before clipping). */
function forecastAt(spec: ModelSpec, head: CorrectedHead, x: readonly Float64Array[], rows: Int32Array): Float64Array {
  if (stryMutAct_9fa48("1990")) {
    {}
  } else {
    stryCov_9fa48("1990");
    const out = new Float64Array(rows.length);
    const row = new Float64Array(x.length);
    for (let k = 0; stryMutAct_9fa48("1993") ? k >= rows.length : stryMutAct_9fa48("1992") ? k <= rows.length : stryMutAct_9fa48("1991") ? false : (stryCov_9fa48("1991", "1992", "1993"), k < rows.length); stryMutAct_9fa48("1994") ? k-- : (stryCov_9fa48("1994"), k++)) {
      if (stryMutAct_9fa48("1995")) {
        {}
      } else {
        stryCov_9fa48("1995");
        for (let j = 0; stryMutAct_9fa48("1998") ? j >= x.length : stryMutAct_9fa48("1997") ? j <= x.length : stryMutAct_9fa48("1996") ? false : (stryCov_9fa48("1996", "1997", "1998"), j < x.length); stryMutAct_9fa48("1999") ? j-- : (stryCov_9fa48("1999"), j++)) row[j] = x[j]![rows[k]!]!;
        out[k] = applyEstimator(spec.kind, head, row);
      }
    }
    return out;
  }
}

/** Options of a `corrected` training (see `TrainOptions`). */
export interface CorrectedTrainOptions {
  cutoffDay: number;
  cutoff: string;
  model: ModelSpec;
  /** Calibration weeks before the cutoff; 0: no intervals. */
  calibrationWeeks: number;
  onProgress?: ProgressCallback;
}

/** What a `corrected` training returns (the fields `TrainResult` shares). */
export interface CorrectedTrainResult {
  model: EngagementModel;
  metrics: Record<TargetName, Metrics>;
  rows: CorrectedRowCounts;
  warnings: string[];
}
const perTarget = stryMutAct_9fa48("2000") ? () => undefined : (stryCov_9fa48("2000"), (() => {
  const perTarget = <V,>(f: (t: TargetName, h: number) => V): Record<TargetName, V> => Object.fromEntries(TARGETS.map((t, h) => [t, f(t, h)])) as Record<TargetName, V>;
  return perTarget;
})());

/** T, `corrected` preset. */
export function trainCorrected(weekly: WeeklyFrame, options: CorrectedTrainOptions): CorrectedTrainResult {
  if (stryMutAct_9fa48("2001")) {
    {}
  } else {
    stryCov_9fa48("2001");
    const {
      cutoffDay,
      cutoff,
      model: spec
    } = options;
    const warnings: string[] = stryMutAct_9fa48("2002") ? ["Stryker was here"] : (stryCov_9fa48("2002"), []);
    stryMutAct_9fa48("2003") ? options.onProgress({
      stage: 'select',
      rows: weekly.length
    }) : (stryCov_9fa48("2003"), options.onProgress?.(stryMutAct_9fa48("2004") ? {} : (stryCov_9fa48("2004"), {
      stage: stryMutAct_9fa48("2005") ? "" : (stryCov_9fa48("2005"), 'select'),
      rows: weekly.length
    })));
    const c = candidatesOf(weekly);
    const last = HORIZONS[stryMutAct_9fa48("2006") ? HORIZONS.length + 1 : (stryCov_9fa48("2006"), HORIZONS.length - 1)]!;
    // Q6: a train row's furthest target week (its Sunday + 28 days) is on or before the cutoff.
    const inTrain = stryMutAct_9fa48("2007") ? () => undefined : (stryCov_9fa48("2007"), (() => {
      const inTrain = (sunday: number): boolean => stryMutAct_9fa48("2011") ? sunday + last > cutoffDay : stryMutAct_9fa48("2010") ? sunday + last < cutoffDay : stryMutAct_9fa48("2009") ? false : stryMutAct_9fa48("2008") ? true : (stryCov_9fa48("2008", "2009", "2010", "2011"), (stryMutAct_9fa48("2012") ? sunday - last : (stryCov_9fa48("2012"), sunday + last)) <= cutoffDay);
      return inTrain;
    })());
    const train = HORIZONS.map(stryMutAct_9fa48("2013") ? () => undefined : (stryCov_9fa48("2013"), (_, h) => positions(c, h, inTrain)));
    const test = HORIZONS.map(stryMutAct_9fa48("2014") ? () => undefined : (stryCov_9fa48("2014"), (_, h) => positions(c, h, stryMutAct_9fa48("2015") ? () => undefined : (stryCov_9fa48("2015"), d => stryMutAct_9fa48("2019") ? d <= cutoffDay : stryMutAct_9fa48("2018") ? d >= cutoffDay : stryMutAct_9fa48("2017") ? false : stryMutAct_9fa48("2016") ? true : (stryCov_9fa48("2016", "2017", "2018", "2019"), d > cutoffDay)))));
    let gap = 0;
    for (let k = 0; stryMutAct_9fa48("2022") ? k >= c.rows.length : stryMutAct_9fa48("2021") ? k <= c.rows.length : stryMutAct_9fa48("2020") ? false : (stryCov_9fa48("2020", "2021", "2022"), k < c.rows.length); stryMutAct_9fa48("2023") ? k-- : (stryCov_9fa48("2023"), k++)) if (stryMutAct_9fa48("2026") ? c.date[k]! <= cutoffDay || !inTrain(c.date[k]!) : stryMutAct_9fa48("2025") ? false : stryMutAct_9fa48("2024") ? true : (stryCov_9fa48("2024", "2025", "2026"), (stryMutAct_9fa48("2029") ? c.date[k]! > cutoffDay : stryMutAct_9fa48("2028") ? c.date[k]! < cutoffDay : stryMutAct_9fa48("2027") ? true : (stryCov_9fa48("2027", "2028", "2029"), c.date[k]! <= cutoffDay)) && (stryMutAct_9fa48("2030") ? inTrain(c.date[k]!) : (stryCov_9fa48("2030"), !inTrain(c.date[k]!))))) stryMutAct_9fa48("2031") ? gap-- : (stryCov_9fa48("2031"), gap++);
    if (stryMutAct_9fa48("2034") ? train.every(t => t.length === 0) : stryMutAct_9fa48("2033") ? false : stryMutAct_9fa48("2032") ? true : (stryCov_9fa48("2032", "2033", "2034"), train.some(stryMutAct_9fa48("2035") ? () => undefined : (stryCov_9fa48("2035"), t => stryMutAct_9fa48("2038") ? t.length !== 0 : stryMutAct_9fa48("2037") ? false : stryMutAct_9fa48("2036") ? true : (stryCov_9fa48("2036", "2037", "2038"), t.length === 0))))) {
      if (stryMutAct_9fa48("2039")) {
        {}
      } else {
        stryCov_9fa48("2039");
        throw new ArgumentRangeError(stryMutAct_9fa48("2040") ? `` : (stryCov_9fa48("2040"), `trainModels: no train rows whose 28-day target lies on or before ${cutoff} for every horizon (${c.rows.length} rows have a target and a posting history)`));
      }
    }
    const design = designOf(spec);
    stryMutAct_9fa48("2041") ? options.onProgress({
      stage: 'features',
      rows: c.rows.length
    }) : (stryCov_9fa48("2041"), options.onProgress?.(stryMutAct_9fa48("2042") ? {} : (stryCov_9fa48("2042"), {
      stage: stryMutAct_9fa48("2043") ? "" : (stryCov_9fa48("2043"), 'features'),
      rows: c.rows.length
    })));
    const {
      columns
    } = designColumns(weekly, design.features, c.rows);
    const trainUnion = unionOf(train, c.rows.length);
    const scaler = StandardScaler.fitColumns(design.features, columns, trainUnion);
    // The intervals' profile scale (13-week pooled average, imputed): taken from the design when it has it, before standardizing.
    const scaleAt = design.features.findIndex(stryMutAct_9fa48("2044") ? () => undefined : (stryCov_9fa48("2044"), f => stryMutAct_9fa48("2047") ? parseFeature(f).column !== 'engagement_per_post_13w' : stryMutAct_9fa48("2046") ? false : stryMutAct_9fa48("2045") ? true : (stryCov_9fa48("2045", "2046", "2047"), parseFeature(f).column === (stryMutAct_9fa48("2048") ? "" : (stryCov_9fa48("2048"), 'engagement_per_post_13w')))));
    const scaleColumn = (stryMutAct_9fa48("2052") ? scaleAt >= 0 : stryMutAct_9fa48("2051") ? scaleAt <= 0 : stryMutAct_9fa48("2050") ? false : stryMutAct_9fa48("2049") ? true : (stryCov_9fa48("2049", "2050", "2051", "2052"), scaleAt < 0)) ? null : parseFeature(design.features[scaleAt]!).log ? columns[scaleAt]!.map(Math.expm1) : Float64Array.from(columns[scaleAt]!);
    if (stryMutAct_9fa48("2054") ? false : stryMutAct_9fa48("2053") ? true : (stryCov_9fa48("2053", "2054"), design.standardized)) standardizeColumns(columns, scaler);

    // Calibration fits (on the rows known before the calibration windows) are needed below; the
    // kinds solved by normal equations reuse their sums for the final fit.
    const calCut = stryMutAct_9fa48("2055") ? cutoffDay - last + 7 * options.calibrationWeeks : (stryCov_9fa48("2055"), (stryMutAct_9fa48("2056") ? cutoffDay + last : (stryCov_9fa48("2056"), cutoffDay - last)) - (stryMutAct_9fa48("2057") ? 7 / options.calibrationWeeks : (stryCov_9fa48("2057"), 7 * options.calibrationWeeks)));
    const fitRows = HORIZONS.map(stryMutAct_9fa48("2058") ? () => undefined : (stryCov_9fa48("2058"), (_, h) => positions(c, h, stryMutAct_9fa48("2059") ? () => undefined : (stryCov_9fa48("2059"), d => stryMutAct_9fa48("2063") ? d + last > calCut : stryMutAct_9fa48("2062") ? d + last < calCut : stryMutAct_9fa48("2061") ? false : stryMutAct_9fa48("2060") ? true : (stryCov_9fa48("2060", "2061", "2062", "2063"), (stryMutAct_9fa48("2064") ? d - last : (stryCov_9fa48("2064"), d + last)) <= calCut)))));
    const calibrate = stryMutAct_9fa48("2067") ? options.calibrationWeeks > 0 || fitRows.every(r => r.length > 0) : stryMutAct_9fa48("2066") ? false : stryMutAct_9fa48("2065") ? true : (stryCov_9fa48("2065", "2066", "2067"), (stryMutAct_9fa48("2070") ? options.calibrationWeeks <= 0 : stryMutAct_9fa48("2069") ? options.calibrationWeeks >= 0 : stryMutAct_9fa48("2068") ? true : (stryCov_9fa48("2068", "2069", "2070"), options.calibrationWeeks > 0)) && (stryMutAct_9fa48("2071") ? fitRows.some(r => r.length > 0) : (stryCov_9fa48("2071"), fitRows.every(stryMutAct_9fa48("2072") ? () => undefined : (stryCov_9fa48("2072"), r => stryMutAct_9fa48("2076") ? r.length <= 0 : stryMutAct_9fa48("2075") ? r.length >= 0 : stryMutAct_9fa48("2074") ? false : stryMutAct_9fa48("2073") ? true : (stryCov_9fa48("2073", "2074", "2075", "2076"), r.length > 0))))));
    const calibrationHeads: (CorrectedHead | null)[] = HORIZONS.map(stryMutAct_9fa48("2077") ? () => undefined : (stryCov_9fa48("2077"), () => null));
    stryMutAct_9fa48("2078") ? options.onProgress({
      stage: 'fit',
      rows: trainUnion.length
    }) : (stryCov_9fa48("2078"), options.onProgress?.(stryMutAct_9fa48("2079") ? {} : (stryCov_9fa48("2079"), {
      stage: stryMutAct_9fa48("2080") ? "" : (stryCov_9fa48("2080"), 'fit'),
      rows: trainUnion.length
    })));
    const heads = perTarget((_, h) => {
      if (stryMutAct_9fa48("2081")) {
        {}
      } else {
        stryCov_9fa48("2081");
        if (stryMutAct_9fa48("2084") ? !calibrate && spec.kind !== 'log-linear' && spec.kind !== 'ridge' : stryMutAct_9fa48("2083") ? false : stryMutAct_9fa48("2082") ? true : (stryCov_9fa48("2082", "2083", "2084"), (stryMutAct_9fa48("2085") ? calibrate : (stryCov_9fa48("2085"), !calibrate)) || (stryMutAct_9fa48("2087") ? spec.kind !== 'log-linear' || spec.kind !== 'ridge' : stryMutAct_9fa48("2086") ? false : (stryCov_9fa48("2086", "2087"), (stryMutAct_9fa48("2089") ? spec.kind === 'log-linear' : stryMutAct_9fa48("2088") ? true : (stryCov_9fa48("2088", "2089"), spec.kind !== (stryMutAct_9fa48("2090") ? "" : (stryCov_9fa48("2090"), 'log-linear')))) && (stryMutAct_9fa48("2092") ? spec.kind === 'ridge' : stryMutAct_9fa48("2091") ? true : (stryCov_9fa48("2091", "2092"), spec.kind !== (stryMutAct_9fa48("2093") ? "" : (stryCov_9fa48("2093"), 'ridge')))))))) return fitHead(spec, columns, c.targets[h]!, train[h]!, stryMutAct_9fa48("2094") ? h - 1 : (stryCov_9fa48("2094"), h + 1));
        const transform = (stryMutAct_9fa48("2097") ? spec.kind !== 'log-linear' : stryMutAct_9fa48("2096") ? false : stryMutAct_9fa48("2095") ? true : (stryCov_9fa48("2095", "2096", "2097"), spec.kind === (stryMutAct_9fa48("2098") ? "" : (stryCov_9fa48("2098"), 'log-linear')))) ? Math.log1p : undefined;
        const early = new NormalSums(columns.length).add(columns, c.targets[h]!, fitRows[h]!, transform);
        const later = new NormalSums(columns.length).add(columns, c.targets[h]!, positions(c, h, stryMutAct_9fa48("2099") ? () => undefined : (stryCov_9fa48("2099"), d => stryMutAct_9fa48("2102") ? d + last > calCut || d + last <= cutoffDay : stryMutAct_9fa48("2101") ? false : stryMutAct_9fa48("2100") ? true : (stryCov_9fa48("2100", "2101", "2102"), (stryMutAct_9fa48("2105") ? d + last <= calCut : stryMutAct_9fa48("2104") ? d + last >= calCut : stryMutAct_9fa48("2103") ? true : (stryCov_9fa48("2103", "2104", "2105"), (stryMutAct_9fa48("2106") ? d - last : (stryCov_9fa48("2106"), d + last)) > calCut)) && (stryMutAct_9fa48("2109") ? d + last > cutoffDay : stryMutAct_9fa48("2108") ? d + last < cutoffDay : stryMutAct_9fa48("2107") ? true : (stryCov_9fa48("2107", "2108", "2109"), (stryMutAct_9fa48("2110") ? d - last : (stryCov_9fa48("2110"), d + last)) <= cutoffDay))))), transform);
        const all = early.plus(later);
        if (stryMutAct_9fa48("2113") ? spec.kind !== 'ridge' : stryMutAct_9fa48("2112") ? false : stryMutAct_9fa48("2111") ? true : (stryCov_9fa48("2111", "2112", "2113"), spec.kind === (stryMutAct_9fa48("2114") ? "" : (stryCov_9fa48("2114"), 'ridge')))) {
          if (stryMutAct_9fa48("2115")) {
            {}
          } else {
            stryCov_9fa48("2115");
            calibrationHeads[h] = early.solve(stryMutAct_9fa48("2116") ? spec.lambda && 0.01 : (stryCov_9fa48("2116"), spec.lambda ?? 0.01));
            return all.solve(stryMutAct_9fa48("2117") ? spec.lambda && 0.01 : (stryCov_9fa48("2117"), spec.lambda ?? 0.01));
          }
        }
        calibrationHeads[h] = logHeadFromSums(early, columns, c.targets[h]!, fitRows[h]!, stryMutAct_9fa48("2118") ? spec.correction && 'absolute' : (stryCov_9fa48("2118"), spec.correction ?? (stryMutAct_9fa48("2119") ? "" : (stryCov_9fa48("2119"), 'absolute'))));
        return logHeadFromSums(all, columns, c.targets[h]!, train[h]!, stryMutAct_9fa48("2120") ? spec.correction && 'absolute' : (stryCov_9fa48("2120"), spec.correction ?? (stryMutAct_9fa48("2121") ? "" : (stryCov_9fa48("2121"), 'absolute'))));
      }
    });
    stryMutAct_9fa48("2122") ? options.onProgress({
      stage: 'metrics',
      rows: test[0]!.length
    }) : (stryCov_9fa48("2122"), options.onProgress?.(stryMutAct_9fa48("2123") ? {} : (stryCov_9fa48("2123"), {
      stage: stryMutAct_9fa48("2124") ? "" : (stryCov_9fa48("2124"), 'metrics'),
      rows: test[0]!.length
    })));
    const metrics = perTarget((t, h) => {
      if (stryMutAct_9fa48("2125")) {
        {}
      } else {
        stryCov_9fa48("2125");
        const predicted = forecastAt(spec, heads[t], columns, test[h]!).map(stryMutAct_9fa48("2126") ? () => undefined : (stryCov_9fa48("2126"), v => (stryMutAct_9fa48("2130") ? v >= 0 : stryMutAct_9fa48("2129") ? v <= 0 : stryMutAct_9fa48("2128") ? false : stryMutAct_9fa48("2127") ? true : (stryCov_9fa48("2127", "2128", "2129", "2130"), v < 0)) ? 0 : v));
        return regressionMetrics(Float64Array.from(test[h]!, stryMutAct_9fa48("2131") ? () => undefined : (stryCov_9fa48("2131"), k => c.targets[h]![k]!)), predicted);
      }
    });

    // Intervals: a model fitted on what was known before the calibration origins scores them.
    let intervals: IntervalCalibration | null = null;
    const calibration = perTarget(stryMutAct_9fa48("2132") ? () => undefined : (stryCov_9fa48("2132"), () => 0));
    if (stryMutAct_9fa48("2136") ? options.calibrationWeeks <= 0 : stryMutAct_9fa48("2135") ? options.calibrationWeeks >= 0 : stryMutAct_9fa48("2134") ? false : stryMutAct_9fa48("2133") ? true : (stryCov_9fa48("2133", "2134", "2135", "2136"), options.calibrationWeeks > 0)) {
      if (stryMutAct_9fa48("2137")) {
        {}
      } else {
        stryCov_9fa48("2137");
        stryMutAct_9fa48("2138") ? options.onProgress({
          stage: 'calibrate',
          rows: trainUnion.length
        }) : (stryCov_9fa48("2138"), options.onProgress?.(stryMutAct_9fa48("2139") ? {} : (stryCov_9fa48("2139"), {
          stage: stryMutAct_9fa48("2140") ? "" : (stryCov_9fa48("2140"), 'calibrate'),
          rows: trainUnion.length
        })));
        if (stryMutAct_9fa48("2143") ? false : stryMutAct_9fa48("2142") ? true : stryMutAct_9fa48("2141") ? calibrate : (stryCov_9fa48("2141", "2142", "2143"), !calibrate)) {
          if (stryMutAct_9fa48("2144")) {
            {}
          } else {
            stryCov_9fa48("2144");
            warnings.push(stryMutAct_9fa48("2145") ? `` : (stryCov_9fa48("2145"), `no intervals: no rows before the calibration windows (${formatDay(calCut)}); train with an earlier cutoff's data or more history`));
          }
        } else {
          if (stryMutAct_9fa48("2146")) {
            {}
          } else {
            stryCov_9fa48("2146");
            const scale = stryMutAct_9fa48("2147") ? scaleColumn && designColumns(weekly, ['engagement_per_post_13w'], c.rows).columns[0]! : (stryCov_9fa48("2147"), scaleColumn ?? designColumns(weekly, stryMutAct_9fa48("2148") ? [] : (stryCov_9fa48("2148"), [stryMutAct_9fa48("2149") ? "" : (stryCov_9fa48("2149"), 'engagement_per_post_13w')]), c.rows).columns[0]!);
            const horizons = perTarget((t, h) => {
              if (stryMutAct_9fa48("2150")) {
                {}
              } else {
                stryCov_9fa48("2150");
                const head = stryMutAct_9fa48("2151") ? calibrationHeads[h] && fitHead(spec, columns, c.targets[h]!, fitRows[h]!, h + 101) : (stryCov_9fa48("2151"), calibrationHeads[h] ?? fitHead(spec, columns, c.targets[h]!, fitRows[h]!, stryMutAct_9fa48("2152") ? h - 101 : (stryCov_9fa48("2152"), h + 101)));
                const rows = positions(c, h, stryMutAct_9fa48("2153") ? () => undefined : (stryCov_9fa48("2153"), d => stryMutAct_9fa48("2156") ? d > calCut || d + HORIZONS[h]! <= cutoffDay : stryMutAct_9fa48("2155") ? false : stryMutAct_9fa48("2154") ? true : (stryCov_9fa48("2154", "2155", "2156"), (stryMutAct_9fa48("2159") ? d <= calCut : stryMutAct_9fa48("2158") ? d >= calCut : stryMutAct_9fa48("2157") ? true : (stryCov_9fa48("2157", "2158", "2159"), d > calCut)) && (stryMutAct_9fa48("2162") ? d + HORIZONS[h]! > cutoffDay : stryMutAct_9fa48("2161") ? d + HORIZONS[h]! < cutoffDay : stryMutAct_9fa48("2160") ? true : (stryCov_9fa48("2160", "2161", "2162"), (stryMutAct_9fa48("2163") ? d - HORIZONS[h]! : (stryCov_9fa48("2163"), d + HORIZONS[h]!)) <= cutoffDay)))));
                const predicted = forecastAt(spec, head, columns, rows);
                const scores = new Float64Array(rows.length);
                for (let k = 0; stryMutAct_9fa48("2166") ? k >= rows.length : stryMutAct_9fa48("2165") ? k <= rows.length : stryMutAct_9fa48("2164") ? false : (stryCov_9fa48("2164", "2165", "2166"), k < rows.length); stryMutAct_9fa48("2167") ? k-- : (stryCov_9fa48("2167"), k++)) {
                  if (stryMutAct_9fa48("2168")) {
                    {}
                  } else {
                    stryCov_9fa48("2168");
                    const y = c.targets[h]![rows[k]!]!;
                    scores[k] = stryMutAct_9fa48("2169") ? Math.abs(y - Math.max(0, predicted[k]!)) * Math.max(INTERVAL_FLOOR, scale[rows[k]!]!) : (stryCov_9fa48("2169"), Math.abs(stryMutAct_9fa48("2170") ? y + Math.max(0, predicted[k]!) : (stryCov_9fa48("2170"), y - (stryMutAct_9fa48("2171") ? Math.min(0, predicted[k]!) : (stryCov_9fa48("2171"), Math.max(0, predicted[k]!))))) / (stryMutAct_9fa48("2172") ? Math.min(INTERVAL_FLOOR, scale[rows[k]!]!) : (stryCov_9fa48("2172"), Math.max(INTERVAL_FLOOR, scale[rows[k]!]!))));
                  }
                }
                calibration[t] = rows.length;
                return scoreQuantiles(scores);
              }
            });
            intervals = stryMutAct_9fa48("2173") ? {} : (stryCov_9fa48("2173"), {
              method: stryMutAct_9fa48("2174") ? "" : (stryCov_9fa48("2174"), 'split-conformal, |actual - forecast| / profile scale'),
              scale: stryMutAct_9fa48("2175") ? "" : (stryCov_9fa48("2175"), 'engagement_per_post_13w'),
              floor: INTERVAL_FLOOR,
              from: formatDay(stryMutAct_9fa48("2176") ? calCut - 7 : (stryCov_9fa48("2176"), calCut + 7)),
              to: formatDay(stryMutAct_9fa48("2177") ? cutoffDay + HORIZONS[0]! : (stryCov_9fa48("2177"), cutoffDay - HORIZONS[0]!)),
              horizons
            });
            if (stryMutAct_9fa48("2180") ? false : stryMutAct_9fa48("2179") ? true : stryMutAct_9fa48("2178") ? calibrationComplete(intervals) : (stryCov_9fa48("2178", "2179", "2180"), !calibrationComplete(intervals))) {
              if (stryMutAct_9fa48("2181")) {
                {}
              } else {
                stryCov_9fa48("2181");
                warnings.push(stryMutAct_9fa48("2182") ? "" : (stryCov_9fa48("2182"), 'no intervals: a horizon has no calibration rows'));
                intervals = null;
              }
            }
          }
        }
      }
    }
    stryMutAct_9fa48("2183") ? options.onProgress({
      stage: 'cold start',
      rows: c.cold.rows.length
    }) : (stryCov_9fa48("2183"), options.onProgress?.(stryMutAct_9fa48("2184") ? {} : (stryCov_9fa48("2184"), {
      stage: stryMutAct_9fa48("2185") ? "" : (stryCov_9fa48("2185"), 'cold start'),
      rows: c.cold.rows.length
    })));
    const coldStart = fitColdStart(weekly, c.cold, cutoffDay, options.calibrationWeeks, INTERVAL_FLOOR);
    if (stryMutAct_9fa48("2188") ? false : stryMutAct_9fa48("2187") ? true : stryMutAct_9fa48("2186") ? coldStart : (stryCov_9fa48("2186", "2187", "2188"), !coldStart)) warnings.push(stryMutAct_9fa48("2189") ? "" : (stryCov_9fa48("2189"), 'no cold-start heads: too few weeks of profiles without a posting history; such profiles get the model\'s forecast from imputed inputs'));
    const rows: CorrectedRowCounts = stryMutAct_9fa48("2190") ? {} : (stryCov_9fa48("2190"), {
      weekly: weekly.length,
      train: perTarget(stryMutAct_9fa48("2191") ? () => undefined : (stryCov_9fa48("2191"), (_, h) => train[h]!.length)),
      test: perTarget(stryMutAct_9fa48("2192") ? () => undefined : (stryCov_9fa48("2192"), (_, h) => test[h]!.length)),
      noTarget: perTarget(stryMutAct_9fa48("2193") ? () => undefined : (stryCov_9fa48("2193"), (_, h) => c.noTarget[h]!)),
      noHistory: c.noHistory,
      gap,
      calibration
    });
    let first = Number.POSITIVE_INFINITY;
    let lastSunday = Number.NEGATIVE_INFINITY;
    for (const d of c.date) {
      if (stryMutAct_9fa48("2194")) {
        {}
      } else {
        stryCov_9fa48("2194");
        if (stryMutAct_9fa48("2198") ? d >= first : stryMutAct_9fa48("2197") ? d <= first : stryMutAct_9fa48("2196") ? false : stryMutAct_9fa48("2195") ? true : (stryCov_9fa48("2195", "2196", "2197", "2198"), d < first)) first = d;
        if (stryMutAct_9fa48("2202") ? d <= lastSunday : stryMutAct_9fa48("2201") ? d >= lastSunday : stryMutAct_9fa48("2200") ? false : stryMutAct_9fa48("2199") ? true : (stryCov_9fa48("2199", "2200", "2201", "2202"), d > lastSunday)) lastSunday = d;
      }
    }
    const model: EngagementModel = stryMutAct_9fa48("2203") ? {} : (stryCov_9fa48("2203"), {
      formatVersion: FORMAT_VERSION_2,
      library: stryMutAct_9fa48("2204") ? {} : (stryCov_9fa48("2204"), {
        name: LIBRARY_NAME,
        version: VERSION
      }),
      preset: stryMutAct_9fa48("2205") ? "" : (stryCov_9fa48("2205"), 'corrected'),
      estimator: spec,
      features: design.features,
      inputScaling: design.standardized ? stryMutAct_9fa48("2206") ? "" : (stryCov_9fa48("2206"), 'standard') : stryMutAct_9fa48("2207") ? "" : (stryCov_9fa48("2207"), 'none'),
      scaler: scaler.toJSON(),
      models: heads as EngagementModel['models'],
      training: stryMutAct_9fa48("2208") ? {} : (stryCov_9fa48("2208"), {
        cutoff,
        from: formatDay(first),
        to: formatDay(lastSunday),
        rows
      }),
      metrics,
      baseline: null,
      intervals,
      coldStart,
      description: stryMutAct_9fa48("2209") ? `` : (stryCov_9fa48("2209"), `${spec.kind}${(stryMutAct_9fa48("2212") ? spec.kind !== 'window-average' : stryMutAct_9fa48("2211") ? false : stryMutAct_9fa48("2210") ? true : (stryCov_9fa48("2210", "2211", "2212"), spec.kind === (stryMutAct_9fa48("2213") ? "" : (stryCov_9fa48("2213"), 'window-average')))) ? stryMutAct_9fa48("2214") ? `` : (stryCov_9fa48("2214"), ` ${stryMutAct_9fa48("2215") ? spec.weeks && 13 : (stryCov_9fa48("2215"), spec.weeks ?? 13)} weeks`) : stryMutAct_9fa48("2216") ? "Stryker was here!" : (stryCov_9fa48("2216"), '')} per horizon, corrected preset, trained on weeks whose 28-day target lies on or before ${cutoff}`)
    });
    return stryMutAct_9fa48("2217") ? {} : (stryCov_9fa48("2217"), {
      model: withTargetAliases(model),
      metrics,
      rows,
      warnings
    });
  }
}

/** The smallest profile scale intervals use (engagement per post). */
export const INTERVAL_FLOOR = 1;

/** The sorted union of several position lists (positions below `size`). */
function unionOf(lists: readonly Int32Array[], size: number): Int32Array {
  if (stryMutAct_9fa48("2218")) {
    {}
  } else {
    stryCov_9fa48("2218");
    const mark = new Uint8Array(size);
    let count = 0;
    for (const l of lists) {
      if (stryMutAct_9fa48("2219")) {
        {}
      } else {
        stryCov_9fa48("2219");
        for (const k of l) {
          if (stryMutAct_9fa48("2220")) {
            {}
          } else {
            stryCov_9fa48("2220");
            if (stryMutAct_9fa48("2223") ? false : stryMutAct_9fa48("2222") ? true : stryMutAct_9fa48("2221") ? mark[k] : (stryCov_9fa48("2221", "2222", "2223"), !mark[k])) {
              if (stryMutAct_9fa48("2224")) {
                {}
              } else {
                stryCov_9fa48("2224");
                mark[k] = 1;
                stryMutAct_9fa48("2225") ? count-- : (stryCov_9fa48("2225"), count++);
              }
            }
          }
        }
      }
    }
    const out = new Int32Array(count);
    let o = 0;
    for (let k = 0; stryMutAct_9fa48("2228") ? k >= size : stryMutAct_9fa48("2227") ? k <= size : stryMutAct_9fa48("2226") ? false : (stryCov_9fa48("2226", "2227", "2228"), k < size); stryMutAct_9fa48("2229") ? k-- : (stryCov_9fa48("2229"), k++)) if (stryMutAct_9fa48("2231") ? false : stryMutAct_9fa48("2230") ? true : (stryCov_9fa48("2230", "2231"), mark[k])) out[stryMutAct_9fa48("2232") ? o-- : (stryCov_9fa48("2232"), o++)] = k;
    return out;
  }
}