import { isUtf8 } from 'node:buffer';
import { grown } from './arrays.js';

/**
 * Interns profile ids straight from CSV bytes: an open-addressing hash table
 * over an arena of id bytes, so a row costs a hash and a compare, and a
 * JavaScript string is made only the first time an id is seen.
 */
export class ProfileInterner {
  /** The ids, in first-seen order; the index is the profile number. */
  readonly ids: string[] = [];
  private arena: Uint8Array = new Uint8Array(1 << 16);
  private arenaView: DataView = new DataView(this.arena.buffer);
  private arenaUsed = 0;
  private starts: Int32Array = new Int32Array(1024);
  private lengths: Int32Array = new Int32Array(1024);
  /** Pairs (hash, profile + 1) per slot, so a probe reads one cache line; profile + 1 = 0 is empty. */
  private table: Int32Array = new Int32Array(2 * 2048);
  private mask = 2047;
  private lastBytes: Uint8Array | null = null;
  private lastView: DataView = new DataView(new ArrayBuffer(0));

  get size(): number {
    return this.ids.length;
  }

  /**
   * The profile number of the id in `bytes[start, end)`, adding it when new;
   * -1 when the bytes are not valid UTF-8 (two such ids would decode to the
   * same text, so the caller must reject them).
   */
  intern(bytes: Uint8Array, start: number, end: number): number {
    // A hash of every byte, four at a time (inlined: this runs once per row).
    // Ids that share a long prefix and suffix still spread over the table.
    const len = end - start;
    const view = this.viewOf(bytes);
    let h = Math.imul(0x811c9dc5 ^ len, 0x01000193);
    let i = start;
    for (const words = start + (len & ~3); i < words; i += 4) {
      h = Math.imul(h ^ view.getInt32(i, true), 0x5bd1e995);
      h ^= h >>> 15;
    }
    for (; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    h ^= h >>> 16;
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const entry = table[2 * slot + 1]!;
      if (entry === 0) break;
      if (table[2 * slot] === h) {
        const p = entry - 1;
        if (this.lengths[p] === len && this.same(this.starts[p]!, bytes, start, len)) return p;
      }
      slot = (slot + 1) & this.mask;
    }
    return this.add(bytes, start, end, h, slot);
  }

  /** The profile number of a string id. */
  internString(id: string): number {
    const bytes = Buffer.from(id, 'utf8');
    return this.intern(bytes, 0, bytes.length);
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
      this.arenaView = new DataView(this.arena.buffer);
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    if (p === this.starts.length) {
      this.starts = grown(this.starts, p * 2);
      this.lengths = grown(this.lengths, p * 2);
    }
    this.starts[p] = this.arenaUsed;
    this.lengths[p] = len;
    this.arenaUsed += len;
    this.ids.push(Buffer.from(bytes.buffer, bytes.byteOffset + start, len).toString('utf8'));
    this.table[2 * slot] = h;
    this.table[2 * slot + 1] = p + 1;
    if ((p + 1) * 2 > this.mask + 1) this.rehash();
    return p;
  }

  private rehash(): void {
    const slots = (this.mask + 1) * 2;
    const old = this.table;
    const table = new Int32Array(2 * slots);
    const mask = slots - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = old[s]! & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[s]!;
      table[2 * slot + 1] = old[s + 1]!;
    }
    this.table = table;
    this.mask = mask;
  }
}
