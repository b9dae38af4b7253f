// The CSV reader owns its quote state to the end of the input: no row is lost
// or changed without a word, whatever the bytes or the chunk boundaries.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { DailyFrameBuilder } from '../../src/frame/daily-frame.js';
import { emptyReport } from '../../src/frame/load-report.js';
import { readSettings } from '../../src/io/collector.js';
import { DailyCsvReader } from '../../src/io/csv.js';
import { DataError, loadDaily, loadWeekly } from '../../src/index.js';
import { testTempDir } from '../helpers/tmp.js';

const HEADER = 'date,profile_id,followers,posts,engagement,reach,impressions';

/** Reads CSV text through the reader in chunks of `size` bytes. */
function read(text: string | Buffer, options: { onError?: 'throw' | 'skip'; size?: number; limits?: { maxRecordBytes?: number } } = {}) {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const builder = new DailyFrameBuilder();
  const report = emptyReport();
  const reader = new DailyCsvReader('t.csv', builder, report, readSettings({ onError: options.onError ?? 'throw', limits: options.limits }, 'test'));
  const size = options.size ?? bytes.length;
  for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
  reader.end();
  return { rows: builder.finish(report).toRecords(), report };
}

describe('the CSV reader', () => {
  it('reports an unbalanced quote instead of losing the rows after it', () => {
    const text = `${HEADER}\n2024-01-02,"b,1,1,1,1,1\n2024-01-03,c,1,1,1,1,1\n2024-01-04,d,1,1,1,1,1\n`;
    expect(() => read(text)).toThrow(new DataError('a quoted field is not closed before the end of the file', { file: 't.csv', line: 2 }));
    for (const size of [1, 7, 1000]) {
      const { rows, report } = read(text, { onError: 'skip', size });
      expect(rows.map((r) => r.profile_id)).toEqual(['c', 'd']);
      expect([report.rows, report.skipped, report.skippedExamples[0]?.line]).toEqual([2, 1, 2]);
    }
  });

  it('rejects text after a closing quote rather than cutting the value short', () => {
    expect(() => read(`${HEADER}\n2024-01-02,p,1,"1"999,1,1,1\n`)).toThrow(/t\.csv:2 \(column 'posts'\): text follows the closing quote of a field/);
    expect(() => read(`${HEADER}\n"2023-02-05"xx,p,1,1,1,1,1\n`)).toThrow(/t\.csv:2 \(column 'date'\): text follows the closing quote/);
    // A quoted field followed by CRLF is fine.
    expect(read(`${HEADER}\r\n2024-01-02,"p",1,"1",1,1,"1"\r\n`).rows).toHaveLength(1);
  });

  it('reads a quoted header after a UTF-8 byte-order mark, however the bytes are chunked', () => {
    const text = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`"date","profile_id",followers,posts,engagement,reach,impressions\n2024-01-02,p,1,2,3,4,5\n`),
    ]);
    for (const size of [1, 2, 3, 4, 64])
      expect(
        read(text, { size }).rows.map((r) => r.posts),
        `chunks of ${size}`,
      ).toEqual([2]);
  });

  it('reads a long quoted field in linear time, and bounds a record by limits.maxRecordBytes', () => {
    // 8 MB inside quotes, in 16 KB chunks: each chunk used to rescan all that was held over.
    const long = `${HEADER}\n2024-01-02,"${'x'.repeat(8 << 20)}",1,1,1,1,1\n2024-01-03,q,1,1,1,1,1\n`;
    // Count the scans, not the time: 513 chunks used to mean 513 scans of everything held over.
    const scans = vi.spyOn(DailyCsvReader.prototype as unknown as { scanQuoted: () => number }, 'scanQuoted');
    const { rows, report } = read(long, { onError: 'skip', size: 16 << 10, limits: { maxRecordBytes: 16 << 20 } });
    expect(rows.map((r) => r.profile_id)).toHaveLength(2);
    expect(report.skipped).toBe(0);
    expect(scans.mock.calls.length).toBeLessThanOrEqual(12); // the held-over bytes double between scans: log2(513) + 2
    scans.mockRestore();
    const limited = read(long, { onError: 'skip', size: 16 << 10, limits: { maxRecordBytes: 1 << 20 } });
    expect(limited.rows.map((r) => r.profile_id)).toEqual(['q']);
    expect(limited.report.skippedExamples.map((e) => [e.line, e.reason])).toEqual([
      [2, 'the record is longer than 1048576 bytes (limits.maxRecordBytes; a quote not closed?)'],
    ]);
  });

  it('rejects a date outside the accepted range, configurably', () => {
    expect(() => read(`${HEADER}\n9999-12-31,p,1,1,1,1,1\n`)).toThrow(
      /t\.csv:2 \(column 'date'\): the date is outside the accepted range 1990-01-01 … 2099-12-31/,
    );
    expect(() => read(`${HEADER}\n0001-01-01,p,1,1,1,1,1\n`)).toThrow(/outside the accepted range/);
  });

  it('rejects ids that are not valid UTF-8, so no two ids decode to the same text', async () => {
    const dir = testTempDir('ef-utf8-');
    const head = Buffer.from(`${HEADER}\n`);
    writeFileSync(join(dir, 'a.csv'), Buffer.concat([head, Buffer.from('2024-01-02,p'), Buffer.from([0xff]), Buffer.from(',1,1,1,1,1\n')]));
    writeFileSync(join(dir, 'b.csv.gz'), gzipSync(Buffer.concat([head, Buffer.from('2024-01-02,"p'), Buffer.from([0xfe]), Buffer.from('",1,1,1,1,1\n')])));
    await expect(loadDaily(dir)).rejects.toThrow(/a\.csv:2 \(column 'profile_id'\): profile_id is not valid UTF-8/);
    for (const workers of [1, 2]) {
      const { weekly, report } = await loadWeekly(dir, { onError: 'skip', workers });
      expect([weekly.profileIds.length, report.skipped], `${workers} threads`).toEqual([0, 2]);
    }
  });
});
