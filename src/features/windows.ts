import type { ColumnDefinition, WeeklyFrame } from '../frame/weekly-frame.js';
import { correctedEngagementPerPost } from './engagement-per-post.js';
import { float64s, int32s } from '../frame/arrays.js';

/*
 * Window features of the `corrected` preset: what each week's history says,
 * using only days on or before the week's Sunday. Every week of a profile has
 * a row (weeks with no record included), so "the last W weeks" of row i are
 * rows i − W + 1 … i of its profile, and each window is a difference of
 * per-profile prefix sums: O(rows) for the whole table, computed once per
 * frame.
 */

/** Window lengths in weeks of the pooled averages and observed-day counts. */
const WINDOWS = [4, 13, 26] as const;

/** Per-profile running sums and "latest" pointers of a weekly table. */
interface WindowState {
  /** Sums from the profile's first week through row i (inclusive). */
  posts: Float64Array;
  engagement: Float64Array;
  days: Float64Array;
  /** The latest row at or before i (same profile) with posts, −1 when none. */
  lastPostRow: Int32Array;
  /** The latest row at or before i (same profile) with a followers value, −1 when none. */
  lastFollowersRow: Int32Array;
}

const states = new WeakMap<WeeklyFrame, WindowState>();

function windowState(frame: WeeklyFrame): WindowState {
  let s = states.get(frame);
  if (s) return s;
  const n = frame.length;
  const posts = frame.stored('posts');
  const engagement = frame.stored('engagement');
  const days = frame.stored('dailyRows');
  const followers = frame.stored('lastFollowers');
  const { offsets } = frame;
  s = {
    posts: float64s(n),
    engagement: float64s(n),
    days: float64s(n),
    lastPostRow: int32s(n),
    lastFollowersRow: int32s(n),
  };
  for (let k = 0; k + 1 < offsets.length; k++) {
    let p = 0;
    let e = 0;
    let d = 0;
    let lastPost = -1;
    let lastFollowers = -1;
    for (let i = offsets[k]!; i < offsets[k + 1]!; i++) {
      p += posts[i]!;
      e += engagement[i]!;
      d += days[i]!;
      if (posts[i]! > 0) lastPost = i;
      if (followers[i] === followers[i]) lastFollowers = i;
      s.posts[i] = p;
      s.engagement[i] = e;
      s.days[i] = d;
      s.lastPostRow[i] = lastPost;
      s.lastFollowersRow[i] = lastFollowers;
    }
  }
  states.set(frame, s);
  return s;
}

/** The named SQL window the columns' expressions are written over (`features/sql-week.ts`): a profile's weeks in order. */
export const WEEK_WINDOW = 'ef_week';

/** `windowSum` in SQL (`features/sql-week.ts`): over the running sum `prefix`, as the JS kernel subtracts. */
function windowSumSql(prefix: string, weeks: number): string {
  return weeks === 0 ? prefix : `(${prefix} - coalesce(lag(${prefix}, ${weeks}) OVER ${WEEK_WINDOW}, 0))`;
}

/** The sum of `prefix` over the last `weeks` rows of row i's profile (all of them when `weeks` is 0). */
function windowSum(prefix: Float64Array, i: number, weeks: number, start: number): number {
  const before = weeks === 0 ? start - 1 : i - weeks;
  return before >= start ? prefix[i]! - prefix[before]! : prefix[i]!;
}

/**
 * Pooled engagement per post over the last `weeks` weeks ending on the row's
 * Sunday (`weeks` = 0: all history so far): Σ engagement / Σ posts, missing
 * when the window has no post.
 */
export function pooledAverageColumn(name: string, weeks: number): ColumnDefinition {
  const e = windowSumSql('cum_engagement', weeks);
  const p = windowSumSql('cum_posts', weeks);
  return {
    name,
    sql: `CASE WHEN ${p} > 0 THEN ${e} / ${p} END`,
    numeric: (frame) => {
      const s = windowState(frame);
      const { offsets, profile } = frame;
      return (i) => {
        const start = offsets[profile[i]!]!;
        return correctedEngagementPerPost(windowSum(s.engagement, i, weeks, start), windowSum(s.posts, i, weeks, start));
      };
    },
  };
}

/** Daily rows observed in the last `weeks` weeks ending on the row's Sunday. */
function observedDaysColumn(weeks: number): ColumnDefinition {
  return {
    name: `observed_days_${weeks}w`,
    integer: true,
    sql: windowSumSql('cum_days', weeks),
    numeric: (frame) => {
      const s = windowState(frame);
      const { offsets, profile } = frame;
      return (i) => windowSum(s.days, i, weeks, offsets[profile[i]!]!);
    },
  };
}

/** Posts in the last 13 weeks ending on the row's Sunday (the posting habit). */
const POSTS_13W_COLUMN: ColumnDefinition = {
  name: 'posts_13w',
  sql: windowSumSql('cum_posts', 13),
  numeric: (frame) => {
    const s = windowState(frame);
    const { offsets, profile } = frame;
    return (i) => windowSum(s.posts, i, 13, offsets[profile[i]!]!);
  },
};

/** Engagement per post of the latest week with posts on or before the row's Sunday (the naive forecast); missing when none. */
const LAST_ENGAGEMENT_PER_POST_COLUMN: ColumnDefinition = {
  name: 'last_engagement_per_post',
  sql: 'last_epp',
  numeric: (frame) => {
    const s = windowState(frame);
    const posts = frame.stored('posts');
    const engagement = frame.stored('engagement');
    return (i) => {
      const j = s.lastPostRow[i]!;
      return j < 0 ? Number.NaN : engagement[j]! / posts[j]!;
    };
  },
};

/** Weeks since the latest week with posts (0 when the row's week has posts); missing when the profile has not posted yet. */
const WEEKS_SINCE_POST_COLUMN: ColumnDefinition = {
  name: 'weeks_since_post',
  sql: 'i - last_post',
  numeric: (frame) => {
    const s = windowState(frame);
    return (i) => {
      const j = s.lastPostRow[i]!;
      return j < 0 ? Number.NaN : i - j;
    };
  },
};

/** The latest non-missing followers value on or before the row's Sunday; missing when none yet. */
const FOLLOWERS_LAST_KNOWN_COLUMN: ColumnDefinition = {
  name: 'followers_last_known',
  // The followers of the latest week with a value (sql-week.ts), NULL before the first.
  sql: 'last_followers',
  numeric: (frame) => {
    const s = windowState(frame);
    const followers = frame.stored('lastFollowers');
    return (i) => {
      const j = s.lastFollowersRow[i]!;
      return j < 0 ? Number.NaN : followers[j]!;
    };
  },
};

/**
 * A column made in one pass per profile over its weekly rows: `fill` writes rows `start … end − 1` of `values`
 * from the posts and engagement sums (computed once per frame, like the prefix sums).
 */
function perProfileColumn(
  name: string,
  sql: string,
  fill: (posts: ArrayLike<number>, engagement: ArrayLike<number>, start: number, end: number, values: Float64Array) => void,
): ColumnDefinition {
  return {
    name,
    sql,
    numeric: (frame) => {
      const posts = frame.stored('posts');
      const engagement = frame.stored('engagement');
      const values = float64s(frame.length);
      const { offsets } = frame;
      for (let k = 0; k + 1 < offsets.length; k++) fill(posts, engagement, offsets[k]!, offsets[k + 1]!, values);
      return (i) => values[i]!;
    },
  };
}

/**
 * Exponentially weighted engagement per post with a half-life of `halfLife`
 * weeks: Σ λ^age · engagement / Σ λ^age · posts over all weeks so far
 * (λ = 2^(−1/halfLife)), so recent weeks count most; missing before the
 * first post. One pass per profile.
 */
function ewmColumn(halfLife: number): ColumnDefinition {
  const lambda = 2 ** (-1 / halfLife);
  return perProfileColumn(
    `engagement_per_post_ewm_${halfLife}w`,
    `CASE WHEN ewm_posts_${halfLife} > 0 THEN ewm_engagement_${halfLife} / ewm_posts_${halfLife} END`,
    (posts, engagement, start, end, values) => {
      let e = 0;
      let p = 0;
      for (let i = start; i < end; i++) {
        e = lambda * e + engagement[i]!;
        p = lambda * p + posts[i]!;
        values[i] = correctedEngagementPerPost(e, p);
      }
    },
  );
}

/** How many of the latest posting weeks the robust median reads. */
export const MEDIAN_WEEKS = 5;

/**
 * The median engagement per post of the latest `MEDIAN_WEEKS` weeks with
 * posts, on or before the row's Sunday (fewer when there are fewer): robust
 * to one viral week; missing before the first post.
 */
/** The median's buffers: the latest values in arrival order, and sorted (one pair: a column is filled synchronously). */
const ring = new Float64Array(MEDIAN_WEEKS);
const sorted = new Float64Array(MEDIAN_WEEKS);
const MEDIAN_COLUMN: ColumnDefinition = perProfileColumn(
  `median_engagement_per_post_${MEDIAN_WEEKS}`,
  'median_recent',
  (posts, engagement, start, end, values) => {
    let count = 0;
    for (let i = start; i < end; i++) {
      if (posts[i]! > 0) ring[count++ % MEDIAN_WEEKS] = engagement[i]! / posts[i]!;
      const m = Math.min(count, MEDIAN_WEEKS);
      if (m === 0) {
        values[i] = Number.NaN;
        continue;
      }
      // Insertion sort of at most 5 values: no allocation per row (this runs for every weekly row).
      for (let j = 0; j < m; j++) {
        const v = ring[j]!;
        let q = j;
        while (q > 0 && sorted[q - 1]! > v) {
          sorted[q] = sorted[q - 1]!;
          q--;
        }
        sorted[q] = v;
      }
      values[i] = m % 2 ? sorted[(m - 1) / 2]! : (sorted[m / 2 - 1]! + sorted[m / 2]!) / 2;
    }
  },
);

/** The local-level filter's settings (docs/features.md): noise on the log scale, per post and per week. */
export const LEVEL_FILTER = {
  /** Variance of one post's log1p engagement around the level. */
  postVariance: 0.25,
  /** An innovation beyond this many standard deviations is an outlier: clipped, or with the next one a level shift. */
  clip: 2.5,
} as const;

/**
 * A local-level (Kalman) filter of log1p(engagement per post), one pass per
 * profile: the level moves by a random walk of variance `weekVariance` a
 * week; a posting week with p posts observes it with variance
 * `postVariance / p`. Robust: an innovation beyond `clip` standard
 * deviations counts as at most that many (one viral week barely moves the
 * level); two such in consecutive posting weeks on the same side are a level
 * shift, and the filter restarts from those two weeks. The column is the
 * filtered level mapped back (expm1), missing before the first post.
 */
function levelColumn(name: string, weekVariance: number, filter: number): ColumnDefinition {
  const { postVariance, clip } = LEVEL_FILTER;
  // The filter's state after each posting week comes from a recursion over them (features/sql-week.ts), filter by filter.
  return perProfileColumn(name, `level_filter_${filter}`, (posts, engagement, start, end, values) => {
    let level = Number.NaN;
    let variance = 0;
    // The previous posting week, when it was an outlier: its side (±1) and its observation.
    let outlierSide = 0;
    let outlierY = 0;
    let outlierVariance = 0;
    for (let i = start; i < end; i++) {
      const p = posts[i]!;
      variance += weekVariance;
      if (p > 0) {
        const y = Math.log1p(engagement[i]! / p);
        const r = postVariance / p;
        if (level !== level) {
          level = y;
          variance = r;
        } else {
          const s = variance + r;
          const limit = clip * Math.sqrt(s);
          const innovation = y - level;
          const side = innovation > limit ? 1 : innovation < -limit ? -1 : 0;
          if (side !== 0 && side === outlierSide) {
            // A level shift: the two weeks' precision-weighted mean, and its variance.
            const precision = 1 / outlierVariance + 1 / r;
            level = (outlierY / outlierVariance + y / r) / precision;
            variance = 1 / precision;
            outlierSide = 0;
          } else {
            outlierSide = side;
            outlierY = y;
            outlierVariance = r;
            const gain = variance / s;
            level += gain * (side === 0 ? innovation : side * limit);
            variance *= 1 - gain;
          }
        }
      }
      values[i] = level === level ? Math.expm1(level) : Number.NaN;
    }
  });
}

/** The half-lives (weeks) of the recency-weighted averages. */
export const EWM_HALF_LIVES = [2, 8] as const;

/** The level filters: their columns and how far the level may move a week (variance, log scale). */
export const LEVEL_FILTERS = [
  { name: 'engagement_per_post_level_slow', weekVariance: 0.005 },
  { name: 'engagement_per_post_level_fast', weekVariance: 0.05 },
] as const;

/** The window columns of the `corrected` preset, after the notebook-named ones, in output order. */
export const WINDOW_COLUMNS: readonly ColumnDefinition[] = [
  LAST_ENGAGEMENT_PER_POST_COLUMN,
  WEEKS_SINCE_POST_COLUMN,
  ...WINDOWS.map((w) => pooledAverageColumn(`engagement_per_post_${w}w`, w)),
  pooledAverageColumn('engagement_per_post_all', 0),
  ...WINDOWS.map((w) => observedDaysColumn(w)),
  POSTS_13W_COLUMN,
  FOLLOWERS_LAST_KNOWN_COLUMN,
  ...EWM_HALF_LIVES.map(ewmColumn),
  MEDIAN_COLUMN,
  ...LEVEL_FILTERS.map((f, k) => levelColumn(f.name, f.weekVariance, k)),
];

/** What a profile's history says at weekly row i, for any preset's table: weeks since its latest week with posts (−1 when none) and posts in the 26 weeks ending there. */
export function historyAt(frame: WeeklyFrame, i: number): { weeksSincePost: number; posts26w: number } {
  const s = windowState(frame);
  const j = s.lastPostRow[i]!;
  return { weeksSincePost: j < 0 ? -1 : i - j, posts26w: windowSum(s.posts, i, 26, frame.offsets[frame.profile[i]!]!) };
}
