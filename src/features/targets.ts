import type { ColumnDefinition } from '../frame/weekly-frame.js';
import { TARGETS } from '../schema.js';
import { correctedEngagementPerPost, engagementPerPost } from './engagement-per-post.js';

/**
 * N8: the target `ahead` weeks after row `i`: the engagement per post (N5)
 * of row `i + ahead` when that row belongs to the same profile (rows before
 * `profileEnd`), else missing (NaN). Training's T1 and the weekly table's
 * `engagement_future_*` columns both read targets through this.
 */
export function targetAt(i: number, ahead: number, profileEnd: number, engagement: ArrayLike<number>, posts: ArrayLike<number>): number {
  const j = i + ahead;
  return j < profileEnd ? engagementPerPost(engagement[j]!, posts[j]!) : Number.NaN;
}

/** The four target columns, `engagement_future_7d` … `_28d`: 1 … 4 weeks ahead. */
export const TARGET_COLUMNS: readonly ColumnDefinition[] = TARGETS.map(
  (name, h): ColumnDefinition => ({
    name,
    integer: false,
    numeric: (frame) => {
      const { offsets, profile } = frame;
      const engagement = frame.column('engagement');
      const posts = frame.column('posts');
      return (i) => targetAt(i, h + 1, offsets[profile[i]! + 1]!, engagement, posts);
    },
  }),
);

/**
 * N8, `corrected` preset: the engagement per post (Q5: missing when the week
 * has no post or no record) of row `i + ahead` in the same profile.
 */
export function correctedTargetAt(i: number, ahead: number, profileEnd: number, engagement: ArrayLike<number>, posts: ArrayLike<number>): number {
  const j = i + ahead;
  return j < profileEnd ? correctedEngagementPerPost(engagement[j]!, posts[j]!) : Number.NaN;
}

/** The four target columns, `corrected` preset. */
export const CORRECTED_TARGET_COLUMNS: readonly ColumnDefinition[] = TARGETS.map(
  (name, h): ColumnDefinition => ({
    name,
    integer: false,
    numeric: (frame) => {
      const { offsets, profile } = frame;
      const engagement = frame.column('engagement');
      const posts = frame.column('posts');
      return (i) => correctedTargetAt(i, h + 1, offsets[profile[i]! + 1]!, engagement, posts);
    },
  }),
);
