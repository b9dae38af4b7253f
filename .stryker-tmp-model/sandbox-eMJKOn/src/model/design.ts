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
import { FEATURES } from '../schema.js';

/*
 * The inputs of a `corrected` model: named, derived deterministically from
 * the weekly table's columns, with the imputation of missing values spelled
 * out. A feature name is a weekly column, or `log1p(column)` for its log
 * transform. A missing value (a week with no record, a window with no post)
 * is replaced by the first present value of its fallback columns, else by
 * its default; the model also sees how much was observed (`observed_days_*`,
 * `weeks_since_post`), so an imputed value is never mistaken for a real one.
 */

/** Per-post averages, shortest window first: each falls back to the longer ones, then to the naive value. */
const PER_POST = stryMutAct_9fa48("156") ? [] : (stryCov_9fa48("156"), [stryMutAct_9fa48("157") ? "" : (stryCov_9fa48("157"), 'engagement_per_post_4w'), stryMutAct_9fa48("158") ? "" : (stryCov_9fa48("158"), 'engagement_per_post_13w'), stryMutAct_9fa48("159") ? "" : (stryCov_9fa48("159"), 'engagement_per_post_26w'), stryMutAct_9fa48("160") ? "" : (stryCov_9fa48("160"), 'engagement_per_post_all'), stryMutAct_9fa48("161") ? "" : (stryCov_9fa48("161"), 'last_engagement_per_post')]);

/**
 * How a missing value of a base column is filled: the fallbacks in order,
 * then `value` (0 unless said: lags and counts of a week without a record,
 * and the recency-weighted and median averages, missing only before the
 * first post, when every fallback would be missing too).
 */
interface Imputation {
  fallbacks: readonly string[];
  value: number;
}
function imputationOf(column: string): Imputation {
  if (stryMutAct_9fa48("162")) {
    {}
  } else {
    stryCov_9fa48("162");
    const at = PER_POST.indexOf(column);
    if (stryMutAct_9fa48("166") ? at < 0 : stryMutAct_9fa48("165") ? at > 0 : stryMutAct_9fa48("164") ? false : stryMutAct_9fa48("163") ? true : (stryCov_9fa48("163", "164", "165", "166"), at >= 0)) return stryMutAct_9fa48("167") ? {} : (stryCov_9fa48("167"), {
      fallbacks: stryMutAct_9fa48("168") ? PER_POST : (stryCov_9fa48("168"), PER_POST.slice(stryMutAct_9fa48("169") ? at - 1 : (stryCov_9fa48("169"), at + 1))),
      value: 0
    });
    if (stryMutAct_9fa48("172") ? column !== 'monthly_average_engagement_per_post' : stryMutAct_9fa48("171") ? false : stryMutAct_9fa48("170") ? true : (stryCov_9fa48("170", "171", "172"), column === (stryMutAct_9fa48("173") ? "" : (stryCov_9fa48("173"), 'monthly_average_engagement_per_post')))) return stryMutAct_9fa48("174") ? {} : (stryCov_9fa48("174"), {
      fallbacks: stryMutAct_9fa48("175") ? PER_POST : (stryCov_9fa48("175"), PER_POST.slice(1)),
      value: 0
    });
    if (stryMutAct_9fa48("178") ? column !== 'weeks_since_post' : stryMutAct_9fa48("177") ? false : stryMutAct_9fa48("176") ? true : (stryCov_9fa48("176", "177", "178"), column === (stryMutAct_9fa48("179") ? "" : (stryCov_9fa48("179"), 'weeks_since_post')))) return stryMutAct_9fa48("180") ? {} : (stryCov_9fa48("180"), {
      fallbacks: stryMutAct_9fa48("181") ? ["Stryker was here"] : (stryCov_9fa48("181"), []),
      value: 104
    });
    if (stryMutAct_9fa48("184") ? column !== 'followers' : stryMutAct_9fa48("183") ? false : stryMutAct_9fa48("182") ? true : (stryCov_9fa48("182", "183", "184"), column === (stryMutAct_9fa48("185") ? "" : (stryCov_9fa48("185"), 'followers')))) return stryMutAct_9fa48("186") ? {} : (stryCov_9fa48("186"), {
      fallbacks: stryMutAct_9fa48("187") ? [] : (stryCov_9fa48("187"), [stryMutAct_9fa48("188") ? "" : (stryCov_9fa48("188"), 'followers_last_known')]),
      value: 0
    });
    return stryMutAct_9fa48("189") ? {} : (stryCov_9fa48("189"), {
      fallbacks: stryMutAct_9fa48("190") ? ["Stryker was here"] : (stryCov_9fa48("190"), []),
      value: 0
    });
  }
}

/** The window features every `corrected` design starts from (docs/features.md). */
export const CORE_COLUMNS: readonly string[] = stryMutAct_9fa48("191") ? [] : (stryCov_9fa48("191"), [stryMutAct_9fa48("192") ? "" : (stryCov_9fa48("192"), 'last_engagement_per_post'), stryMutAct_9fa48("193") ? "" : (stryCov_9fa48("193"), 'engagement_per_post_4w'), stryMutAct_9fa48("194") ? "" : (stryCov_9fa48("194"), 'engagement_per_post_13w'), stryMutAct_9fa48("195") ? "" : (stryCov_9fa48("195"), 'engagement_per_post_26w'), stryMutAct_9fa48("196") ? "" : (stryCov_9fa48("196"), 'engagement_per_post_all'), stryMutAct_9fa48("197") ? "" : (stryCov_9fa48("197"), 'weeks_since_post'), stryMutAct_9fa48("198") ? "" : (stryCov_9fa48("198"), 'observed_days_4w'), stryMutAct_9fa48("199") ? "" : (stryCov_9fa48("199"), 'observed_days_13w'), stryMutAct_9fa48("200") ? "" : (stryCov_9fa48("200"), 'observed_days_26w'), stryMutAct_9fa48("201") ? "" : (stryCov_9fa48("201"), 'posts_13w'), stryMutAct_9fa48("202") ? "" : (stryCov_9fa48("202"), 'followers_last_known')]);

/** The core design and the robust and recency-weighted averages (docs/features.md). */
export const ROBUST_COLUMNS: readonly string[] = stryMutAct_9fa48("203") ? [] : (stryCov_9fa48("203"), [...CORE_COLUMNS, stryMutAct_9fa48("204") ? "" : (stryCov_9fa48("204"), 'engagement_per_post_ewm_2w'), stryMutAct_9fa48("205") ? "" : (stryCov_9fa48("205"), 'engagement_per_post_ewm_8w'), stryMutAct_9fa48("206") ? "" : (stryCov_9fa48("206"), 'median_engagement_per_post_5')]);

/** Columns that get a log transform in the log designs: the heavy-tailed ones. */
const HEAVY = new Set(stryMutAct_9fa48("207") ? [] : (stryCov_9fa48("207"), [stryMutAct_9fa48("208") ? "" : (stryCov_9fa48("208"), 'engagement_per_post_ewm_2w'), stryMutAct_9fa48("209") ? "" : (stryCov_9fa48("209"), 'engagement_per_post_ewm_8w'), stryMutAct_9fa48("210") ? "" : (stryCov_9fa48("210"), 'median_engagement_per_post_5'), stryMutAct_9fa48("211") ? "" : (stryCov_9fa48("211"), 'last_engagement_per_post'), stryMutAct_9fa48("212") ? "" : (stryCov_9fa48("212"), 'engagement_per_post_4w'), stryMutAct_9fa48("213") ? "" : (stryCov_9fa48("213"), 'engagement_per_post_13w'), stryMutAct_9fa48("214") ? "" : (stryCov_9fa48("214"), 'engagement_per_post_26w'), stryMutAct_9fa48("215") ? "" : (stryCov_9fa48("215"), 'engagement_per_post_all'), stryMutAct_9fa48("216") ? "" : (stryCov_9fa48("216"), 'posts_13w'), stryMutAct_9fa48("217") ? "" : (stryCov_9fa48("217"), 'followers_last_known'), stryMutAct_9fa48("218") ? "" : (stryCov_9fa48("218"), 'followers'), stryMutAct_9fa48("219") ? "" : (stryCov_9fa48("219"), 'reach'), stryMutAct_9fa48("220") ? "" : (stryCov_9fa48("220"), 'impressions'), stryMutAct_9fa48("221") ? "" : (stryCov_9fa48("221"), 'engagement'), stryMutAct_9fa48("222") ? "" : (stryCov_9fa48("222"), 'monthly_average_engagement_per_post')]));

/** The 21 notebook-named features less the 4-week average, which the core already holds (`monthly_average_…` is `engagement_per_post_4w` in `corrected`). */
const NOTEBOOK_NAMED: readonly string[] = stryMutAct_9fa48("223") ? FEATURES : (stryCov_9fa48("223"), FEATURES.filter(stryMutAct_9fa48("224") ? () => undefined : (stryCov_9fa48("224"), f => stryMutAct_9fa48("227") ? f === 'monthly_average_engagement_per_post' : stryMutAct_9fa48("226") ? false : stryMutAct_9fa48("225") ? true : (stryCov_9fa48("225", "226", "227"), f !== (stryMutAct_9fa48("228") ? "" : (stryCov_9fa48("228"), 'monthly_average_engagement_per_post'))))));

/** Which columns a design reads. `core`: the window features; `robust`: those and recency-weighted and median averages; `full`: `robust` and the notebook-named ones. */
export type FeatureSet = 'core' | 'robust' | 'full';

/**
 * The feature names of a design: the columns of the set, each as is
 * (`log: false`) or with the heavy-tailed ones as `log1p(name)`.
 */
export function designFeatures(set: FeatureSet, log: boolean): string[] {
  if (stryMutAct_9fa48("229")) {
    {}
  } else {
    stryCov_9fa48("229");
    const columns = (stryMutAct_9fa48("232") ? set !== 'core' : stryMutAct_9fa48("231") ? false : stryMutAct_9fa48("230") ? true : (stryCov_9fa48("230", "231", "232"), set === (stryMutAct_9fa48("233") ? "" : (stryCov_9fa48("233"), 'core')))) ? CORE_COLUMNS : (stryMutAct_9fa48("236") ? set !== 'robust' : stryMutAct_9fa48("235") ? false : stryMutAct_9fa48("234") ? true : (stryCov_9fa48("234", "235", "236"), set === (stryMutAct_9fa48("237") ? "" : (stryCov_9fa48("237"), 'robust')))) ? ROBUST_COLUMNS : stryMutAct_9fa48("238") ? [] : (stryCov_9fa48("238"), [...ROBUST_COLUMNS, ...NOTEBOOK_NAMED]);
    return columns.map(stryMutAct_9fa48("239") ? () => undefined : (stryCov_9fa48("239"), c => (stryMutAct_9fa48("242") ? log || HEAVY.has(c) || /_lag_\d$/.test(c) : stryMutAct_9fa48("241") ? false : stryMutAct_9fa48("240") ? true : (stryCov_9fa48("240", "241", "242"), log && (stryMutAct_9fa48("244") ? HEAVY.has(c) && /_lag_\d$/.test(c) : stryMutAct_9fa48("243") ? true : (stryCov_9fa48("243", "244"), HEAVY.has(c) || (stryMutAct_9fa48("246") ? /_lag_\D$/ : stryMutAct_9fa48("245") ? /_lag_\d/ : (stryCov_9fa48("245", "246"), /_lag_\d$/)).test(c))))) ? stryMutAct_9fa48("247") ? `` : (stryCov_9fa48("247"), `log1p(${c})`) : c));
  }
}

/** A feature name split into its weekly column and transform. */
export function parseFeature(name: string): {
  column: string;
  log: boolean;
} {
  if (stryMutAct_9fa48("248")) {
    {}
  } else {
    stryCov_9fa48("248");
    const m = (stryMutAct_9fa48("251") ? /^log1p\((.)\)$/ : stryMutAct_9fa48("250") ? /^log1p\((.+)\)/ : stryMutAct_9fa48("249") ? /log1p\((.+)\)$/ : (stryCov_9fa48("249", "250", "251"), /^log1p\((.+)\)$/)).exec(name);
    return m ? stryMutAct_9fa48("252") ? {} : (stryCov_9fa48("252"), {
      column: m[1]!,
      log: stryMutAct_9fa48("253") ? false : (stryCov_9fa48("253"), true)
    }) : stryMutAct_9fa48("254") ? {} : (stryCov_9fa48("254"), {
      column: name,
      log: stryMutAct_9fa48("255") ? true : (stryCov_9fa48("255"), false)
    });
  }
}

/** The feature columns of a design at some weekly rows, with missing values imputed; `imputed[k]` counts the values imputed in row k. */
export interface DesignColumns {
  columns: Float64Array[];
  imputed: Uint8Array;
}

/**
 * A design's features at `rows` of a weekly table: one column per feature,
 * missing values imputed as `imputationOf` says, log transforms applied.
 * Only the needed rows' values are computed.
 */
export function designColumns(weekly: WeeklyFrame, features: readonly string[], rows: ArrayLike<number>): DesignColumns {
  if (stryMutAct_9fa48("256")) {
    {}
  } else {
    stryCov_9fa48("256");
    const raw = new Map<string, Float64Array>();
    const get = (column: string): Float64Array => {
      if (stryMutAct_9fa48("257")) {
        {}
      } else {
        stryCov_9fa48("257");
        let c = raw.get(column);
        if (stryMutAct_9fa48("260") ? false : stryMutAct_9fa48("259") ? true : stryMutAct_9fa48("258") ? c : (stryCov_9fa48("258", "259", "260"), !c)) {
          if (stryMutAct_9fa48("261")) {
            {}
          } else {
            stryCov_9fa48("261");
            c = weekly.columnAt(column, rows);
            raw.set(column, c);
          }
        }
        return c;
      }
    };
    const imputed = new Uint8Array(rows.length);
    const parsed = features.map(parseFeature);
    // Imputed in place, longest per-post window first: a fallback chain is a suffix of the next
    // longer one's, so "the first present value of the chain" equals "the value, else the already
    // imputed next column" — no copy of any column is needed (millions of rows in training).
    const order = stryMutAct_9fa48("262") ? parsed.map((_, j) => j) : (stryCov_9fa48("262"), parsed.map(stryMutAct_9fa48("263") ? () => undefined : (stryCov_9fa48("263"), (_, j) => j)).sort(stryMutAct_9fa48("264") ? () => undefined : (stryCov_9fa48("264"), (a, b) => stryMutAct_9fa48("265") ? PER_POST.indexOf(parsed[b]!.column) + PER_POST.indexOf(parsed[a]!.column) : (stryCov_9fa48("265"), PER_POST.indexOf(parsed[b]!.column) - PER_POST.indexOf(parsed[a]!.column)))));
    const shared = new Set(parsed.flatMap(stryMutAct_9fa48("266") ? () => undefined : (stryCov_9fa48("266"), f => imputationOf(f.column).fallbacks)));
    const columns: Float64Array[] = stryMutAct_9fa48("267") ? new Array() : (stryCov_9fa48("267"), new Array(features.length));
    for (const j of order) {
      if (stryMutAct_9fa48("268")) {
        {}
      } else {
        stryCov_9fa48("268");
        const {
          column
        } = parsed[j]!;
        // A column another feature falls back to, but not itself on the chain order, is copied.
        const own = get(column);
        const values = (stryMutAct_9fa48("271") ? shared.has(column) || PER_POST.indexOf(column) < 0 : stryMutAct_9fa48("270") ? false : stryMutAct_9fa48("269") ? true : (stryCov_9fa48("269", "270", "271"), shared.has(column) && (stryMutAct_9fa48("274") ? PER_POST.indexOf(column) >= 0 : stryMutAct_9fa48("273") ? PER_POST.indexOf(column) <= 0 : stryMutAct_9fa48("272") ? true : (stryCov_9fa48("272", "273", "274"), PER_POST.indexOf(column) < 0)))) ? Float64Array.from(own) : own;
        const {
          fallbacks,
          value
        } = imputationOf(column);
        for (let k = 0; stryMutAct_9fa48("277") ? k >= values.length : stryMutAct_9fa48("276") ? k <= values.length : stryMutAct_9fa48("275") ? false : (stryCov_9fa48("275", "276", "277"), k < values.length); stryMutAct_9fa48("278") ? k-- : (stryCov_9fa48("278"), k++)) {
          if (stryMutAct_9fa48("279")) {
            {}
          } else {
            stryCov_9fa48("279");
            if (stryMutAct_9fa48("282") ? values[k] !== values[k] : stryMutAct_9fa48("281") ? false : stryMutAct_9fa48("280") ? true : (stryCov_9fa48("280", "281", "282"), values[k] === values[k])) continue;
            let v = Number.NaN;
            for (const f of fallbacks) {
              if (stryMutAct_9fa48("283")) {
                {}
              } else {
                stryCov_9fa48("283");
                v = get(f)[k]!;
                if (stryMutAct_9fa48("286") ? v !== v : stryMutAct_9fa48("285") ? false : stryMutAct_9fa48("284") ? true : (stryCov_9fa48("284", "285", "286"), v === v)) break;
              }
            }
            values[k] = (stryMutAct_9fa48("289") ? v !== v : stryMutAct_9fa48("288") ? false : stryMutAct_9fa48("287") ? true : (stryCov_9fa48("287", "288", "289"), v === v)) ? v : value;
            if (stryMutAct_9fa48("293") ? imputed[k]! >= 255 : stryMutAct_9fa48("292") ? imputed[k]! <= 255 : stryMutAct_9fa48("291") ? false : stryMutAct_9fa48("290") ? true : (stryCov_9fa48("290", "291", "292", "293"), imputed[k]! < 255)) stryMutAct_9fa48("294") ? imputed[k]! -- : (stryCov_9fa48("294"), imputed[k]!++);
          }
        }
        columns[j] = values;
      }
    }
    // Log transforms last: fallbacks read the raw scale. A column can be a feature only once.
    parsed.forEach(({
      log
    }, j) => {
      if (stryMutAct_9fa48("295")) {
        {}
      } else {
        stryCov_9fa48("295");
        if (stryMutAct_9fa48("298") ? false : stryMutAct_9fa48("297") ? true : stryMutAct_9fa48("296") ? log : (stryCov_9fa48("296", "297", "298"), !log)) return;
        const values = columns[j]!;
        for (let k = 0; stryMutAct_9fa48("301") ? k >= values.length : stryMutAct_9fa48("300") ? k <= values.length : stryMutAct_9fa48("299") ? false : (stryCov_9fa48("299", "300", "301"), k < values.length); stryMutAct_9fa48("302") ? k-- : (stryCov_9fa48("302"), k++)) values[k] = Math.log1p(stryMutAct_9fa48("303") ? Math.min(0, values[k]!) : (stryCov_9fa48("303"), Math.max(0, values[k]!)));
      }
    });
    return stryMutAct_9fa48("304") ? {} : (stryCov_9fa48("304"), {
      columns,
      imputed
    });
  }
}