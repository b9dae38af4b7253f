import { civilFromDays, formatDay, sundayOf } from '../calendar.js';
import { ArgumentTypeError, DataError } from '../errors.js';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { checkLimits, checkPreset, type InputLimits, type Preset } from '../schema.js';
import { CELL, NO_DAY_MAX, NO_DAY_MIN, STATE, weeklyFromSegments, type SegmentData } from './weekly-sums.js';

/*
 * The segment as the public unit of the weekly table. A segment is one
 * profile's rows of one Sunday-ending week that fall in one calendar month:
 * a week that spans two months has two (part 0 in the Sunday's month, part 1
 * in the month before). Anything that can sum daily rows by segment — the CSV
 * reader, a SQL engine's `GROUP BY`, a DataFrame — is a source of weekly
 * tables, and `weeklyFromSegmentColumns` is their one checked way in.
 */

/**
 * Segment sums as columns of equal length, one entry per segment, in any
 * order. What a SQL engine computes with one `GROUP BY profile, sunday,
 * part` (docs/data-model.md).
 */
export interface SegmentColumns {
  /** The profile dictionary: `profile[i]` indexes it. Ids need not be sorted; each may appear once. */
  profileIds: readonly string[];
  /** Profile number of each segment (an index into `profileIds`). */
  profile: ArrayLike<number>;
  /** The segment's week, as the day number (days since 1970-01-01) of its Sunday. */
  sunday: ArrayLike<number>;
  /** 0: the days of the week in the Sunday's month; 1: those in the month before (only for a week that starts in it). */
  part: ArrayLike<number>;
  /** The first and the last day (day numbers) with a record in the segment. */
  firstDay: ArrayLike<number>;
  lastDay: ArrayLike<number>;
  /** Daily rows summed (at least 1). */
  rows: ArrayLike<number>;
  /** Sums of the daily counts. */
  posts: ArrayLike<number>;
  engagement: ArrayLike<number>;
  reach: ArrayLike<number>;
  impressions: ArrayLike<number>;
  /** Sum and count of the non-missing daily `followers`. */
  followersSum: ArrayLike<number>;
  followersCount: ArrayLike<number>;
  /**
   * The non-missing `followers` of the latest day that has one, and that day
   * (NaN for both when the count is 0). Two values on that day: the larger
   * (the tie rule that makes the table independent of the reading order).
   */
  lastFollowers: ArrayLike<number>;
  lastFollowersDay: ArrayLike<number>;
}

/** The names of `SegmentColumns`' numeric columns, in order. */
export const SEGMENT_COLUMNS = [
  'profile',
  'sunday',
  'part',
  'firstDay',
  'lastDay',
  'rows',
  'posts',
  'engagement',
  'reach',
  'impressions',
  'followersSum',
  'followersCount',
  'lastFollowers',
  'lastFollowersDay',
] as const;

/** Options of `weeklyFromSegmentColumns`. */
export interface SegmentTableOptions<P extends Preset = Preset> {
  /** Pipeline variant; defaults to `notebook`. */
  preset?: P;
  /** Input limits; the weekly table uses `maxWeeksPerProfile` (see `InputLimits`). */
  limits?: Partial<InputLimits>;
  /**
   * Extend every profile's weeks through the week ending on this Sunday (a
   * day number), with weeks of no record after its last one.
   */
  through?: number;
  /** Names the source in error messages (default `<segments>`); the line is the segment's 1-based index. */
  source?: string;
}

/** The first and last day of a segment's part of its week. */
function segmentBounds(sunday: number, part: number, civil: Int32Array, out: [number, number]): [number, number] {
  const dayOfMonth = civilFromDays(sunday, civil)[2]!;
  const monthStart = sunday - dayOfMonth + 1;
  out[0] = part === 0 ? Math.max(sunday - 6, monthStart) : sunday - 6;
  out[1] = part === 0 ? sunday : monthStart - 1;
  return out;
}

const isCount = (v: number): boolean => Number.isFinite(v) && v >= 0;

/**
 * Builds the weekly table from segment columns, checked: every column of
 * the same length; profile numbers in the dictionary; Sundays that are
 * Sundays; a part 1 only for a week that starts in the month before; days
 * inside their segment; whole positive row counts; counts finite and
 * non-negative; followers consistent with their count; no segment twice.
 * The table then holds every week from each profile's first record to its
 * last, rows in code-point order of the ids — the invariants that lags and
 * windows rely on, checked again on the table built.
 *
 * @example
 * const weekly = weeklyFromSegmentColumns({ profileIds: ['a'], profile: [0], sunday: [19723], part: [0], firstDay: [19717], lastDay: [19723],
 *   rows: [7], posts: [2], engagement: [40], reach: [300], impressions: [350], followersSum: [700], followersCount: [7],
 *   lastFollowers: [101], lastFollowersDay: [19723] }, { preset: 'corrected' });
 * @throws {@link DataError} naming the segment (`<segments>:i`, 1-based) and the column at fault.
 * @throws `TypeError` when a column is missing or of another length.
 */
export function weeklyFromSegmentColumns<P extends Preset = 'notebook'>(columns: SegmentColumns, options: SegmentTableOptions<P> = {}): WeeklyFrame<P> {
  return weeklyFromHeldSegments({ columns }, options);
}

/**
 * `weeklyFromSegmentColumns` of the columns `held` holds, which it lets go
 * (`held.columns` becomes null) once they are summed into its own cells: a
 * caller that keeps no other reference lets the collector take them while
 * the table is built (an engine's segments are as large as the table).
 */
export function weeklyFromHeldSegments<P extends Preset = 'notebook'>(
  held: { columns: SegmentColumns | null },
  options: SegmentTableOptions<P> = {},
): WeeklyFrame<P> {
  const preset = checkPreset(options.preset, 'weeklyFromSegmentColumns') as P;
  const { maxWeeksPerProfile } = checkLimits(options.limits, 'weeklyFromSegmentColumns');
  const file = options.source ?? '<segments>';
  const { ids, data } = segmentDataOf(held, file);
  return weeklyFromSegments([{ data }], ids, preset, maxWeeksPerProfile, undefined, options.through);
}

/** Buckets of profile numbers (contiguous ranges) that segments are first grouped by, on their way to profile order. */
const ORDER_BUCKETS = 256;

/**
 * How to put the segments in profile order (stably) in two passes, each
 * touching memory in order or within a small window: `next[k]` is where
 * profile k's first segment goes, `bucketNext[b]` where the next segment of
 * bucket b (profiles `b * p / ORDER_BUCKETS` on) goes in the first pass.
 * Null when a profile number is not an index into the `p` profiles, or when
 * the segments are in profile order already.
 */
function profileOrder(profile: ArrayLike<number>, p: number): { next: Int32Array; bucketNext: Int32Array; bucketOf: (k: number) => number } | null {
  const n = profile.length;
  const next = new Int32Array(p + 1);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const k = profile[i]!;
    if (!(Number.isInteger(k) && k >= 0 && k < p)) return null;
    if (i > 0 && k < profile[i - 1]!) sorted = false;
    next[k + 1]!++;
  }
  if (sorted) return null;
  for (let k = 0; k < p; k++) next[k + 1]! += next[k]!;
  const bucketOf = (k: number): number => Math.floor((k * ORDER_BUCKETS) / p);
  const bucketNext = new Int32Array(ORDER_BUCKETS + 1).fill(-1);
  // A bucket starts where its first profile's segments do.
  for (let k = p - 1; k >= 0; k--) bucketNext[bucketOf(k)] = next[k]!;
  bucketNext[ORDER_BUCKETS] = n;
  for (let b = ORDER_BUCKETS - 1; b >= 0; b--) if (bucketNext[b] === -1) bucketNext[b] = bucketNext[b + 1]!;
  return { next, bucketNext, bucketOf };
}

/** The second pass of `profileOrder`: each bucket's cells, in the order the first pass left them, moved to their places in profile order. */
function orderWithinBuckets(cells: Float64Array, starts: Int32Array, next: Int32Array): void {
  const stride = CELL.stride;
  let widest = 0;
  for (let b = 0; b < ORDER_BUCKETS; b++) widest = Math.max(widest, starts[b + 1]! - starts[b]!);
  const held = new Float64Array(widest * stride);
  for (let b = 0; b < ORDER_BUCKETS; b++) {
    const from = starts[b]! * stride;
    const to = starts[b + 1]! * stride;
    held.set(cells.subarray(from, to));
    for (let x = 0; x < to - from; x += stride) {
      const at = next[held[x + CELL.profile]!]!++ * stride;
      for (let f = 0; f < stride; f++) cells[at + f] = held[x + f]!;
    }
  }
}

/** The checked cells of the held segment columns (see `weeklyFromSegmentColumns`); `held.columns` is let go. */
function segmentDataOf(held: { columns: SegmentColumns | null }, file: string): { ids: readonly string[]; data: SegmentData } {
  const columns = held.columns!;
  if (columns === null || typeof columns !== 'object' || !Array.isArray(columns.profileIds))
    throw new ArgumentTypeError('weeklyFromSegmentColumns: columns.profileIds must be an array of profile ids');
  const n = columns.profile?.length;
  for (const name of SEGMENT_COLUMNS) {
    const c = columns[name];
    if (c === null || typeof c !== 'object' || typeof c.length !== 'number')
      throw new ArgumentTypeError(`weeklyFromSegmentColumns: column '${name}' is missing (an array or typed array)`);
    if (c.length !== n) throw new ArgumentTypeError(`weeklyFromSegmentColumns: column '${name}' has ${c.length} entries, 'profile' has ${n}`);
  }
  const ids = columns.profileIds;
  const seenIds = new Set<string>();
  ids.forEach((id, k) => {
    if (typeof id !== 'string' || id === '')
      throw new DataError('a profile id must be a non-empty string', { code: 'bad_segment', file, line: 0, column: 'profileIds', value: String(id) });
    if (seenIds.has(id))
      throw new DataError(`the profile id appears twice in the dictionary (at ${ids.indexOf(id)} and ${k})`, {
        code: 'bad_segment',
        file,
        line: 0,
        column: 'profileIds',
        value: id,
      });
    seenIds.add(id);
  });

  const p = ids.length;
  const state = new Int32Array(p * STATE.stride);
  for (let k = 0; k < p; k++) {
    state[k * STATE.stride + STATE.minDay] = NO_DAY_MIN;
    state[k * STATE.stride + STATE.maxDay] = NO_DAY_MAX;
  }
  const cells = new Float64Array(n * CELL.stride);
  const keys = new Float64Array(n);
  const civil = new Int32Array(3);
  const {
    profile,
    sunday,
    part,
    firstDay,
    lastDay,
    rows,
    posts,
    engagement,
    reach,
    impressions,
    followersSum,
    followersCount,
    lastFollowers,
    lastFollowersDay,
  } = columns;
  // Each segment's cell, in profile order (a counting sort by profile number): the table is then built from the
  // cells in order, not at random across them (a cache and TLB miss per segment, most of the build for an
  // engine's segments, which come in any order). Profile numbers that are not indices keep the order given
  // (the loop below refuses them).
  const plan = profileOrder(profile, p);
  const starts = plan ? plan.bucketNext.slice() : null;
  let i = 0;
  const bad = (column: string, reason: string, value: number): never => {
    throw new DataError(reason, { code: 'bad_segment', file, line: i + 1, column, value: String(value) });
  };
  const SUMS = ['posts', 'engagement', 'reach', 'impressions', 'followersSum'] as const;
  const sumColumns = [posts, engagement, reach, impressions, followersSum];
  const bounds: [number, number] = [0, 0];
  // Hot: millions of segments from an engine; one closure and no allocation per segment.
  for (; i < n; i++) {
    const k = profile[i]!;
    if (!Number.isInteger(k) || k < 0 || k >= p) bad('profile', `the profile number is not an index into profileIds (0 … ${p - 1})`, k);
    const s = sunday[i]!;
    if (!Number.isInteger(s) || sundayOf(s) !== s) bad('sunday', 'the week is not given by the day number of a Sunday', s);
    const q = part[i]!;
    if (q !== 0 && q !== 1) bad('part', 'the part is 0 (the Sunday’s month) or 1 (the month before)', q);
    const [from, to] = segmentBounds(s, q, civil, bounds);
    if (from > to) bad('part', `the week ending ${formatDay(s)} lies in one month: it has no part 1`, q);
    const first = firstDay[i]!;
    const last = lastDay[i]!;
    if (!Number.isInteger(first) || first < from || first > to)
      bad('firstDay', `the first day is not a day of the segment (${formatDay(from)} … ${formatDay(to)})`, first);
    if (!Number.isInteger(last) || last < first || last > to)
      bad('lastDay', `the last day is not a day of the segment on or after its first day (${formatDay(first)} … ${formatDay(to)})`, last);
    const r = rows[i]!;
    if (!Number.isInteger(r) || r < 1) bad('rows', 'the row count is not a whole number of at least 1', r);
    for (let j = 0; j < 5; j++) {
      const v = sumColumns[j]![i]!;
      if (!isCount(v)) bad(SUMS[j]!, `the ${SUMS[j]} sum is not a finite non-negative number`, v);
    }
    const fSum = followersSum[i]!;
    const count = followersCount[i]!;
    if (!Number.isInteger(count) || count < 0 || count > r)
      bad('followersCount', `the followers count is not a whole number from 0 to the row count (${r})`, count);
    const fLast = lastFollowers[i]!;
    const fDay = lastFollowersDay[i]!;
    if (count === 0) {
      if (fSum !== 0) bad('followersSum', 'the followers sum is not 0 though the followers count is', fSum);
      if (fLast === fLast) bad('lastFollowers', 'a last followers value is given though the followers count is 0', fLast);
      if (fDay === fDay) bad('lastFollowersDay', 'a last followers day is given though the followers count is 0', fDay);
    } else {
      if (!isCount(fLast)) bad('lastFollowers', 'the last followers value is not a finite non-negative number', fLast);
      if (!Number.isInteger(fDay) || fDay < first || fDay > last)
        bad('lastFollowersDay', `the last followers day is not a day of the segment's records (${formatDay(first)} … ${formatDay(last)})`, fDay);
    }
    const at = (plan ? plan.bucketNext[plan.bucketOf(k)]!++ : i) * CELL.stride;
    cells[at + CELL.profile] = k;
    cells[at + CELL.code] = s * 2 + q;
    cells[at + CELL.rows] = r;
    cells[at + CELL.posts] = posts[i]!;
    cells[at + CELL.engagement] = engagement[i]!;
    cells[at + CELL.reach] = reach[i]!;
    cells[at + CELL.impressions] = impressions[i]!;
    cells[at + CELL.followersSum] = fSum;
    cells[at + CELL.followersDay] = count === 0 ? Number.NEGATIVE_INFINITY : fDay;
    cells[at + CELL.followersLast] = count === 0 ? 0 : fLast;
    const ps = k * STATE.stride;
    if (first < state[ps + STATE.minDay]!) state[ps + STATE.minDay] = first;
    if (last > state[ps + STATE.maxDay]!) state[ps + STATE.maxDay] = last;
    // (profile, code) as one number: codes of days from −2^30 to 2^30 fit in 2^32 values.
    keys[i] = k * 2 ** 32 + (s * 2 + q + 2 ** 31);
  }
  if (plan) orderWithinBuckets(cells, starts!, plan.next);
  // No segment twice: sorted keys have no equal neighbours.
  const sorted = keys.slice().sort();
  for (let j = 1; j < n; j++) {
    if (sorted[j] === sorted[j - 1]) {
      i = keys.indexOf(sorted[j]!, keys.indexOf(sorted[j]!) + 1);
      throw new DataError(`the segment (profile, week, part) appears twice (first at ${keys.indexOf(sorted[j]!) + 1})`, {
        code: 'bad_segment',
        file,
        line: i + 1,
        column: 'sunday',
        value: String(sunday[i]),
      });
    }
  }
  held.columns = null;
  return { ids, data: { size: n, cells, state, outside: 0, duplicates: 0 } };
}
