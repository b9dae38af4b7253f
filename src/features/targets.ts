import type { ColumnDefinition } from '../frame/weekly-frame.js';
import { TARGETS } from '../schema.js';
import { correctedEngagementPerPost, engagementPerPost } from './engagement-per-post.js';

/**
 * N8: the target `ahead` weeks after row `i`: the engagement per post (N5)
 * of row `i + ahead` when that row belongs to the same profile (rows before
 * `profileEnd`), else missing (NaN). Training's T1 and the weekly table's
 * `engagement_future_*` columns both read targets through this; `divide` is
 * the preset's N5 (`notebook`: IEEE division, Q5; `corrected`: missing
 * without a post).
 */
export function targetAt(
  i: number,
  ahead: number,
  profileEnd: number,
  engagement: ArrayLike<number>,
  posts: ArrayLike<number>,
  divide: (engagement: number, posts: number) => number = engagementPerPost,
): number {
  const j = i + ahead;
  return j < profileEnd ? divide(engagement[j]!, posts[j]!) : Number.NaN;
}

/** The four target columns, `engagement_future_7d` … `_28d` (1 … 4 weeks ahead), with a preset's N5. */
function targetColumns(divide: (engagement: number, posts: number) => number): readonly ColumnDefinition[] {
  return TARGETS.map((name, h): ColumnDefinition => ({
    name,
    numeric: (frame) => {
      const { offsets, profile } = frame;
      const engagement = frame.column('engagement');
      const posts = frame.column('posts');
      return (i) => targetAt(i, h + 1, offsets[profile[i]! + 1]!, engagement, posts, divide);
    },
  }));
}

/** The target columns, `notebook` preset. */
export const TARGET_COLUMNS = targetColumns(engagementPerPost);

/** The target columns, `corrected` preset: missing (not infinite) for a week without posts or without a record (Q5, Q9). */
export const CORRECTED_TARGET_COLUMNS = targetColumns(correctedEngagementPerPost);
