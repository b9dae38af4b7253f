// The reader of PostgreSQL's COPY text output: rows split anywhere across
// chunks (whose memory the sender reuses), escapes in ids, the status rows.
import { describe, expect, it } from 'vitest';
import { DailyRowReader, GrowingColumn, SegmentReader } from '../../src/engines/copy-segments.js';
import { DailyFrameBuilder } from '../../src/frame/daily-frame.js';
import { emptyReport } from '../../src/frame/load-report.js';

/** One segment row as PostgreSQL writes it: status, id, then the 13 numbers and the days as bits. */
const row = (status: number, id: string, numbers: readonly (number | string)[]) => `${status}\t${id}\t${numbers.join('\t')}\n`;
const NUMBERS = [19778, 0, 19773, 19778, 6, 3, 2551, 13413.5, 23346, 146762, 6, 'NaN', 'NaN', 0b111111];
const TEXT =
  row(0, 'plain', NUMBERS) +
  row(0, 'tab\\there\\\\back\\nline', [19785, 1, 19783, 19785, 3, 1e20, '1.5e+20', 0, 0, 120, 2, 60, 19784, 0b101]) + // 3 rows on 2 days: 1 repeat
  row(1, '\\N', [...Array(4).fill('\\N'), 17, ...Array(8).fill(0), '\\N']) +
  row(2, '\\N', [...Array(4).fill('\\N'), 4, ...Array(8).fill(0), '\\N']) +
  row(0, 'plain', [19792, 0, 19786, 19792, 7, 0, 0, 0, 0, 700, 7, 100, 19792, 0b1111111]);

function read(chunks: readonly Uint8Array[]): { reader: SegmentReader; columns: (Float64Array | Int32Array)[] } {
  const reader = new SegmentReader();
  for (const chunk of chunks) reader.add(chunk);
  return { reader, columns: reader.finish() };
}

describe('SegmentReader', () => {
  it('reads the segments, unescapes ids and counts the status rows', () => {
    const { reader, columns } = read([Buffer.from(TEXT)]);
    expect(reader.profiles.ids).toEqual(['plain', 'tab\there\\back\nline']);
    expect(reader.counts).toEqual({ kept: 16, outside: 17, refused: 4, missing: 1, last: 19792, duplicates: 1 });
    expect(Array.from(columns[0]!)).toEqual([0, 1, 0]);
    expect(columns[0]).toBeInstanceOf(Int32Array);
    expect(Array.from(columns[6]!)).toEqual([3, 1e20, 0]);
    expect(Array.from(columns[7]!)).toEqual([2551, 1.5e20, 0]);
    expect(Array.from(columns[8]!)).toEqual([13413.5, 0, 0]);
    expect(Array.from(columns[12]!)).toEqual([Number.NaN, 60, 100]);
  });

  it('gives the same columns whatever the chunks, from a buffer the sender reuses', () => {
    const { columns: whole } = read([Buffer.from(TEXT)]);
    const bytes = Buffer.from(TEXT);
    for (const size of [1, 2, 3, 7, 16, 50]) {
      const reader = new SegmentReader();
      const reused = Buffer.alloc(size);
      for (let at = 0; at < bytes.length; at += size) {
        const n = bytes.copy(reused, 0, at, Math.min(at + size, bytes.length));
        reader.add(reused.subarray(0, n));
        reused.fill(0x7a);
      }
      expect(reader.finish().map((c) => Array.from(c))).toEqual(whole.map((c) => Array.from(c)));
    }
  });

  it('refuses a row of the wrong shape and a stream that stops mid-row', () => {
    expect(() => read([Buffer.from('0\tp\t1\t2\n')])).toThrow('postgres: a segment row has 4 fields, not 16');
    expect(() => read([Buffer.from(TEXT.slice(0, -3))])).toThrow('postgres: the segments ended in the middle of a row');
  });

  it('keeps every segment of a stream longer than a growth step, each column exactly as long as the rows read', () => {
    const n = 3 * 65536 + 5;
    let text = '';
    for (let i = 0; i < n; i++) text += row(0, `p${i % 1000}`, [19778 + 7 * (i % 50), i % 2, 19773, 19778, 1, i, i + 0.5, 0, 0, 7, 1, i * 3, 19778, 1]);
    const { reader, columns } = read([Buffer.from(text)]);
    expect(reader.counts.kept).toBe(n);
    for (const column of columns) expect(column.length).toBe(n);
    for (const i of [0, 65535, 65536, 65537, 131072, n - 1]) {
      expect(columns[0]![i]).toBe(i % 1000);
      expect(columns[2]![i]).toBe(i % 2);
      expect(columns[6]![i]).toBe(i);
      expect(columns[7]![i]).toBe(i + 0.5);
      expect(columns[12]![i]).toBe(i * 3);
    }
  });
});

describe('GrowingColumn', () => {
  for (const resizable of [true, false])
    it(`grows without losing a value (${resizable ? 'a resizable buffer' : 'a plain buffer doubled'})`, () => {
      for (const integer of [true, false]) {
        const column = new GrowingColumn(integer, resizable);
        const n = 200_000;
        for (let i = 0; i < n; i++) {
          if (i === column.capacity) column.grow();
          column.values[i] = integer ? i - 100_000 : i / 4;
        }
        const out = column.take(n);
        expect(out).toBeInstanceOf(integer ? Int32Array : Float64Array);
        expect(out.length).toBe(n);
        let wrong = 0;
        for (let i = 0; i < n; i++) if (out[i] !== (integer ? i - 100_000 : i / 4)) wrong++;
        expect(wrong).toBe(0);
      }
    });
});

describe('DailyRowReader', () => {
  const DAILY = [
    '0\tp\\t1\t19800\t120\t1\t5.5\t50\t60',
    '1\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N',
    '0\tq\t19801\t\\N\t0\t0\t0\t0',
    '2\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N',
  ]
    .map((l) => `${l}\n`)
    .join('');

  it('keeps the kept rows (NULL followers missing), counts the others, whatever the chunks', () => {
    const bytes = Buffer.from(DAILY);
    for (const size of [1, 3, 7, bytes.length]) {
      const builder = new DailyFrameBuilder();
      const reader = new DailyRowReader(builder);
      for (let at = 0; at < bytes.length; at += size) reader.add(bytes.subarray(at, at + size));
      reader.finish();
      expect(reader.counts).toEqual({ kept: 2, outside: 1, refused: 1, missing: 1 });
      const frame = builder.finish(emptyReport());
      expect(frame.toRecords()).toEqual([
        { profile_id: 'p\t1', date: '2024-03-18', followers: 120, posts: 1, engagement: 5.5, reach: 50, impressions: 60 },
        { profile_id: 'q', date: '2024-03-19', followers: Number.NaN, posts: 0, engagement: 0, reach: 0, impressions: 0 },
      ]);
    }
  });

  it('refuses a row of the wrong shape and a stream that stops mid-row', () => {
    expect(() => new DailyRowReader(new DailyFrameBuilder()).add(Buffer.from('0\tp\t1\n'))).toThrow('postgres: a daily row has 3 fields, not 8');
    const reader = new DailyRowReader(new DailyFrameBuilder());
    reader.add(Buffer.from(DAILY.slice(0, -3)));
    expect(() => reader.finish()).toThrow('postgres: the rows ended in the middle of a row');
  });
});
