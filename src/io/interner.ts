/**
 * Interns profile ids straight from CSV bytes: an open-addressing hash table
 * over an arena of id bytes, so a row costs a hash and a byte compare, and a
 * JavaScript string is made only the first time an id is seen.
 */
export class ProfileInterner {
  /** The ids, in first-seen order; the index is the profile number. */
  readonly ids: string[] = [];
  private arena: Uint8Array = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private starts: Int32Array = new Int32Array(1024);
  private lengths: Int32Array = new Int32Array(1024);
  private hashes: Int32Array = new Int32Array(1024);
  private table: Int32Array = new Int32Array(2048); // profile + 1; 0 = empty
  private mask = 2047;

  get size(): number {
    return this.ids.length;
  }

  /** The profile number of the id in `bytes[start, end)`, adding it when new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    // FNV-1a over the length, the first 8 and the last 12 bytes (inlined:
    // this runs once per row). Ids that differ elsewhere only probe further;
    // the full bytes are compared below.
    const len = end - start;
    let h = Math.imul(0x811c9dc5 ^ len, 0x01000193);
    const head = Math.min(end, start + 8);
    for (let i = start; i < head; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    for (let i = Math.max(head, end - 12); i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    h ^= h >>> 16;
    const arena = this.arena;
    let slot = h & this.mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const p = entry - 1;
      if (this.hashes[p] === h && this.lengths[p] === len) {
        const s = this.starts[p]!;
        let same = true;
        for (let k = len - 1; k >= 0; k--) {
          if (arena[s + k] !== bytes[start + k]) {
            same = false;
            break;
          }
        }
        if (same) return p;
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

  private add(bytes: Uint8Array, start: number, end: number, h: number, slot: number): number {
    const p = this.ids.length;
    const len = end - start;
    if (this.arenaUsed + len > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    if (p === this.starts.length) {
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.hashes = grow(this.hashes);
    }
    this.starts[p] = this.arenaUsed;
    this.lengths[p] = len;
    this.hashes[p] = h;
    this.arenaUsed += len;
    this.ids.push(Buffer.from(bytes.buffer, bytes.byteOffset + start, len).toString('utf8'));
    this.table[slot] = p + 1;
    if ((p + 1) * 2 > this.table.length) this.rehash();
    return p;
  }

  private rehash(): void {
    const size = this.table.length * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let p = 0; p < this.ids.length; p++) {
      let slot = this.hashes[p]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = p + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
