import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { FEATURES } from '../schema.js';
import { uint8s } from '../frame/arrays.js';

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
const PER_POST = ['engagement_per_post_4w', 'engagement_per_post_13w', 'engagement_per_post_26w', 'engagement_per_post_all', 'last_engagement_per_post'];

/**
 * How a missing value of a base column is filled: the fallbacks in order,
 * then `value` (0 unless said: lags and counts of a week without a record,
 * and the recency-weighted and median averages, missing only before the
 * first post, when every fallback would be missing too).
 */
export interface Imputation {
  fallbacks: readonly string[];
  value: number;
}

export function imputationOf(column: string): Imputation {
  const at = PER_POST.indexOf(column);
  if (at >= 0) return { fallbacks: PER_POST.slice(at + 1), value: 0 };
  if (column === 'monthly_average_engagement_per_post') return { fallbacks: PER_POST.slice(1), value: 0 };
  if (column === 'weeks_since_post') return { fallbacks: [], value: 104 };
  if (column === 'followers') return { fallbacks: ['followers_last_known'], value: 0 };
  return { fallbacks: [], value: 0 };
}

/** The window features every `corrected` design starts from (docs/features.md). */
export const CORE_COLUMNS: readonly string[] = [
  'last_engagement_per_post',
  'engagement_per_post_4w',
  'engagement_per_post_13w',
  'engagement_per_post_26w',
  'engagement_per_post_all',
  'weeks_since_post',
  'observed_days_4w',
  'observed_days_13w',
  'observed_days_26w',
  'posts_13w',
  'followers_last_known',
];

/** The core design and the robust and recency-weighted averages (docs/features.md). */
const ROBUST_COLUMNS: readonly string[] = [
  ...CORE_COLUMNS,
  'engagement_per_post_ewm_2w',
  'engagement_per_post_ewm_8w',
  'median_engagement_per_post_5',
  'engagement_per_post_level_slow',
  'engagement_per_post_level_fast',
];

/** Columns that get a log transform in the log designs: the heavy-tailed ones. */
const HEAVY = new Set([
  'engagement_per_post_level_slow',
  'engagement_per_post_level_fast',
  'engagement_per_post_ewm_2w',
  'engagement_per_post_ewm_8w',
  'median_engagement_per_post_5',
  'last_engagement_per_post',
  'engagement_per_post_4w',
  'engagement_per_post_13w',
  'engagement_per_post_26w',
  'engagement_per_post_all',
  'posts_13w',
  'followers_last_known',
  'followers',
  'reach',
  'impressions',
  'engagement',
  'monthly_average_engagement_per_post',
]);

/** The 21 notebook-named features less the 4-week average, which the core already holds (`monthly_average_…` is `engagement_per_post_4w` in `corrected`). */
const NOTEBOOK_NAMED: readonly string[] = FEATURES.filter((f) => f !== 'monthly_average_engagement_per_post');

/** Which columns a design reads. `core`: the window features; `robust`: those and recency-weighted and median averages; `full`: `robust` and the notebook-named ones. */
export type FeatureSet = 'core' | 'robust' | 'full';

/**
 * The feature names of a design: the columns of the set, each as is
 * (`log: false`) or with the heavy-tailed ones as `log1p(name)`.
 */
export function designFeatures(set: FeatureSet, log: boolean): string[] {
  const columns = set === 'core' ? CORE_COLUMNS : set === 'robust' ? ROBUST_COLUMNS : [...ROBUST_COLUMNS, ...NOTEBOOK_NAMED];
  return columns.map((c) => (log && (HEAVY.has(c) || /_lag_\d$/.test(c)) ? `log1p(${c})` : c));
}

/** A feature name split into its weekly column and transform. */
export function parseFeature(name: string): { column: string; log: boolean } {
  const m = /^log1p\((.+)\)$/.exec(name);
  return m ? { column: m[1]!, log: true } : { column: name, log: false };
}

/** The feature columns of a design at some weekly rows, with missing values imputed; `imputed[k]` counts the values imputed in row k. */
export interface DesignColumns {
  columns: Float64Array[];
  imputed: Uint8Array;
}

/** How `designColumns` reads a list of features, worked out once per list. */
interface DesignPlan {
  parsed: { column: string; log: boolean }[];
  /**
   * Imputed in place, longest per-post window first: a fallback chain is a suffix of the next
   * longer one's, so "the first present value of the chain" equals "the value, else the already
   * imputed next column" — no copy of any column is needed (millions of rows in training).
   */
  order: number[];
  /** A column another feature falls back to, but not itself on the chain order, is copied. */
  copied: boolean[];
  imputations: Imputation[];
}

/** Plans by feature list (its names joined): a model's list comes back call after call (one forecast costs microseconds). */
const plans = new Map<string, DesignPlan>();

function planOf(features: readonly string[]): DesignPlan {
  const key = features.join('\n');
  let plan = plans.get(key);
  if (plan) return plan;
  const parsed = features.map(parseFeature);
  const order = parsed.map((_, j) => j).sort((a, b) => PER_POST.indexOf(parsed[b]!.column) - PER_POST.indexOf(parsed[a]!.column));
  const shared = new Set(parsed.flatMap((f) => imputationOf(f.column).fallbacks));
  plan = {
    parsed,
    order,
    copied: parsed.map(({ column }) => shared.has(column) && PER_POST.indexOf(column) < 0),
    imputations: parsed.map(({ column }) => imputationOf(column)),
  };
  if (plans.size >= 256) plans.clear(); // bounded: designs are few, but a caller may make many
  plans.set(key, plan);
  return plan;
}

/**
 * A design's features at `rows` of a weekly table: one column per feature,
 * missing values imputed as `imputationOf` says, log transforms applied.
 * Only the needed rows' values are computed.
 */
export function designColumns(weekly: WeeklyFrame, features: readonly string[], rows: ArrayLike<number>): DesignColumns {
  const raw = new Map<string, Float64Array>();
  const get = (column: string): Float64Array => {
    let c = raw.get(column);
    if (!c) {
      c = weekly.columnAt(column, rows);
      raw.set(column, c);
    }
    return c;
  };
  const imputed = uint8s(rows.length);
  const { parsed, order, copied, imputations } = planOf(features);
  const columns: Float64Array[] = new Array(features.length);
  for (const j of order) {
    const { column } = parsed[j]!;
    const own = get(column);
    const values = copied[j] ? Float64Array.from(own) : own;
    const { fallbacks, value } = imputations[j]!;
    for (let k = 0; k < values.length; k++) {
      if (values[k] === values[k]) continue;
      let v = Number.NaN;
      for (const f of fallbacks) {
        v = get(f)[k]!;
        if (v === v) break;
      }
      values[k] = v === v ? v : value;
      if (imputed[k]! < 255) imputed[k]!++;
    }
    columns[j] = values;
  }
  // Log transforms last: fallbacks read the raw scale. A column can be a feature only once.
  parsed.forEach(({ log }, j) => {
    if (!log) return;
    const values = columns[j]!;
    for (let k = 0; k < values.length; k++) values[k] = Math.log1p(Math.max(0, values[k]!));
  });
  return { columns, imputed };
}
