/*
 * Linear heads: standardizing features, `(x − mean) / scale` (T4's
 * transform), and applying `intercept + Σ coef[j] · x[j]` (T6's model). The
 * one home of both for training, scoring, the baseline and prediction.
 */
// @ts-nocheck


/** A linear head, as stored (`LinearHead`) or as fitted (typed arrays). */function stryNS_9fa48() {
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
export interface Head {
  coef: ArrayLike<number>;
  intercept: number;
}

/** A standardization: per feature, the mean subtracted and the scale divided by. */
export interface Standardization {
  mean: ArrayLike<number>;
  scale: ArrayLike<number>;
}

/** One standardized value: `(x − mean) / scale`. */
export function standardize(x: number, mean: number, scale: number): number {
  if (stryMutAct_9fa48("811")) {
    {}
  } else {
    stryCov_9fa48("811");
    return stryMutAct_9fa48("812") ? (x - mean) * scale : (stryCov_9fa48("812"), (stryMutAct_9fa48("813") ? x + mean : (stryCov_9fa48("813"), x - mean)) / scale);
  }
}

/** A feature row standardized, into `out` (a new array when omitted). */
export function standardizeRow(row: ArrayLike<number>, by: Standardization, out: Float64Array = new Float64Array(row.length)): Float64Array {
  if (stryMutAct_9fa48("814")) {
    {}
  } else {
    stryCov_9fa48("814");
    for (let j = 0; stryMutAct_9fa48("817") ? j >= row.length : stryMutAct_9fa48("816") ? j <= row.length : stryMutAct_9fa48("815") ? false : (stryCov_9fa48("815", "816", "817"), j < row.length); stryMutAct_9fa48("818") ? j-- : (stryCov_9fa48("818"), j++)) out[j] = standardize(row[j]!, by.mean[j]!, by.scale[j]!);
    return out;
  }
}

/** Feature columns standardized in place (`columns[j][k]`), as training and prediction both need them. */
export function standardizeColumns(columns: readonly Float64Array[], by: Standardization): void {
  if (stryMutAct_9fa48("819")) {
    {}
  } else {
    stryCov_9fa48("819");
    columns.forEach((col, j) => {
      if (stryMutAct_9fa48("820")) {
        {}
      } else {
        stryCov_9fa48("820");
        const mean = by.mean[j]!;
        const scale = by.scale[j]!;
        for (let k = 0; stryMutAct_9fa48("823") ? k >= col.length : stryMutAct_9fa48("822") ? k <= col.length : stryMutAct_9fa48("821") ? false : (stryCov_9fa48("821", "822", "823"), k < col.length); stryMutAct_9fa48("824") ? k-- : (stryCov_9fa48("824"), k++)) col[k] = standardize(col[k]!, mean, scale);
      }
    });
  }
}

/** A head applied to one feature row. */
export function applyHead(head: Head, x: ArrayLike<number>): number {
  if (stryMutAct_9fa48("825")) {
    {}
  } else {
    stryCov_9fa48("825");
    let y = 0;
    for (let j = 0; stryMutAct_9fa48("828") ? j >= x.length : stryMutAct_9fa48("827") ? j <= x.length : stryMutAct_9fa48("826") ? false : (stryCov_9fa48("826", "827", "828"), j < x.length); stryMutAct_9fa48("829") ? j-- : (stryCov_9fa48("829"), j++)) stryMutAct_9fa48("830") ? y -= head.coef[j]! * x[j]! : (stryCov_9fa48("830"), y += stryMutAct_9fa48("831") ? head.coef[j]! / x[j]! : (stryCov_9fa48("831"), head.coef[j]! * x[j]!));
    return stryMutAct_9fa48("832") ? y - head.intercept : (stryCov_9fa48("832"), y + head.intercept);
  }
}

/**
 * A head applied to the rows `rows` of feature columns (`columns[j][i]` is
 * feature j of row i), the features standardized first when `by` is given.
 */
export function predictRows(columns: readonly ArrayLike<number>[], head: Head, rows: ArrayLike<number>, by?: Standardization): Float64Array {
  if (stryMutAct_9fa48("833")) {
    {}
  } else {
    stryCov_9fa48("833");
    const out = new Float64Array(rows.length);
    const x = new Float64Array(columns.length);
    for (let k = 0; stryMutAct_9fa48("836") ? k >= rows.length : stryMutAct_9fa48("835") ? k <= rows.length : stryMutAct_9fa48("834") ? false : (stryCov_9fa48("834", "835", "836"), k < rows.length); stryMutAct_9fa48("837") ? k-- : (stryCov_9fa48("837"), k++)) {
      if (stryMutAct_9fa48("838")) {
        {}
      } else {
        stryCov_9fa48("838");
        const i = rows[k]!;
        for (let j = 0; stryMutAct_9fa48("841") ? j >= columns.length : stryMutAct_9fa48("840") ? j <= columns.length : stryMutAct_9fa48("839") ? false : (stryCov_9fa48("839", "840", "841"), j < columns.length); stryMutAct_9fa48("842") ? j-- : (stryCov_9fa48("842"), j++)) x[j] = by ? standardize(columns[j]![i]!, by.mean[j]!, by.scale[j]!) : columns[j]![i]!;
        out[k] = applyHead(head, x);
      }
    }
    return out;
  }
}