import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { COUNT_COLUMNS, FEATURES, LAG_FEATURES, TARGETS } from '../schema.js';

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

/** Rows chosen by T1–T3, and the counts along the way. */
export interface RowSelection {
  train: Int32Array;
  test: Int32Array;
  counts: Omit<RowCounts, 'train' | 'test'>;
}

/**
 * Steps T1–T3: rows with all four targets (NaN is missing; +Infinity targets
 * and infinite features are counted and dropped, as a fit on them is
 * impossible), then rows that are not all zero, split at `cutoffDay`.
 */
export function selectRows(weekly: WeeklyFrame, cutoffDay: number): RowSelection {
  const n = weekly.length;
  const targets = TARGETS.map((t) => weekly.column(t));
  const features = FEATURES.map((f) => weekly.column(f));
  const zeroChecked = [...COUNT_COLUMNS, ...LAG_FEATURES].map((c) => weekly.column(c));
  const date = weekly.column('date');
  const train: number[] = [];
  const test: number[] = [];
  let afterTargetDrop = 0;
  let infiniteTargets = 0;
  let infiniteFeatures = 0;
  let afterZeroDrop = 0;
  rows: for (let i = 0; i < n; i++) {
    let infinite = false;
    for (const t of targets) {
      const v = t[i]!;
      if (v !== v) continue rows;
      if (v === Infinity || v === -Infinity) infinite = true;
    }
    if (infinite) {
      infiniteTargets++;
      continue;
    }
    for (const f of features) {
      const v = f[i]!;
      if (v === Infinity || v === -Infinity) {
        infiniteFeatures++;
        continue rows;
      }
    }
    afterTargetDrop++;
    let allZero = true;
    for (const c of zeroChecked) {
      if (c[i] !== 0) {
        allZero = false;
        break;
      }
    }
    if (allZero) continue;
    afterZeroDrop++;
    (date[i]! <= cutoffDay ? train : test).push(i);
  }
  return {
    train: Int32Array.from(train),
    test: Int32Array.from(test),
    counts: {
      weekly: n,
      afterTargetDrop,
      infiniteTargets,
      infiniteFeatures,
      afterZeroDrop,
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
