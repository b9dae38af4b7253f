import type { ColumnDefinition } from '../frame/weekly-frame.js';

/**
 * N5: engagement per post, `notebook` preset. IEEE division, as pandas
 * divides: 0/0 is NaN, x/0 is +Infinity (quirk Q5). The monthly average (N6)
 * and the targets (N8) divide the same way.
 */
export function engagementPerPost(engagement: number, posts: number): number {
  return engagement / posts;
}

/**
 * N5, `corrected` preset (Q5): engagement per post, missing (NaN) when the
 * week has no post or no record, never ±Infinity.
 */
export function correctedEngagementPerPost(engagement: number, posts: number): number {
  return posts > 0 ? engagement / posts : Number.NaN;
}

/** The `engagement_per_post` column with a preset's division. */
function perPostColumn(divide: (engagement: number, posts: number) => number): ColumnDefinition {
  return {
    name: 'engagement_per_post',
    numeric: (frame) => {
      const engagement = frame.column('engagement');
      const posts = frame.column('posts');
      return (i) => divide(engagement[i]!, posts[i]!);
    },
  };
}

/** The `engagement_per_post` column, `notebook` preset. */
export const ENGAGEMENT_PER_POST_COLUMN = perPostColumn(engagementPerPost);

/** The `engagement_per_post` column, `corrected` preset. */
export const CORRECTED_ENGAGEMENT_PER_POST_COLUMN = perPostColumn(correctedEngagementPerPost);
