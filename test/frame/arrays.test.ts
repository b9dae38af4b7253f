// The small typed arrays cut from shared blocks: zeroed, apart, and never handed to a thread with their block.
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { float64s, int32s, ownBuffer, uint8s } from '../../src/frame/arrays.js';
import { SegmentTable } from '../../src/features/weekly-sums.js';
import { parseDay } from '../../src/calendar.js';

describe('float64s, int32s, uint8s', () => {
  it('give zeroed arrays of the length asked, that share no element', () => {
    const made = [float64s(3), int32s(5), uint8s(7), float64s(1), uint8s(1), int32s(9), float64s(200)];
    expect(made.map((a) => a.length)).toEqual([3, 5, 7, 1, 1, 9, 200]);
    for (const a of made) expect([...a].every((v) => v === 0)).toBe(true);
    for (const a of made) a.fill(1);
    // Writing every array whole left the others' values as written: no two overlap.
    for (const a of made) expect([...a].every((v) => v === 1)).toBe(true);
    const ranges = made.filter((a) => a.buffer === made[0]!.buffer).map((a) => [a.byteOffset, a.byteOffset + a.byteLength] as const);
    expect(ranges.length).toBeGreaterThan(1); // small ones do share a block
    ranges.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
    for (const a of made) expect(a.byteOffset % a.BYTES_PER_ELEMENT).toBe(0);
  });

  it('give large and empty arrays buffers of their own', () => {
    for (const a of [float64s(100_000), int32s(100_000), uint8s(100_000), float64s(0)]) {
      expect(a.byteOffset).toBe(0);
      expect(a.buffer.byteLength).toBe(a.byteLength);
    }
  });

  it('start zeroed when a block runs out and the next one begins', () => {
    const many = Array.from({ length: 200 }, () => float64s(60)); // 96,000 bytes: more than one block
    for (const a of many) {
      expect([...a].every((v) => v === 0)).toBe(true);
      a.fill(7);
    }
    expect(new Set(many.map((a) => a.buffer)).size).toBeGreaterThan(1);
    expect(many.every((a) => a.every((v) => v === 7))).toBe(true);
  });

  it('ownBuffer copies a view on a shared block, and keeps an array that owns its buffer', () => {
    const shared = float64s(4).fill(2.5);
    const copy = ownBuffer(shared);
    expect(copy).not.toBe(shared);
    expect([...copy]).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(copy.buffer.byteLength).toBe(copy.byteLength);
    const own = new Float64Array(4);
    expect(ownBuffer(own)).toBe(own);
  });
});

describe('a small array sent to another thread by its caller', () => {
  it('does not take the other arrays of its block with it', () => {
    const sent = float64s(4).fill(1);
    const neighbour = float64s(8).fill(3);
    expect(neighbour.buffer).toBe(sent.buffer);
    const { port1, port2 } = new MessageChannel();
    try {
      port1.postMessage(sent, [sent.buffer as ArrayBuffer]); // copied (Node 20), or refused (Node 21 on)
    } catch (error) {
      expect((error as Error).name).toBe('DataCloneError');
    } finally {
      port1.close();
      port2.close();
    }
    expect(neighbour.length).toBe(8);
    expect([...neighbour]).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect([...sent]).toEqual([1, 1, 1, 1]);
  });
});

describe("a segment table's data, sent to another thread", () => {
  it('transfers buffers of its own, not a block other arrays live in', () => {
    const neighbour = float64s(8).fill(3);
    const table = new SegmentTable(16); // room for 16 segments: small enough to be cut from a block
    const p = table.profiles.internString('p');
    table.add(p, parseDay('2024-01-22'), 10, 1, 2, 3, 4);
    expect(table.cells.buffer).toBe(neighbour.buffer);
    const { data, transfer } = table.toData();
    const sent = structuredClone(data, { transfer });
    expect(sent.size).toBe(1);
    expect([...sent.cells.subarray(2, 7)]).toEqual([1, 1, 2, 3, 4]); // rows, posts, engagement, reach, impressions
    // The neighbour's block was not detached with the table's buffers.
    expect(neighbour.length).toBe(8);
    expect([...neighbour]).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
  });
});
