import { parseDayBytes } from '../calendar.js';
import type { RowCollector } from '../frame/daily-frame.js';
import type { LoadReport } from '../frame/load-report.js';
import type { ReadSettings } from './collector.js';
import { isFollowersCount, parseLooseNumber } from './numbers.js';
import { addCheckedRow, rejectDateOutOfRange } from './rows.js';

/*
 * Daily rows read straight from the bytes of a JSON text — an object whose
 * `rows` member is an array of row objects, as a service's request body
 * sends them — into columns, in one pass, with no object or string per row.
 * `JSON.parse` and a check of each row object took most of a small request's
 * time; this reader does both at once.
 *
 * It reads only the common form: rows whose date is `YYYY-MM-DD`, whose
 * profile id is ASCII text, whose counts are integers written with at most
 * 15 digits or short ASCII text (and `followers` also
 * `null` or absent), whose other fields are
 * numbers, strings, `true`, `false` or `null`; no escape anywhere in the
 * text, no key twice in a row. For any other text it answers `null`, and the
 * caller parses the text with `JSON.parse` and reads the objects as before:
 * this reader never refuses a row, never names a fault, and accepts only
 * texts that `JSON.parse` accepts and whose rows `addRowObject` would accept
 * with the same values (a test compares the two on valid and broken texts).
 */

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const UPPER_E = 0x45;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const LOWER_E = 0x65;
const LOWER_F = 0x66;
const LOWER_N = 0x6e;
const LOWER_T = 0x74;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');
const PROTO_KEY = Buffer.from('__proto__');

/** The row fields this reader knows, one bit each; their keys, and the columns of `values` they fill (−1: none). */
const DATE = 1;
const PROFILE_ID = 2;
const FOLLOWERS = 4;
const POSTS = 8;
const ENGAGEMENT = 16;
const REACH = 32;
const IMPRESSIONS = 64;
const REQUIRED = DATE | PROFILE_ID | POSTS | ENGAGEMENT | REACH | IMPRESSIONS;
/** Per row in `values`: followers, posts, engagement, reach, impressions. */
const VALUES = 5;
const KEYS = ['date', 'profile_id', 'followers', 'posts', 'engagement', 'reach', 'impressions'].map((k) => Buffer.from(k));
const KEY_BITS = [DATE, PROFILE_ID, FOLLOWERS, POSTS, ENGAGEMENT, REACH, IMPRESSIONS];
const KEY_COLUMNS = [-1, -1, 0, 1, 2, 3, 4];
/** The shortest row the reader takes (`{"date":"2024-01-01","profile_id":"a","posts":0,…,"impressions":0}`) and its comma: rows in a text ≤ its length / this. */
const SHORTEST_ROW = 89;

/** `afterItem`: the object or array closed. */
const CLOSED = -2;

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= ZERO && c <= NINE;

/** The known field whose key is `bytes[start, end)`, as its index in `KEYS`, or −1. */
function keyIndex(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  search: for (let k = 0; k < KEYS.length; k++) {
    const key = KEYS[k]!;
    if (key.length !== length) continue;
    for (let i = 0; i < length; i++) if (bytes[start + i] !== key[i]) continue search;
    return k;
  }
  return -1;
}

/** A cursor over the text's bytes: each method reads one token at `pos` and moves past it, or answers that it cannot. */
class Cursor {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  /** Skips JSON whitespace; the byte there, −1 at the end. */
  next(): number {
    const b = this.bytes;
    let p = this.pos;
    for (; p < b.length; p++) {
      const c = b[p]!;
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) break;
    }
    this.pos = p;
    return p < b.length ? b[p]! : -1;
  }

  /** A string at `pos` (its opening quote) with no escape or control character, non-ASCII text too unless `ascii`: the end of its content, −1 when not such a string. */
  string(ascii: boolean): number {
    const b = this.bytes;
    const top = ascii ? 0x7f : 0xff;
    for (let p = this.pos + 1; p < b.length; p++) {
      const c = b[p]!;
      if (c === QUOTE) {
        this.pos = p + 1;
        return p;
      }
      if (c < SPACE || c === BACKSLASH || c > top) return -1;
    }
    return -1;
  }

  /** A count: `0`, or 1 to 15 digits that do not start with 0, not followed by a fraction or exponent; −1 when not. */
  count(): number {
    const b = this.bytes;
    const start = this.pos;
    let p = start;
    const first = b[p]! - ZERO;
    if (!(first >= 0 && first <= 9)) return -1;
    let v = first;
    p++;
    // JSON writes no leading zero; past 15 digits a sum of digits could round otherwise than a parse (as `parseDigits`).
    if (first !== 0) {
      for (; p < b.length; p++) {
        const c = b[p]! - ZERO;
        if (c < 0 || c > 9) break;
        v = v * 10 + c;
      }
      if (p - start > 15) return -1;
    }
    const after = b[p];
    if (after === DOT || after === LOWER_E || after === UPPER_E || isDigit(after)) return -1;
    this.pos = p;
    return v;
  }

  /**
   * After an object's member or an array's item: past a comma, the byte that starts the next one (≥ 0); past the
   * closing `close`, `CLOSED`; −1 for anything else.
   */
  afterItem(close: number): number {
    const c = this.next();
    if (c === COMMA) {
      this.pos++;
      return this.next();
    }
    if (c !== close) return -1;
    this.pos++;
    return CLOSED;
  }

  /** The bytes of `word` at `pos`. */
  literal(word: Buffer): boolean {
    const b = this.bytes;
    for (let i = 0; i < word.length; i++) if (b[this.pos + i] !== word[i]) return false;
    this.pos += word.length;
    return true;
  }

  /** A number (JSON's grammar), a string as `string` reads it, `true`, `false` or `null`. */
  scalar(): boolean {
    const b = this.bytes;
    let c = b[this.pos];
    if (c === QUOTE) return this.string(false) >= 0;
    if (c === LOWER_T) return this.literal(TRUE);
    if (c === LOWER_F) return this.literal(FALSE);
    if (c === LOWER_N) return this.literal(NULL);
    let p = this.pos;
    if (c === MINUS) c = b[++p];
    if (c === ZERO) p++;
    else if (c !== undefined && c > ZERO && c <= NINE) while (isDigit(b[++p]));
    else return false;
    if (b[p] === DOT) {
      if (!isDigit(b[++p])) return false;
      while (isDigit(b[++p]));
    }
    if (b[p] === LOWER_E || b[p] === UPPER_E) {
      if (b[p + 1] === PLUS || b[p + 1] === MINUS) p++;
      if (!isDigit(b[++p])) return false;
      while (isDigit(b[++p]));
    }
    this.pos = p;
    return true;
  }

  /** The extent of any value at `pos` (checked by `JSON.parse` after): strings as `string` reads them, brackets matched by depth. */
  skipValue(): boolean {
    const b = this.bytes;
    const c = b[this.pos];
    if (c === QUOTE) return this.string(false) >= 0;
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let depth = 0;
      for (let p = this.pos; p < b.length; p++) {
        const x = b[p]!;
        if (x === QUOTE) {
          this.pos = p;
          if (this.string(false) < 0) return false;
          p = this.pos - 1;
        } else if (x === OPEN_BRACE || x === OPEN_BRACKET) depth++;
        else if ((x === CLOSE_BRACE || x === CLOSE_BRACKET) && --depth === 0) {
          this.pos = p + 1;
          return true;
        }
      }
      return false;
    }
    let p = this.pos;
    for (; p < b.length; p++) {
      const x = b[p]!;
      if (x === COMMA || x === CLOSE_BRACE || x === CLOSE_BRACKET || x === SPACE || x === LF || x === CR || x === TAB) break;
    }
    if (p === this.pos) return false;
    this.pos = p;
    return true;
  }
}

/** A reader's columns, `room` rows long at least. */
interface Columns {
  profile: Int32Array;
  day: Int32Array;
  dateAt: Int32Array;
  values: Float64Array;
}

/**
 * Columns given back by rows done with (`JsonRows.release`), for the next read: typed arrays of this size live
 * outside the heap, and one set per request made the collector run twice as often under load.
 */
let spare: Columns | null = null;

function takeColumns(room: number): Columns {
  const kept = spare;
  if (kept !== null && kept.day.length >= room) {
    spare = null;
    return kept;
  }
  const size = Math.max(room, 256);
  return { profile: new Int32Array(size), day: new Int32Array(size), dateAt: new Int32Array(size), values: new Float64Array(VALUES * size) };
}

/**
 * @internal Daily rows read from a JSON text's bytes by `readJsonRows`: one
 * entry per row, in the text's order, already checked as `addRowObject`
 * checks a row object; `feed` gives them to a collector as `collectRows`
 * gives row objects.
 */
export class JsonRows {
  /** @internal */
  constructor(
    private readonly bytes: Uint8Array,
    /** How many rows. */
    readonly length: number,
    /** Each row's profile, numbered here in first-seen order. */
    private readonly profile: Int32Array,
    private readonly day: Int32Array,
    /** Where each row's date text starts (for messages). */
    private readonly dateAt: Int32Array,
    /** Per row: followers (NaN when null or absent), posts, engagement, reach, impressions. */
    private readonly values: Float64Array,
    /** Where each profile's id first appears: start and end of its bytes. */
    private readonly idAt: Int32Array,
  ) {}

  /**
   * Gives the rows' columns back for the next read: call it once done with the rows (after `predict`), and use
   * them no more.
   */
  release(): void {
    spare = { profile: this.profile, day: this.day, dateAt: this.dateAt, values: this.values };
  }

  /** How many distinct profile ids the rows hold. */
  get profileCount(): number {
    return this.idAt.length / 2;
  }

  /** The date text of row `i`, as written. */
  private dateText(i: number): string {
    const at = this.dateAt[i]!;
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + at, 10).toString('latin1');
  }

  /** Adds every row to `collector` (profile ids interned in first-seen order), with the date limits and span rule of `addRowObject`. */
  feed(collector: RowCollector, report: LoadReport, settings: ReadSettings): void {
    const { firstDay, lastDay } = settings.limits;
    const numbers = new Int32Array(this.profileCount).fill(-1);
    const { profile, day, values, idAt } = this;
    for (let i = 0; i < this.length; i++) {
      const d = day[i]!;
      if (d < firstDay || d > lastDay) {
        rejectDateOutOfRange(i, report, settings, this.dateText(i));
        continue;
      }
      const k = profile[i]!;
      let p = numbers[k]!;
      if (p < 0) p = numbers[k] = collector.profiles.intern(this.bytes, idAt[2 * k]!, idAt[2 * k + 1]!);
      const v = VALUES * i;
      // The date's text only where the span rule may name it (a profile read again with the rule).
      const dateValue = collector.refuses ? this.dateText(i) : undefined;
      addCheckedRow(i, collector, report, settings, p, d, dateValue, values[v]!, values[v + 1]!, values[v + 2]!, values[v + 3]!, values[v + 4]!);
    }
  }
}

/** The longest texts `readJsonRows` takes (longer: `null`), in characters (ASCII, so bytes): a profile id, a count written as text. */
export interface JsonRowBounds {
  maxIdLength: number;
  maxTextLength: number;
}

/** What `readJsonRows` gives: the rows, and the object's other members as `JSON.parse` gives them. */
export interface JsonRowsText {
  rows: JsonRows;
  fields: Record<string, unknown>;
}

/**
 * @internal Reads a JSON object's `rows` array of daily row objects straight
 * from the text's bytes (valid UTF-8, as the caller checked), and its other
 * members with `JSON.parse`. `null` when the text is not in the form this
 * reader takes (see the top of this file): then parse it and read the objects.
 */
export function readJsonRows(bytes: Uint8Array, bounds: JsonRowBounds): JsonRowsText | null {
  const at = new Cursor(bytes);
  if (at.next() !== OPEN_BRACE) return null;
  at.pos++;
  let c = at.next();
  const fields: Record<string, unknown> = {};
  let rows: JsonRows | null = null;
  for (;;) {
    if (c !== QUOTE) return null;
    const keyStart = at.pos + 1;
    const keyEnd = at.string(false);
    if (keyEnd < 0) return null;
    const key = Buffer.from(bytes.buffer, bytes.byteOffset + keyStart, keyEnd - keyStart).toString('utf8');
    if (at.next() !== COLON) return null;
    at.pos++;
    c = at.next();
    if (key === 'rows') {
      if (rows !== null || c !== OPEN_BRACKET) return null;
      rows = readRows(at, bounds);
      if (rows === null) return null;
    } else {
      if (key === '__proto__' || Object.hasOwn(fields, key)) return null;
      const start = at.pos;
      if (!at.skipValue()) return null;
      try {
        fields[key] = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + start, at.pos - start).toString('utf8'));
      } catch {
        return null;
      }
    }
    c = at.afterItem(CLOSE_BRACE);
    if (c === CLOSED) break;
    if (c < 0) return null;
  }
  if (at.next() !== -1 || rows === null) return null;
  return { rows, fields };
}

/** Whether `bytes[a, a + length)` and `bytes[b, b + length)` are the same, four bytes at a time. */
function sameBytes(bytes: Uint8Array, view: DataView, a: number, b: number, length: number): boolean {
  const words = length & ~3;
  let i = 0;
  for (; i < words; i += 4) if (view.getInt32(a + i) !== view.getInt32(b + i)) return false;
  for (; i < length; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}

/** The most keys of a row whose places are remembered for the next row. */
const REMEMBERED_KEYS = 32;

/** The array of row objects at `at.pos` (its `[`). */
function readRows(at: Cursor, bounds: JsonRowBounds): JsonRows | null {
  const b = at.bytes;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const room = Math.floor(b.length / SHORTEST_ROW) + 1;
  const { profile, day, dateAt, values } = takeColumns(room);
  const ids = new Map<string, number>();
  const idAt: number[] = [];
  let lastId = -1;
  let lastIdStart = 0;
  let lastIdLength = 0;
  // Rows mostly repeat the keys of the row before, in the same order: each key is first compared with the
  // previous row's key in its place (where its text starts, its length, its field), before any scanning.
  let keyStart = new Int32Array(REMEMBERED_KEYS);
  let keyLength = new Int32Array(REMEMBERED_KEYS);
  let keyField = new Int8Array(REMEMBERED_KEYS);
  let nextStart = new Int32Array(REMEMBERED_KEYS);
  let nextLength = new Int32Array(REMEMBERED_KEYS);
  let nextField = new Int8Array(REMEMBERED_KEYS);
  let remembered = 0;
  let n = 0;
  at.pos++;
  let c = at.next();
  if (c === CLOSE_BRACKET) {
    at.pos++;
    return new JsonRows(b, 0, profile, day, dateAt, values, new Int32Array(0));
  }
  for (;;) {
    if (c !== OPEN_BRACE || n >= room) return null;
    at.pos++;
    c = at.next();
    let seen = 0;
    let slot = 0;
    const v = VALUES * n;
    for (;;) {
      if (c !== QUOTE) return null;
      const start = at.pos + 1;
      let k = -2;
      if (slot < remembered) {
        const length = keyLength[slot]!;
        if (b[start + length] === QUOTE && sameBytes(b, view, start, keyStart[slot]!, length)) {
          k = keyField[slot]!;
          at.pos = start + length + 1;
        }
      }
      if (k === -2) {
        const end = at.string(false);
        if (end < 0) return null;
        k = keyIndex(b, start, end);
        // A prototype key is refused by the guarded parser (a 400): that text is left to it.
        if (k < 0 && end - start === PROTO_KEY.length && PROTO_KEY.equals(b.subarray(start, end))) return null;
      }
      if (slot < REMEMBERED_KEYS) {
        nextStart[slot] = start;
        nextLength[slot] = at.pos - 1 - start;
        nextField[slot] = k;
      }
      slot++;
      if (at.next() !== COLON) return null;
      at.pos++;
      c = at.next();
      if (k < 0) {
        if (!at.scalar()) return null;
      } else {
        const bit = KEY_BITS[k]!;
        if ((seen & bit) !== 0) return null;
        seen |= bit;
        if (bit === DATE) {
          if (c !== QUOTE) return null;
          const dateStart = at.pos + 1;
          if (at.string(true) !== dateStart + 10) return null;
          const d = parseDayBytes(b, dateStart);
          if (Number.isNaN(d)) return null;
          day[n] = d;
          dateAt[n] = dateStart;
        } else if (bit === PROFILE_ID) {
          if (c !== QUOTE) return null;
          const idStart = at.pos + 1;
          // A profile's rows mostly come together: the last id's bytes compared before any scanning or hashing.
          if (b[idStart + lastIdLength] === QUOTE && lastIdLength > 0 && sameBytes(b, view, idStart, lastIdStart, lastIdLength)) {
            at.pos = idStart + lastIdLength + 1;
          } else {
            const end = at.string(true);
            const length = end - idStart;
            if (end < 0 || length === 0 || length > bounds.maxIdLength) return null;
            const id = Buffer.from(b.buffer, b.byteOffset + idStart, length).toString('latin1');
            const known = ids.get(id);
            if (known === undefined) {
              lastId = ids.size;
              ids.set(id, lastId);
              idAt.push(idStart, end);
            } else lastId = known;
            lastIdStart = idStart;
            lastIdLength = length;
          }
          profile[n] = lastId;
        } else if (bit === FOLLOWERS && c === LOWER_N) {
          if (!at.literal(NULL)) return null;
          values[v] = Number.NaN;
        } else if (c === QUOTE) {
          // A count written as text (as CSV gives it; "undefined" for a missing followers count): read as the row reader reads it.
          const textStart = at.pos + 1;
          const end = at.string(true);
          if (end < 0 || end - textStart > bounds.maxTextLength) return null;
          const x = parseLooseNumber(Buffer.from(b.buffer, b.byteOffset + textStart, end - textStart).toString('latin1'));
          if (bit === FOLLOWERS ? !isFollowersCount(x) : !(x >= 0 && x < Number.POSITIVE_INFINITY)) return null;
          values[v + KEY_COLUMNS[k]!] = x;
        } else {
          const x = at.count();
          if (x < 0) return null;
          values[v + KEY_COLUMNS[k]!] = x;
        }
      }
      c = at.afterItem(CLOSE_BRACE);
      if (c === CLOSED) break;
      if (c < 0) return null;
    }
    if ((seen & REQUIRED) !== REQUIRED) return null;
    if ((seen & FOLLOWERS) === 0) values[v] = Number.NaN;
    const starts = keyStart;
    keyStart = nextStart;
    nextStart = starts;
    const lengths = keyLength;
    keyLength = nextLength;
    nextLength = lengths;
    const fields = keyField;
    keyField = nextField;
    nextField = fields;
    remembered = Math.min(slot, REMEMBERED_KEYS);
    n++;
    c = at.afterItem(CLOSE_BRACKET);
    if (c === CLOSED) return new JsonRows(b, n, profile, day, dateAt, values, Int32Array.from(idAt));
    if (c < 0) return null;
  }
}
