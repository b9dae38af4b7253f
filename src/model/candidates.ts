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
  const posts = weekly.stored('posts');
  const engagement = weekly.stored('engagement');
  const date = weekly.stored('date');
  const { offsets, profile } = weekly;
  const rows: number[] = [];
  const cold: number[] = [];
  const noTarget = HORIZONS.map(() => 0);
  for (let k = 0; k + 1 < offsets.length; k++) {
    let posted = false;
    for (let i = offsets[k]!; i < offsets[k + 1]!; i++) {
      if (posts[i]! > 0) posted = true;
      let any = false;
      for (let h = 1; h <= HORIZONS.length; h++) {
        const j = i + h;
        if (j < offsets[k + 1]! && posts[j]! > 0) any = true;
        else noTarget[h - 1]!++;
      }
      if (any) (posted ? rows : cold).push(i);
    }
  }
  const of = (list: number[]): Rows => {
    const r = Int32Array.from(list);
    // Plain loops: typed-array `from` with a mapping function is several times slower over millions of rows.
    const targets = HORIZONS.map((_, h) => {
      const t = new Float64Array(r.length);
      for (let c = 0; c < r.length; c++) t[c] = targetAt(r[c]!, h + 1, offsets[profile[r[c]!]! + 1]!, engagement, posts, correctedEngagementPerPost);
      return t;
    });
    const d = new Int32Array(r.length);
    for (let c = 0; c < r.length; c++) d[c] = date[r[c]!]!;
    return { rows: r, targets, date: d };
  };
  return { ...of(rows), cold: of(cold), noTarget, noHistory: cold.length };
}

/** Positions of `c` whose target for horizon index h is present and whose Sunday satisfies `keep`. */
export function positions(c: Rows, h: number, keep: (sunday: number) => boolean): Int32Array {
  const out: number[] = [];
  const t = c.targets[h]!;
  for (let k = 0; k < c.rows.length; k++) if (t[k] === t[k] && keep(c.date[k]!)) out.push(k);
  return Int32Array.from(out);
}
