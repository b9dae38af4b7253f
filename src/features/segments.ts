import { civilFromDays, sundayOf } from '../calendar.js';
import type { RowCollector } from '../io/collector.js';
import { ProfileInterner } from '../io/interner.js';

/**
 * Daily rows summed per (profile, segment), where a segment is the part of a
 * Monday–Sunday week that falls in one calendar month: a week spans at most
 * two months, so it has a part 0 (the Sunday's month) and maybe a part 1 (the
 * month before). Weekly sums (N3) are part 0 + part 1; monthly sums (N2) add
 * up the parts by month. This is all the weekly table needs, so the table can
 * be built while reading without keeping any daily row.
 *
 * Storage: an open-addressing hash table of entry numbers over typed-array
 * columns; the key is (profile, code) with code = sunday * 2 + part. About 52
 * bytes an entry, and an entry per (profile, week, month) with records.
 */
function hashKey(profile: number, code: number): number {
  const h = Math.imul(profile ^ Math.imul(code, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** The sums of a segment table, as plain typed arrays (what a worker sends back). */
export interface SegmentData {
  size: number;
  entryProfile: Int32Array;
  entryCode: Int32Array;
  rows: Int32Array;
  posts: Float64Array;
  engagement: Float64Array;
  reach: Float64Array;
  impressions: Float64Array;
  followersSum: Float64Array;
  minDay: Int32Array;
  maxDay: Int32Array;
}

export class SegmentTable implements RowCollector, SegmentData {
  /** Interns ids for readers that feed this table directly. */
  readonly profiles = new ProfileInterner();
  /** Number of entries. */
  size = 0;
  /** Daily rows added. */
  rowsAdded = 0;
  entryProfile: Int32Array;
  entryCode: Int32Array;
  /** Daily rows in the segment. */
  rows: Int32Array;
  posts: Float64Array;
  engagement: Float64Array;
  reach: Float64Array;
  impressions: Float64Array;
  /** Sum of the non-missing daily followers (N3, quirk Q1). */
  followersSum: Float64Array;
  /** First and last day with a record, per profile number. */
  minDay: Int32Array;
  maxDay: Int32Array;
  private table: Int32Array;
  private mask: number;
  private cacheDay = Number.NaN;
  private cacheCode = 0;
  private readonly civil = new Int32Array(3);

  constructor(expectedEntries = 64) {
    let capacity = 16;
    while (capacity < expectedEntries) capacity *= 2;
    this.entryProfile = new Int32Array(capacity);
    this.entryCode = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.posts = new Float64Array(capacity);
    this.engagement = new Float64Array(capacity);
    this.reach = new Float64Array(capacity);
    this.impressions = new Float64Array(capacity);
    this.followersSum = new Float64Array(capacity);
    this.table = new Int32Array(capacity * 2);
    this.mask = capacity * 2 - 1;
    this.minDay = new Int32Array(16).fill(0x7fffffff);
    this.maxDay = new Int32Array(16).fill(-0x80000000);
  }

  /** The segment code of a day: its week's Sunday * 2, plus 1 when the day lies in the month before the Sunday's. */
  codeOf(day: number): number {
    if (day === this.cacheDay) return this.cacheCode;
    const sunday = sundayOf(day);
    civilFromDays(sunday, this.civil);
    const code = sunday * 2 + (sunday - day >= this.civil[2]! ? 1 : 0);
    this.cacheDay = day;
    this.cacheCode = code;
    return code;
  }

  add(profile: number, day: number, followers: number, posts: number, engagement: number, reach: number, impressions: number): void {
    if (profile >= this.minDay.length) this.growProfiles(profile + 1);
    if (day < this.minDay[profile]!) this.minDay[profile] = day;
    if (day > this.maxDay[profile]!) this.maxDay[profile] = day;
    const e = this.entry(profile, this.codeOf(day));
    this.rowsAdded++;
    this.rows[e]!++;
    this.posts[e]! += posts;
    this.engagement[e]! += engagement;
    this.reach[e]! += reach;
    this.impressions[e]! += impressions;
    if (followers === followers) this.followersSum[e]! += followers;
  }

  /** The sums as plain typed arrays, and the buffers to transfer them without copying. */
  toData(): { data: SegmentData; transfer: ArrayBuffer[] } {
    const data: SegmentData = {
      size: this.size,
      entryProfile: this.entryProfile,
      entryCode: this.entryCode,
      rows: this.rows,
      posts: this.posts,
      engagement: this.engagement,
      reach: this.reach,
      impressions: this.impressions,
      followersSum: this.followersSum,
      minDay: this.minDay,
      maxDay: this.maxDay,
    };
    const transfer = Object.values(data)
      .filter((v): v is Int32Array | Float64Array => ArrayBuffer.isView(v))
      .map((v) => v.buffer as ArrayBuffer);
    return { data, transfer };
  }

  /** The entry for (profile, code), created empty when new. */
  entry(profile: number, code: number): number {
    let slot = hashKey(profile, code) & this.mask;
    for (;;) {
      const v = this.table[slot]!;
      if (v === 0) break;
      const e = v - 1;
      if (this.entryProfile[e] === profile && this.entryCode[e] === code) return e;
      slot = (slot + 1) & this.mask;
    }
    const e = this.size++;
    if (e === this.entryProfile.length) {
      this.growEntries();
      return this.entry(profile, code);
    }
    this.entryProfile[e] = profile;
    this.entryCode[e] = code;
    this.table[slot] = e + 1;
    return e;
  }

  private growProfiles(needed: number): void {
    let n = this.minDay.length;
    while (n < needed) n *= 2;
    const min = new Int32Array(n).fill(0x7fffffff);
    const max = new Int32Array(n).fill(-0x80000000);
    min.set(this.minDay);
    max.set(this.maxDay);
    this.minDay = min;
    this.maxDay = max;
  }

  private growEntries(): void {
    this.size--; // the entry being added is re-created after the move
    const capacity = this.entryProfile.length * 2;
    const growI = (a: Int32Array): Int32Array => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    const growF = (a: Float64Array): Float64Array => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.entryProfile = growI(this.entryProfile);
    this.entryCode = growI(this.entryCode);
    this.rows = growI(this.rows);
    this.posts = growF(this.posts);
    this.engagement = growF(this.engagement);
    this.reach = growF(this.reach);
    this.impressions = growF(this.impressions);
    this.followersSum = growF(this.followersSum);
    this.table = new Int32Array(capacity * 2);
    this.mask = capacity * 2 - 1;
    for (let e = 0; e < this.size; e++) {
      let slot = hashKey(this.entryProfile[e]!, this.entryCode[e]!) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = e + 1;
    }
  }
}
