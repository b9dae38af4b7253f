import { civilFromDays, formatDay, monthIndexOf, sundayOf } from '../calendar.js';
import { DataError } from '../errors.js';
import { float64s, grown, int32s, ownBuffer, readAhead, uint8s } from '../frame/arrays.js';
import type { RowCollector } from '../frame/daily-frame.js';
import { ProfileInterner } from '../frame/profile-dictionary.js';
import { SpanCheck, spanLimitOfSegments, type SpanLimit } from '../frame/span-limit.js';
import { SundayCalendar } from '../frame/sunday-calendar.js';
import { WeeklyFrame } from '../frame/weekly-frame.js';
import type { Preset, ProgressCallback } from '../schema.js';
import { monthlyAverage } from './monthly-average.js';
import { MonthlySums } from './monthly-sums.js';
import { compareCodePoints } from './week-labels.js';
import { weeklyColumns } from './weekly-columns.js';

/*
 * N3: the weekly sums. Daily rows are summed per segment while they are read
 * (`SegmentTable`, on the reading threads of the fast path or over a
 * `DailyFrame` in `resampleWeekly`), then scattered into one row per profile
 * and week (`weeklyFromSegments`), with the monthly sums of N2 on the side.
 */

/** @internal Layout of one entry in `cells` (10 doubles). */
export const CELL = {
  profile: 0,
  /**
   * The segment code (sunday * 2 + part), plus 2^32 times its days with a
   * record as bits (bit d: the day d days before the Sunday): `| 0` reads
   * the code back, `daysOfCode` the days. In the key's double, not a field
   * of its own: an eleventh double per entry cost 10 % on two threads.
   */
  code: 1,
  rows: 2,
  posts: 3,
  engagement: 4,
  reach: 5,
  impressions: 6,
  followersSum: 7,
  /** The latest day with a non-missing followers value (−Infinity when none), and that value (Q1, corrected). */
  followersDay: 8,
  followersLast: 9,
  stride: 10,
} as const;

/** The sums of a segment table as plain typed arrays (what a reading thread sends back). */
export interface SegmentData {
  /** Number of entries. */
  size: number;
  /** Entry e occupies `cells[e * 10 … e * 10 + 9]`, laid out as `CELL` says. */
  cells: Float64Array;
  /**
   * Per profile number p, `state[4p]` and `state[4p + 1]` are its first and
   * last day with a record (then the reader's memo of its last segment): one
   * cache line per profile, where separate arrays cost a miss each per row.
   */
  state: Int32Array;
  /** Rows left out because their day is outside the table's window (see `SegmentTable`'s constructor). */
  outside: number;
  /** Rows summed into a (profile, day) that had a row already in this table. */
  duplicates: number;
}

/** Days a segment table keeps: `[from, to]`, both day numbers (±Infinity for no bound). */
export interface DayWindow {
  from: number;
  to: number;
}

/** @internal Layout of one profile's `state` (4 ints). */
export const STATE = { minDay: 0, maxDay: 1, lastCode: 2, lastEntry: 3, stride: 4 } as const;
/** @internal A profile's `minDay` and `maxDay` before its first row. */
export const NO_DAY_MIN = 0x7fffffff;
export const NO_DAY_MAX = -0x80000000;

/**
 * Q1, corrected: whether a followers value of `day` replaces the one kept,
 * of `seenDay` (−Infinity when none). The latest day wins; two values on the
 * same day keep the larger, so the answer does not depend on the order rows
 * or files are read in (one thread or several) — within a segment and when
 * segments are merged alike.
 */
function laterFollowers(day: number, followers: number, seenDay: number, seen: number): boolean {
  return day > seenDay || (day === seenDay && followers > seen);
}

/** @internal The days with a record of a cell's code (see `CELL.code`), as bits. */
export function daysOfCode(cellCode: number): number {
  return (cellCode - (cellCode | 0)) / 4294967296;
}

function hashKey(profile: number, code: number): number {
  const h = Math.imul(profile ^ Math.imul(code, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/**
 * Daily rows summed per (profile, segment), where a segment is the part of a
 * Monday–Sunday week that falls in one calendar month: a week spans at most
 * two months, so it has a part 0 (the Sunday's month) and maybe a part 1 (the
 * month before). Weekly sums (N3) are part 0 + part 1; monthly sums (N2) add
 * up the parts by month. This is all the weekly table needs, so the table can
 * be built while reading without keeping any daily row.
 *
 * Storage: each entry's key and sums share one cache line of a Float64Array;
 * an open-addressing hash table maps (profile, code) to entries, with
 * code = sunday * 2 + part. Rows come in date order, so a profile's next row
 * is nearly always in the segment of its previous one: a per-profile memo of
 * the last entry skips the hash table for those.
 */
export class SegmentTable implements RowCollector, SegmentData {
  /** Interns ids for readers that feed this table directly. */
  readonly profiles = new ProfileInterner();
  size = 0;
  cells: Float64Array;
  state: Int32Array;
  private table: Int32Array;
  private mask: number;
  private cacheDay = Number.NaN;
  private cacheCode = 0;
  private cacheSunday = Number.NaN;
  private cacheDayOfMonth = 0;
  private readonly civil = new Int32Array(3);

  outside = 0;
  duplicates = 0;
  private readonly from: number;
  private readonly to: number;
  /** Whether readers must ask `refusal` about each good row (a span limit is set). */
  readonly refuses: boolean;
  private readonly span: SpanCheck | null;

  /**
   * @param window only rows of these days are summed; the others are counted in `outside`.
   * @param span rows of these profiles outside these days are refused (see `refusal`).
   */
  constructor(expectedEntries = 64, window: DayWindow = { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY }, span?: SpanLimit) {
    this.from = window.from;
    this.to = window.to;
    this.span = span ? new SpanCheck(span, this.profiles) : null;
    this.refuses = this.span !== null;
    let capacity = 16;
    while (capacity < expectedEntries) capacity *= 2;
    this.cells = float64s(capacity * CELL.stride);
    this.table = int32s(capacity * 2);
    this.mask = capacity * 2 - 1;
    this.state = new Int32Array(0);
    this.growProfiles(16);
  }

  /** Why a good row of this profile and day is refused (outside the weeks the span limit keeps), or null. */
  refusal(profile: number, day: number): string | null {
    return this.span ? this.span.refusal(profile, day) : null;
  }

  /** The segment code of a day: its week's Sunday * 2, plus 1 when the day lies in the month before the Sunday's. */
  codeOf(day: number): number {
    if (day === this.cacheDay) return this.cacheCode;
    const sunday = sundayOf(day);
    // One profile's rows come day after day: the week's Sunday is mostly the one before.
    if (sunday !== this.cacheSunday) {
      this.cacheSunday = sunday;
      this.cacheDayOfMonth = civilFromDays(sunday, this.civil)[2]!;
    }
    const code = sunday * 2 + (sunday - day >= this.cacheDayOfMonth ? 1 : 0);
    this.cacheDay = day;
    this.cacheCode = code;
    return code;
  }

  add(profile: number, day: number, followers: number, posts: number, engagement: number, reach: number, impressions: number): void {
    if (day < this.from || day > this.to) {
      this.outside++;
      return;
    }
    const p = profile * STATE.stride;
    if (p >= this.state.length) this.growProfiles(profile + 1);
    const state = this.state;
    if (day < state[p + STATE.minDay]!) state[p + STATE.minDay] = day;
    if (day > state[p + STATE.maxDay]!) state[p + STATE.maxDay] = day;
    const code = this.codeOf(day);
    let e: number;
    if (state[p + STATE.lastCode] === code) {
      e = state[p + STATE.lastEntry]!;
    } else {
      e = this.entry(profile, code);
      state[p + STATE.lastCode] = code;
      state[p + STATE.lastEntry] = e;
    }
    const c = this.cells;
    const at = e * CELL.stride;
    // The day's bit: a second row of the same (profile, day) is counted, then summed like the first (N3).
    const bit = 1 << ((code >> 1) - day);
    const key = c[at + CELL.code]!;
    if ((daysOfCode(key) & bit) !== 0) this.duplicates++;
    else c[at + CELL.code] = key + bit * 4294967296;
    c[at + CELL.rows]! += 1;
    c[at + CELL.posts]! += posts;
    c[at + CELL.engagement]! += engagement;
    c[at + CELL.reach]! += reach;
    c[at + CELL.impressions]! += impressions;
    if (followers === followers) {
      c[at + CELL.followersSum]! += followers;
      if (laterFollowers(day, followers, c[at + CELL.followersDay]!, c[at + CELL.followersLast]!)) {
        c[at + CELL.followersDay] = day;
        c[at + CELL.followersLast] = followers;
      }
    }
  }

  // Stryker disable all: read-ahead only (what it reads is thrown away); no result depends on it.
  /** Reads each profile's state and the sums of its last segment, so that the batch's cache misses overlap (see `RowCollector.prefetch`). */
  prefetch(profiles: Int32Array, count: number, from = 0): void {
    const state = this.state;
    const limit = state.length;
    let sink = 0;
    for (let j = from; j < from + count; j++) {
      const p = profiles[j]! * STATE.stride;
      if (p < limit) sink ^= state[p + STATE.lastEntry]!;
    }
    const cells = this.cells;
    for (let j = from; j < from + count; j++) {
      const p = profiles[j]! * STATE.stride;
      if (p < limit) sink += cells[state[p + STATE.lastEntry]! * CELL.stride + CELL.rows]!;
    }
    readAhead.sink += sink;
  }
  // Stryker restore all

  /** The entry for (profile, code), created empty when new. */
  entry(profile: number, code: number): number {
    let slot = hashKey(profile, code) & this.mask;
    for (;;) {
      const v = this.table[slot]!;
      if (v === 0) break;
      const at = (v - 1) * CELL.stride;
      if (this.cells[at] === profile && (this.cells[at + 1]! | 0) === code) return v - 1;
      slot = (slot + 1) & this.mask;
    }
    if ((this.size + 1) * CELL.stride > this.cells.length) {
      this.growEntries();
      return this.entry(profile, code);
    }
    const e = this.size++;
    this.cells[e * CELL.stride] = profile;
    this.cells[e * CELL.stride + 1] = code;
    this.cells[e * CELL.stride + CELL.followersDay] = Number.NEGATIVE_INFINITY;
    this.table[slot] = e + 1;
    return e;
  }

  /** The sums as plain typed arrays with buffers of their own, and those buffers, to transfer them without copying. */
  toData(): { data: SegmentData; transfer: ArrayBuffer[] } {
    this.cells = ownBuffer(this.cells);
    this.state = ownBuffer(this.state);
    const data: SegmentData = { size: this.size, cells: this.cells, state: this.state, outside: this.outside, duplicates: this.duplicates };
    return { data, transfer: [this.cells.buffer as ArrayBuffer, this.state.buffer as ArrayBuffer] };
  }

  private growProfiles(needed: number): void {
    const had = this.state.length / STATE.stride;
    let n = Math.max(16, had);
    while (n < needed) n *= 2;
    const state = grown(this.state, n * STATE.stride);
    for (let q = had; q < n; q++) {
      state[q * STATE.stride + STATE.minDay] = NO_DAY_MIN;
      state[q * STATE.stride + STATE.maxDay] = NO_DAY_MAX;
      state[q * STATE.stride + STATE.lastCode] = NO_DAY_MAX;
    }
    this.state = state;
  }

  private growEntries(): void {
    // Grow by half: the last doubling would leave up to half the cells unused.
    const capacity = Math.ceil((this.cells.length / CELL.stride) * 1.5);
    const cells = grown(this.cells, capacity * CELL.stride);
    this.cells = cells;
    let slots = this.table.length;
    while (slots < capacity * 2) slots *= 2;
    this.table = new Int32Array(slots);
    this.mask = slots - 1;
    for (let e = 0; e < this.size; e++) {
      let slot = hashKey(cells[e * CELL.stride]!, cells[e * CELL.stride + 1]!) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = e + 1;
    }
  }
}

/** Each of the `p` profiles' first and last day with a record, over all parts (`NO_DAY_MIN`/`NO_DAY_MAX` when none). */
function dayRanges(parts: readonly SegmentPart[], p: number): { minDay: Int32Array; maxDay: Int32Array } {
  const minDay = int32s(p).fill(NO_DAY_MIN);
  const maxDay = int32s(p).fill(NO_DAY_MAX);
  for (const { data, profileMap } of parts) {
    const state = data.state;
    const slots = Math.min(state.length / STATE.stride, profileMap ? profileMap.length : p);
    for (let local = 0; local < slots; local++) {
      const first = state[local * STATE.stride + STATE.minDay]!;
      const last = state[local * STATE.stride + STATE.maxDay]!;
      if (first > last) continue;
      const g = profileMap ? profileMap[local]! : local;
      if (first < minDay[g]!) minDay[g] = first;
      if (last > maxDay[g]!) maxDay[g] = last;
    }
  }
  return { minDay, maxDay };
}

/**
 * The profiles whose records span more than `maxWeeks` weeks, and for each
 * the `maxWeeks` weeks that hold most of its rows (the earliest such run when
 * two hold as many): the rows outside them are the ones past the limit, such
 * as one row with a mistyped year. Null when every profile is within it.
 * Computed from the segments alone, so one thread or several agree.
 */
export function spanLimits(parts: readonly SegmentPart[], profileIds: readonly string[], maxWeeks: number): SpanLimit | null {
  const { minDay, maxDay } = dayRanges(parts, profileIds.length);
  return spanLimitOfSegments(profileIds, minDay, maxDay, maxWeeks, (visit) => {
    for (const { data, profileMap } of parts) {
      for (let e = 0; e < data.size; e++) {
        const at = e * CELL.stride;
        const local = data.cells[at + CELL.profile]!;
        visit(profileMap ? profileMap[local]! : local, (data.cells[at + CELL.code]! | 0) >> 1, data.cells[at + CELL.rows]!);
      }
    }
  });
}

/** The latest day with a record in a segment table (−Infinity when none). */
export function lastDayOfSegments(data: SegmentData): number {
  let last = Number.NEGATIVE_INFINITY;
  const { state } = data;
  for (let p = STATE.maxDay; p < state.length; p += STATE.stride) if (state[p]! > last && state[p]! !== NO_DAY_MAX) last = state[p]!;
  return last;
}

interface ScatterColumns {
  dailyRows: Int32Array;
  posts: Float64Array;
  engagement: Float64Array;
  reach: Float64Array;
  impressions: Float64Array;
  followers: Float64Array;
  lastFollowers: Float64Array;
  lastFollowersDay: Float64Array;
  /** Per weekly row, the days with a record so far (bit d: d days before the Sunday); null when each entry is its segment's only one (one part). */
  days: Uint8Array | null;
}

/** @internal The number of bits set in a day mask (7 bits): the days it holds. */
export function daysIn(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Adds each entry (in `order`) to its weekly row and its month; returns a number made of what it read ahead. */
function scatterEntries(
  parts: readonly SegmentPart[],
  bases: Int32Array,
  order: Int32Array,
  rankOf: Int32Array,
  offsets: Int32Array,
  firstSunday: Int32Array,
  columns: ScatterColumns,
  months: MonthlySums,
  cal: SundayCalendar,
): { sink: number; repeated: number } {
  const { dailyRows, posts, engagement, reach, impressions, followers, lastFollowers, lastFollowersDay, days } = columns;
  const monthIndex = cal.monthIndex;
  const calFirst = cal.first;
  const total = order.length;
  const {
    stride,
    code: CODE,
    rows: ROWS,
    posts: POSTS,
    engagement: ENGAGEMENT,
    reach: REACH,
    impressions: IMPRESSIONS,
    followersSum: SUM,
    followersDay: DAY,
    followersLast: LAST,
  } = CELL;
  let sink = 0;
  // Rows of a (profile, day) read by two parts (threads): each part counted its own repeats.
  let repeated = 0;
  for (let j = 0; j < total; j++) {
    // Stryker disable all: read-ahead only (what it reads is thrown away); no result depends on it.
    if ((j & 15) === 0) {
      // Read ahead the next 16 entries' cells, so that their cache misses overlap.
      for (let l = j; l < Math.min(total, j + 16); l++) {
        const h = order[l]!;
        let r = 0;
        while (h >= bases[r + 1]!) r++;
        const cc = parts[r]!.data.cells;
        const x = (h - bases[r]!) * stride;
        sink += cc[x]! + cc[x + LAST]!;
      }
    }
    // Stryker restore all
    const g = order[j]!;
    let q = 0;
    while (g >= bases[q + 1]!) q++;
    const c = parts[q]!.data.cells;
    const at = (g - bases[q]!) * stride;
    const k = rankOf[g]!;
    const code = c[at + CODE]! | 0;
    const sunday = code >> 1;
    const row = (offsets[k]! + (sunday - firstSunday[k]!) / 7) | 0;
    if (days) {
      const mask = daysOfCode(c[at + CODE]!);
      repeated += daysIn(days[row]! & mask);
      days[row]! |= mask;
    }
    dailyRows[row]! += c[at + ROWS]!;
    posts[row]! += c[at + POSTS]!;
    engagement[row]! += c[at + ENGAGEMENT]!;
    reach[row]! += c[at + REACH]!;
    impressions[row]! += c[at + IMPRESSIONS]!;
    followers[row]! += c[at + SUM]!; // Q1: the week's SUM of daily followers, 0 when none
    const fDay = c[at + DAY]!;
    if (laterFollowers(fDay, c[at + LAST]!, lastFollowersDay[row]!, lastFollowers[row]!)) {
      lastFollowersDay[row] = fDay;
      lastFollowers[row] = c[at + LAST]!;
    }
    // N2: part 1 of a segment lies in the month before the Sunday's.
    months.add(k, monthIndex[((sunday - calFirst) / 7) | 0]! - (code & 1), c[at + ENGAGEMENT]!, c[at + POSTS]!);
  }
  return { sink, repeated };
}

/** Segment sums from one reader; `profileMap[local]` is the profile's number in `profileIds` (identity when absent). */
export interface SegmentPart {
  data: SegmentData;
  profileMap?: Int32Array;
}

/**
 * Builds the weekly table from segment sums: N3's weekly rows (every week
 * from a profile's first record to its last, empty weeks included, sorted as
 * N4 says), N2's monthly sums and N6's monthly average; the other columns are
 * derived by the preset's column definitions. Several parts — one per reading
 * thread — are scattered straight into the weekly rows, with no merged table
 * in between. A profile spanning more than `maxWeeksPerProfile` weeks is a
 * `DataError`: the table holds every week from its first record to its last.
 * `counts.duplicateRows` is set to the rows summed into a (profile, day)
 * that had a row already, in any part.
 */
export function weeklyFromSegments<P extends Preset>(
  parts: readonly SegmentPart[],
  profileIds: readonly string[],
  preset: P,
  maxWeeksPerProfile: number,
  onProgress?: ProgressCallback,
  through?: number,
  counts?: { duplicateRows: number },
): WeeklyFrame<P> {
  const p = profileIds.length;
  const { minDay, maxDay } = dayRanges(parts, p);

  // Profiles with rows, in code-point order of their ids (N4).
  const seen: number[] = [];
  for (let g = 0; g < p; g++) if (minDay[g]! <= maxDay[g]!) seen.push(g);
  seen.sort((a, b) => compareCodePoints(profileIds[a]!, profileIds[b]!));
  const profiles = seen.length;
  const rank = int32s(p).fill(-1);
  const firstSunday = int32s(profiles);
  const firstMonth = int32s(profiles);
  const lastMonth = int32s(profiles);
  const offsets = int32s(profiles + 1);
  let globalFirst = 0;
  let globalLast = -7;
  for (let k = 0; k < profiles; k++) {
    const g = seen[k]!;
    rank[g] = k;
    const first = sundayOf(minDay[g]!);
    const last = through !== undefined && through > sundayOf(maxDay[g]!) ? through : sundayOf(maxDay[g]!);
    const weeks = (last - first) / 7 + 1;
    if (weeks > maxWeeksPerProfile) {
      throw new DataError(
        `the profile's records span ${weeks} weeks (${formatDay(minDay[g]!)} … ${formatDay(maxDay[g]!)}), more than limits.maxWeeksPerProfile = ${maxWeeksPerProfile}`,
        { code: 'span_limit', file: '<input>', line: 0, column: 'profile_id', value: profileIds[g]! },
      );
    }
    firstSunday[k] = first;
    offsets[k + 1] = offsets[k]! + (last - first) / 7 + 1;
    firstMonth[k] = monthIndexOf(minDay[g]!);
    lastMonth[k] = monthIndexOf(maxDay[g]!);
    if (k === 0 || first < globalFirst) globalFirst = first;
    if (k === 0 || last > globalLast) globalLast = last;
  }
  const n = offsets[profiles]!;
  const cal = new SundayCalendar(globalFirst, globalLast);
  onProgress?.({ stage: 'weekly', rows: n });

  const date = int32s(n);
  const profile = int32s(n);
  const dailyRows = int32s(n);
  const followers = float64s(n);
  // Q1, corrected: the week's last non-missing followers (NaN when none), over both segments of the week.
  const lastFollowers = float64s(n).fill(Number.NaN);
  const lastFollowersDay = float64s(n).fill(Number.NEGATIVE_INFINITY);
  const posts = float64s(n);
  const engagement = float64s(n);
  const reach = float64s(n);
  const impressions = float64s(n);
  const months = new MonthlySums(firstMonth, lastMonth);
  for (let k = 0; k < profiles; k++) {
    for (let i = offsets[k]!; i < offsets[k + 1]!; i++) {
      profile[i] = k;
      date[i] = firstSunday[k]! + 7 * (i - offsets[k]!);
    }
  }
  // The entries in profile order (a stable counting sort by rank): each
  // profile's rows and months are then written together, not at random
  // across the table (a cache miss per column per entry). Stable, so the
  // entries of a row are added in the same order as the parts list them.
  const bases = int32s(parts.length + 1);
  for (let q = 0; q < parts.length; q++) bases[q + 1] = bases[q]! + parts[q]!.data.size;
  const total = bases[parts.length]!;
  const next = int32s(profiles + 1);
  const rankOf = int32s(total);
  for (let q = 0; q < parts.length; q++) {
    const { data, profileMap } = parts[q]!;
    const c = data.cells;
    for (let e = 0; e < data.size; e++) {
      const local = c[e * CELL.stride + CELL.profile]!;
      const k = rank[profileMap ? profileMap[local]! : local]!;
      rankOf[bases[q]! + e] = k;
      next[k + 1]!++;
    }
  }
  for (let k = 0; k < profiles; k++) next[k + 1]! += next[k]!;
  const order = int32s(total);
  for (let g = 0; g < total; g++) order[next[rankOf[g]!]!++] = g;
  const scattered = scatterEntries(
    parts,
    bases,
    order,
    rankOf,
    offsets,
    firstSunday,
    { dailyRows, posts, engagement, reach, impressions, followers, lastFollowers, lastFollowersDay, days: parts.length > 1 ? uint8s(n) : null },
    months,
    cal,
  );
  // Stryker disable next-line AssignmentOperator: read-ahead only.
  readAhead.sink += scattered.sink;
  if (counts) counts.duplicateRows = parts.reduce((sum, part) => sum + part.data.duplicates, scattered.repeated);
  const ids = seen.map((g) => profileIds[g]!);
  checkWeeklyLayout(ids, offsets, date, profile);
  return new WeeklyFrame(
    preset,
    ids,
    offsets,
    { date, profile, dailyRows, followers, lastFollowers, posts, engagement, reach, impressions, monthlyAverage: monthlyAverage(date, offsets, months, cal) },
    cal,
    weeklyColumns(preset),
  );
}

/**
 * The layout the lag and window code relies on (N4), checked rather than
 * assumed: ids in strictly increasing code-point order, each profile's rows
 * contiguous and non-empty, and every week from its first to its last, each
 * dated by its Sunday. A failure here is a bug in the builder, not bad input.
 */
function checkWeeklyLayout(ids: readonly string[], offsets: Int32Array, date: Int32Array, profile: Int32Array): void {
  const broken = (what: string): never => {
    throw new Error(`weekly table layout: ${what}`);
  };
  if (offsets.length !== ids.length + 1 || offsets[0] !== 0 || offsets[ids.length] !== date.length || profile.length !== date.length)
    broken('offsets do not cover the rows');
  for (let k = 0; k < ids.length; k++) {
    if (k > 0 && compareCodePoints(ids[k - 1]!, ids[k]!) >= 0) broken(`profile ids out of code-point order at ${k}`);
    const from = offsets[k]!;
    const to = offsets[k + 1]!;
    if (to <= from) broken(`profile ${k} has no rows`);
    if (sundayOf(date[from]!) !== date[from]) broken(`row ${from} is not dated by a Sunday`);
    for (let i = from; i < to; i++) {
      if (profile[i] !== k) broken(`row ${i} belongs to profile ${profile[i]}, not ${k}`);
      if (i > from && date[i] !== date[i - 1]! + 7) broken(`row ${i} is not the week after row ${i - 1}`);
    }
  }
}
