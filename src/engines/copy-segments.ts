import { SEGMENT_COLUMNS } from '../features/segments.js';
import type { DailyFrameBuilder } from '../frame/daily-frame.js';
import { ProfileInterner } from '../frame/profile-dictionary.js';
import { daysIn } from '../features/weekly-sums.js';

/*
 * The segments as PostgreSQL's `COPY … TO STDOUT` writes them (text format),
 * read straight from the bytes into typed columns.
 */

/**
 * The rows of `COPY … TO STDOUT` (text format: one row a line) from chunks
 * that split them anywhere: each whole line goes to `row`.
 */
abstract class CopyLineReader {
  private rest: Uint8Array | null = null;
  private readonly decoder = new TextDecoder();
  /** Where each field of the row at hand starts and ends (tab-separated). */
  protected readonly starts: Int32Array;
  protected readonly ends: Int32Array;

  /** `what`: a row's name in errors; `fields`: how many a row has. */
  constructor(
    private readonly what: string,
    private readonly fields: number,
  ) {
    this.starts = new Int32Array(fields);
    this.ends = new Int32Array(fields);
  }

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
      this.split(bytes, start, i);
      this.row(bytes);
      start = i + 1;
    }
    // A copy: a Buffer's slice is a view of memory its owner may reuse.
    if (start < bytes.length) this.rest = Uint8Array.prototype.slice.call(bytes, start);
  }

  /** Finds the fields of the line from `start` to `end` (the line break), checking their number. */
  private split(bytes: Uint8Array, start: number, end: number): void {
    const { starts, ends } = this;
    let field = 0;
    starts[0] = start;
    for (let i = start; i < end; i++) {
      if (bytes[i] === 9) {
        if (field + 1 >= this.fields) throw new Error(`postgres: a ${this.what} row has more than ${this.fields} fields`);
        ends[field] = i;
        starts[++field] = i + 1;
      }
    }
    ends[field] = end;
    if (field !== this.fields - 1) throw new Error(`postgres: a ${this.what} row has ${field + 1} fields, not ${this.fields}`);
  }

  /** One row, its fields found (`starts`, `ends`). */
  protected abstract row(bytes: Uint8Array): void;

  /**
   * The profile number of the row's id (its second field), interned from
   * its bytes: a string is made only for a new id, or one with escapes.
   */
  protected profileOf(profiles: ProfileInterner, bytes: Uint8Array): number {
    const start = this.starts[1]!;
    const end = this.ends[1]!;
    let plain = true;
    for (let i = start; i < end; i++) if (bytes[i] === 92) plain = false;
    const k = plain ? profiles.intern(bytes, start, end) : -1;
    // Escaped, or not UTF-8 (which the decoder replaces, as it did before bytes were interned).
    return k >= 0 ? k : profiles.internString(unescapeText(this.decoder.decode(bytes.subarray(start, end))));
  }

  /** Throws unless the stream ended at the end of a row. */
  protected checkEnded(what: string): void {
    if (this.rest) throw new Error(`postgres: the ${what} ended in the middle of a row`);
  }
}

/**
 * Reads the segments of `COPY … TO STDOUT` (text format: tab-separated,
 * one row a line, `\N` for NULL) straight from the bytes: the kept
 * segments into growing columns, their ids into a dictionary in order of
 * first sight, and the status groups into the counts.
 */
export class SegmentReader extends CopyLineReader {
  /** The kept segments' profile ids, in order of first sight. */
  readonly profiles = new ProfileInterner();
  readonly counts = { kept: 0, outside: 0, refused: 0, missing: 0, last: Number.NaN, duplicates: 0 };
  /** In batches: at least the widest profile's span in days, as the status 3 row says (NaN when none came). */
  private widest = Number.NaN;
  /** In batches: whether `batching.start` was called, what it answered, and the first profile of the batch at hand. */
  private started = false;
  private wanted = true;
  private first = 0;
  private ready: { profileIds: string[]; columns: (Float64Array | Int32Array)[] }[] = [];
  /**
   * Per column (`SEGMENT_COLUMNS`, then the days with a record as bits), one
   * array that grows in place, `BLOCK` values at a time: neither growing nor
   * `finish` copies what was read, so the segments take their own size once
   * (blocks copied into columns at the end had held them twice until the
   * blocks were collected). The profile, day and part columns (the first
   * five) are 32-bit integers.
   */
  private readonly columns = [...SEGMENT_COLUMNS, 'days'].map((_, c) => new GrowingColumn(c < INTEGER_COLUMNS));
  private size = 0;

  /**
   * `batching`: make the kept segments ready `size` whole profiles at a time (`takeReady`), which needs them in
   * profile order after the other rows, and a first row of status 3 whose `first_day` is at least the widest
   * profile's days between the Sundays of its first and last segments and whose `last_day` is the last day of a
   * kept row. `start` is called with the counts before the first kept segment (or at `end` when none came); when it
   * answers false, the kept segments are not read.
   */
  constructor(private readonly batching?: SegmentBatching) {
    super('segment', 16);
  }

  protected row(bytes: Uint8Array): void {
    const { starts, ends } = this;
    const status = bytes[starts[0]!]! - 48;
    const n = numberAt(bytes, starts[6]!, ends[6]!);
    if (status === 3) {
      this.widest = numberAt(bytes, starts[4]!, ends[4]!);
      this.counts.last = numberAt(bytes, starts[5]!, ends[5]!);
    } else if (status === 2) this.counts.refused += n;
    else if (status === 1) this.counts.outside += n;
    else {
      if (this.batching) {
        if (!this.started) this.begin();
        if (!this.wanted) return;
      }
      const k = this.profileOf(this.profiles, bytes);
      if (this.batching && k >= this.first + this.batching.size) this.flush();
      const at = this.size++;
      const { columns } = this;
      if (at === columns[0]!.capacity) for (const column of columns) column.grow();
      columns[0]!.values[at] = k;
      for (let c = 1; c < columns.length; c++) columns[c]!.values[at] = numberAt(bytes, starts[c + 1]!, ends[c + 1]!);
      this.counts.kept += n;
      this.counts.missing += n - columns[11]!.values[at]!;
      // The segment's days with a record, as bits: its rows past one a day are repeats of a (profile, day).
      this.counts.duplicates += n - daysIn(columns[SEGMENT_COLUMNS.length]!.values[at]!);
      const last = columns[4]!.values[at]!;
      if (!(last <= this.counts.last)) this.counts.last = last;
    }
  }

  /**
   * The columns, in `SEGMENT_COLUMNS` order then the days, each of exactly the rows read
   * (the day and profile columns as 32-bit integers).
   */
  finish(): (Float64Array | Int32Array)[] {
    this.checkEnded('segments');
    return this.columns.map((column) => column.take(this.size));
  }

  /** In batches, once the stream ended: the last batch made ready. */
  end(): void {
    this.checkEnded('segments');
    if (!this.started) this.begin();
    if (this.size > 0) this.flush();
  }

  /** In batches: the batches made since the last call (of whole profiles, in order), to hand over. */
  takeReady(): { profileIds: string[]; columns: (Float64Array | Int32Array)[] }[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  private begin(): void {
    this.started = true;
    this.wanted = this.batching!.start(this.counts, this.widest);
  }

  /** The batch at hand (profiles `first` on), its profile numbers counted from its first, made ready. */
  private flush(): void {
    const { size } = this.batching!;
    const columns = this.columns.map((column) => column.take(this.size));
    const profile = columns[0]!;
    for (let i = 0; i < this.size; i++) profile[i]! -= this.first;
    const profileIds = this.profiles.ids.slice(this.first, Math.min(this.first + size, this.profiles.ids.length));
    this.size = 0;
    this.first += size;
    this.ready.push({ profileIds, columns });
  }
}

/** How a `SegmentReader` hands its kept segments over in batches of whole profiles. */
export interface SegmentBatching {
  /** Profiles per batch. */
  size: number;
  /** Before the first kept segment: the counts so far (the refused rows, the last day) and the span bound; false: no segment is wanted. */
  start(counts: { refused: number; last: number }, widest: number): boolean;
}

/**
 * Reads the daily rows of `COPY … TO STDOUT` (text format: status, id, day,
 * followers, posts, engagement, reach, impressions) into a frame builder:
 * the kept rows (status 0) as rows, the others counted (1: good rows outside
 * what was asked for, 2: refused rows).
 */
export class DailyRowReader extends CopyLineReader {
  readonly counts = { kept: 0, outside: 0, refused: 0, missing: 0 };

  constructor(private readonly builder: DailyFrameBuilder) {
    super('daily', 8);
  }

  /** Checks that the stream ended at the end of a row. */
  finish(): void {
    this.checkEnded('rows');
  }

  protected row(bytes: Uint8Array): void {
    const { starts, ends } = this;
    const status = bytes[starts[0]!]! - 48;
    if (status === 2) this.counts.refused++;
    else if (status === 1) this.counts.outside++;
    else {
      const profile = this.profileOf(this.builder.profiles, bytes);
      // NULL followers (\N): missing, as NaN.
      const followers = ends[3]! - starts[3]! === 2 && bytes[starts[3]!] === 92 ? Number.NaN : numberAt(bytes, starts[3]!, ends[3]!);
      if (followers !== followers) this.counts.missing++;
      this.counts.kept++;
      this.builder.add(
        profile,
        numberAt(bytes, starts[2]!, ends[2]!),
        followers,
        numberAt(bytes, starts[4]!, ends[4]!),
        numberAt(bytes, starts[5]!, ends[5]!),
        numberAt(bytes, starts[6]!, ends[6]!),
        numberAt(bytes, starts[7]!, ends[7]!),
      );
    }
  }
}

/**
 * A column of numbers that grows by `BLOCK` values in place: a resizable
 * `ArrayBuffer` reserves the address space and is given memory as it grows,
 * so nothing is copied. Where resizable buffers are missing, it doubles a
 * plain array instead.
 */
export class GrowingColumn {
  private buffer: ArrayBuffer;
  values: Int32Array | Float64Array;
  capacity = 0;
  private readonly bytes: number;

  /** `resizable`: whether to grow a resizable buffer (where there are such) or double a plain one. */
  constructor(
    private readonly integer: boolean,
    private readonly resizable = RESIZABLE,
  ) {
    this.bytes = integer ? 4 : 8;
    this.buffer = this.empty();
    this.values = this.view(this.buffer);
  }

  private empty(): ArrayBuffer {
    return this.resizable ? new (ArrayBuffer as unknown as ResizableArrayBufferConstructor)(0, { maxByteLength: MAX_BYTES }) : new ArrayBuffer(0);
  }

  private view(buffer: ArrayBuffer, length?: number): Int32Array | Float64Array {
    return this.integer ? new Int32Array(buffer, 0, length) : new Float64Array(buffer, 0, length);
  }

  /** Room for `BLOCK` more values. */
  grow(): void {
    const capacity = this.capacity + BLOCK;
    if (capacity * this.bytes > MAX_BYTES) throw new Error(`postgres: more than ${MAX_BYTES / this.bytes} segments`);
    if (this.resizable) {
      (this.buffer as ArrayBuffer & { resize(bytes: number): void }).resize(capacity * this.bytes);
      // A view made without a length follows the buffer's.
    } else if (capacity * this.bytes > this.buffer.byteLength) {
      const bigger = new ArrayBuffer(Math.min(MAX_BYTES, Math.max(capacity, 2 * this.capacity) * this.bytes));
      new Uint8Array(bigger).set(new Uint8Array(this.buffer));
      this.buffer = bigger;
      this.values = this.view(bigger);
    }
    this.capacity = capacity;
  }

  /** The first `size` values, as a view of fixed length; the column is let go, and starts again empty. */
  take(size: number): Int32Array | Float64Array {
    const out = this.view(this.buffer, size);
    this.buffer = this.empty();
    this.values = this.view(this.buffer);
    this.capacity = 0;
    return out;
  }
}

/** `ArrayBuffer`'s constructor with the options of a resizable buffer (ES2024). */
type ResizableArrayBufferConstructor = new (bytes: number, options: { maxByteLength: number }) => ArrayBuffer;

/** Whether `ArrayBuffer`s can be made resizable here (Node 20 has them). */
const RESIZABLE = typeof (ArrayBuffer.prototype as { resize?: unknown }).resize === 'function';

/** The most bytes a segment column may take (the largest resizable buffer V8 makes here): 536 million segments. */
const MAX_BYTES = 2 ** 32;

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
