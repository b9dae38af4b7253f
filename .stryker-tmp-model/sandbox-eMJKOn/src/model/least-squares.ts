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
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

/** The least-squares fit of several targets on the same features. */
export interface LeastSquaresFit {
  /** Coefficients per target, in feature order. */
  coef: Float64Array[];
  /** Intercept per target. */
  intercept: number[];
  /** Numerical rank of the centered design. */
  rank: number;
  /** Singular values of the centered design after scaling each column to unit norm. */
  singularValues: number[];
  /** Rows fitted on. */
  rows: number;
}

/**
 * T6: ordinary least squares with intercept, as scikit-learn's `LinearRegression`
 * solves it: on centered data, with the minimum-norm answer when the design is
 * rank deficient. Several targets share one pass over the rows.
 *
 * Method: means first; then each centered row, with its columns scaled to unit
 * norm, updates the triangular factor R of [X | Y] by Givens rotations (a QR
 * factorisation streamed over the rows, no XᵀX formed, no explicit inverse).
 * A full-rank design is solved by back substitution; a rank-deficient one by
 * the SVD of R in the original column scale, which gives the minimum-norm
 * solution of the unscaled problem. Rank is decided as NumPy does
 * (singular values below `max * max(n, p) * eps` are zero).
 *
 * Complexity: O(n · (p + t)²) time, O((p + t)²) memory beyond the inputs.
 *
 * @param x feature columns (`x[j][row]`)
 * @param y target columns (`y[k][row]`)
 * @param rows the row numbers to fit on
 * @throws {RangeError} with no rows.
 */
export function fitLeastSquares(x: readonly ArrayLike<number>[], y: readonly ArrayLike<number>[], rows: ArrayLike<number>): LeastSquaresFit {
  if (stryMutAct_9fa48("624")) {
    {}
  } else {
    stryCov_9fa48("624");
    const n = rows.length;
    const p = x.length;
    const t = y.length;
    if (stryMutAct_9fa48("627") ? n !== 0 : stryMutAct_9fa48("626") ? false : stryMutAct_9fa48("625") ? true : (stryCov_9fa48("625", "626", "627"), n === 0)) throw new ArgumentRangeError(stryMutAct_9fa48("628") ? "" : (stryCov_9fa48("628"), 'fitLeastSquares: no rows to fit on'));
    const m = stryMutAct_9fa48("629") ? p - t : (stryCov_9fa48("629"), p + t);
    const columns = stryMutAct_9fa48("630") ? [] : (stryCov_9fa48("630"), [...x, ...y]);
    const mean = new Float64Array(m);
    const norm = new Float64Array(m);
    for (let j = 0; stryMutAct_9fa48("633") ? j >= m : stryMutAct_9fa48("632") ? j <= m : stryMutAct_9fa48("631") ? false : (stryCov_9fa48("631", "632", "633"), j < m); stryMutAct_9fa48("634") ? j-- : (stryCov_9fa48("634"), j++)) {
      if (stryMutAct_9fa48("635")) {
        {}
      } else {
        stryCov_9fa48("635");
        const c = columns[j]!;
        let s = 0;
        for (let k = 0; stryMutAct_9fa48("638") ? k >= n : stryMutAct_9fa48("637") ? k <= n : stryMutAct_9fa48("636") ? false : (stryCov_9fa48("636", "637", "638"), k < n); stryMutAct_9fa48("639") ? k-- : (stryCov_9fa48("639"), k++)) stryMutAct_9fa48("640") ? s -= c[rows[k]!]! : (stryCov_9fa48("640"), s += c[rows[k]!]!);
        const mu = stryMutAct_9fa48("641") ? s * n : (stryCov_9fa48("641"), s / n);
        let ss = 0;
        for (let k = 0; stryMutAct_9fa48("644") ? k >= n : stryMutAct_9fa48("643") ? k <= n : stryMutAct_9fa48("642") ? false : (stryCov_9fa48("642", "643", "644"), k < n); stryMutAct_9fa48("645") ? k-- : (stryCov_9fa48("645"), k++)) stryMutAct_9fa48("646") ? ss -= (c[rows[k]!]! - mu) ** 2 : (stryCov_9fa48("646"), ss += (stryMutAct_9fa48("647") ? c[rows[k]!]! + mu : (stryCov_9fa48("647"), c[rows[k]!]! - mu)) ** 2);
        mean[j] = mu;
        norm[j] = (stryMutAct_9fa48("651") ? ss <= 0 : stryMutAct_9fa48("650") ? ss >= 0 : stryMutAct_9fa48("649") ? false : stryMutAct_9fa48("648") ? true : (stryCov_9fa48("648", "649", "650", "651"), ss > 0)) ? Math.sqrt(ss) : 1;
      }
    }

    // Streamed QR of the scaled, centered [X | Y] by Givens rotations.
    const r = new Float64Array(stryMutAct_9fa48("652") ? m / m : (stryCov_9fa48("652"), m * m));
    const v = new Float64Array(m);
    for (let k = 0; stryMutAct_9fa48("655") ? k >= n : stryMutAct_9fa48("654") ? k <= n : stryMutAct_9fa48("653") ? false : (stryCov_9fa48("653", "654", "655"), k < n); stryMutAct_9fa48("656") ? k-- : (stryCov_9fa48("656"), k++)) {
      if (stryMutAct_9fa48("657")) {
        {}
      } else {
        stryCov_9fa48("657");
        const row = rows[k]!;
        for (let j = 0; stryMutAct_9fa48("660") ? j >= m : stryMutAct_9fa48("659") ? j <= m : stryMutAct_9fa48("658") ? false : (stryCov_9fa48("658", "659", "660"), j < m); stryMutAct_9fa48("661") ? j-- : (stryCov_9fa48("661"), j++)) v[j] = stryMutAct_9fa48("662") ? (columns[j]![row]! - mean[j]!) * norm[j]! : (stryCov_9fa48("662"), (stryMutAct_9fa48("663") ? columns[j]![row]! + mean[j]! : (stryCov_9fa48("663"), columns[j]![row]! - mean[j]!)) / norm[j]!);
        for (let j = 0; stryMutAct_9fa48("666") ? j >= m : stryMutAct_9fa48("665") ? j <= m : stryMutAct_9fa48("664") ? false : (stryCov_9fa48("664", "665", "666"), j < m); stryMutAct_9fa48("667") ? j-- : (stryCov_9fa48("667"), j++)) {
          if (stryMutAct_9fa48("668")) {
            {}
          } else {
            stryCov_9fa48("668");
            const b = v[j]!;
            if (stryMutAct_9fa48("671") ? b !== 0 : stryMutAct_9fa48("670") ? false : stryMutAct_9fa48("669") ? true : (stryCov_9fa48("669", "670", "671"), b === 0)) continue;
            const d = stryMutAct_9fa48("672") ? j * m - j : (stryCov_9fa48("672"), (stryMutAct_9fa48("673") ? j / m : (stryCov_9fa48("673"), j * m)) + j);
            const a = r[d]!;
            const h = Math.sqrt(stryMutAct_9fa48("674") ? a * a - b * b : (stryCov_9fa48("674"), (stryMutAct_9fa48("675") ? a / a : (stryCov_9fa48("675"), a * a)) + (stryMutAct_9fa48("676") ? b / b : (stryCov_9fa48("676"), b * b))));
            const c = stryMutAct_9fa48("677") ? a * h : (stryCov_9fa48("677"), a / h);
            const s = stryMutAct_9fa48("678") ? b * h : (stryCov_9fa48("678"), b / h);
            r[d] = h;
            for (let q = stryMutAct_9fa48("679") ? j - 1 : (stryCov_9fa48("679"), j + 1); stryMutAct_9fa48("682") ? q >= m : stryMutAct_9fa48("681") ? q <= m : stryMutAct_9fa48("680") ? false : (stryCov_9fa48("680", "681", "682"), q < m); stryMutAct_9fa48("683") ? q-- : (stryCov_9fa48("683"), q++)) {
              if (stryMutAct_9fa48("684")) {
                {}
              } else {
                stryCov_9fa48("684");
                const rq = r[stryMutAct_9fa48("685") ? j * m - q : (stryCov_9fa48("685"), (stryMutAct_9fa48("686") ? j / m : (stryCov_9fa48("686"), j * m)) + q)]!;
                const vq = v[q]!;
                r[stryMutAct_9fa48("687") ? j * m - q : (stryCov_9fa48("687"), (stryMutAct_9fa48("688") ? j / m : (stryCov_9fa48("688"), j * m)) + q)] = stryMutAct_9fa48("689") ? c * rq - s * vq : (stryCov_9fa48("689"), (stryMutAct_9fa48("690") ? c / rq : (stryCov_9fa48("690"), c * rq)) + (stryMutAct_9fa48("691") ? s / vq : (stryCov_9fa48("691"), s * vq)));
                v[q] = stryMutAct_9fa48("692") ? c * vq + s * rq : (stryCov_9fa48("692"), (stryMutAct_9fa48("693") ? c / vq : (stryCov_9fa48("693"), c * vq)) - (stryMutAct_9fa48("694") ? s / rq : (stryCov_9fa48("694"), s * rq)));
              }
            }
          }
        }
      }
    }
    const r11 = new Matrix(p, p);
    for (let i = 0; stryMutAct_9fa48("697") ? i >= p : stryMutAct_9fa48("696") ? i <= p : stryMutAct_9fa48("695") ? false : (stryCov_9fa48("695", "696", "697"), i < p); stryMutAct_9fa48("698") ? i-- : (stryCov_9fa48("698"), i++)) for (let j = i; stryMutAct_9fa48("701") ? j >= p : stryMutAct_9fa48("700") ? j <= p : stryMutAct_9fa48("699") ? false : (stryCov_9fa48("699", "700", "701"), j < p); stryMutAct_9fa48("702") ? j-- : (stryCov_9fa48("702"), j++)) r11.set(i, j, r[stryMutAct_9fa48("703") ? i * m - j : (stryCov_9fa48("703"), (stryMutAct_9fa48("704") ? i / m : (stryCov_9fa48("704"), i * m)) + j)]!);
    const singularValues = (stryMutAct_9fa48("708") ? p <= 0 : stryMutAct_9fa48("707") ? p >= 0 : stryMutAct_9fa48("706") ? false : stryMutAct_9fa48("705") ? true : (stryCov_9fa48("705", "706", "707", "708"), p > 0)) ? new SingularValueDecomposition(r11, stryMutAct_9fa48("709") ? {} : (stryCov_9fa48("709"), {
      autoTranspose: stryMutAct_9fa48("710") ? false : (stryCov_9fa48("710"), true)
    })).diagonal : stryMutAct_9fa48("711") ? ["Stryker was here"] : (stryCov_9fa48("711"), []);
    const smax = singularValues.length ? stryMutAct_9fa48("712") ? Math.min(...singularValues) : (stryCov_9fa48("712"), Math.max(...singularValues)) : 0;
    const tol = stryMutAct_9fa48("713") ? smax * Math.max(n, p) / Number.EPSILON : (stryCov_9fa48("713"), (stryMutAct_9fa48("714") ? smax / Math.max(n, p) : (stryCov_9fa48("714"), smax * (stryMutAct_9fa48("715") ? Math.min(n, p) : (stryCov_9fa48("715"), Math.max(n, p))))) * Number.EPSILON);
    const rank = stryMutAct_9fa48("716") ? singularValues.length : (stryCov_9fa48("716"), singularValues.filter(stryMutAct_9fa48("717") ? () => undefined : (stryCov_9fa48("717"), s => stryMutAct_9fa48("721") ? s <= tol : stryMutAct_9fa48("720") ? s >= tol : stryMutAct_9fa48("719") ? false : stryMutAct_9fa48("718") ? true : (stryCov_9fa48("718", "719", "720", "721"), s > tol))).length);
    const coef: Float64Array[] = stryMutAct_9fa48("722") ? ["Stryker was here"] : (stryCov_9fa48("722"), []);
    const intercept: number[] = stryMutAct_9fa48("723") ? ["Stryker was here"] : (stryCov_9fa48("723"), []);
    let pinvSolve: ((rhs: Float64Array) => Float64Array) | null = null;
    if (stryMutAct_9fa48("727") ? rank >= p : stryMutAct_9fa48("726") ? rank <= p : stryMutAct_9fa48("725") ? false : stryMutAct_9fa48("724") ? true : (stryCov_9fa48("724", "725", "726", "727"), rank < p)) {
      if (stryMutAct_9fa48("728")) {
        {}
      } else {
        stryCov_9fa48("728");
        // Minimum norm in the original scale: R11·diag(norm) b = rhs.
        const unscaled = new Matrix(p, p);
        for (let i = 0; stryMutAct_9fa48("731") ? i >= p : stryMutAct_9fa48("730") ? i <= p : stryMutAct_9fa48("729") ? false : (stryCov_9fa48("729", "730", "731"), i < p); stryMutAct_9fa48("732") ? i-- : (stryCov_9fa48("732"), i++)) for (let j = i; stryMutAct_9fa48("735") ? j >= p : stryMutAct_9fa48("734") ? j <= p : stryMutAct_9fa48("733") ? false : (stryCov_9fa48("733", "734", "735"), j < p); stryMutAct_9fa48("736") ? j-- : (stryCov_9fa48("736"), j++)) unscaled.set(i, j, stryMutAct_9fa48("737") ? r[i * m + j]! / norm[j]! : (stryCov_9fa48("737"), r[stryMutAct_9fa48("738") ? i * m - j : (stryCov_9fa48("738"), (stryMutAct_9fa48("739") ? i / m : (stryCov_9fa48("739"), i * m)) + j)]! * norm[j]!));
        const svd = new SingularValueDecomposition(unscaled, stryMutAct_9fa48("740") ? {} : (stryCov_9fa48("740"), {
          autoTranspose: stryMutAct_9fa48("741") ? false : (stryCov_9fa48("741"), true)
        }));
        const u = svd.leftSingularVectors;
        const w = svd.rightSingularVectors;
        const sigma = svd.diagonal;
        const order = stryMutAct_9fa48("743") ? sigma.map((_, i) => i).slice(0, rank) : stryMutAct_9fa48("742") ? sigma.map((_, i) => i).sort((a, b) => sigma[b]! - sigma[a]!) : (stryCov_9fa48("742", "743"), sigma.map(stryMutAct_9fa48("744") ? () => undefined : (stryCov_9fa48("744"), (_, i) => i)).sort(stryMutAct_9fa48("745") ? () => undefined : (stryCov_9fa48("745"), (a, b) => stryMutAct_9fa48("746") ? sigma[b]! + sigma[a]! : (stryCov_9fa48("746"), sigma[b]! - sigma[a]!))).slice(0, rank));
        pinvSolve = rhs => {
          if (stryMutAct_9fa48("747")) {
            {}
          } else {
            stryCov_9fa48("747");
            const b = new Float64Array(p);
            for (const i of order) {
              if (stryMutAct_9fa48("748")) {
                {}
              } else {
                stryCov_9fa48("748");
                let dot = 0;
                for (let q = 0; stryMutAct_9fa48("751") ? q >= p : stryMutAct_9fa48("750") ? q <= p : stryMutAct_9fa48("749") ? false : (stryCov_9fa48("749", "750", "751"), q < p); stryMutAct_9fa48("752") ? q-- : (stryCov_9fa48("752"), q++)) stryMutAct_9fa48("753") ? dot -= u.get(q, i) * rhs[q]! : (stryCov_9fa48("753"), dot += stryMutAct_9fa48("754") ? u.get(q, i) / rhs[q]! : (stryCov_9fa48("754"), u.get(q, i) * rhs[q]!));
                const f = stryMutAct_9fa48("755") ? dot * sigma[i]! : (stryCov_9fa48("755"), dot / sigma[i]!);
                for (let q = 0; stryMutAct_9fa48("758") ? q >= p : stryMutAct_9fa48("757") ? q <= p : stryMutAct_9fa48("756") ? false : (stryCov_9fa48("756", "757", "758"), q < p); stryMutAct_9fa48("759") ? q-- : (stryCov_9fa48("759"), q++)) stryMutAct_9fa48("760") ? b[q]! -= w.get(q, i) * f : (stryCov_9fa48("760"), b[q]! += stryMutAct_9fa48("761") ? w.get(q, i) / f : (stryCov_9fa48("761"), w.get(q, i) * f));
              }
            }
            return b;
          }
        };
      }
    }
    for (let k = 0; stryMutAct_9fa48("764") ? k >= t : stryMutAct_9fa48("763") ? k <= t : stryMutAct_9fa48("762") ? false : (stryCov_9fa48("762", "763", "764"), k < t); stryMutAct_9fa48("765") ? k-- : (stryCov_9fa48("765"), k++)) {
      if (stryMutAct_9fa48("766")) {
        {}
      } else {
        stryCov_9fa48("766");
        const rhs = new Float64Array(p);
        for (let i = 0; stryMutAct_9fa48("769") ? i >= p : stryMutAct_9fa48("768") ? i <= p : stryMutAct_9fa48("767") ? false : (stryCov_9fa48("767", "768", "769"), i < p); stryMutAct_9fa48("770") ? i-- : (stryCov_9fa48("770"), i++)) rhs[i] = stryMutAct_9fa48("771") ? r[i * m + p + k]! / norm[p + k]! : (stryCov_9fa48("771"), r[stryMutAct_9fa48("772") ? i * m + p - k : (stryCov_9fa48("772"), (stryMutAct_9fa48("773") ? i * m - p : (stryCov_9fa48("773"), (stryMutAct_9fa48("774") ? i / m : (stryCov_9fa48("774"), i * m)) + p)) + k)]! * norm[stryMutAct_9fa48("775") ? p - k : (stryCov_9fa48("775"), p + k)]!);
        let b: Float64Array;
        if (stryMutAct_9fa48("777") ? false : stryMutAct_9fa48("776") ? true : (stryCov_9fa48("776", "777"), pinvSolve)) {
          if (stryMutAct_9fa48("778")) {
            {}
          } else {
            stryCov_9fa48("778");
            b = pinvSolve(rhs);
          }
        } else {
          if (stryMutAct_9fa48("779")) {
            {}
          } else {
            stryCov_9fa48("779");
            // Back substitution on R11 (scaled columns), then back to the original scale.
            b = new Float64Array(p);
            for (let i = stryMutAct_9fa48("780") ? p + 1 : (stryCov_9fa48("780"), p - 1); stryMutAct_9fa48("783") ? i < 0 : stryMutAct_9fa48("782") ? i > 0 : stryMutAct_9fa48("781") ? false : (stryCov_9fa48("781", "782", "783"), i >= 0); stryMutAct_9fa48("784") ? i++ : (stryCov_9fa48("784"), i--)) {
              if (stryMutAct_9fa48("785")) {
                {}
              } else {
                stryCov_9fa48("785");
                let s = rhs[i]!;
                for (let j = stryMutAct_9fa48("786") ? i - 1 : (stryCov_9fa48("786"), i + 1); stryMutAct_9fa48("789") ? j >= p : stryMutAct_9fa48("788") ? j <= p : stryMutAct_9fa48("787") ? false : (stryCov_9fa48("787", "788", "789"), j < p); stryMutAct_9fa48("790") ? j-- : (stryCov_9fa48("790"), j++)) stryMutAct_9fa48("791") ? s += r[i * m + j]! * b[j]! : (stryCov_9fa48("791"), s -= stryMutAct_9fa48("792") ? r[i * m + j]! / b[j]! : (stryCov_9fa48("792"), r[stryMutAct_9fa48("793") ? i * m - j : (stryCov_9fa48("793"), (stryMutAct_9fa48("794") ? i / m : (stryCov_9fa48("794"), i * m)) + j)]! * b[j]!));
                b[i] = stryMutAct_9fa48("795") ? s * r[i * m + i]! : (stryCov_9fa48("795"), s / r[stryMutAct_9fa48("796") ? i * m - i : (stryCov_9fa48("796"), (stryMutAct_9fa48("797") ? i / m : (stryCov_9fa48("797"), i * m)) + i)]!);
              }
            }
            for (let j = 0; stryMutAct_9fa48("800") ? j >= p : stryMutAct_9fa48("799") ? j <= p : stryMutAct_9fa48("798") ? false : (stryCov_9fa48("798", "799", "800"), j < p); stryMutAct_9fa48("801") ? j-- : (stryCov_9fa48("801"), j++)) b[j] = stryMutAct_9fa48("802") ? b[j]! * norm[j]! : (stryCov_9fa48("802"), b[j]! / norm[j]!);
          }
        }
        let icpt = mean[stryMutAct_9fa48("803") ? p - k : (stryCov_9fa48("803"), p + k)]!;
        for (let j = 0; stryMutAct_9fa48("806") ? j >= p : stryMutAct_9fa48("805") ? j <= p : stryMutAct_9fa48("804") ? false : (stryCov_9fa48("804", "805", "806"), j < p); stryMutAct_9fa48("807") ? j-- : (stryCov_9fa48("807"), j++)) stryMutAct_9fa48("808") ? icpt += b[j]! * mean[j]! : (stryCov_9fa48("808"), icpt -= stryMutAct_9fa48("809") ? b[j]! / mean[j]! : (stryCov_9fa48("809"), b[j]! * mean[j]!));
        coef.push(b);
        intercept.push(icpt);
      }
    }
    return stryMutAct_9fa48("810") ? {} : (stryCov_9fa48("810"), {
      coef,
      intercept,
      rank,
      singularValues,
      rows: n
    });
  }
}