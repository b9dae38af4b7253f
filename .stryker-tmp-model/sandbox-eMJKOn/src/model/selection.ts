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
import { targetAt } from '../features/targets.js';
import { COUNT_COLUMNS, FEATURES, HORIZONS, LAG_FEATURES, TARGETS } from '../schema.js';

/** Row counts along steps T1–T5. */
export interface RowCounts {
  /** Weekly rows in the table. */
  weekly: number;
  /** T1: rows whose four targets are present and finite. */
  afterTargetDrop: number;
  /** Rows dropped at T1 because a target was +Infinity (engagement in a week with 0 posts). */
  infiniteTargets: number;
  /** Rows dropped at T1 because a feature was infinite (a month with engagement but 0 posts). */
  infiniteFeatures: number;
  /** T2: rows left after dropping all-zero rows. */
  afterZeroDrop: number;
  /** T3: train rows (Sunday ≤ cutoff), before T5. */
  trainBeforeMissingDrop: number;
  /** T3: test rows (Sunday > cutoff), before T5. */
  testBeforeMissingDrop: number;
  /** T5: train rows fitted on. */
  train: number;
  /** T5: test rows scored. */
  test: number;
}

/**
 * The rows chosen by T1–T3, with their features and targets gathered into
 * compact columns: `features[j][k]` is feature j of the k-th chosen row, whose
 * weekly row number is `rows[k]`; `train` and `test` index into those.
 */
export interface RowSelection {
  rows: Int32Array;
  features: Float64Array[];
  targets: Float64Array[];
  train: Int32Array;
  test: Int32Array;
  counts: Omit<RowCounts, 'train' | 'test'>;
}

/**
 * Steps T1–T3: rows with all four targets (NaN is missing; +Infinity targets
 * and infinite features are counted and dropped, as no fit on them is
 * possible), then rows that are not all zero, split at `cutoffDay`. Features
 * are computed only for rows that pass T1.
 */
export function selectRows(weekly: WeeklyFrame, cutoffDay: number): RowSelection {
  if (stryMutAct_9fa48("1743")) {
    {}
  } else {
    stryCov_9fa48("1743");
    const n = weekly.length;
    const engagement = weekly.column(stryMutAct_9fa48("1744") ? "" : (stryCov_9fa48("1744"), 'engagement'));
    const posts = weekly.column(stryMutAct_9fa48("1745") ? "" : (stryCov_9fa48("1745"), 'posts'));
    const {
      offsets,
      profile
    } = weekly;

    // T1 on targets (N8): engagement per post 1…4 weeks later, in the same profile.
    const withTargets: number[] = stryMutAct_9fa48("1746") ? ["Stryker was here"] : (stryCov_9fa48("1746"), []);
    let infiniteTargets = 0;
    const last = HORIZONS.length;
    for (let i = 0; stryMutAct_9fa48("1749") ? i >= n : stryMutAct_9fa48("1748") ? i <= n : stryMutAct_9fa48("1747") ? false : (stryCov_9fa48("1747", "1748", "1749"), i < n); stryMutAct_9fa48("1750") ? i-- : (stryCov_9fa48("1750"), i++)) {
      if (stryMutAct_9fa48("1751")) {
        {}
      } else {
        stryCov_9fa48("1751");
        const end = offsets[stryMutAct_9fa48("1752") ? profile[i]! - 1 : (stryCov_9fa48("1752"), profile[i]! + 1)]!;
        if (stryMutAct_9fa48("1756") ? i + last < end : stryMutAct_9fa48("1755") ? i + last > end : stryMutAct_9fa48("1754") ? false : stryMutAct_9fa48("1753") ? true : (stryCov_9fa48("1753", "1754", "1755", "1756"), (stryMutAct_9fa48("1757") ? i - last : (stryCov_9fa48("1757"), i + last)) >= end)) continue;
        let missing = stryMutAct_9fa48("1758") ? true : (stryCov_9fa48("1758"), false);
        let infinite = stryMutAct_9fa48("1759") ? true : (stryCov_9fa48("1759"), false);
        for (let h = 1; stryMutAct_9fa48("1762") ? h > last : stryMutAct_9fa48("1761") ? h < last : stryMutAct_9fa48("1760") ? false : (stryCov_9fa48("1760", "1761", "1762"), h <= last); stryMutAct_9fa48("1763") ? h-- : (stryCov_9fa48("1763"), h++)) {
          if (stryMutAct_9fa48("1764")) {
            {}
          } else {
            stryCov_9fa48("1764");
            const v = targetAt(i, h, end, engagement, posts);
            if (stryMutAct_9fa48("1767") ? v === v : stryMutAct_9fa48("1766") ? false : stryMutAct_9fa48("1765") ? true : (stryCov_9fa48("1765", "1766", "1767"), v !== v)) missing = stryMutAct_9fa48("1768") ? false : (stryCov_9fa48("1768"), true);else if (stryMutAct_9fa48("1771") ? v !== Infinity : stryMutAct_9fa48("1770") ? false : stryMutAct_9fa48("1769") ? true : (stryCov_9fa48("1769", "1770", "1771"), v === Infinity)) infinite = stryMutAct_9fa48("1772") ? false : (stryCov_9fa48("1772"), true);
          }
        }
        if (stryMutAct_9fa48("1774") ? false : stryMutAct_9fa48("1773") ? true : (stryCov_9fa48("1773", "1774"), missing)) continue;
        if (stryMutAct_9fa48("1776") ? false : stryMutAct_9fa48("1775") ? true : (stryCov_9fa48("1775", "1776"), infinite)) stryMutAct_9fa48("1777") ? infiniteTargets-- : (stryCov_9fa48("1777"), infiniteTargets++);else withTargets.push(i);
      }
    }
    const candidates = Int32Array.from(withTargets);
    const features = FEATURES.map(stryMutAct_9fa48("1778") ? () => undefined : (stryCov_9fa48("1778"), f => weekly.columnAt(f, candidates)));
    const targets = TARGETS.map(stryMutAct_9fa48("1779") ? () => undefined : (stryCov_9fa48("1779"), t => weekly.columnAt(t, candidates)));
    const zeroChecked = stryMutAct_9fa48("1780") ? [] : (stryCov_9fa48("1780"), [...COUNT_COLUMNS.map(stryMutAct_9fa48("1781") ? () => undefined : (stryCov_9fa48("1781"), c => weekly.columnAt(c, candidates))), ...LAG_FEATURES.map(stryMutAct_9fa48("1782") ? () => undefined : (stryCov_9fa48("1782"), f => features[FEATURES.indexOf(f)]!))]);
    const date = weekly.column(stryMutAct_9fa48("1783") ? "" : (stryCov_9fa48("1783"), 'date'));
    const keep: number[] = stryMutAct_9fa48("1784") ? ["Stryker was here"] : (stryCov_9fa48("1784"), []);
    const train: number[] = stryMutAct_9fa48("1785") ? ["Stryker was here"] : (stryCov_9fa48("1785"), []);
    const test: number[] = stryMutAct_9fa48("1786") ? ["Stryker was here"] : (stryCov_9fa48("1786"), []);
    let infiniteFeatures = 0;
    let afterTargetDrop = 0;
    rows: for (let k = 0; stryMutAct_9fa48("1789") ? k >= candidates.length : stryMutAct_9fa48("1788") ? k <= candidates.length : stryMutAct_9fa48("1787") ? false : (stryCov_9fa48("1787", "1788", "1789"), k < candidates.length); stryMutAct_9fa48("1790") ? k-- : (stryCov_9fa48("1790"), k++)) {
      if (stryMutAct_9fa48("1791")) {
        {}
      } else {
        stryCov_9fa48("1791");
        for (const f of features) {
          if (stryMutAct_9fa48("1792")) {
            {}
          } else {
            stryCov_9fa48("1792");
            const v = f[k]!;
            if (stryMutAct_9fa48("1795") ? v === Infinity && v === -Infinity : stryMutAct_9fa48("1794") ? false : stryMutAct_9fa48("1793") ? true : (stryCov_9fa48("1793", "1794", "1795"), (stryMutAct_9fa48("1797") ? v !== Infinity : stryMutAct_9fa48("1796") ? false : (stryCov_9fa48("1796", "1797"), v === Infinity)) || (stryMutAct_9fa48("1799") ? v !== -Infinity : stryMutAct_9fa48("1798") ? false : (stryCov_9fa48("1798", "1799"), v === (stryMutAct_9fa48("1800") ? +Infinity : (stryCov_9fa48("1800"), -Infinity)))))) {
              if (stryMutAct_9fa48("1801")) {
                {}
              } else {
                stryCov_9fa48("1801");
                stryMutAct_9fa48("1802") ? infiniteFeatures-- : (stryCov_9fa48("1802"), infiniteFeatures++);
                continue rows;
              }
            }
          }
        }
        stryMutAct_9fa48("1803") ? afterTargetDrop-- : (stryCov_9fa48("1803"), afterTargetDrop++);
        let allZero = stryMutAct_9fa48("1804") ? false : (stryCov_9fa48("1804"), true);
        for (const c of zeroChecked) {
          if (stryMutAct_9fa48("1805")) {
            {}
          } else {
            stryCov_9fa48("1805");
            if (stryMutAct_9fa48("1808") ? c[k] === 0 : stryMutAct_9fa48("1807") ? false : stryMutAct_9fa48("1806") ? true : (stryCov_9fa48("1806", "1807", "1808"), c[k] !== 0)) {
              if (stryMutAct_9fa48("1809")) {
                {}
              } else {
                stryCov_9fa48("1809");
                allZero = stryMutAct_9fa48("1810") ? true : (stryCov_9fa48("1810"), false);
                break;
              }
            }
          }
        }
        if (stryMutAct_9fa48("1812") ? false : stryMutAct_9fa48("1811") ? true : (stryCov_9fa48("1811", "1812"), allZero)) continue;
        const at = keep.length;
        keep.push(k);
        ((stryMutAct_9fa48("1816") ? date[candidates[k]!]! > cutoffDay : stryMutAct_9fa48("1815") ? date[candidates[k]!]! < cutoffDay : stryMutAct_9fa48("1814") ? false : stryMutAct_9fa48("1813") ? true : (stryCov_9fa48("1813", "1814", "1815", "1816"), date[candidates[k]!]! <= cutoffDay)) ? train : test).push(at);
      }
    }
    // Compact in place (kept positions only move forward): no second copy of the columns.
    const kept = keep.length;
    const compact = (c: Float64Array): Float64Array => {
      if (stryMutAct_9fa48("1817")) {
        {}
      } else {
        stryCov_9fa48("1817");
        for (let k = 0; stryMutAct_9fa48("1820") ? k >= kept : stryMutAct_9fa48("1819") ? k <= kept : stryMutAct_9fa48("1818") ? false : (stryCov_9fa48("1818", "1819", "1820"), k < kept); stryMutAct_9fa48("1821") ? k-- : (stryCov_9fa48("1821"), k++)) c[k] = c[keep[k]!]!;
        return c.subarray(0, kept);
      }
    };
    const rows = new Int32Array(kept);
    for (let k = 0; stryMutAct_9fa48("1824") ? k >= kept : stryMutAct_9fa48("1823") ? k <= kept : stryMutAct_9fa48("1822") ? false : (stryCov_9fa48("1822", "1823", "1824"), k < kept); stryMutAct_9fa48("1825") ? k-- : (stryCov_9fa48("1825"), k++)) rows[k] = candidates[keep[k]!]!;
    return stryMutAct_9fa48("1826") ? {} : (stryCov_9fa48("1826"), {
      rows,
      features: features.map(compact),
      targets: targets.map(compact),
      train: Int32Array.from(train),
      test: Int32Array.from(test),
      counts: stryMutAct_9fa48("1827") ? {} : (stryCov_9fa48("1827"), {
        weekly: n,
        afterTargetDrop,
        infiniteTargets,
        infiniteFeatures,
        afterZeroDrop: kept,
        trainBeforeMissingDrop: train.length,
        testBeforeMissingDrop: test.length
      })
    });
  }
}

/** T5: the rows among `rows` with no missing feature. */
export function withoutMissing(columns: readonly ArrayLike<number>[], rows: Int32Array): Int32Array {
  if (stryMutAct_9fa48("1828")) {
    {}
  } else {
    stryCov_9fa48("1828");
    const keep: number[] = stryMutAct_9fa48("1829") ? ["Stryker was here"] : (stryCov_9fa48("1829"), []);
    outer: for (const i of rows) {
      if (stryMutAct_9fa48("1830")) {
        {}
      } else {
        stryCov_9fa48("1830");
        for (const c of columns) if (stryMutAct_9fa48("1833") ? c[i] === c[i] : stryMutAct_9fa48("1832") ? false : stryMutAct_9fa48("1831") ? true : (stryCov_9fa48("1831", "1832", "1833"), c[i] !== c[i])) continue outer;
        keep.push(i);
      }
    }
    return Int32Array.from(keep);
  }
}