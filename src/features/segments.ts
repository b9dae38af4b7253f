import { civilFromDays, sundayOf } from '../calendar.js';
import type { RowCollector } from '../io/collector.js';
import { ProfileInterner } from '../io/interner.js';

/** Layout of one entry in `cells` (8 doubles: one cache line). */
export const CELL = {
  profile: 0,
  code: 1,
  rows: 2,
  posts: 3,
  engagement: 4,
  reach: 5,
  impressions: 6,
  followersSum: 7,
  stride: 8,
} as const;

/** The sums of a segment table as plain typed arrays (what a reading thread sends back). */
export interface SegmentData {
  /** Number of entries. */
  size: number;
  /** Entry e occupies `cells[e * 8 … e * 8 + 7]`, laid out as `CELL` says. */
  cells: Float64Array;
  /** First and last day with a record, per profile number. */
  minDay: Int32Array;
  maxDay: Int32Array;
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
  minDay: Int32Array;
  maxDay: Int32Array;
  private lastCode: Int32Array;
  private lastEntry: Int32Array;
  private table: Int32Array;
  private mask: number;
  private cacheDay = Number.NaN;
  private cacheCode = 0;
  private readonly civil = new Int32Array(3);

  constructor(expectedEntries = 64) {
    let capacity = 16;
    while (capacity < expectedEntries) capacity *= 2;
    this.cells = new Float64Array(capacity * CELL.stride);
    this.table = new Int32Array(capacity * 2);
    this.mask = capacity * 2 - 1;
    this.minDay = new Int32Array(16).fill(0x7fffffff);
    this.maxDay = new Int32Array(16).fill(-0x80000000);
    this.lastCode = new Int32Array(16).fill(-0x80000000);
    this.lastEntry = new Int32Array(16);
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
    const code = this.codeOf(day);
    let e: number;
    if (this.lastCode[profile] === code) {
      e = this.lastEntry[profile]!;
    } else {
      e = this.entry(profile, code);
      this.lastCode[profile] = code;
      this.lastEntry[profile] = e;
    }
    const c = this.cells;
    const at = e * CELL.stride;
    c[at + CELL.rows]! += 1;
    c[at + CELL.posts]! += posts;
    c[at + CELL.engagement]! += engagement;
    c[at + CELL.reach]! += reach;
    c[at + CELL.impressions]! += impressions;
    if (followers === followers) c[at + CELL.followersSum]! += followers;
  }

  /** The entry for (profile, code), created empty when new. */
  entry(profile: number, code: number): number {
    let slot = hashKey(profile, code) & this.mask;
    for (;;) {
      const v = this.table[slot]!;
      if (v === 0) break;
      const at = (v - 1) * CELL.stride;
      if (this.cells[at] === profile && this.cells[at + 1] === code) return v - 1;
      slot = (slot + 1) & this.mask;
    }
    if ((this.size + 1) * CELL.stride > this.cells.length) {
      this.growEntries();
      return this.entry(profile, code);
    }
    const e = this.size++;
    this.cells[e * CELL.stride] = profile;
    this.cells[e * CELL.stride + 1] = code;
    this.table[slot] = e + 1;
    return e;
  }

  /** The sums as plain typed arrays, and the buffers to transfer them without copying. */
  toData(): { data: SegmentData; transfer: ArrayBuffer[] } {
    const data: SegmentData = { size: this.size, cells: this.cells, minDay: this.minDay, maxDay: this.maxDay };
    return { data, transfer: [this.cells.buffer as ArrayBuffer, this.minDay.buffer as ArrayBuffer, this.maxDay.buffer as ArrayBuffer] };
  }

  private growProfiles(needed: number): void {
    let n = this.minDay.length;
    while (n < needed) n *= 2;
    const grow = (a: Int32Array, fill: number): Int32Array => {
      const b = new Int32Array(n).fill(fill);
      b.set(a);
      return b;
    };
    this.minDay = grow(this.minDay, 0x7fffffff);
    this.maxDay = grow(this.maxDay, -0x80000000);
    this.lastCode = grow(this.lastCode, -0x80000000);
    this.lastEntry = grow(this.lastEntry, 0);
  }

  private growEntries(): void {
    // Grow by half: the last doubling would leave up to half the cells unused.
    const capacity = Math.ceil((this.cells.length / CELL.stride) * 1.5);
    const cells = new Float64Array(capacity * CELL.stride);
    cells.set(this.cells);
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
