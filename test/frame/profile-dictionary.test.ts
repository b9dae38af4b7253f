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
});
