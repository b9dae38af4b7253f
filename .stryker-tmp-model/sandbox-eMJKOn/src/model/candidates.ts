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
import { correctedEngagementPerPost } from '../features/engagement-per-post.js';
import { targetAt } from '../features/targets.js';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { HORIZONS } from '../schema.js';

/*
 * The weekly rows a `corrected` training can learn from: those with at least
 * one horizon's target (a week with posts 1–4 weeks later), split by whether
 * the profile has posted on or before the row's Sunday — the model's rows,
 * and the cold-start heads' (`cold-start.ts`).
 */

/** Rows of a weekly table with at least one horizon's target, with their Sundays and targets. */
export interface Rows {
  /** Weekly row numbers, ascending. */
  rows: Int32Array;
  /** Per horizon, per row: the target (NaN when that horizon has none). */
  targets: Float64Array[];
  date: Int32Array;
}

/** The rows with a posting history (what the model fits), and those without (what the cold-start heads fit). */
export interface Candidates extends Rows {
  cold: Rows;
  /** Per horizon: rows whose target week has no post or no record. */
  noTarget: number[];
  noHistory: number;
}

/** The rows with at least one target, split by whether the profile has posted on or before their Sunday. */
export function candidatesOf(weekly: WeeklyFrame): Candidates {
  if (stryMutAct_9fa48("24")) {
    {}
  } else {
    stryCov_9fa48("24");
    const posts = weekly.stored(stryMutAct_9fa48("25") ? "" : (stryCov_9fa48("25"), 'posts'));
    const engagement = weekly.stored(stryMutAct_9fa48("26") ? "" : (stryCov_9fa48("26"), 'engagement'));
    const date = weekly.stored(stryMutAct_9fa48("27") ? "" : (stryCov_9fa48("27"), 'date'));
    const {
      offsets,
      profile
    } = weekly;
    const rows: number[] = stryMutAct_9fa48("28") ? ["Stryker was here"] : (stryCov_9fa48("28"), []);
    const cold: number[] = stryMutAct_9fa48("29") ? ["Stryker was here"] : (stryCov_9fa48("29"), []);
    const noTarget = HORIZONS.map(stryMutAct_9fa48("30") ? () => undefined : (stryCov_9fa48("30"), () => 0));
    for (let k = 0; stryMutAct_9fa48("33") ? k + 1 >= offsets.length : stryMutAct_9fa48("32") ? k + 1 <= offsets.length : stryMutAct_9fa48("31") ? false : (stryCov_9fa48("31", "32", "33"), (stryMutAct_9fa48("34") ? k - 1 : (stryCov_9fa48("34"), k + 1)) < offsets.length); stryMutAct_9fa48("35") ? k-- : (stryCov_9fa48("35"), k++)) {
      if (stryMutAct_9fa48("36")) {
        {}
      } else {
        stryCov_9fa48("36");
        let posted = stryMutAct_9fa48("37") ? true : (stryCov_9fa48("37"), false);
        for (let i = offsets[k]!; stryMutAct_9fa48("40") ? i >= offsets[k + 1]! : stryMutAct_9fa48("39") ? i <= offsets[k + 1]! : stryMutAct_9fa48("38") ? false : (stryCov_9fa48("38", "39", "40"), i < offsets[stryMutAct_9fa48("41") ? k - 1 : (stryCov_9fa48("41"), k + 1)]!); stryMutAct_9fa48("42") ? i-- : (stryCov_9fa48("42"), i++)) {
          if (stryMutAct_9fa48("43")) {
            {}
          } else {
            stryCov_9fa48("43");
            if (stryMutAct_9fa48("47") ? posts[i]! <= 0 : stryMutAct_9fa48("46") ? posts[i]! >= 0 : stryMutAct_9fa48("45") ? false : stryMutAct_9fa48("44") ? true : (stryCov_9fa48("44", "45", "46", "47"), posts[i]! > 0)) posted = stryMutAct_9fa48("48") ? false : (stryCov_9fa48("48"), true);
            let any = stryMutAct_9fa48("49") ? true : (stryCov_9fa48("49"), false);
            for (let h = 1; stryMutAct_9fa48("52") ? h > HORIZONS.length : stryMutAct_9fa48("51") ? h < HORIZONS.length : stryMutAct_9fa48("50") ? false : (stryCov_9fa48("50", "51", "52"), h <= HORIZONS.length); stryMutAct_9fa48("53") ? h-- : (stryCov_9fa48("53"), h++)) {
              if (stryMutAct_9fa48("54")) {
                {}
              } else {
                stryCov_9fa48("54");
                const j = stryMutAct_9fa48("55") ? i - h : (stryCov_9fa48("55"), i + h);
                if (stryMutAct_9fa48("58") ? j < offsets[k + 1]! || posts[j]! > 0 : stryMutAct_9fa48("57") ? false : stryMutAct_9fa48("56") ? true : (stryCov_9fa48("56", "57", "58"), (stryMutAct_9fa48("61") ? j >= offsets[k + 1]! : stryMutAct_9fa48("60") ? j <= offsets[k + 1]! : stryMutAct_9fa48("59") ? true : (stryCov_9fa48("59", "60", "61"), j < offsets[stryMutAct_9fa48("62") ? k - 1 : (stryCov_9fa48("62"), k + 1)]!)) && (stryMutAct_9fa48("65") ? posts[j]! <= 0 : stryMutAct_9fa48("64") ? posts[j]! >= 0 : stryMutAct_9fa48("63") ? true : (stryCov_9fa48("63", "64", "65"), posts[j]! > 0)))) any = stryMutAct_9fa48("66") ? false : (stryCov_9fa48("66"), true);else stryMutAct_9fa48("67") ? noTarget[h - 1]! -- : (stryCov_9fa48("67"), noTarget[stryMutAct_9fa48("68") ? h + 1 : (stryCov_9fa48("68"), h - 1)]!++);
              }
            }
            if (stryMutAct_9fa48("70") ? false : stryMutAct_9fa48("69") ? true : (stryCov_9fa48("69", "70"), any)) (posted ? rows : cold).push(i);
          }
        }
      }
    }
    const of = (list: number[]): Rows => {
      if (stryMutAct_9fa48("71")) {
        {}
      } else {
        stryCov_9fa48("71");
        const r = Int32Array.from(list);
        // Plain loops: typed-array `from` with a mapping function is several times slower over millions of rows.
        const targets = HORIZONS.map((_, h) => {
          if (stryMutAct_9fa48("72")) {
            {}
          } else {
            stryCov_9fa48("72");
            const t = new Float64Array(r.length);
            for (let c = 0; stryMutAct_9fa48("75") ? c >= r.length : stryMutAct_9fa48("74") ? c <= r.length : stryMutAct_9fa48("73") ? false : (stryCov_9fa48("73", "74", "75"), c < r.length); stryMutAct_9fa48("76") ? c-- : (stryCov_9fa48("76"), c++)) t[c] = targetAt(r[c]!, stryMutAct_9fa48("77") ? h - 1 : (stryCov_9fa48("77"), h + 1), offsets[stryMutAct_9fa48("78") ? profile[r[c]!]! - 1 : (stryCov_9fa48("78"), profile[r[c]!]! + 1)]!, engagement, posts, correctedEngagementPerPost);
            return t;
          }
        });
        const d = new Int32Array(r.length);
        for (let c = 0; stryMutAct_9fa48("81") ? c >= r.length : stryMutAct_9fa48("80") ? c <= r.length : stryMutAct_9fa48("79") ? false : (stryCov_9fa48("79", "80", "81"), c < r.length); stryMutAct_9fa48("82") ? c-- : (stryCov_9fa48("82"), c++)) d[c] = date[r[c]!]!;
        return stryMutAct_9fa48("83") ? {} : (stryCov_9fa48("83"), {
          rows: r,
          targets,
          date: d
        });
      }
    };
    return stryMutAct_9fa48("84") ? {} : (stryCov_9fa48("84"), {
      ...of(rows),
      cold: of(cold),
      noTarget,
      noHistory: cold.length
    });
  }
}

/** Positions of `c` whose target for horizon index h is present and whose Sunday satisfies `keep`. */
export function positions(c: Rows, h: number, keep: (sunday: number) => boolean): Int32Array {
  if (stryMutAct_9fa48("85")) {
    {}
  } else {
    stryCov_9fa48("85");
    const out: number[] = stryMutAct_9fa48("86") ? ["Stryker was here"] : (stryCov_9fa48("86"), []);
    const t = c.targets[h]!;
    for (let k = 0; stryMutAct_9fa48("89") ? k >= c.rows.length : stryMutAct_9fa48("88") ? k <= c.rows.length : stryMutAct_9fa48("87") ? false : (stryCov_9fa48("87", "88", "89"), k < c.rows.length); stryMutAct_9fa48("90") ? k-- : (stryCov_9fa48("90"), k++)) if (stryMutAct_9fa48("93") ? t[k] === t[k] || keep(c.date[k]!) : stryMutAct_9fa48("92") ? false : stryMutAct_9fa48("91") ? true : (stryCov_9fa48("91", "92", "93"), (stryMutAct_9fa48("95") ? t[k] !== t[k] : stryMutAct_9fa48("94") ? true : (stryCov_9fa48("94", "95"), t[k] === t[k])) && keep(c.date[k]!))) out.push(k);
    return Int32Array.from(out);
  }
}