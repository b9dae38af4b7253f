import { isUtf8 } from 'node:buffer';
import { formatDay, parseDay, parseDayBytes } from '../calendar.js';
import { DataError, type DataErrorCode } from '../errors.js';
import { REQUIRED_DAILY_COLUMNS, type CheckedLimits } from '../schema.js';
import type { RowCollector } from '../frame/daily-frame.js';
import type { LoadReport } from '../frame/load-report.js';
import { dateRangeReason, handleBadRow, type ReadSettings } from './collector.js';
import { FOLLOWERS_REASON, isFollowersCount, parseDigits, parseLooseNumber } from './numbers.js';
import { hashBytes } from '../frame/profile-dictionary.js';

const COMMA = 44;
const NEWLINE = 10;
const CR = 13;
const QUOTE = 34;
const MAX_FIELDS = 1024;

/** What the row scanner does with each field (`DailyCsvReader.plan`). */
const SKIP = 0;
const DATE = 1;
const ID = 2;
const FOLLOWERS = 3;
const POSTS = 4;
const ENGAGEMENT = 5;
const REACH = 6;
const IMPRESSIONS = 7;
/** Rows the scanner gathers before interning and adding them together (so that their cache misses overlap). */
const BATCH = 32;

/** Required column → its field position in this file's header. */
type ColumnPositions = Record<(typeof REQUIRED_DAILY_COLUMNS)[number], number>;

/**
 * Reads one daily CSV from byte chunks: header-driven (any column order, extra
 * columns ignored), LF or CRLF, a UTF-8 byte-order mark, quoted fields (with
 * `""` escapes and newlines inside quotes). Numbers, dates and ids are parsed
 * from the bytes; each good row goes to the collector, each bad one is thrown
 * or skipped as `onError` says.
 */
export class DailyCsvReader {
  /** Bytes of an incomplete record carried over from earlier chunks, then the chunks since. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Rescan the pending bytes only once they reach this size: each failed scan doubles it, so a long record costs linear time. */
  private rescanAt = 0;
  private started = false;
  private head: Buffer = Buffer.alloc(0);
  /** After a too-long record with no line end yet: drop bytes up to the next newline. */
  private discarding = false;
  /** Lines consumed so far; the next row starts on line `linesDone + 1`. */
  private linesDone = 0;
  private columns: ColumnPositions | null = null;
  private headerNames: string[] = [];
  private readonly fieldStart = new Int32Array(MAX_FIELDS);
  private readonly fieldEnd = new Int32Array(MAX_FIELDS);
  private readonly fieldQuoted = new Uint8Array(MAX_FIELDS);
  /** The first field of the current row with text after its closing quote (`"1"999`: the row is malformed), or -1. */
  private trailingField = -1;
  private cachedDate = Buffer.alloc(10);
  private cachedDay = Number.NaN;
  /** Per field of the header, what `scanRow` makes of it (SKIP, DATE, ID, …); empty until the header is read. */
  private plan = new Uint8Array(0);
  /** Rows scanned but not yet added: per row the day, the id's start and end and the line; the id's hash; the five numbers. */
  private batchInts = new Int32Array(BATCH * 4);
  private batchHashes = new Int32Array(BATCH);
  private batchValues = new Float64Array(BATCH * 5);
  private batchProfiles = new Int32Array(BATCH);
  private batchSize = 0;
  /** Rows the one-pass scanner took (the others went the general way): what a test can tell the fast path by. */
  scannedRows = 0;

  constructor(
    private readonly file: string,
    private readonly collector: RowCollector,
    private readonly report: LoadReport,
    private readonly settings: ReadSettings,
  ) {
    this.limits = settings.limits;
  }

  private readonly limits: CheckedLimits;

  /** Feeds the next chunk of the file. */
  push(chunk: Buffer): void {
    if (!this.started) {
      // A UTF-8 byte-order mark before the header (quoted or not) is not part of it: wait for 3 bytes to tell.
      chunk = this.head.length > 0 ? Buffer.concat([this.head, chunk]) : chunk;
      if (chunk.length < 3) {
        this.head = chunk;
        return;
      }
      this.started = true;
      this.head = Buffer.alloc(0);
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (this.discarding) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) return;
      this.discarding = false;
      chunk = chunk.subarray(newline + 1);
    }
    if (this.pendingBytes > 0) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes < this.rescanAt) return;
    }
    const data = this.pendingBytes > 0 ? Buffer.concat(this.pending, this.pendingBytes) : chunk;
    const consumed = this.scan(data, false);
    this.keep(data, consumed);
  }

  /** Keeps `data` from `consumed` on for the next chunk (a copy, so a large chunk can be freed). */
  private keep(data: Buffer, consumed: number): void {
    if (consumed >= data.length) {
      this.pending = [];
      this.pendingBytes = 0;
      this.rescanAt = 0;
      return;
    }
    const tail = Buffer.from(data.subarray(consumed));
    this.pending = [tail];
    this.pendingBytes = tail.length;
    this.rescanAt = 2 * tail.length;
  }

  /** Ends the file: reads a last row without a newline, and checks there was a header. */
  end(): void {
    if (!this.started && this.head.length > 0) {
      const head = this.head;
      this.started = true;
      this.head = Buffer.alloc(0);
      this.push(head);
    }
    if (this.pendingBytes > 0) {
      const data = Buffer.concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.pendingBytes = 0;
      this.scan(data, true);
    }
    if (!this.columns) {
      throw new DataError('the file is empty: no header line', { file: this.file, line: 0 });
    }
  }

  /**
   * Reads whole rows from `data`; returns where the first incomplete row
   * starts. A record that cannot end — a quote not closed by the end of the
   * file, or a record longer than `maxRecordBytes` — is a bad row: its first
   * line is reported, and reading goes on from the next line.
   */
  private scan(data: Buffer, final: boolean): number {
    let from = 0;
    for (;;) {
      const view = from === 0 ? data : data.subarray(from);
      const consumed = view.indexOf(QUOTE) < 0 ? this.scanUnquoted(view, final) : this.scanQuoted(view, final);
      const rest = view.length - consumed;
      if (rest === 0 || (!final && rest <= this.limits.maxRecordBytes)) return from + consumed;
      // The record at `consumed` cannot be read: report its first line, go on after it.
      const lineEnd = view.indexOf(NEWLINE, consumed);
      const line = ++this.linesDone;
      const reason = final
        ? 'a quoted field is not closed before the end of the file'
        : `the record is longer than ${this.limits.maxRecordBytes} bytes (limits.maxRecordBytes; a quote not closed?)`;
      if (!this.columns) throw new DataError(reason, { file: this.file, line });
      this.bad(reason, line, undefined, undefined);
      if (lineEnd < 0) {
        this.discarding = !final;
        return data.length;
      }
      from += lineEnd + 1;
    }
  }

  /**
   * The common case, a chunk with no quote character: a row ends at the next
   * newline (found natively) and its fields at commas.
   */
  private scanUnquoted(data: Buffer, final: boolean): number {
    const n = data.length;
    const fs = this.fieldStart;
    const fe = this.fieldEnd;
    this.fieldQuoted.fill(0);
    // The scanner needs the header's plan: in the chunk that holds the header it starts after it.
    let fast = this.plan.length > 0;
    let view = fast ? new DataView(data.buffer, data.byteOffset, data.byteLength) : null;
    let pos = 0;
    while (pos < n) {
      if (fast) {
        const next = this.scanRow(data, view!, pos);
        if (next > 0) {
          pos = next;
          if (this.batchSize === BATCH) this.flush(data);
          continue;
        }
        this.flush(data);
      }
      let lineEnd = data.indexOf(NEWLINE, pos);
      if (lineEnd < 0) {
        if (!final) {
          this.flush(data);
          return pos;
        }
        lineEnd = n;
      }
      let e = lineEnd;
      if (e > pos && data[e - 1] === CR) e--;
      let nf = 0;
      let i = pos;
      for (;;) {
        const s = i;
        i = data.indexOf(COMMA, i);
        if (i < 0 || i > e) i = e;
        if (nf < MAX_FIELDS) {
          fs[nf] = s;
          fe[nf] = i;
        }
        nf++;
        if (i >= e) break;
        i++;
      }
      pos = lineEnd + 1;
      this.row(data, nf, ++this.linesDone);
      if (!fast && this.plan.length > 0) {
        fast = true;
        view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      }
    }
    this.flush(data);
    return n;
  }

  /** Dispatches a split row: blank lines are counted, the first row is the header. */
  private row(data: Buffer, nf: number, line: number): void {
    if (nf === 1 && this.fieldEnd[0] === this.fieldStart[0] && this.fieldQuoted[0] === 0) {
      if (this.columns) this.report.blankLines++;
      return;
    }
    const trailing = this.trailingField;
    if (trailing >= 0) {
      this.trailingField = -1;
      const reason = 'text follows the closing quote of a field';
      const value = data.toString('utf8', this.fieldStart[trailing]!, this.fieldEnd[trailing]!);
      if (!this.columns) throw new DataError(reason, { file: this.file, line, value });
      this.bad(reason, line, this.headerNames[trailing], value);
      return;
    }
    if (!this.columns) this.readHeader(data, nf, line);
    else this.readRow(data, nf, line);
  }

  /** The general case: quoted fields, with commas, quotes and newlines inside them. */
  private scanQuoted(data: Buffer, final: boolean): number {
    const n = data.length;
    const fs = this.fieldStart;
    const fe = this.fieldEnd;
    const fq = this.fieldQuoted;
    let pos = 0;
    while (pos < n) {
      const rowStart = pos;
      let i = pos;
      let nf = 0;
      let newlinesInQuotes = 0;
      let incomplete = false;
      this.trailingField = -1;
      // Hot loop, inlined on purpose: splits one row into fields by byte.
      for (;;) {
        let s = i;
        let e: number;
        let quoted = 0;
        if (i < n && data[i] === QUOTE) {
          quoted = 1;
          i++;
          s = i;
          for (;;) {
            if (i >= n) {
              incomplete = true;
              break;
            }
            const c = data[i]!;
            if (c === QUOTE) {
              if (i + 1 < n) {
                if (data[i + 1] === QUOTE) {
                  i += 2;
                  continue;
                }
              } else if (!final) {
                incomplete = true;
              }
              break;
            }
            if (c === NEWLINE) newlinesInQuotes++;
            i++;
          }
          if (incomplete) break;
          e = i;
          i++; // the closing quote
          const afterQuote = i;
          while (i < n && data[i] !== COMMA && data[i] !== NEWLINE) i++;
          // Only a CR before the newline may follow a closing quote.
          if (
            i > afterQuote &&
            !(i === afterQuote + 1 && data[afterQuote] === CR && (i >= n || data[i] === NEWLINE)) &&
            this.trailingField < 0 &&
            nf < MAX_FIELDS
          )
            this.trailingField = nf;
        } else {
          while (i < n && data[i] !== COMMA && data[i] !== NEWLINE) i++;
          e = i;
        }
        if (i >= n && !final) {
          incomplete = true;
          break;
        }
        if (nf < MAX_FIELDS) {
          fs[nf] = s;
          fe[nf] = e;
          fq[nf] = quoted;
        }
        nf++;
        if (i >= n) {
          pos = n;
          break;
        }
        if (data[i] === COMMA) {
          i++;
          continue;
        }
        pos = i + 1; // past the newline
        break;
      }
      if (incomplete) return rowStart;
      const last = Math.min(nf, MAX_FIELDS) - 1;
      if (fq[last] === 0 && fe[last]! > fs[last]! && data[fe[last]! - 1] === CR) fe[last]!--;
      const line = this.linesDone + 1;
      this.linesDone += 1 + newlinesInQuotes;
      this.row(data, nf, line);
    }
    return n;
  }

  private text(data: Buffer, k: number): string {
    const raw = data.toString('utf8', this.fieldStart[k]!, this.fieldEnd[k]!);
    return this.fieldQuoted[k] === 1 ? raw.replace(/""/g, '"') : raw;
  }

  private readHeader(data: Buffer, nf: number, line: number): void {
    if (nf > MAX_FIELDS) {
      throw new DataError(`the header has ${nf} columns; at most ${MAX_FIELDS} are supported`, { file: this.file, line });
    }
    const names: string[] = [];
    for (let k = 0; k < nf; k++) names.push(this.text(data, k));
    const positions: Partial<ColumnPositions> = {};
    for (const column of REQUIRED_DAILY_COLUMNS) {
      const at = names.indexOf(column);
      if (at < 0) {
        throw new DataError(`missing required column '${column}' (the header has: ${names.join(', ')})`, {
          file: this.file,
          line,
          column,
        });
      }
      positions[column] = at;
    }
    this.headerNames = names;
    this.columns = positions as ColumnPositions;
    const plan = new Uint8Array(nf);
    const kinds = { date: DATE, profile_id: ID, followers: FOLLOWERS, posts: POSTS, engagement: ENGAGEMENT, reach: REACH, impressions: IMPRESSIONS };
    for (const column of REQUIRED_DAILY_COLUMNS) plan[positions[column]!] = kinds[column];
    this.plan = plan;
  }

  /**
   * The row scanner: one pass over the bytes of a plain row, splitting,
   * hashing the id and parsing the numbers as it goes. It takes only a row
   * that `readRow` would accept as it is — the header's field count, an
   * unquoted `YYYY-MM-DD` date in range, a non-empty id, counts of 1
   * to 15 ASCII digits, a newline at the end — and gives it the values
   * `readRow` would give (a followers field that is not plain digits is
   * parsed as `readRow` parses it). Anything else (a blank line, a CR, a sign
   * or a decimal point in a count, a bad row, the end of the chunk) returns 0
   * having consumed and counted nothing, and the row goes the general way.
   * An accepted row joins the batch (`flush` adds it). Returns the position
   * after the row's newline.
   */
  private scanRow(data: Buffer, view: DataView, pos: number): number {
    const lineEnd = data.indexOf(NEWLINE, pos);
    if (lineEnd < 0) return 0;
    const plan = this.plan;
    const last = plan.length - 1;
    let i = pos;
    let day = 0;
    let idStart = 0;
    let idEnd = 0;
    let followers = 0;
    let posts = 0;
    let engagement = 0;
    let reach = 0;
    let impressions = 0;
    for (let k = 0; k <= last; k++) {
      // Where this field must end: at a comma before the line's end, or (the last field) at the line's end.
      const stop = k === last ? NEWLINE : COMMA;
      const kind = plan[k]!;
      if (kind === DATE) {
        if (i + 10 > lineEnd || data[i + 10] !== stop) return 0;
        day = this.dayAt(data, i);
        if (!(day >= this.limits.firstDay && day <= this.limits.lastDay)) return 0;
        i += 11;
      } else if (kind === ID || kind === SKIP) {
        let e = data.indexOf(COMMA, i);
        if (k === last) {
          if (e >= 0 && e < lineEnd) return 0; // a field more than the header's
          e = lineEnd;
          if (data[e - 1] === CR) return 0;
        } else if (e < 0 || e > lineEnd) {
          return 0; // a field short
        }
        if (kind === ID) {
          if (e === i) return 0;
          idStart = i;
          idEnd = e;
        }
        i = e + 1;
      } else {
        const s = i;
        let v = 0;
        while (i < lineEnd) {
          const d = data[i]! - 48;
          if (d < 0 || d > 9) break;
          v = v * 10 + d;
          i++;
        }
        if (kind === FOLLOWERS && (i === s || i - s > 15 || data[i] !== stop)) {
          // Not a plain count (`undefined`, empty, a decimal, …): read as readRow does.
          while (i < lineEnd && data[i] !== COMMA && data[i] !== CR) i++;
          if (data[i] !== stop) return 0;
          v = parseLooseNumber(data.toString('utf8', s, i));
          // A number that is not a count (negative, infinite, past 2^53): readRow refuses it, naming the line.
          if (v === v && !(v >= 0 && v <= Number.MAX_SAFE_INTEGER)) return 0;
        } else if (i === s || i - s > 15 || data[i] !== stop) {
          return 0;
        }
        i++;
        if (kind === FOLLOWERS) followers = v;
        else if (kind === POSTS) posts = v;
        else if (kind === ENGAGEMENT) engagement = v;
        else if (kind === REACH) reach = v;
        else impressions = v;
      }
    }
    if (followers !== followers) this.report.missingFollowers++;
    const b = this.batchSize++;
    const ints = this.batchInts;
    ints[4 * b] = day;
    ints[4 * b + 1] = idStart;
    ints[4 * b + 2] = idEnd;
    ints[4 * b + 3] = ++this.linesDone;
    this.batchHashes[b] = hashBytes(view, data, idStart, idEnd);
    const values = this.batchValues;
    values[5 * b] = followers;
    values[5 * b + 1] = posts;
    values[5 * b + 2] = engagement;
    values[5 * b + 3] = reach;
    values[5 * b + 4] = impressions;
    this.report.rows++;
    this.scannedRows++;
    return i;
  }

  /** Interns and adds the scanned rows of the batch, in their order, after reading ahead what they will touch. */
  private flush(data: Buffer): void {
    const count = this.batchSize;
    if (count === 0) return;
    this.batchSize = 0;
    const { collector, batchInts: ints, batchValues: values, batchProfiles: profiles } = this;
    const interner = collector.profiles;
    interner.prefetch(this.batchHashes, count);
    for (let j = 0; j < count; j++) profiles[j] = interner.internHashed(data, ints[4 * j + 1]!, ints[4 * j + 2]!, this.batchHashes[j]!);
    collector.prefetch?.(profiles, count);
    const refuses = collector.refuses === true;
    for (let j = 0; j < count; j++) {
      if (profiles[j]! < 0) {
        // A new id that is not valid UTF-8: a bad row after all, as readRow would find it.
        this.report.rows--;
        if (values[5 * j] !== values[5 * j]) this.report.missingFollowers--;
        this.bad('profile_id is not valid UTF-8', ints[4 * j + 3]!, 'profile_id', data.toString('utf8', ints[4 * j + 1]!, ints[4 * j + 2]!));
        continue;
      }
      const why = refuses ? collector.refusal!(profiles[j]!, ints[4 * j]!) : null;
      if (why !== null) {
        // Refused by the collector (a row past the span limit): a bad row after all, as readRow would find it.
        this.report.rows--;
        if (values[5 * j] !== values[5 * j]) this.report.missingFollowers--;
        this.bad(why, ints[4 * j + 3]!, 'date', formatDay(ints[4 * j]!), 'span_limit');
        continue;
      }
      collector.add(profiles[j]!, ints[4 * j]!, values[5 * j]!, values[5 * j + 1]!, values[5 * j + 2]!, values[5 * j + 3]!, values[5 * j + 4]!);
    }
  }

  /** The day number of the `YYYY-MM-DD` at `data[s]`, NaN when it is not a valid date. Rows mostly share the previous row's date: cached. */
  private dayAt(data: Buffer, s: number): number {
    const cached = this.cachedDate;
    if (
      cached[9] === data[s + 9] &&
      cached[8] === data[s + 8] &&
      cached[6] === data[s + 6] &&
      cached[5] === data[s + 5] &&
      cached[3] === data[s + 3] &&
      cached[2] === data[s + 2] &&
      cached[1] === data[s + 1] &&
      cached[0] === data[s] &&
      cached[4] === data[s + 4] &&
      cached[7] === data[s + 7] &&
      this.cachedDay === this.cachedDay
    ) {
      return this.cachedDay;
    }
    const day = parseDayBytes(data, s);
    if (Number.isNaN(day)) return day;
    data.copy(cached, 0, s, s + 10);
    this.cachedDay = day;
    return day;
  }

  private bad(reason: string, line: number, column: string | undefined, value: string | undefined, code?: DataErrorCode): void {
    handleBadRow(
      new DataError(reason, { ...(code ? { code } : {}), file: this.file, line, ...(column ? { column } : {}), ...(value !== undefined ? { value } : {}) }),
      this.settings.onError,
      this.report,
    );
  }

  private readRow(data: Buffer, nf: number, line: number): void {
    const columns = this.columns!;
    if (nf !== this.headerNames.length) {
      this.bad(`the row has ${nf} fields but the header has ${this.headerNames.length}`, line, undefined, undefined);
      return;
    }
    const day = this.readDate(data, columns.date);
    if (Number.isNaN(day)) {
      this.bad('not a date written YYYY-MM-DD', line, 'date', this.text(data, columns.date));
      return;
    }
    if (day < this.limits.firstDay || day > this.limits.lastDay) {
      this.bad(dateRangeReason(this.limits), line, 'date', this.text(data, columns.date));
      return;
    }
    const idField = columns.profile_id;
    let profile: number;
    if (this.fieldEnd[idField] === this.fieldStart[idField]) {
      this.bad('profile_id is empty', line, 'profile_id', '');
      return;
    }
    if (this.fieldQuoted[idField] === 1) {
      const raw = data.subarray(this.fieldStart[idField]!, this.fieldEnd[idField]!);
      const bytes = isUtf8(raw) ? Buffer.from(this.text(data, idField), 'utf8') : raw;
      profile = this.collector.profiles.intern(bytes, 0, bytes.length);
    } else {
      profile = this.collector.profiles.intern(data, this.fieldStart[idField]!, this.fieldEnd[idField]!);
    }
    if (profile < 0) {
      this.bad('profile_id is not valid UTF-8', line, 'profile_id', this.text(data, idField));
      return;
    }
    let followers = parseDigits(data, this.fieldStart[columns.followers]!, this.fieldEnd[columns.followers]!);
    if (followers < 0) followers = parseLooseNumber(this.text(data, columns.followers));
    const posts = this.readCount(data, columns.posts);
    const engagement = this.readCount(data, columns.engagement);
    const reach = this.readCount(data, columns.reach);
    const impressions = this.readCount(data, columns.impressions);
    if (!(posts >= 0 && engagement >= 0 && reach >= 0 && impressions >= 0)) {
      const name = !(posts >= 0) ? 'posts' : !(engagement >= 0) ? 'engagement' : !(reach >= 0) ? 'reach' : 'impressions';
      this.bad(`${name} is not a non-negative number`, line, name, this.text(data, columns[name]));
      return;
    }
    // Not a number (`undefined`, empty): missing. A number: a count, as the service requires.
    if (!isFollowersCount(followers)) {
      this.bad(FOLLOWERS_REASON, line, 'followers', this.text(data, columns.followers));
      return;
    }
    const why = this.collector.refuses ? this.collector.refusal!(profile, day) : null;
    if (why !== null) {
      this.bad(why, line, 'date', this.text(data, columns.date), 'span_limit');
      return;
    }
    if (Number.isNaN(followers)) this.report.missingFollowers++;
    this.report.rows++;
    this.collector.add(profile, day, followers, posts, engagement, reach, impressions);
  }

  private readCount(data: Buffer, k: number): number {
    const v = parseDigits(data, this.fieldStart[k]!, this.fieldEnd[k]!);
    if (v >= 0) return v;
    const parsed = parseLooseNumber(this.text(data, k));
    return Number.isFinite(parsed) ? parsed : Number.NaN;
  }

  /** Day number of a `YYYY-MM-DD` field, NaN when it is not one. Consecutive rows mostly share a date: cached. */
  private readDate(data: Buffer, k: number): number {
    const s = this.fieldStart[k]!;
    const e = this.fieldEnd[k]!;
    if (this.fieldQuoted[k] === 1 || e - s !== 10) return parseDay(this.text(data, k));
    return this.dayAt(data, s);
  }
}
