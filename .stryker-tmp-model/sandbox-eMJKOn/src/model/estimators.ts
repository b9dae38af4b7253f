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
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { fitLeastSquares } from './least-squares.js';

/*
 * The estimators of `corrected` models, each fitted per horizon on the
 * standardized design (`model/design.ts`): least squares, ridge, and least
 * squares on a log1p target mapped back with a bias correction. What they
 * produce is a `LinearHead`, applied by `model/linear.ts`.
 */

/** A fitted linear head on standardized features; `factor` present when the target was log1p-transformed. */
export interface FittedHead {
  coef: number[];
  intercept: number;
  /** log1p target only: the back-transform factor c of ŷ = e^prediction · c − 1 (see `BackTransform`). */
  factor?: number;
}

/**
 * Least squares with intercept (minimum-norm when rank deficient), on the
 * raw target or on log1p of it (`log`), in which case the head carries the
 * factor that maps e^prediction back (`correction`).
 */
export function fitLinearHead(x: readonly ArrayLike<number>[], target: ArrayLike<number>, rows: ArrayLike<number>, log: boolean, correction: BackTransform = stryMutAct_9fa48("305") ? "" : (stryCov_9fa48("305"), 'absolute')): FittedHead {
  if (stryMutAct_9fa48("306")) {
    {}
  } else {
    stryCov_9fa48("306");
    if (stryMutAct_9fa48("309") ? false : stryMutAct_9fa48("308") ? true : stryMutAct_9fa48("307") ? log : (stryCov_9fa48("307", "308", "309"), !log)) {
      if (stryMutAct_9fa48("310")) {
        {}
      } else {
        stryCov_9fa48("310");
        const fit = fitLeastSquares(x, stryMutAct_9fa48("311") ? [] : (stryCov_9fa48("311"), [target]), rows);
        return stryMutAct_9fa48("312") ? {} : (stryCov_9fa48("312"), {
          coef: Array.from(fit.coef[0]!),
          intercept: fit.intercept[0]!
        });
      }
    }
    // The log1p target: normal equations on the (standardized) design with a negligible ridge
    // (LOG_JITTER), so collinear inputs cannot make them singular; one pass, no copy of the rows.
    return logHeadFromSums(new NormalSums(x.length).add(x, target, rows, Math.log1p), x, target, rows, correction);
  }
}

/** A log-linear head from its normal sums over `rows`, with the back-transform factor over the same rows. */
export function logHeadFromSums(sums: NormalSums, x: readonly ArrayLike<number>[], target: ArrayLike<number>, rows: ArrayLike<number>, correction: BackTransform): FittedHead {
  if (stryMutAct_9fa48("313")) {
    {}
  } else {
    stryCov_9fa48("313");
    const head = sums.solve(LOG_JITTER);
    const y = new Float64Array(rows.length);
    const predicted = new Float64Array(rows.length);
    for (let k = 0; stryMutAct_9fa48("316") ? k >= rows.length : stryMutAct_9fa48("315") ? k <= rows.length : stryMutAct_9fa48("314") ? false : (stryCov_9fa48("314", "315", "316"), k < rows.length); stryMutAct_9fa48("317") ? k-- : (stryCov_9fa48("317"), k++)) {
      if (stryMutAct_9fa48("318")) {
        {}
      } else {
        stryCov_9fa48("318");
        const i = rows[k]!;
        let p = head.intercept;
        for (let j = 0; stryMutAct_9fa48("321") ? j >= x.length : stryMutAct_9fa48("320") ? j <= x.length : stryMutAct_9fa48("319") ? false : (stryCov_9fa48("319", "320", "321"), j < x.length); stryMutAct_9fa48("322") ? j-- : (stryCov_9fa48("322"), j++)) stryMutAct_9fa48("323") ? p -= head.coef[j]! * x[j]![i]! : (stryCov_9fa48("323"), p += stryMutAct_9fa48("324") ? head.coef[j]! / x[j]![i]! : (stryCov_9fa48("324"), head.coef[j]! * x[j]![i]!));
        predicted[k] = p;
        y[k] = Math.log1p(target[i]!);
      }
    }
    return stryMutAct_9fa48("325") ? {} : (stryCov_9fa48("325"), {
      ...head,
      factor: backTransformFactor(y, predicted, correction)
    });
  }
}

/** The ridge penalty per row of the log-linear fits: enough to keep the normal equations definite, too small to shrink. */
export const LOG_JITTER = 1e-7;

/**
 * How a log1p-scale prediction p is mapped back: ŷ = e^p · c − 1, with c
 * Duan's smearing factor (`smearing`: towards the mean, for squared error)
 * or the factor that minimizes the absolute error on the train rows
 * (`absolute`, the default: for MAE and WAPE).
 */
export type BackTransform = 'smearing' | 'absolute';

/**
 * The back-transform factor c of a log1p-scale fit, from the log targets and
 * the fitted values: `smearing` is Duan's estimate, the mean of e^(y − p);
 * `absolute` the c minimizing Σ |(y + 1) − c·e^p|, a weighted median of
 * e^(y − p) with weights e^p.
 */
export function backTransformFactor(y: ArrayLike<number>, predicted: ArrayLike<number>, correction: BackTransform): number {
  if (stryMutAct_9fa48("326")) {
    {}
  } else {
    stryCov_9fa48("326");
    const n = y.length;
    if (stryMutAct_9fa48("329") ? n !== 0 : stryMutAct_9fa48("328") ? false : stryMutAct_9fa48("327") ? true : (stryCov_9fa48("327", "328", "329"), n === 0)) return 1;
    if (stryMutAct_9fa48("332") ? correction !== 'smearing' : stryMutAct_9fa48("331") ? false : stryMutAct_9fa48("330") ? true : (stryCov_9fa48("330", "331", "332"), correction === (stryMutAct_9fa48("333") ? "" : (stryCov_9fa48("333"), 'smearing')))) {
      if (stryMutAct_9fa48("334")) {
        {}
      } else {
        stryCov_9fa48("334");
        let sum = 0;
        for (let k = 0; stryMutAct_9fa48("337") ? k >= n : stryMutAct_9fa48("336") ? k <= n : stryMutAct_9fa48("335") ? false : (stryCov_9fa48("335", "336", "337"), k < n); stryMutAct_9fa48("338") ? k-- : (stryCov_9fa48("338"), k++)) stryMutAct_9fa48("339") ? sum -= Math.exp(y[k]! - predicted[k]!) : (stryCov_9fa48("339"), sum += Math.exp(stryMutAct_9fa48("340") ? y[k]! + predicted[k]! : (stryCov_9fa48("340"), y[k]! - predicted[k]!)));
        return stryMutAct_9fa48("341") ? sum * n : (stryCov_9fa48("341"), sum / n);
      }
    }
    const ratio = new Float64Array(n);
    const weight = new Float64Array(n);
    for (let k = 0; stryMutAct_9fa48("344") ? k >= n : stryMutAct_9fa48("343") ? k <= n : stryMutAct_9fa48("342") ? false : (stryCov_9fa48("342", "343", "344"), k < n); stryMutAct_9fa48("345") ? k-- : (stryCov_9fa48("345"), k++)) {
      if (stryMutAct_9fa48("346")) {
        {}
      } else {
        stryCov_9fa48("346");
        ratio[k] = Math.exp(stryMutAct_9fa48("347") ? y[k]! + predicted[k]! : (stryCov_9fa48("347"), y[k]! - predicted[k]!));
        weight[k] = Math.exp(predicted[k]!);
      }
    }
    return weightedMedian(ratio, weight);
  }
}

/**
 * The weighted median of `values` (the smallest v with at least half the
 * total weight on values ≤ v), by selection in expected O(n): millions of
 * rows per fit, where a comparison sort of indices was most of the training
 * time. Reorders both arrays in place.
 */
export function weightedMedian(values: Float64Array, weights: Float64Array): number {
  if (stryMutAct_9fa48("348")) {
    {}
  } else {
    stryCov_9fa48("348");
    let lo = 0;
    let hi = stryMutAct_9fa48("349") ? values.length + 1 : (stryCov_9fa48("349"), values.length - 1);
    let total = 0;
    for (let k = 0; stryMutAct_9fa48("352") ? k > hi : stryMutAct_9fa48("351") ? k < hi : stryMutAct_9fa48("350") ? false : (stryCov_9fa48("350", "351", "352"), k <= hi); stryMutAct_9fa48("353") ? k-- : (stryCov_9fa48("353"), k++)) stryMutAct_9fa48("354") ? total -= weights[k]! : (stryCov_9fa48("354"), total += weights[k]!);
    // Weight known to lie below [lo, hi]: the target is the first value where the running weight reaches half.
    let below = 0;
    const half = stryMutAct_9fa48("355") ? total * 2 : (stryCov_9fa48("355"), total / 2);
    const swap = (a: number, b: number) => {
      if (stryMutAct_9fa48("356")) {
        {}
      } else {
        stryCov_9fa48("356");
        const v = values[a]!;
        values[a] = values[b]!;
        values[b] = v;
        const w = weights[a]!;
        weights[a] = weights[b]!;
        weights[b] = w;
      }
    };
    let seed = 0x9e3779b9;
    while (stryMutAct_9fa48("359") ? lo >= hi : stryMutAct_9fa48("358") ? lo <= hi : stryMutAct_9fa48("357") ? false : (stryCov_9fa48("357", "358", "359"), lo < hi)) {
      if (stryMutAct_9fa48("360")) {
        {}
      } else {
        stryCov_9fa48("360");
        // Random pivot (deterministic sequence), three-way partition: < pivot | = pivot | > pivot.
        seed = (stryMutAct_9fa48("361") ? Math.imul(seed, 1664525) - 1013904223 : (stryCov_9fa48("361"), Math.imul(seed, 1664525) + 1013904223)) >>> 0;
        const pivot = values[stryMutAct_9fa48("362") ? lo - seed % (hi - lo + 1) : (stryCov_9fa48("362"), lo + (stryMutAct_9fa48("363") ? seed * (hi - lo + 1) : (stryCov_9fa48("363"), seed % (stryMutAct_9fa48("364") ? hi - lo - 1 : (stryCov_9fa48("364"), (stryMutAct_9fa48("365") ? hi + lo : (stryCov_9fa48("365"), hi - lo)) + 1)))))]!;
        let lt = lo;
        let gt = hi;
        let i = lo;
        while (stryMutAct_9fa48("368") ? i > gt : stryMutAct_9fa48("367") ? i < gt : stryMutAct_9fa48("366") ? false : (stryCov_9fa48("366", "367", "368"), i <= gt)) {
          if (stryMutAct_9fa48("369")) {
            {}
          } else {
            stryCov_9fa48("369");
            const v = values[i]!;
            if (stryMutAct_9fa48("373") ? v >= pivot : stryMutAct_9fa48("372") ? v <= pivot : stryMutAct_9fa48("371") ? false : stryMutAct_9fa48("370") ? true : (stryCov_9fa48("370", "371", "372", "373"), v < pivot)) swap(stryMutAct_9fa48("374") ? lt-- : (stryCov_9fa48("374"), lt++), stryMutAct_9fa48("375") ? i-- : (stryCov_9fa48("375"), i++));else if (stryMutAct_9fa48("379") ? v <= pivot : stryMutAct_9fa48("378") ? v >= pivot : stryMutAct_9fa48("377") ? false : stryMutAct_9fa48("376") ? true : (stryCov_9fa48("376", "377", "378", "379"), v > pivot)) swap(i, stryMutAct_9fa48("380") ? gt++ : (stryCov_9fa48("380"), gt--));else stryMutAct_9fa48("381") ? i-- : (stryCov_9fa48("381"), i++);
          }
        }
        let wLess = 0;
        for (let k = lo; stryMutAct_9fa48("384") ? k >= lt : stryMutAct_9fa48("383") ? k <= lt : stryMutAct_9fa48("382") ? false : (stryCov_9fa48("382", "383", "384"), k < lt); stryMutAct_9fa48("385") ? k-- : (stryCov_9fa48("385"), k++)) stryMutAct_9fa48("386") ? wLess -= weights[k]! : (stryCov_9fa48("386"), wLess += weights[k]!);
        let wEqual = 0;
        for (let k = lt; stryMutAct_9fa48("389") ? k > gt : stryMutAct_9fa48("388") ? k < gt : stryMutAct_9fa48("387") ? false : (stryCov_9fa48("387", "388", "389"), k <= gt); stryMutAct_9fa48("390") ? k-- : (stryCov_9fa48("390"), k++)) stryMutAct_9fa48("391") ? wEqual -= weights[k]! : (stryCov_9fa48("391"), wEqual += weights[k]!);
        if (stryMutAct_9fa48("395") ? below + wLess < half : stryMutAct_9fa48("394") ? below + wLess > half : stryMutAct_9fa48("393") ? false : stryMutAct_9fa48("392") ? true : (stryCov_9fa48("392", "393", "394", "395"), (stryMutAct_9fa48("396") ? below - wLess : (stryCov_9fa48("396"), below + wLess)) >= half)) {
          if (stryMutAct_9fa48("397")) {
            {}
          } else {
            stryCov_9fa48("397");
            hi = stryMutAct_9fa48("398") ? lt + 1 : (stryCov_9fa48("398"), lt - 1);
          }
        } else if (stryMutAct_9fa48("402") ? below + wLess + wEqual < half : stryMutAct_9fa48("401") ? below + wLess + wEqual > half : stryMutAct_9fa48("400") ? false : stryMutAct_9fa48("399") ? true : (stryCov_9fa48("399", "400", "401", "402"), (stryMutAct_9fa48("403") ? below + wLess - wEqual : (stryCov_9fa48("403"), (stryMutAct_9fa48("404") ? below - wLess : (stryCov_9fa48("404"), below + wLess)) + wEqual)) >= half)) {
          if (stryMutAct_9fa48("405")) {
            {}
          } else {
            stryCov_9fa48("405");
            return pivot;
          }
        } else {
          if (stryMutAct_9fa48("406")) {
            {}
          } else {
            stryCov_9fa48("406");
            stryMutAct_9fa48("407") ? below -= wLess + wEqual : (stryCov_9fa48("407"), below += stryMutAct_9fa48("408") ? wLess - wEqual : (stryCov_9fa48("408"), wLess + wEqual));
            lo = stryMutAct_9fa48("409") ? gt - 1 : (stryCov_9fa48("409"), gt + 1);
          }
        }
      }
    }
    return values[lo]!;
  }
}

/**
 * Ridge regression with an unpenalized intercept: minimizes
 * Σ (y − b − xβ)² + λ·n·‖β‖² on centered data, solved by Cholesky on the
 * normal equations (p is small; λ > 0 makes them positive definite).
 */
export function fitRidgeHead(x: readonly ArrayLike<number>[], target: ArrayLike<number>, rows: ArrayLike<number>, lambda: number, transform?: (y: number) => number): FittedHead {
  if (stryMutAct_9fa48("410")) {
    {}
  } else {
    stryCov_9fa48("410");
    return new NormalSums(x.length).add(x, target, rows, transform).solve(lambda);
  }
}

/**
 * The sums behind the normal equations of a least-squares fit with
 * intercept — n, Σx, Σy, Σxxᵀ, Σxy — accumulated over rows and added across
 * row sets, so a fit on more rows reuses the sums of fewer (training fits the
 * calibration model on a subset of the final model's rows). Solved centered,
 * with a ridge penalty λ·n·‖β‖² (the intercept unpenalized), by Cholesky.
 */
export class NormalSums {
  n = 0;
  sy = 0;
  readonly sx: Float64Array;
  readonly sxx: Float64Array;
  readonly sxy: Float64Array;
  constructor(readonly p: number) {
    if (stryMutAct_9fa48("411")) {
      {}
    } else {
      stryCov_9fa48("411");
      this.sx = new Float64Array(p);
      this.sxx = new Float64Array(stryMutAct_9fa48("412") ? p / p : (stryCov_9fa48("412"), p * p));
      this.sxy = new Float64Array(p);
    }
  }

  /**
   * Adds the rows `rows` of the columns `x` and of `target` (through `transform`).
   * Hot path (millions of rows, several fits per training): rows are gathered in blocks into
   * contiguous columns and each sum is a dot product over the block — tight loops over
   * Float64Arrays, not a row at a time.
   */
  add(x: readonly ArrayLike<number>[], target: ArrayLike<number>, rows: ArrayLike<number>, transform?: (y: number) => number): this {
    if (stryMutAct_9fa48("413")) {
      {}
    } else {
      stryCov_9fa48("413");
      const p = this.p;
      const BLOCK = 4096;
      const block = Array.from(stryMutAct_9fa48("414") ? {} : (stryCov_9fa48("414"), {
        length: p
      }), stryMutAct_9fa48("415") ? () => undefined : (stryCov_9fa48("415"), () => new Float64Array(BLOCK)));
      const yBlock = new Float64Array(BLOCK);
      const n = rows.length;
      for (let from = 0; stryMutAct_9fa48("418") ? from >= n : stryMutAct_9fa48("417") ? from <= n : stryMutAct_9fa48("416") ? false : (stryCov_9fa48("416", "417", "418"), from < n); stryMutAct_9fa48("419") ? from -= BLOCK : (stryCov_9fa48("419"), from += BLOCK)) {
        if (stryMutAct_9fa48("420")) {
          {}
        } else {
          stryCov_9fa48("420");
          const m = stryMutAct_9fa48("421") ? Math.max(BLOCK, n - from) : (stryCov_9fa48("421"), Math.min(BLOCK, stryMutAct_9fa48("422") ? n + from : (stryCov_9fa48("422"), n - from)));
          for (let j = 0; stryMutAct_9fa48("425") ? j >= p : stryMutAct_9fa48("424") ? j <= p : stryMutAct_9fa48("423") ? false : (stryCov_9fa48("423", "424", "425"), j < p); stryMutAct_9fa48("426") ? j-- : (stryCov_9fa48("426"), j++)) {
            if (stryMutAct_9fa48("427")) {
              {}
            } else {
              stryCov_9fa48("427");
              const col = x[j]!;
              const out = block[j]!;
              let s = 0;
              for (let k = 0; stryMutAct_9fa48("430") ? k >= m : stryMutAct_9fa48("429") ? k <= m : stryMutAct_9fa48("428") ? false : (stryCov_9fa48("428", "429", "430"), k < m); stryMutAct_9fa48("431") ? k-- : (stryCov_9fa48("431"), k++)) stryMutAct_9fa48("432") ? s -= out[k] = col[rows[from + k]!]! : (stryCov_9fa48("432"), s += out[k] = col[rows[stryMutAct_9fa48("433") ? from - k : (stryCov_9fa48("433"), from + k)]!]!);
              stryMutAct_9fa48("434") ? this.sx[j]! -= s : (stryCov_9fa48("434"), this.sx[j]! += s);
            }
          }
          let sy = 0;
          for (let k = 0; stryMutAct_9fa48("437") ? k >= m : stryMutAct_9fa48("436") ? k <= m : stryMutAct_9fa48("435") ? false : (stryCov_9fa48("435", "436", "437"), k < m); stryMutAct_9fa48("438") ? k-- : (stryCov_9fa48("438"), k++)) {
            if (stryMutAct_9fa48("439")) {
              {}
            } else {
              stryCov_9fa48("439");
              const t = target[rows[stryMutAct_9fa48("440") ? from - k : (stryCov_9fa48("440"), from + k)]!]!;
              stryMutAct_9fa48("441") ? sy -= yBlock[k] = transform ? transform(t) : t : (stryCov_9fa48("441"), sy += yBlock[k] = transform ? transform(t) : t);
            }
          }
          stryMutAct_9fa48("442") ? this.sy -= sy : (stryCov_9fa48("442"), this.sy += sy);
          for (let j = 0; stryMutAct_9fa48("445") ? j >= p : stryMutAct_9fa48("444") ? j <= p : stryMutAct_9fa48("443") ? false : (stryCov_9fa48("443", "444", "445"), j < p); stryMutAct_9fa48("446") ? j-- : (stryCov_9fa48("446"), j++)) {
            if (stryMutAct_9fa48("447")) {
              {}
            } else {
              stryCov_9fa48("447");
              const u = block[j]!;
              let s = 0;
              for (let k = 0; stryMutAct_9fa48("450") ? k >= m : stryMutAct_9fa48("449") ? k <= m : stryMutAct_9fa48("448") ? false : (stryCov_9fa48("448", "449", "450"), k < m); stryMutAct_9fa48("451") ? k-- : (stryCov_9fa48("451"), k++)) stryMutAct_9fa48("452") ? s -= u[k]! * yBlock[k]! : (stryCov_9fa48("452"), s += stryMutAct_9fa48("453") ? u[k]! / yBlock[k]! : (stryCov_9fa48("453"), u[k]! * yBlock[k]!));
              stryMutAct_9fa48("454") ? this.sxy[j]! -= s : (stryCov_9fa48("454"), this.sxy[j]! += s);
              for (let q = j; stryMutAct_9fa48("457") ? q >= p : stryMutAct_9fa48("456") ? q <= p : stryMutAct_9fa48("455") ? false : (stryCov_9fa48("455", "456", "457"), q < p); stryMutAct_9fa48("458") ? q-- : (stryCov_9fa48("458"), q++)) {
                if (stryMutAct_9fa48("459")) {
                  {}
                } else {
                  stryCov_9fa48("459");
                  const v = block[q]!;
                  let t = 0;
                  for (let k = 0; stryMutAct_9fa48("462") ? k >= m : stryMutAct_9fa48("461") ? k <= m : stryMutAct_9fa48("460") ? false : (stryCov_9fa48("460", "461", "462"), k < m); stryMutAct_9fa48("463") ? k-- : (stryCov_9fa48("463"), k++)) stryMutAct_9fa48("464") ? t -= u[k]! * v[k]! : (stryCov_9fa48("464"), t += stryMutAct_9fa48("465") ? u[k]! / v[k]! : (stryCov_9fa48("465"), u[k]! * v[k]!));
                  stryMutAct_9fa48("466") ? this.sxx[j * p + q]! -= t : (stryCov_9fa48("466"), this.sxx[stryMutAct_9fa48("467") ? j * p - q : (stryCov_9fa48("467"), (stryMutAct_9fa48("468") ? j / p : (stryCov_9fa48("468"), j * p)) + q)]! += t);
                }
              }
            }
          }
        }
      }
      stryMutAct_9fa48("469") ? this.n -= n : (stryCov_9fa48("469"), this.n += n);
      return this;
    }
  }

  /** The sums of both row sets. */
  plus(other: NormalSums): NormalSums {
    if (stryMutAct_9fa48("470")) {
      {}
    } else {
      stryCov_9fa48("470");
      const out = new NormalSums(this.p);
      out.n = stryMutAct_9fa48("471") ? this.n - other.n : (stryCov_9fa48("471"), this.n + other.n);
      out.sy = stryMutAct_9fa48("472") ? this.sy - other.sy : (stryCov_9fa48("472"), this.sy + other.sy);
      for (let j = 0; stryMutAct_9fa48("475") ? j >= this.p : stryMutAct_9fa48("474") ? j <= this.p : stryMutAct_9fa48("473") ? false : (stryCov_9fa48("473", "474", "475"), j < this.p); stryMutAct_9fa48("476") ? j-- : (stryCov_9fa48("476"), j++)) {
        if (stryMutAct_9fa48("477")) {
          {}
        } else {
          stryCov_9fa48("477");
          out.sx[j] = stryMutAct_9fa48("478") ? this.sx[j]! - other.sx[j]! : (stryCov_9fa48("478"), this.sx[j]! + other.sx[j]!);
          out.sxy[j] = stryMutAct_9fa48("479") ? this.sxy[j]! - other.sxy[j]! : (stryCov_9fa48("479"), this.sxy[j]! + other.sxy[j]!);
        }
      }
      for (let k = 0; stryMutAct_9fa48("482") ? k >= this.sxx.length : stryMutAct_9fa48("481") ? k <= this.sxx.length : stryMutAct_9fa48("480") ? false : (stryCov_9fa48("480", "481", "482"), k < this.sxx.length); stryMutAct_9fa48("483") ? k-- : (stryCov_9fa48("483"), k++)) out.sxx[k] = stryMutAct_9fa48("484") ? this.sxx[k]! - other.sxx[k]! : (stryCov_9fa48("484"), this.sxx[k]! + other.sxx[k]!);
      return out;
    }
  }

  /** The ridge solution (λ > 0 keeps the system definite). */
  solve(lambda: number): FittedHead {
    if (stryMutAct_9fa48("485")) {
      {}
    } else {
      stryCov_9fa48("485");
      const {
        p,
        n
      } = this;
      const mean = Float64Array.from(this.sx, stryMutAct_9fa48("486") ? () => undefined : (stryCov_9fa48("486"), s => stryMutAct_9fa48("487") ? s * n : (stryCov_9fa48("487"), s / n)));
      const yMean = stryMutAct_9fa48("488") ? this.sy * n : (stryCov_9fa48("488"), this.sy / n);
      const a = new Matrix(p, p);
      for (let j = 0; stryMutAct_9fa48("491") ? j >= p : stryMutAct_9fa48("490") ? j <= p : stryMutAct_9fa48("489") ? false : (stryCov_9fa48("489", "490", "491"), j < p); stryMutAct_9fa48("492") ? j-- : (stryCov_9fa48("492"), j++)) {
        if (stryMutAct_9fa48("493")) {
          {}
        } else {
          stryCov_9fa48("493");
          for (let q = j; stryMutAct_9fa48("496") ? q >= p : stryMutAct_9fa48("495") ? q <= p : stryMutAct_9fa48("494") ? false : (stryCov_9fa48("494", "495", "496"), q < p); stryMutAct_9fa48("497") ? q-- : (stryCov_9fa48("497"), q++)) {
            if (stryMutAct_9fa48("498")) {
              {}
            } else {
              stryCov_9fa48("498");
              // Centered: Σ(x_j − x̄_j)(x_q − x̄_q) = Σx_j x_q − n x̄_j x̄_q.
              const value = stryMutAct_9fa48("499") ? this.sxx[j * p + q]! - n * mean[j]! * mean[q]! - (j === q ? lambda * n : 0) : (stryCov_9fa48("499"), (stryMutAct_9fa48("500") ? this.sxx[j * p + q]! + n * mean[j]! * mean[q]! : (stryCov_9fa48("500"), this.sxx[stryMutAct_9fa48("501") ? j * p - q : (stryCov_9fa48("501"), (stryMutAct_9fa48("502") ? j / p : (stryCov_9fa48("502"), j * p)) + q)]! - (stryMutAct_9fa48("503") ? n * mean[j]! / mean[q]! : (stryCov_9fa48("503"), (stryMutAct_9fa48("504") ? n / mean[j]! : (stryCov_9fa48("504"), n * mean[j]!)) * mean[q]!)))) + ((stryMutAct_9fa48("507") ? j !== q : stryMutAct_9fa48("506") ? false : stryMutAct_9fa48("505") ? true : (stryCov_9fa48("505", "506", "507"), j === q)) ? stryMutAct_9fa48("508") ? lambda / n : (stryCov_9fa48("508"), lambda * n) : 0));
              a.set(j, q, value);
              a.set(q, j, value);
            }
          }
        }
      }
      const b = Array.from(stryMutAct_9fa48("509") ? {} : (stryCov_9fa48("509"), {
        length: p
      }), stryMutAct_9fa48("510") ? () => undefined : (stryCov_9fa48("510"), (_, j) => stryMutAct_9fa48("511") ? this.sxy[j]! + n * mean[j]! * yMean : (stryCov_9fa48("511"), this.sxy[j]! - (stryMutAct_9fa48("512") ? n * mean[j]! / yMean : (stryCov_9fa48("512"), (stryMutAct_9fa48("513") ? n / mean[j]! : (stryCov_9fa48("513"), n * mean[j]!)) * yMean)))));
      const beta = new CholeskyDecomposition(a).solve(Matrix.columnVector(b)).getColumn(0);
      let intercept = yMean;
      for (let j = 0; stryMutAct_9fa48("516") ? j >= p : stryMutAct_9fa48("515") ? j <= p : stryMutAct_9fa48("514") ? false : (stryCov_9fa48("514", "515", "516"), j < p); stryMutAct_9fa48("517") ? j-- : (stryCov_9fa48("517"), j++)) stryMutAct_9fa48("518") ? intercept += beta[j]! * mean[j]! : (stryCov_9fa48("518"), intercept -= stryMutAct_9fa48("519") ? beta[j]! / mean[j]! : (stryCov_9fa48("519"), beta[j]! * mean[j]!));
      return stryMutAct_9fa48("520") ? {} : (stryCov_9fa48("520"), {
        coef: beta,
        intercept
      });
    }
  }
}