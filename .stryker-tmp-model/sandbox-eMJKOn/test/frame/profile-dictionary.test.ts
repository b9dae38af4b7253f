// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { ProfileInterner } from '../../src/frame/profile-dictionary.js';

describe('ProfileInterner', () => {
  it('gives each distinct byte string one number, across buffers, lengths and regrowth', () => {
    const interner = new ProfileInterner();
    const ids: string[] = [];
    for (let i = 0; i < 5000; i++) ids.push(`${'a'.repeat(i % 7)}id-${i}-${'z'.repeat(i % 5)}`); // lengths not multiples of 4
    ids.push('same-prefix-and-suffix-1x', 'same-prefix-and-suffix-2x', 'é', 'e\u0301', '');
    const numbers = ids.map((id) => interner.internString(id));
    expect(new Set(numbers).size).toBe(ids.length);
    expect(interner.ids).toEqual(ids);
    // The same ids found again inside other, larger buffers at odd offsets.
    for (let i = 0; i < ids.length; i += 7) {
      const buf = Buffer.from(`xx,${ids[i]},yy`);
      expect(interner.intern(buf, 3, 3 + Buffer.byteLength(ids[i]!))).toBe(numbers[i]);
    }
    expect(interner.size).toBe(ids.length);
  });

  it('tells apart ids that differ only in the middle (outside the hashed bytes)', () => {
    const interner = new ProfileInterner();
    const a = `${'0'.repeat(20)}A${'0'.repeat(20)}`;
    const b = `${'0'.repeat(20)}B${'0'.repeat(20)}`;
    expect(interner.internString(a)).toBe(0);
    expect(interner.internString(b)).toBe(1);
    expect(interner.internString(a)).toBe(0);
  });

  it('hashes every byte: ids sharing a long prefix and suffix spread over the table', () => {
    const interner = new ProfileInterner();
    for (let i = 0; i < 20000; i++) interner.internString(`profile_${String(i).padStart(7, '0')}_instagram_x`);
    // The table holds (hash, profile + 1) pairs: count the distinct hashes among the used slots.
    const table = (interner as unknown as { table: Int32Array }).table;
    const hashes = new Set<number>();
    for (let s = 0; s < table.length; s += 2) if (table[s + 1] !== 0) hashes.add(table[s]!);
    // A hash of the length and the first 8 and last 12 bytes gave all 20,000 the same hash.
    expect(hashes.size).toBeGreaterThan(19900);
  });

  it('refuses bytes that are not valid UTF-8 (-1), so two ids never decode to the same text', () => {
    const interner = new ProfileInterner();
    expect(interner.intern(Buffer.from([0x70, 0xff]), 0, 2)).toBe(-1);
    expect(interner.intern(Buffer.from([0x70, 0xfe]), 0, 2)).toBe(-1);
    expect(interner.size).toBe(0);
    expect(interner.internString('p\u00ff')).toBe(0);
  });
});
