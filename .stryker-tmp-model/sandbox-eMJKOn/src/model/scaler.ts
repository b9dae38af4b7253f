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
import { WeeklyFrame } from '../frame/weekly-frame.js';
import { FEATURES } from '../schema.js';
import { parseDayStrict } from '../calendar.js';
import { standardizeRow } from './linear.js';
import { selectRows } from './selection.js';

/** A fitted scaler's state, as saved in model files (scikit-learn's `mean_`, `var_`, `scale_`, `n_samples_seen_`). */
export interface ScalerState {
  features: string[];
  mean: number[];
  var: number[];
  scale: number[];
  nSamplesSeen: number[];
}

/**
 * Whether a feature's variance is indistinguishable from 0 given its mean,
 * as scikit-learn's `_is_constant_feature` decides: such features get scale 1.
 */
export function isConstantFeature(variance: number, mean: number, n: number): boolean {
  if (stryMutAct_9fa48("1637")) {
    {}
  } else {
    stryCov_9fa48("1637");
    const eps = Number.EPSILON;
    const upper = stryMutAct_9fa48("1638") ? n * eps * variance - (n * mean * eps) ** 2 : (stryCov_9fa48("1638"), (stryMutAct_9fa48("1639") ? n * eps / variance : (stryCov_9fa48("1639"), (stryMutAct_9fa48("1640") ? n / eps : (stryCov_9fa48("1640"), n * eps)) * variance)) + (stryMutAct_9fa48("1641") ? n * mean / eps : (stryCov_9fa48("1641"), (stryMutAct_9fa48("1642") ? n / mean : (stryCov_9fa48("1642"), n * mean)) * eps)) ** 2);
    return stryMutAct_9fa48("1646") ? variance > upper : stryMutAct_9fa48("1645") ? variance < upper : stryMutAct_9fa48("1644") ? false : stryMutAct_9fa48("1643") ? true : (stryCov_9fa48("1643", "1644", "1645", "1646"), variance <= upper);
  }
}

/**
 * Mean and population variance of `values` at `rows` (all when omitted),
 * ignoring NaN, with scikit-learn's correction term for rounding.
 */
function meanAndVariance(values: ArrayLike<number>, rows?: ArrayLike<number>): {
  mean: number;
  variance: number;
  n: number;
} {
  if (stryMutAct_9fa48("1647")) {
    {}
  } else {
    stryCov_9fa48("1647");
    const m = rows ? rows.length : values.length;
    let n = 0;
    let sum = 0;
    for (let k = 0; stryMutAct_9fa48("1650") ? k >= m : stryMutAct_9fa48("1649") ? k <= m : stryMutAct_9fa48("1648") ? false : (stryCov_9fa48("1648", "1649", "1650"), k < m); stryMutAct_9fa48("1651") ? k-- : (stryCov_9fa48("1651"), k++)) {
      if (stryMutAct_9fa48("1652")) {
        {}
      } else {
        stryCov_9fa48("1652");
        const v = values[rows ? rows[k]! : k]!;
        if (stryMutAct_9fa48("1655") ? v !== v : stryMutAct_9fa48("1654") ? false : stryMutAct_9fa48("1653") ? true : (stryCov_9fa48("1653", "1654", "1655"), v === v)) {
          if (stryMutAct_9fa48("1656")) {
            {}
          } else {
            stryCov_9fa48("1656");
            stryMutAct_9fa48("1657") ? sum -= v : (stryCov_9fa48("1657"), sum += v);
            stryMutAct_9fa48("1658") ? n-- : (stryCov_9fa48("1658"), n++);
          }
        }
      }
    }
    if (stryMutAct_9fa48("1661") ? n !== 0 : stryMutAct_9fa48("1660") ? false : stryMutAct_9fa48("1659") ? true : (stryCov_9fa48("1659", "1660", "1661"), n === 0)) return stryMutAct_9fa48("1662") ? {} : (stryCov_9fa48("1662"), {
      mean: Number.NaN,
      variance: Number.NaN,
      n: 0
    });
    const mean = stryMutAct_9fa48("1663") ? sum * n : (stryCov_9fa48("1663"), sum / n);
    let sq = 0;
    let correction = 0;
    for (let k = 0; stryMutAct_9fa48("1666") ? k >= m : stryMutAct_9fa48("1665") ? k <= m : stryMutAct_9fa48("1664") ? false : (stryCov_9fa48("1664", "1665", "1666"), k < m); stryMutAct_9fa48("1667") ? k-- : (stryCov_9fa48("1667"), k++)) {
      if (stryMutAct_9fa48("1668")) {
        {}
      } else {
        stryCov_9fa48("1668");
        const v = values[rows ? rows[k]! : k]!;
        if (stryMutAct_9fa48("1671") ? v !== v : stryMutAct_9fa48("1670") ? false : stryMutAct_9fa48("1669") ? true : (stryCov_9fa48("1669", "1670", "1671"), v === v)) {
          if (stryMutAct_9fa48("1672")) {
            {}
          } else {
            stryCov_9fa48("1672");
            const d = stryMutAct_9fa48("1673") ? v + mean : (stryCov_9fa48("1673"), v - mean);
            stryMutAct_9fa48("1674") ? correction -= d : (stryCov_9fa48("1674"), correction += d);
            stryMutAct_9fa48("1675") ? sq -= d * d : (stryCov_9fa48("1675"), sq += stryMutAct_9fa48("1676") ? d / d : (stryCov_9fa48("1676"), d * d));
          }
        }
      }
    }
    return stryMutAct_9fa48("1677") ? {} : (stryCov_9fa48("1677"), {
      mean,
      variance: stryMutAct_9fa48("1678") ? (sq - correction * correction / n) * n : (stryCov_9fa48("1678"), (stryMutAct_9fa48("1679") ? sq + correction * correction / n : (stryCov_9fa48("1679"), sq - (stryMutAct_9fa48("1680") ? correction * correction * n : (stryCov_9fa48("1680"), (stryMutAct_9fa48("1681") ? correction / correction : (stryCov_9fa48("1681"), correction * correction)) / n)))) / n),
      n
    });
  }
}

/**
 * A fitted standard scaler: `(x - mean) / scale`. Fit with `fitScaler`.
 */
export class StandardScaler {
  readonly features: readonly string[];
  readonly mean: Float64Array;
  readonly var: Float64Array;
  readonly scale: Float64Array;
  readonly nSamplesSeen: Int32Array;
  constructor(state: ScalerState) {
    if (stryMutAct_9fa48("1682")) {
      {}
    } else {
      stryCov_9fa48("1682");
      const p = state.features.length;
      for (const key of ['mean', 'var', 'scale', 'nSamplesSeen'] as const) {
        if (stryMutAct_9fa48("1683")) {
          {}
        } else {
          stryCov_9fa48("1683");
          if (stryMutAct_9fa48("1686") ? !Array.isArray(state[key]) || !ArrayBuffer.isView(state[key]) : stryMutAct_9fa48("1685") ? false : stryMutAct_9fa48("1684") ? true : (stryCov_9fa48("1684", "1685", "1686"), (stryMutAct_9fa48("1687") ? Array.isArray(state[key]) : (stryCov_9fa48("1687"), !Array.isArray(state[key]))) && (stryMutAct_9fa48("1688") ? ArrayBuffer.isView(state[key]) : (stryCov_9fa48("1688"), !ArrayBuffer.isView(state[key]))))) throw new ArgumentTypeError(stryMutAct_9fa48("1689") ? `` : (stryCov_9fa48("1689"), `StandardScaler: '${key}' must be an array`));
          if (stryMutAct_9fa48("1692") ? state[key].length === p : stryMutAct_9fa48("1691") ? false : stryMutAct_9fa48("1690") ? true : (stryCov_9fa48("1690", "1691", "1692"), state[key].length !== p)) throw new ArgumentTypeError(stryMutAct_9fa48("1693") ? `` : (stryCov_9fa48("1693"), `StandardScaler: '${key}' has ${state[key].length} values for ${p} features`));
        }
      }
      this.features = stryMutAct_9fa48("1694") ? [] : (stryCov_9fa48("1694"), [...state.features]);
      this.mean = Float64Array.from(state.mean);
      this.var = Float64Array.from(state.var);
      this.scale = Float64Array.from(state.scale);
      this.nSamplesSeen = Int32Array.from(state.nSamplesSeen);
    }
  }

  /** Scales one feature row (in `features` order). */
  transform(row: ArrayLike<number>): Float64Array {
    if (stryMutAct_9fa48("1695")) {
      {}
    } else {
      stryCov_9fa48("1695");
      if (stryMutAct_9fa48("1698") ? row.length === this.features.length : stryMutAct_9fa48("1697") ? false : stryMutAct_9fa48("1696") ? true : (stryCov_9fa48("1696", "1697", "1698"), row.length !== this.features.length)) {
        if (stryMutAct_9fa48("1699")) {
          {}
        } else {
          stryCov_9fa48("1699");
          throw new ArgumentRangeError(stryMutAct_9fa48("1700") ? `` : (stryCov_9fa48("1700"), `StandardScaler.transform: expected ${this.features.length} values, got ${row.length}`));
        }
      }
      return standardizeRow(row, this);
    }
  }

  /** Plain-JSON state (for model files). */
  toJSON(): ScalerState {
    if (stryMutAct_9fa48("1701")) {
      {}
    } else {
      stryCov_9fa48("1701");
      return stryMutAct_9fa48("1702") ? {} : (stryCov_9fa48("1702"), {
        features: stryMutAct_9fa48("1703") ? [] : (stryCov_9fa48("1703"), [...this.features]),
        mean: Array.from(this.mean),
        var: Array.from(this.var),
        scale: Array.from(this.scale),
        nSamplesSeen: Array.from(this.nSamplesSeen)
      });
    }
  }

  /** Fits on feature columns (`columns[j]` holds feature j), at `rows` when given. */
  static fitColumns(features: readonly string[], columns: readonly ArrayLike<number>[], rows?: ArrayLike<number>): StandardScaler {
    if (stryMutAct_9fa48("1704")) {
      {}
    } else {
      stryCov_9fa48("1704");
      const state: ScalerState = stryMutAct_9fa48("1705") ? {} : (stryCov_9fa48("1705"), {
        features: stryMutAct_9fa48("1706") ? [] : (stryCov_9fa48("1706"), [...features]),
        mean: stryMutAct_9fa48("1707") ? ["Stryker was here"] : (stryCov_9fa48("1707"), []),
        var: stryMutAct_9fa48("1708") ? ["Stryker was here"] : (stryCov_9fa48("1708"), []),
        scale: stryMutAct_9fa48("1709") ? ["Stryker was here"] : (stryCov_9fa48("1709"), []),
        nSamplesSeen: stryMutAct_9fa48("1710") ? ["Stryker was here"] : (stryCov_9fa48("1710"), [])
      });
      columns.forEach(column => {
        if (stryMutAct_9fa48("1711")) {
          {}
        } else {
          stryCov_9fa48("1711");
          const {
            mean,
            variance,
            n
          } = meanAndVariance(column, rows);
          state.mean.push(mean);
          state.var.push(variance);
          state.scale.push(isConstantFeature(variance, mean, n) ? 1 : Math.sqrt(variance));
          state.nSamplesSeen.push(n);
        }
      });
      return new StandardScaler(state);
    }
  }
}

/** Options of `fitScaler`. */
export interface FitScalerOptions {
  /** Feature names (weekly column names); default: the 21 model features. */
  features?: readonly string[];
  /** Row numbers to fit on; default: every row (or the train rows when `cutoff` is given). */
  rows?: ArrayLike<number>;
  /** Fit on the train rows of steps T1–T3 with this cutoff (`YYYY-MM-DD`), as training does. */
  cutoff?: string;
}

/**
 * Fits a standard scaler with scikit-learn's `StandardScaler` semantics (T4):
 * per feature the mean and the population standard deviation (divide by n)
 * of the non-missing values; a near-constant feature gets scale 1.
 *
 * @param input a weekly table, or a matrix of feature rows.
 * @example
 * const scaler = fitScaler(weekly, { cutoff: '2024-07-30' }); // as trainModels fits it
 * scaler.transform(row); scaler.toJSON();
 */
export function fitScaler(input: WeeklyFrame | readonly ArrayLike<number>[], options: FitScalerOptions = {}): StandardScaler {
  if (stryMutAct_9fa48("1712")) {
    {}
  } else {
    stryCov_9fa48("1712");
    if (stryMutAct_9fa48("1714") ? false : stryMutAct_9fa48("1713") ? true : (stryCov_9fa48("1713", "1714"), input instanceof WeeklyFrame)) {
      if (stryMutAct_9fa48("1715")) {
        {}
      } else {
        stryCov_9fa48("1715");
        const features = stryMutAct_9fa48("1716") ? options.features && FEATURES : (stryCov_9fa48("1716"), options.features ?? FEATURES);
        if (stryMutAct_9fa48("1719") ? options.cutoff === undefined : stryMutAct_9fa48("1718") ? false : stryMutAct_9fa48("1717") ? true : (stryCov_9fa48("1717", "1718", "1719"), options.cutoff !== undefined)) {
          if (stryMutAct_9fa48("1720")) {
            {}
          } else {
            stryCov_9fa48("1720");
            if (stryMutAct_9fa48("1722") ? false : stryMutAct_9fa48("1721") ? true : (stryCov_9fa48("1721", "1722"), options.rows)) throw new ArgumentTypeError(stryMutAct_9fa48("1723") ? "" : (stryCov_9fa48("1723"), 'fitScaler: give either rows or cutoff, not both'));
            if (stryMutAct_9fa48("1725") ? false : stryMutAct_9fa48("1724") ? true : (stryCov_9fa48("1724", "1725"), options.features)) throw new ArgumentTypeError(stryMutAct_9fa48("1726") ? "" : (stryCov_9fa48("1726"), 'fitScaler: with cutoff, the scaler is fitted on the model features'));
            const selection = selectRows(input, parseDayStrict(options.cutoff, stryMutAct_9fa48("1727") ? "" : (stryCov_9fa48("1727"), 'fitScaler: cutoff')));
            return StandardScaler.fitColumns(FEATURES, selection.features, selection.train);
          }
        }
        const rows = options.rows;
        return StandardScaler.fitColumns(features, features.map(stryMutAct_9fa48("1728") ? () => undefined : (stryCov_9fa48("1728"), f => rows ? input.columnAt(f, rows) : input.column(f))));
      }
    }
    if (stryMutAct_9fa48("1731") ? false : stryMutAct_9fa48("1730") ? true : stryMutAct_9fa48("1729") ? Array.isArray(input) : (stryCov_9fa48("1729", "1730", "1731"), !Array.isArray(input))) throw new ArgumentTypeError(stryMutAct_9fa48("1732") ? "" : (stryCov_9fa48("1732"), 'fitScaler: expected a WeeklyFrame or an array of feature rows'));
    const width = input.length ? input[0]!.length : 0;
    const features = stryMutAct_9fa48("1733") ? options.features && Array.from({
      length: width
    }, (_, j) => `x${j}`) : (stryCov_9fa48("1733"), options.features ?? Array.from(stryMutAct_9fa48("1734") ? {} : (stryCov_9fa48("1734"), {
      length: width
    }), stryMutAct_9fa48("1735") ? () => undefined : (stryCov_9fa48("1735"), (_, j) => stryMutAct_9fa48("1736") ? `` : (stryCov_9fa48("1736"), `x${j}`))));
    const columns = features.map((_, j) => {
      if (stryMutAct_9fa48("1737")) {
        {}
      } else {
        stryCov_9fa48("1737");
        const c = new Float64Array(input.length);
        input.forEach((row, i) => {
          if (stryMutAct_9fa48("1738")) {
            {}
          } else {
            stryCov_9fa48("1738");
            if (stryMutAct_9fa48("1741") ? row.length === features.length : stryMutAct_9fa48("1740") ? false : stryMutAct_9fa48("1739") ? true : (stryCov_9fa48("1739", "1740", "1741"), row.length !== features.length)) throw new ArgumentRangeError(stryMutAct_9fa48("1742") ? `` : (stryCov_9fa48("1742"), `fitScaler: row ${i} has ${row.length} values, expected ${features.length}`));
            c[i] = row[j]!;
          }
        });
        return c;
      }
    });
    return StandardScaler.fitColumns(features, columns, options.rows);
  }
}