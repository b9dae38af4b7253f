import { isUtf8 } from 'node:buffer';
import { grown, int32s, readAhead, uint8s } from './arrays.js';

/**
 * The id hash before its final mix: every byte, four at a time
 * (little-endian words through `view`, a DataView of `bytes`), then the last
 * zero to three one by one. Ids that share a long prefix and suffix still
 * spread over the table.
 */
export function hashBytes(view: DataView, bytes: Uint8Array, start: number, end: number): number {
  const len = end - start;
  let h = Math.imul(0x811c9dc5 ^ len, 0x01000193);
  let i = start;
  for (const words = start + (len & ~3); i < words; i += 4) {
    h = Math.imul(h ^ view.getInt32(i, true), 0x5bd1e995);
    h ^= h >>> 15;
  }
  for (; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h;
}
/** Finishes a `hashBytes` hash (murmur3's final mix), so ids that differ in one byte land far apart. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Ints per hash-table slot. */
const SLOT = 4;

/** A DataView of exactly `bytes` (which may be a view on part of a larger buffer). */
const dataViewOf = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
/** The view of no bytes, until a reader's chunk comes. */
const EMPTY_VIEW = new DataView(new ArrayBuffer(0));

/**
 * Interns profile ids straight from CSV bytes: an open-addressing hash table
 * over an arena of id bytes, so a row costs a hash and a compare, and a
 * JavaScript string is made only the first time an id is seen. A reader
 * that has hashed the id already (`hashBytes`) passes the hash
 * (`internHashed`).
 */
export class ProfileInterner {
  /** The ids, in first-seen order; the index is the profile number. */
  readonly ids: string[] = [];
  // Small at first (a request's few ids), doubled as ids come: a reader of files outgrows them within its first rows.
  private arena: Uint8Array = uint8s(256);
  private arenaView: DataView = dataViewOf(this.arena);
  private arenaUsed = 0;
  /**
   * Per slot (hash, profile + 1, where its bytes start in the arena, their
   * length): a probe reads one cache line, then the arena; profile + 1 = 0 is empty.
   */
  private table: Int32Array = int32s(SLOT * 16);
  private mask = 15;
  /** String ids seen by `internString`, and their numbers: row objects repeat their ids row after row. */
  private readonly strings = new Map<string, number>();
  private lastString: string | null = null;
  private lastStringNumber = -1;
  private lastBytes: Uint8Array | null = null;
  private lastView: DataView = EMPTY_VIEW;

  get size(): number {
    return this.ids.length;
  }

  /**
   * The profile number of the id in `bytes[start, end)`, adding it when new;
   * -1 when the bytes are not valid UTF-8 (two such ids would decode to the
   * same text, so the caller must reject them).
   */
  intern(bytes: Uint8Array, start: number, end: number): number {
    return this.internHashed(bytes, start, end, hashBytes(this.viewOf(bytes), bytes, start, end));
  }

  /**
   * `intern` for a reader that has hashed the id's bytes already: `h` must
   * be `hashBytes` of them.
   */
  internHashed(bytes: Uint8Array, start: number, end: number, h: number): number {
    h = mix(h);
    const len = end - start;
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const at = SLOT * slot;
      const entry = table[at + 1]!;
      if (entry === 0) break;
      if (table[at] === h && table[at + 3] === len && this.same(table[at + 2]!, bytes, start, len)) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    return this.add(bytes, start, end, h, slot);
  }

  /**
   * Reads, without changing anything, the table slots and arena bytes that
   * interning ids of these (unmixed) hashes will compare: a reader calls it
   * for a batch of rows before interning them, so that the cache misses of
   * the batch overlap instead of coming one row at a time.
   */
  prefetch(hashes: Int32Array, count: number): void {
    const table = this.table;
    const mask = this.mask;
    let sink = 0;
    for (let j = 0; j < count; j++) sink ^= table[SLOT * (mix(hashes[j]!) & mask) + 2]!;
    const arena = this.arena;
    for (let j = 0; j < count; j++) sink ^= arena[table[SLOT * (mix(hashes[j]!) & mask) + 2]!]!;
    readAhead.sink += sink;
  }

  /** Whether `internString` has seen this id (and so it was checked). */
  hasString(id: string): boolean {
    return id === this.lastString || this.strings.has(id);
  }

  /** The profile number of a string id. */
  internString(id: string): number {
    // Row objects mostly come a profile at a time: the last id first (a compare, not a hash of a fresh string).
    if (id === this.lastString) return this.lastStringNumber;
    const known = this.strings.get(id);
    if (known !== undefined) {
      this.lastString = id;
      this.lastStringNumber = known;
      return known;
    }
    const bytes = Buffer.from(id, 'utf8');
    const p = this.intern(bytes, 0, bytes.length);
    this.strings.set(id, p);
    this.lastString = id;
    this.lastStringNumber = p;
    return p;
  }

  /**
   * Whether the arena at `at` holds the `len` bytes at `bytes[start]`. Four
   * bytes at a time through DataViews (unaligned reads are fine there): a
   * byte-by-byte loop costs more than the rest of a row's interning.
   */
  private same(at: number, bytes: Uint8Array, start: number, len: number): boolean {
    const a = this.arenaView;
    const b = this.viewOf(bytes);
    const words = len & ~3;
    let k = 0;
    for (; k < words; k += 4) if (a.getInt32(at + k) !== b.getInt32(start + k)) return false;
    const arena = this.arena;
    for (; k < len; k++) if (arena[at + k] !== bytes[start + k]) return false;
    return true;
  }

  /** A DataView of `bytes`, kept while the same buffer comes back (a reader's chunk). */
  private viewOf(bytes: Uint8Array): DataView {
    if (bytes !== this.lastBytes) {
      this.lastBytes = bytes;
      this.lastView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.lastView;
  }

  private add(bytes: Uint8Array, start: number, end: number, h: number, slot: number): number {
    if (!isUtf8(bytes.subarray(start, end))) return -1;
    const p = this.ids.length;
    const len = end - start;
    if (this.arenaUsed + len > this.arena.length) {
      this.arena = grown(this.arena, Math.max(this.arena.length * 2, this.arenaUsed + len));
      this.arenaView = dataViewOf(this.arena);
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.ids.push(Buffer.from(bytes.buffer, bytes.byteOffset + start, len).toString('utf8'));
    const at = SLOT * slot;
    this.table[at] = h;
    this.table[at + 1] = p + 1;
    this.table[at + 2] = this.arenaUsed;
    this.table[at + 3] = len;
    this.arenaUsed += len;
    if ((p + 1) * 2 > this.mask + 1) this.rehash();
    return p;
  }

  private rehash(): void {
    const slots = (this.mask + 1) * 2;
    const old = this.table;
    const table = new Int32Array(SLOT * slots);
    const mask = slots - 1;
    for (let s = 0; s < old.length; s += SLOT) {
      if (old[s + 1] === 0) continue;
      let slot = old[s]! & mask;
      while (table[SLOT * slot + 1] !== 0) slot = (slot + 1) & mask;
      table.set(old.subarray(s, s + SLOT), SLOT * slot);
    }
    this.table = table;
    this.mask = mask;
  }
}
