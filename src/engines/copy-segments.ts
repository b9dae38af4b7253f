import { SEGMENT_COLUMNS } from '../features/segments.js';
import { daysIn } from '../features/weekly-sums.js';

/*
 * The segments as PostgreSQL's `COPY … TO STDOUT` writes them (text format),
 * read straight from the bytes into typed columns.
 */

/**
 * Reads the segments of `COPY … TO STDOUT` (text format: tab-separated,
 * one row a line, `\N` for NULL) straight from the bytes: the kept
 * segments into growing columns, their ids into a dictionary in order of
 * first sight, and the status groups into the counts.
 */
export class SegmentReader {
  readonly ids = new Map<string, number>();
  readonly counts = { kept: 0, outside: 0, refused: 0, missing: 0, last: Number.NaN, duplicates: 0 };
  /**
   * Per column (`SEGMENT_COLUMNS`, then the days with a record as bits),
   * blocks of `BLOCK` values: growing never copies what was read. The
   * profile, day and part columns (the first five) are 32-bit integers.
   */
  private blocks: (Float64Array | Int32Array)[][] = [...SEGMENT_COLUMNS, 'days'].map(() => []);
  private size = 0;
  private rest: Uint8Array | null = null;
  private readonly starts = new Int32Array(16);
  private readonly ends = new Int32Array(16);
  private readonly decoder = new TextDecoder();

  /** Takes a chunk of rows (a partial row is kept for the next chunk). */
  add(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.rest) {
      bytes = new Uint8Array(this.rest.length + chunk.length);
      bytes.set(this.rest);
      bytes.set(chunk, this.rest.length);
      this.rest = null;
    }
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== 10) continue;
      this.row(bytes, start, i);
      start = i + 1;
    }
    // A copy: a Buffer's slice is a view of memory its owner may reuse.
    if (start < bytes.length) this.rest = Uint8Array.prototype.slice.call(bytes, start);
  }

  private row(bytes: Uint8Array, start: number, end: number): void {
    const { starts, ends } = this;
    let field = 0;
    starts[0] = start;
    for (let i = start; i < end; i++) {
      if (bytes[i] === 9) {
        ends[field] = i;
        starts[++field] = i + 1;
      }
    }
    ends[field] = end;
    if (field !== 15) throw new Error(`postgres: a segment row has ${field + 1} fields, not 16`);
    const status = bytes[starts[0]!]! - 48;
    const n = numberAt(bytes, starts[6]!, ends[6]!);
    if (status === 2) this.counts.refused += n;
    else if (status === 1) this.counts.outside += n;
    else {
      const id = unescapeText(this.decoder.decode(bytes.subarray(starts[1]!, ends[1]!)));
      let k = this.ids.get(id);
      if (k === undefined) this.ids.set(id, (k = this.ids.size));
      const at = this.size % BLOCK;
      if (at === 0) this.blocks.forEach((column, c) => column.push(c < INTEGER_COLUMNS ? new Int32Array(BLOCK) : new Float64Array(BLOCK)));
      const block = (this.size / BLOCK) | 0;
      this.size++;
      this.blocks[0]![block]![at] = k;
      for (let c = 1; c < this.blocks.length; c++) this.blocks[c]![block]![at] = numberAt(bytes, starts[c + 1]!, ends[c + 1]!);
      this.counts.kept += n;
      this.counts.missing += n - this.blocks[11]![block]![at]!;
      // The segment's days with a record, as bits: its rows past one a day are repeats of a (profile, day).
      this.counts.duplicates += n - daysIn(this.blocks[SEGMENT_COLUMNS.length]![block]![at]!);
      const last = this.blocks[4]![block]![at]!;
      if (!(last <= this.counts.last)) this.counts.last = last;
    }
  }

  /**
   * The columns, in `SEGMENT_COLUMNS` order then the days, each of exactly the rows read
   * (the day and profile columns as 32-bit integers); a column's blocks are
   * let go as it is built.
   */
  finish(): (Float64Array | Int32Array)[] {
    if (this.rest) throw new Error('postgres: the segments ended in the middle of a row');
    return this.blocks.map((blocks, c) => {
      const out = c < INTEGER_COLUMNS ? new Int32Array(this.size) : new Float64Array(this.size);
      blocks.forEach((block, b) => out.set(block.subarray(0, Math.min(BLOCK, this.size - b * BLOCK)), b * BLOCK));
      this.blocks[c] = [];
      return out;
    });
  }
}

/** Segments per block of `SegmentReader`. */
const BLOCK = 1 << 16;

/** `SEGMENT_COLUMNS`' leading integer columns: profile, sunday, part, firstDay, lastDay. */
const INTEGER_COLUMNS = 5;

/** A number written by PostgreSQL: plain digits at once, anything else (`-1.5e+20`, `NaN`, `Infinity`) by `Number`. */
function numberAt(bytes: Uint8Array, start: number, end: number): number {
  if (end - start <= 15) {
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const digit = bytes[i]! - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i === end && end > start) return value;
  }
  return Number(String.fromCharCode(...bytes.subarray(start, end)));
}

/** A text-format COPY field as its value: backslash escapes undone. */
function unescapeText(field: string): string {
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_, c: string) => ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' })[c] ?? c);
}
