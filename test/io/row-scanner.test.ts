// The row scanner (one pass over a plain row, batched adds) against the
// general reader: the same rows read both ways give the same frame, the same
// profile numbering, the same counts and the same skipped lines. A quote
// anywhere in a chunk sends every row of it the general way, so each case is
// read as written, and again with its header's first name quoted.
import { describe, expect, it } from 'vitest';
import { DailyCsvReader } from '../../src/io/csv.js';
import { DailyFrameBuilder } from '../../src/frame/daily-frame.js';
import { emptyReport } from '../../src/frame/load-report.js';
import { readSettings } from '../../src/io/collector.js';
import { SegmentTable, weeklyFromSegments } from '../../src/features/weekly-sums.js';

const HEADER = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions';

function read(text: string | Buffer, chunk: number, collector: DailyFrameBuilder | SegmentTable = new DailyFrameBuilder()) {
  const report = emptyReport();
  const reader = new DailyCsvReader('t.csv', collector, report, readSettings({ onError: 'skip', limits: { from: '2000-01-01', to: '2030-12-31' } }, 'test'));
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let at = 0; at < bytes.length; at += chunk) reader.push(Buffer.from(bytes.subarray(at, at + chunk)));
  reader.end();
  const skipped = report.skippedExamples.map((e) => `${e.line} ${e.column ?? ''} ${e.reason}`);
  return { collector, report: { ...report, skippedExamples: skipped }, scanned: reader.scannedRows };
}

/** The same text, with the first header name quoted: every chunk that holds the header then goes the general way, and so, read in one chunk, does every row. */
function quotedHeader(text: string | Buffer): string | Buffer {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const comma = bytes.indexOf(',');
  const quoted = Buffer.concat([Buffer.from('"'), bytes.subarray(0, comma), Buffer.from('"'), bytes.subarray(comma)]);
  return typeof text === 'string' ? quoted.toString('utf8') : quoted;
}

/** `scanned`: how many rows the scanner must take when the text is read in one chunk (the others go the general way). */
function expectSameBothWays(text: string | Buffer, scanned?: number): void {
  const general = read(quotedHeader(text), 1 << 30);
  expect(general.scanned).toBe(0);
  if (scanned !== undefined) expect(read(text, 1 << 30).scanned, 'rows the scanner took').toBe(scanned);
  const g = general.collector as DailyFrameBuilder;
  const frameG = g.finish(emptyReport());
  for (const chunk of [1 << 30, 7, 64, 1]) {
    const fast = read(text, chunk);
    const frameF = (fast.collector as DailyFrameBuilder).finish(emptyReport());
    expect(frameF.profileIds, `chunk ${chunk}`).toEqual(frameG.profileIds);
    expect(Array.from(frameF.profile), `chunk ${chunk}`).toEqual(Array.from(frameG.profile));
    expect(frameF.toRecords(), `chunk ${chunk}`).toEqual(frameG.toRecords());
    expect(fast.report, `chunk ${chunk}`).toEqual(general.report);
  }
}

describe('the row scanner', () => {
  it('reads plain rows as the general reader does, with missing and odd followers, in any chunking', () => {
    expectSameBothWays(
      [
        HEADER,
        '2024-03-04,a,100,1,10,8,2,50,60',
        '2024-03-04,b,undefined,0,0,0,0,0,0', // missing followers (counted)
        '2024-03-04,c,,2,5,5,0,9,9', // empty followers
        '2024-03-05,a,1.5e3,1,1,1,0,1,1', // followers in scientific notation
        '2024-03-05,b,1234567890123456,1,1,1,0,1,1', // 16 digits: parsed as a number, correctly rounded
        '2024-03-05,c,-7,1,1,1,0,1,1',
        '2024-03-06,a,inf,1,1,1,0,1,1',
        '2024-03-06,d,12,999999999999999,1,1,0,1,1', // 15 digits
        '2024-03-06,d,12,1,2.5,1,0,1,1', // a decimal count (general way)
        '2024-03-07,e,5,1,1,x,y,1,1', // text in columns the reader ignores
        '2024-03-07,a,5,1,1,,,1,1',
        '2024-03-07,a,5,1,1,1,0,1,1',
      ].join('\n') + '\n',
      11,
    );
  });

  it('skips the same bad rows with the same lines and reasons', () => {
    expectSameBothWays(
      [
        HEADER,
        '2024-03-04,a,100,1,10,8,2,50,60',
        '2024-02-30,a,1,1,1,1,0,1,1', // not a date
        '1999-12-31,a,1,1,1,1,0,1,1', // out of range
        '2024-03-04,,1,1,1,1,0,1,1', // empty id
        '2024-03-04,a,1,-1,1,1,0,1,1', // negative posts
        '2024-03-04,a,1,1,1,1,0,1', // a field short
        '2024-03-04,a,1,1,1,1,0,1,1,1', // a field more
        '',
        '2024-03-04,a,1,1,1,1,0,1,', // empty impressions
        '2024/03/04,a,1,1,1,1,0,1,1',
        '2024-03-04,é,1,1,1,1,0,1,1', // a non-ASCII id (general way)
        '2024-03-04,\u00ff\u00fe,1,1,1,1,0,1,1',
        '2024-03-05,b,1,1,1,1,0,1,1',
      ].join('\n') + '\n',
      4,
    );
  });

  it('finds an id that is not valid UTF-8 where readRow finds it: a bad row, in line order, counts undone', () => {
    const rows = [
      `${HEADER}\n2024-03-04,a,1,1,1,1,0,1,1\n2024-03-04,`,
      '\xff\xfeq', // invalid UTF-8, new id
      ',undefined,1,1,1,0,1,1\n2024-03-05,a,x,1,1,1,0,1,1\n2024-03-05,',
      'b\xc3', // truncated sequence
      ',2,1,1,1,0,1,1\n2024-03-06,',
      '\xc3\xa9', // valid: é
      ',3,1,1,1,0,1,1\n',
    ];
    const bytes = Buffer.concat(rows.map((part, k) => Buffer.from(part, k % 2 === 1 ? 'latin1' : 'utf8')));
    expectSameBothWays(bytes);
    const { report } = read(bytes, 1 << 30);
    expect([report.rows, report.skipped, report.missingFollowers]).toEqual([3, 2, 1]);
    expect(report.skippedExamples).toEqual(['3 profile_id profile_id is not valid UTF-8', '5 profile_id profile_id is not valid UTF-8']);
  });

  it('reads CRLF lines and a last row without a newline the same way', () => {
    expectSameBothWays(`${HEADER}\r\n2024-03-04,a,1,1,1,1,0,1,1\r\n2024-03-05,b,undefined,1,1,1,0,1,1\r\n2024-03-06,a,3,1,1,1,0,1,1`);
    expectSameBothWays(`${HEADER}\n2024-03-04,a,1,1,1,1,0,1,1\n2024-03-06,a,3,1,1,1,0,1,7`);
  });

  it('reads other column orders and extra columns, and many profiles across batches, the same way', () => {
    const lines = ['impressions,x,profile_id,reach,date,engagement,posts,followers'];
    for (let i = 0; i < 500; i++) {
      const day = 1 + (i % 28);
      lines.push(`${i % 13},${i % 3 === 0 ? 'q' : ''},id-${(i * 7919) % 97},${i % 5},2024-02-${String(day).padStart(2, '0')},${i * 3},${i % 4},${i % 17 === 0 ? 'undefined' : 1000 + i}`);
    }
    expectSameBothWays(`${lines.join('\n')}\n`, 500);
  });

  it('gives the same segment sums (and weekly table) as the general way', () => {
    const lines = [HEADER];
    for (let i = 0; i < 400; i++) lines.push(`2024-0${1 + (i % 3)}-${String(1 + (i % 27)).padStart(2, '0')},p${i % 11},${i % 9 === 0 ? 'undefined' : 500 + i},${i % 3},${i * 2},0,0,${i},${i + 1}`);
    const text = `${lines.join('\n')}\n`;
    const weekly = (t: SegmentTable) => weeklyFromSegments([{ data: t }], t.profiles.ids, 'corrected', 10_000).toRecords();
    const fast = read(text, 4096, new SegmentTable()).collector as SegmentTable;
    const general = read(quotedHeader(text), 1 << 30, new SegmentTable()).collector as SegmentTable;
    expect(weekly(fast)).toEqual(weekly(general));
  });
});
