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
  return { collector, report: { ...report, skippedExamples: skipped }, examples: report.skippedExamples, scanned: reader.scannedRows };
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
        '2024-03-05,c,-7,1,1,1,0,1,1', // followers a number but not a count: refused, the same way by both
        '2024-03-06,a,inf,1,1,1,0,1,1',
        '2024-03-06,d,12,999999999999999,1,1,0,1,1', // 15 digits
        '2024-03-06,d,12,1,2.5,1,0,1,1', // a decimal count (general way)
        '2024-03-07,e,5,1,1,x,y,1,1', // text in columns the reader ignores
        '2024-03-07,a,5,1,1,,,1,1',
        '2024-03-07,a,5,1,1,1,0,1,1',
      ].join('\n') + '\n',
      9,
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
    // The value shown is the id's own bytes (as text), read the general way or by the scanner.
    const values = (text: Buffer) => read(text, 1 << 30).examples.map((e) => e.value);
    expect(values(bytes)).toEqual(['\ufffd\ufffdq', 'b\ufffd']);
    expect(values(quotedHeader(bytes) as Buffer)).toEqual(values(bytes));
  });

  it('undoes a missing-followers count only for the rows whose followers were missing', () => {
    // Two new ids that are not valid UTF-8 with followers given, one valid row with followers missing.
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n2024-03-04,`, 'utf8'),
      Buffer.from('\xff1', 'latin1'),
      Buffer.from(',5,1,1,1,0,1,1\n2024-03-04,', 'utf8'),
      Buffer.from('\xfe2', 'latin1'),
      Buffer.from(',6,1,1,1,0,1,1\n2024-03-04,a,undefined,1,1,1,0,1,1\n', 'utf8'),
    ]);
    const { report, scanned } = read(bytes, 1 << 30);
    expect([report.rows, report.skipped, report.missingFollowers, scanned]).toEqual([1, 2, 1, 3]);
  });

  it('takes the first row of every chunk after the header\u2019s', () => {
    const report = emptyReport();
    const reader = new DailyCsvReader('t.csv', new DailyFrameBuilder(), report, readSettings({ onError: 'skip' }, 'test'));
    reader.push(Buffer.from(`${HEADER}\n2024-03-04,a,1,1,1,1,0,1,1\n`));
    reader.push(Buffer.from('2024-03-05,a,1,1,1,1,0,1,1\n2024-03-06,a,1,1,1,1,0,1,1\n'));
    reader.push(Buffer.from('2024-03-07,a,1,1,1,1,0,1,1\n'));
    reader.end();
    expect([report.rows, reader.scannedRows]).toEqual([4, 4]);
  });

  it('reads a header whose last column is the id or one the reader ignores the same way', () => {
    expectSameBothWays(
      'date,followers,posts,engagement,reach,impressions,profile_id\n2024-03-04,1,1,2,3,4,a\n2024-03-04,1,1,2,3,4,\n2024-03-05,1,1,2,3,4,b,x\n2024-03-05,1,1,2,3,4,b\r\n2024-03-06,1,1,2,3,4,c\n',
      2,
    );
    expectSameBothWays(
      'date,profile_id,followers,posts,engagement,reach,impressions,likes\n2024-03-04,a,1,1,2,3,4,\n2024-03-04,a,1,1,2,3,4,x,y\n2024-03-05,b,1,1,2,3,4\n2024-03-06,c,1,1,2,3,4,9\n',
      2,
    );
  });

  it('leaves to the general way what it must refuse: an empty count, a row short of its ignored last column, an 11-character date before an ignored column', () => {
    // An empty count is not 0: a bad row.
    expectSameBothWays(
      'date,profile_id,followers,posts,engagement,reach,impressions\n2024-03-04,a,1,1,,3,4\n2024-03-04,a,1,1,2,3,4\n2024-03-05,a,1,1,2,3,\n',
      1,
    );
    // The id, then an ignored last column: a row without it does not take its id from the next line.
    expectSameBothWays(
      'date,followers,posts,engagement,reach,impressions,profile_id,note\n2024-03-04,1,1,2,3,4,a,x\n2024-03-05,1,1,2,3,4,b\n2024-03-06,1,1,2,3,4,c,y\n',
      2,
    );
    // A date one digit long, then an ignored column: a row of one field fewer would line up after it.
    expectSameBothWays(
      'date,note,profile_id,followers,posts,engagement,reach,impressions\n2024-03-04,x,a,1,1,2,3,4\n2024-03-041,x,a,1,1,2,3\n2024-03-05,x,b,1,1,2,3,4\n',
      2,
    );
    // A short last row with no comma after its id anywhere in the data (the file's counts first).
    expectSameBothWays('followers,profile_id,posts,engagement,reach,impressions,date\n1,a,1,1,1,1,2024-03-04\n2,b,1,1,1,1,2024-03-04\n3,c\n');
    const { report } = read('date,note,profile_id,followers,posts,engagement,reach,impressions\n2024-03-041,x,a,1,1,2,3\n2024-03-05,,a,1,1,2,3,4\n', 1 << 30);
    expect([report.rows, report.skippedExamples]).toEqual([1, ['2  the row has 7 fields but the header has 8']]);
  });

  it('reads CRLF lines and a last row without a newline the same way', () => {
    expectSameBothWays(`${HEADER}\r\n2024-03-04,a,1,1,1,1,0,1,1\r\n2024-03-05,b,undefined,1,1,1,0,1,1\r\n2024-03-06,a,3,1,1,1,0,1,1`);
    expectSameBothWays(`${HEADER}\n2024-03-04,a,1,1,1,1,0,1,1\n2024-03-06,a,3,1,1,1,0,1,7`);
  });

  it('reads other column orders and extra columns, and many profiles across batches, the same way', () => {
    const lines = ['impressions,x,profile_id,reach,date,engagement,posts,followers'];
    for (let i = 0; i < 500; i++) {
      const day = 1 + (i % 28);
      lines.push(
        `${i % 13},${i % 3 === 0 ? 'q' : ''},id-${(i * 7919) % 97},${i % 5},2024-02-${String(day).padStart(2, '0')},${i * 3},${i % 4},${i % 17 === 0 ? 'undefined' : 1000 + i}`,
      );
    }
    expectSameBothWays(`${lines.join('\n')}\n`, 500);
  });

  it('gives the same segment sums (and weekly table) as the general way', () => {
    const lines = [HEADER];
    for (let i = 0; i < 400; i++)
      lines.push(
        `2024-0${1 + (i % 3)}-${String(1 + (i % 27)).padStart(2, '0')},p${i % 11},${i % 9 === 0 ? 'undefined' : 500 + i},${i % 3},${i * 2},0,0,${i},${i + 1}`,
      );
    const text = `${lines.join('\n')}\n`;
    const weekly = (t: SegmentTable) => weeklyFromSegments([{ data: t }], t.profiles.ids, 'corrected', 10_000).toRecords();
    const fast = read(text, 4096, new SegmentTable()).collector as SegmentTable;
    const general = read(quotedHeader(text), 1 << 30, new SegmentTable()).collector as SegmentTable;
    expect(weekly(fast)).toEqual(weekly(general));
  });
});

// Values worked out apart from the reader (the general way shares the date
// parser and its memo with the scanner, so comparing the two ways cannot see
// a wrong day).
const DAY_MS = 86_400_000;
const isoDay = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

/** The rows read (date and id, in file order) and the skipped lines, read in one chunk and in chunks of 7 bytes. */
function readBoth(text: string) {
  const results = [1 << 30, 7].map((chunk) => {
    const { collector, report, scanned } = read(text, chunk);
    const frame = (collector as DailyFrameBuilder).finish(emptyReport());
    return {
      rows: frame.toRecords().map((r) => `${r.date} ${r.profile_id} ${r.posts} ${r.engagement} ${r.reach} ${r.impressions}`),
      skipped: report.skippedExamples,
      scanned,
    };
  });
  expect(results[1]!.rows).toEqual(results[0]!.rows);
  expect(results[1]!.skipped).toEqual(results[0]!.skipped);
  return results[0]!;
}

describe('dates and counts, against values worked out by hand', () => {
  const ok = (date: string, id = 'a') => `${date},${id},1,1,1,1,0,1,1`;
  const range = 'the date is outside the accepted range 2000-01-01 … 2030-12-31 (limits.from, limits.to)';
  const notDate = 'not a date written YYYY-MM-DD';

  it('takes the limits\u2019 first and last days and refuses a day outside; refuses dates of 9 and 11 characters, a separator or a digit out of place; reads a quoted date', () => {
    const lines = [
      ok('2000-01-01'),
      ok('2030-12-31'),
      ok('1999-12-31'),
      ok('2031-01-01'),
      ok('2024-03-041'),
      ok('2024-03-4'),
      ok('"2024-03-04"'),
      ok('2024-03-04'),
      ok('2024/03-04'),
      ok('2024-03/04'),
      ok('x024-03-04'),
      ok('2024-x3-04'),
      ok('2024-03-x4'),
      ok('2024-03-04'),
    ];
    const { rows, skipped, scanned } = readBoth(`${HEADER}\n${lines.join('\n')}\n`);
    expect(rows).toEqual(['2000-01-01 a 1 1 1 1', '2030-12-31 a 1 1 1 1', '2024-03-04 a 1 1 1 1', '2024-03-04 a 1 1 1 1', '2024-03-04 a 1 1 1 1']);
    expect(skipped).toEqual([
      `4 date ${range}`,
      `5 date ${range}`,
      `6 date ${notDate}`,
      `7 date ${notDate}`,
      `10 date ${notDate}`,
      `11 date ${notDate}`,
      `12 date ${notDate}`,
      `13 date ${notDate}`,
      `14 date ${notDate}`,
    ]);
    // The scanner takes the plain rows in range; the quoted date goes the general way (a quote sends the whole chunk there, so read in one chunk it takes none).
    expect(scanned).toBe(0);
    const plain = lines.filter((l) => !l.includes('"'));
    expect(readBoth(`${HEADER}\n${plain.join('\n')}\n`).scanned).toBe(4);
  });

  it('refuses a date with a separator out of place right after a row with that date, whatever the bytes before it', () => {
    // The bytes 4 and 7 places before the date (the previous row's tail) are dashes, as the remembered date's separators are.
    const text = `${HEADER.replace(',likes,comments', '')},likes\n2024-03-04,a,1,1,1,1,1,-12\n2024/03-04,a,1,1,1,1,1,-12345\n2024-03-04,a,1,1,1,1,1,-12345\n2024-03/04,a,1,1,1,1,1,0\n`;
    const { rows, skipped } = readBoth(text);
    expect([rows, skipped]).toEqual([
      ['2024-03-04 a 1 1 1 1', '2024-03-04 a 1 1 1 1'],
      [`3 date ${notDate}`, `5 date ${notDate}`],
    ]);
  });

  it('names the first count that is not a number when those before it are 0', () => {
    const lines = ['2024-03-04,a,1,0,-1,1,0,1,1', '2024-03-04,a,1,1,0,1,0,-1,1', '2024-03-04,a,1,1,1,1,0,0,x', '2024-03-04,a,1,0,0,1,0,0,0'];
    const { rows, skipped } = readBoth(`${HEADER}\n${lines.join('\n')}\n`);
    expect(rows).toEqual(['2024-03-04 a 0 0 0 0']);
    expect(skipped).toEqual([
      '2 engagement engagement is not a non-negative number',
      '3 reach reach is not a non-negative number',
      '4 impressions impressions is not a non-negative number',
    ]);
  });

  it('reads a date in the last column, on the line\u2019s last byte', () => {
    const text = 'profile_id,followers,posts,engagement,reach,impressions,date\na,1,1,2,3,4,2024-03-04\nb,1,1,2,3,4,2030-12-31\na,1,1,2,3,4,2024-03-05\n';
    const { rows, skipped, scanned } = readBoth(text);
    expect([rows, skipped, scanned]).toEqual([['2024-03-04 a 1 2 3 4', '2030-12-31 b 1 2 3 4', '2024-03-05 a 1 2 3 4'], [], 3]);
  });

  it('gives each row its own date when consecutive dates differ in one digit, whatever the bytes around them', () => {
    // The reader remembers the last date's bytes; rows here change one digit
    // of the date at a time, after tails of digits and dashes (the columns the
    // reader ignores), so a comparison made against the wrong byte is seen.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]).join('');
    const header = 'date,profile_id,followers,posts,engagement,reach,impressions,likes,comments';
    const lines = [header];
    const want: string[] = [];
    let date = '2021-05-14';
    for (let r = 0; r < 3000; r++) {
      const at = [0, 1, 2, 3, 5, 6, 8, 9][Math.floor(next() * 8)]!;
      for (let tries = 0; tries < 20; tries++) {
        const candidate = date.slice(0, at) + pick('0123456789', 1) + date.slice(at + 1);
        const ms = Date.parse(`${candidate}T00:00:00Z`);
        if (Number.isFinite(ms) && isoDay(ms / DAY_MS) === candidate && candidate >= '2000-01-01' && candidate <= '2030-12-31') {
          date = candidate;
          break;
        }
      }
      lines.push(
        `${date},p,${pick('0123456789', 1)},1,1,1,1,${pick('0123456789-', 1 + Math.floor(next() * 4))},${pick('0123456789-', 1 + Math.floor(next() * 4))}`,
      );
      want.push(`${date} p 1 1 1 1`);
    }
    const { rows, skipped } = readBoth(`${lines.join('\n')}\n`);
    expect(skipped).toEqual([]);
    expect(rows).toEqual(want);
  });
});
