import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { targetAt } from '../features/targets.js';
import { COUNT_COLUMNS, FEATURES, HORIZONS, LAG_FEATURES, TARGETS } from '../schema.js';

/** Row counts along steps T1–T5. */
export interface RowCounts {
  /** Weekly rows in the table. */
  weekly: number;
  /** T1: rows left once those with a missing or infinite target, or an infinite feature, are dropped. */
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
  const n = weekly.length;
  const engagement = weekly.column('engagement');
  const posts = weekly.column('posts');
  const { offsets, profile } = weekly;

  // T1 on targets (N8): engagement per post 1…4 weeks later, in the same profile.
  const withTargets: number[] = [];
  let infiniteTargets = 0;
  const last = HORIZONS.length;
  for (let i = 0; i < n; i++) {
    const end = offsets[profile[i]! + 1]!;
    if (i + last >= end) continue;
    let missing = false;
    let infinite = false;
    for (let h = 1; h <= last; h++) {
      const v = targetAt(i, h, end, engagement, posts);
      if (v !== v) missing = true;
      else if (v === Infinity) infinite = true;
    }
    if (missing) continue;
    if (infinite) infiniteTargets++;
    else withTargets.push(i);
  }
  const candidates = Int32Array.from(withTargets);
  const features = FEATURES.map((f) => weekly.columnAt(f, candidates));
  const targets = TARGETS.map((t) => weekly.columnAt(t, candidates));
  const zeroChecked = [...COUNT_COLUMNS.map((c) => weekly.columnAt(c, candidates)), ...LAG_FEATURES.map((f) => features[FEATURES.indexOf(f)]!)];
  const date = weekly.column('date');

  const keep: number[] = [];
  const train: number[] = [];
  const test: number[] = [];
  let infiniteFeatures = 0;
  let afterTargetDrop = 0;
  rows: for (let k = 0; k < candidates.length; k++) {
    for (const f of features) {
      const v = f[k]!;
      if (v === Infinity || v === -Infinity) {
        infiniteFeatures++;
        continue rows;
      }
    }
    afterTargetDrop++;
    let allZero = true;
    for (const c of zeroChecked) {
      if (c[k] !== 0) {
        allZero = false;
        break;
      }
    }
    if (allZero) continue;
    const at = keep.length;
    keep.push(k);
    (date[candidates[k]!]! <= cutoffDay ? train : test).push(at);
  }
  // Compact in place (kept positions only move forward): no second copy of the columns.
  const kept = keep.length;
  const compact = (c: Float64Array): Float64Array => {
    for (let k = 0; k < kept; k++) c[k] = c[keep[k]!]!;
    return c.subarray(0, kept);
  };
  const rows = new Int32Array(kept);
  for (let k = 0; k < kept; k++) rows[k] = candidates[keep[k]!]!;
  return {
    rows,
    features: features.map(compact),
    targets: targets.map(compact),
    train: Int32Array.from(train),
    test: Int32Array.from(test),
    counts: {
      weekly: n,
      afterTargetDrop,
      infiniteTargets,
      infiniteFeatures,
      afterZeroDrop: kept,
      trainBeforeMissingDrop: train.length,
      testBeforeMissingDrop: test.length,
    },
  };
}

/** T5: the rows among `rows` with no missing feature. */
export function withoutMissing(columns: readonly ArrayLike<number>[], rows: Int32Array): Int32Array {
  const keep: number[] = [];
  outer: for (const i of rows) {
    for (const c of columns) if (c[i] !== c[i]) continue outer;
    keep.push(i);
  }
  return Int32Array.from(keep);
}
