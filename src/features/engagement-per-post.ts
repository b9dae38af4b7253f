import type { ColumnDefinition } from '../frame/weekly-frame.js';

/**
 * N5: engagement per post, `notebook` preset. IEEE division, as pandas
 * divides: 0/0 is NaN, x/0 is +Infinity (quirk Q5). The monthly average (N6)
 * and the targets (N8) divide the same way.
 */
export function engagementPerPost(engagement: number, posts: number): number {
  return engagement / posts;
}

/** The `engagement_per_post` column. */
export const ENGAGEMENT_PER_POST_COLUMN: ColumnDefinition = {
  name: 'engagement_per_post',
  integer: false,
  numeric: (frame) => {
    const engagement = frame.column('engagement');
    const posts = frame.column('posts');
    return (i) => engagementPerPost(engagement[i]!, posts[i]!);
  },
};

/**
 * N5, `corrected` preset (Q5): engagement per post, missing (NaN) when the
 * week has no post or no record, never ±Infinity.
 */
export function correctedEngagementPerPost(engagement: number, posts: number): number {
  return posts > 0 ? engagement / posts : Number.NaN;
}

/** The `engagement_per_post` column, `corrected` preset. */
export const CORRECTED_ENGAGEMENT_PER_POST_COLUMN: ColumnDefinition = {
  name: 'engagement_per_post',
  integer: false,
  numeric: (frame) => {
    const engagement = frame.column('engagement');
    const posts = frame.column('posts');
    return (i) => correctedEngagementPerPost(engagement[i]!, posts[i]!);
  },
};
