// The reader over text with every feature of the format — a byte-order mark,
// CRLF and LF, quoted fields with commas, quotes and newlines, blank lines,
// bad rows of each kind, a last row without a newline — gives, in any
// chunking, the rows and report written out by hand below.
import { describe, expect, it } from 'vitest';
import { DailyFrameBuilder } from '../../src/frame/daily-frame.js';
import { emptyReport } from '../../src/frame/load-report.js';
import { readSettings } from '../../src/io/collector.js';
import { DailyCsvReader } from '../../src/io/csv.js';

function read(bytes: Buffer, chunk: number, maxRecordBytes = 1 << 20) {
  const report = emptyReport();
  const builder = new DailyFrameBuilder();
  const reader = new DailyCsvReader(
    't.csv',
    builder,
    report,
    readSettings({ onError: 'skip', limits: { from: '2000-01-01', to: '2030-12-31', maxRecordBytes } }, 'test'),
  );
  for (let at = 0; at < bytes.length; at += chunk) reader.push(Buffer.from(bytes.subarray(at, at + chunk)));
  reader.end();
  const frame = builder.finish(report);
  return {
    rows: frame.toRecords().map((r) => `${r.date} ${r.profile_id} ${r.followers} ${r.posts} ${r.engagement} ${r.reach} ${r.impressions}`),
    skipped: report.skippedExamples.map((e) => `${e.line} ${e.column ?? '-'} ${e.reason}${e.value === undefined ? '' : ` [${e.value}]`}`),
    counts: [report.rows, report.skipped, report.blankLines, report.missingFollowers],
  };
}

/** `read` in every chunk size from 1 byte to the whole text gives `want`. */
function expectInEveryChunking(bytes: Buffer, want: ReturnType<typeof read>): void {
  for (let chunk = 1; chunk <= bytes.length; chunk++) expect(read(bytes, chunk), `chunk ${chunk}`).toEqual(want);
}

const text = [
  '\ufeff"date",profile_id,followers,"posts",engagement,likes,comments,reach,impressions\r\n',
  '2024-03-04,a,100,1,10,8,2,50,60\r\n', // line 2
  '\r\n', // 3: blank
  '"2024-03-05","b, the second","1,5",2,4,0,0,7,8\n', // 4: quoted fields, a comma inside (followers "1,5" is not a number: missing)
  '2024-03-05,"c ""quoted""",undefined,0,0,0,0,0,0\n', // 5
  '2024-03-06,"d\nwith a newline",3,1,1,1,0,1,1\n', // 6–7
  '2024-03-06,a,"1"2,1,1,1,0,1,1\n', // 8: text after a closing quote
  '\n', // 9: blank
  '2024-03-06,e,5,x,1,1,0,1,1\n', // 10: posts not a number
  '2024-13-01,e,5,1,1,1,0,1,1\n', // 11: not a date
  '2024-03-07,,5,1,1,1,0,1,1\n', // 12: empty id
  '2024-03-07,f,5,1,1,1,0,1\n', // 13: a field short
  '2024-03-07,g,5,1,1,1,0,1,1,9\n', // 14: a field more
  '2024-03-07,\ufeffh,5,1,1,1,0,1,1\n', // 15: an id that starts with the byte-order mark's character, kept
  '2024-03-08,a,7,2,3,1,0,4,5', // 16: no newline at the end
].join('');

const want = {
  rows: [
    '2024-03-04 a 100 1 10 50 60',
    '2024-03-05 b, the second NaN 2 4 7 8',
    '2024-03-05 c "quoted" NaN 0 0 0 0',
    '2024-03-06 d\nwith a newline 3 1 1 1 1',
    '2024-03-07 \ufeffh 5 1 1 1 1',
    '2024-03-08 a 7 2 3 4 5',
  ],
  skipped: [
    '8 followers text follows the closing quote of a field [1]',
    '10 posts posts is not a non-negative number [x]',
    '11 date not a date written YYYY-MM-DD [2024-13-01]',
    '12 profile_id profile_id is empty []',
    '13 - the row has 8 fields but the header has 9',
    '14 - the row has 10 fields but the header has 9',
  ],
  counts: [6, 6, 2, 2],
};

describe('the reader in any chunking', () => {
  it('gives the rows and report worked out by hand, for chunks of 1 byte to the whole file', () => {
    const bytes = Buffer.from(text, 'utf8');
    const whole = read(bytes, bytes.length);
    expect(whole).toEqual(want);
    for (const chunk of [1, 2, 3, 4, 5, 7, 11, 16, 33, 64, 100]) expect(read(bytes, chunk), `chunks of ${chunk}`).toEqual(want);
  });

  it('tells a blank line from a row whose first field is empty or an empty quoted field, and counts no blank line before the header', () => {
    const bytes = Buffer.from(
      [
        '', // 1: blank, before the header
        'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions', // 2
        ',a,1,1,1,1,0,1,1', // 3: empty date
        '""', // 4: one empty quoted field: a row, not a blank line
        '', // 5: blank
        ',,,,,,,,', // 6: nine empty fields
        '2024-03-04,a,1,1,1,1,0,1,1', // 7
        '',
      ].join('\n'),
      'utf8',
    );
    expectInEveryChunking(bytes, {
      rows: ['2024-03-04 a 1 1 1 1 1'],
      skipped: ['3 date not a date written YYYY-MM-DD []', '4 - the row has 1 fields but the header has 9', '6 date not a date written YYYY-MM-DD []'],
      counts: [1, 3, 1, 0],
    });
  });

  it('flags text after a closing quote wherever it is, allows only a CR before the newline or the end, and keeps a CR quoted in the last field', () => {
    const bytes = Buffer.from(
      [
        'date,followers,posts,engagement,reach,impressions,profile_id', // 1: the id last
        '"2024-03-04"x,1,1,1,1,1,"a"y', // 2: two fields with text after the quote: the first is named
        '2024-03-04,1,1,1,1,1,"b"x', // 3: the last field
        '2024-03-04,1,1,1,1,1,"c"\rx', // 4: a CR, then more
        '2024-03-04,"1"\r,1,1,1,1,d', // 5: a CR before a comma
        '2024-03-04,1,1,1,1,1,"e\r"', // 6: a CR inside the quotes is part of the id
        '2024-03-05,1,1,1,1,1,"f"\r', // 7: a CR before the newline
        '2024-03-06,1,1,1,1,1,"g"\r', // 8: a CR at the end of the file
      ].join('\n'),
      'utf8',
    );
    expectInEveryChunking(bytes, {
      rows: ['2024-03-04 e\r 1 1 1 1 1', '2024-03-05 f 1 1 1 1 1', '2024-03-06 g 1 1 1 1 1'],
      skipped: [
        '2 date text follows the closing quote of a field [2024-03-04]',
        '3 profile_id text follows the closing quote of a field [b]',
        '4 profile_id text follows the closing quote of a field [c]',
        '5 followers text follows the closing quote of a field [1]',
      ],
      counts: [3, 4, 0, 0],
    });
  });

  it('reports a record longer than maxRecordBytes at its first line and reads on after it, in any chunking', () => {
    const long = `date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n2024-03-04,a,1,1,1,1,0,1,1\n2024-03-04,"${'x'.repeat(300)}\n2024-03-05,b,1,1,1,1,0,1,1\n`;
    const bytes = Buffer.from(long, 'utf8');
    for (const chunk of [1, 7, 64, bytes.length]) {
      const got = read(bytes, chunk, 200);
      expect(got.skipped, `chunks of ${chunk}`).toEqual(['3 - the record is longer than 200 bytes (limits.maxRecordBytes; a quote not closed?)']);
      expect(got.rows, `chunks of ${chunk}`).toEqual(['2024-03-04 a 1 1 1 1 1', '2024-03-05 b 1 1 1 1 1']);
    }
  });

  it('reads a record of exactly maxRecordBytes bytes before its newline, in any chunking', () => {
    const id = 'y'.repeat(200 - '2024-03-04,,1,1,1,1,0,1,1'.length);
    const record = `2024-03-04,${id},1,1,1,1,0,1,1`;
    expect(record.length).toBe(200);
    const bytes = Buffer.from(
      `date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n${record}\n${record.replace(id, `"${id.slice(2)}"`)}\n`,
      'utf8',
    );
    for (const chunk of [1, 7, 64, bytes.length]) {
      const got = read(bytes, chunk, 200);
      expect([got.skipped, got.rows], `chunks of ${chunk}`).toEqual([[], [`2024-03-04 ${id} 1 1 1 1 1`, `2024-03-04 ${id.slice(2)} 1 1 1 1 1`]]);
    }
    // A chunk that ends right before the record's newline: the record waits for the next one.
    const at = bytes.indexOf('\n', bytes.indexOf('\n') + 1);
    for (const first of [bytes.subarray(0, at), bytes.subarray(0, at + 1 + 200)]) {
      const report = emptyReport();
      const builder = new DailyFrameBuilder();
      const reader = new DailyCsvReader('t.csv', builder, report, readSettings({ onError: 'skip', limits: { maxRecordBytes: 200 } }, 'test'));
      reader.push(first);
      reader.push(bytes.subarray(first.length));
      reader.end();
      expect([report.skippedExamples.length, builder.finish(report).length]).toEqual([0, 2]);
    }
  });
});

describe('rows and headers worked out by hand', () => {
  const header = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n';
  const readText = (body: string, limits = { from: '1000-01-01', to: '2999-12-31' }) => {
    const report = emptyReport();
    const builder = new DailyFrameBuilder();
    const reader = new DailyCsvReader('t.csv', builder, report, readSettings({ onError: 'skip', limits }, 'test'));
    reader.push(Buffer.from(header + body, 'utf8'));
    reader.end();
    return {
      rows: builder
        .finish(report)
        .toRecords()
        .map((r) => `${r.date} ${r.profile_id} ${r.followers} ${r.posts} ${r.engagement} ${r.reach} ${r.impressions}`),
      skipped: report.skippedExamples.map((e) => `${e.line} ${e.column ?? '-'} ${e.reason}${e.value === undefined ? '' : ` [${e.value}]`}`),
    };
  };

  it('reads each date of consecutive rows that differ from the one before in one character', () => {
    // Each date changes one position of the one before: a date remembered from the row before must not be reused.
    const dates = ['2024-03-04', '2024-03-05', '2024-03-15', '2024-04-15', '2024-11-15', '2025-11-15', '2015-11-15', '2915-11-15', '1915-11-15', '1915-11-15'];
    const got = readText(dates.map((d, k) => `${d},p${k},1,1,1,1,0,1,1\n`).join(''));
    expect(got.rows.map((r) => r.slice(0, 10))).toEqual(dates);
    expect(got.skipped).toEqual([]);
    // A separator changed: not a date, not the row before's.
    expect(readText('2024-03-04,a,1,1,1,1,0,1,1\n2024x03-04,a,1,1,1,1,0,1,1\n2024-03x04,a,1,1,1,1,0,1,1\n2024-03-0x,a,1,1,1,1,0,1,1\n').skipped).toEqual([
      '3 date not a date written YYYY-MM-DD [2024x03-04]',
      '4 date not a date written YYYY-MM-DD [2024-03x04]',
      '5 date not a date written YYYY-MM-DD [2024-03-0x]',
    ]);
  });

  it('accepts the first and last day of the limits and refuses the days beside them', () => {
    const got = readText(
      '1999-12-31,a,1,1,1,1,0,1,1\n2000-01-01,a,1,1,1,1,0,1,1\n2030-12-31,a,1,1,1,1,0,1,1\n2031-01-01,a,1,1,1,1,0,1,1\n"2000-01-01",b,1,1,1,1,0,1,1\n',
      { from: '2000-01-01', to: '2030-12-31' },
    );
    expect(got.rows.map((r) => r.slice(0, 12))).toEqual(['2000-01-01 a', '2030-12-31 a', '2000-01-01 b']);
    expect(got.skipped.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(['2 date', '5 date']);
  });

  it('reads counts and followers as readRow documents, and names the first bad count', () => {
    const got = readText(
      [
        '2024-03-04,a,007,1e3,0,1,0,2,3', // leading zeros; a count in scientific notation
        '2024-03-04,b,-5,1,2,1,0,3,4', // followers that are a number but not a count are refused (as the service does)
        '2024-03-04,c,1,1,-2,1,0,1,1',
        '2024-03-04,c,1,1,1,1,0,inf,1',
        '2024-03-04,c,1,1,1,1,0,1,x',
        '2024-03-04,c,1,-1,-1,1,0,-1,-1',
        '2024-03-04,"d",1,"2",3,1,0,"4",5', // quoted fields
      ].join('\n') + '\n',
    );
    expect(got.rows).toEqual(['2024-03-04 a 7 1000 0 2 3', '2024-03-04 d 1 2 3 4 5']);
    expect(got.skipped).toEqual([
      '3 followers followers is not a count from 0 to 2^53 [-5]',
      '4 engagement engagement is not a non-negative number [-2]',
      '5 reach reach is not a non-negative number [inf]',
      '6 impressions impressions is not a non-negative number [x]',
      '7 posts posts is not a non-negative number [-1]',
    ]);
  });

  it('says which required column is missing and what the header has, and refuses more than 1,024 columns', () => {
    const reader = (text: string) => {
      const r = new DailyCsvReader('t.csv', new DailyFrameBuilder(), emptyReport(), readSettings({}, 'test'));
      r.push(Buffer.from(text, 'utf8'));
      r.end();
    };
    expect(() => reader('date,profile_id,"fol""lowers",posts\n')).toThrow(
      `missing required column 'followers' (the header has: date, profile_id, fol"lowers, posts)`,
    );
    // Two quotes in a field that does not start with one are kept as they are.
    expect(() => reader('date,profile_id,fol""lowers,posts\n')).toThrow(
      `missing required column 'followers' (the header has: date, profile_id, fol""lowers, posts)`,
    );
    // 1,024 columns are accepted (the error is then the missing column).
    expect(() => reader(`${Array.from({ length: 1024 }, (_, k) => `c${k}`).join(',')}\n`)).toThrow(
      `missing required column 'date' (the header has: c0, c1, c2,`,
    );
    const wide = `${Array.from({ length: 1025 }, (_, k) => `c${k}`).join(',')}\n`;
    expect(() => reader(wide)).toThrow('the header has 1025 columns; at most 1024 are supported');
    let caught: unknown;
    try {
      reader(`\n${wide}`);
    } catch (error) {
      caught = error;
    }
    expect([(caught as { file?: string }).file, (caught as { line?: number }).line]).toEqual(['t.csv', 2]);
    expect(() => reader('')).toThrow('the file is empty: no header line');
    // Where: the file and line of errors found before or in the header (thrown even when bad rows are skipped).
    const where = (text: string, chunk: number) => {
      const r = new DailyCsvReader('t.csv', new DailyFrameBuilder(), emptyReport(), readSettings({ onError: 'skip' }, 'test'));
      const bytes = Buffer.from(text, 'utf8');
      try {
        for (let at = 0; at < bytes.length; at += chunk) r.push(bytes.subarray(at, at + chunk));
        r.end();
      } catch (error) {
        const { file, line, message } = error as { file: string; line: number; message: string };
        return [file, line, message];
      }
      return 'no error';
    };
    for (const chunk of [1, 2, 64]) {
      expect(where('', chunk), `chunk ${chunk}`).toEqual(['t.csv', 0, 't.csv: the file is empty: no header line']);
      // Files of one and two bytes are read as a header.
      expect(where('d', chunk), `chunk ${chunk}`).toEqual(['t.csv', 1, "t.csv:1 (column 'date'): missing required column 'date' (the header has: d)"]);
      expect(where('\n\n', chunk), `chunk ${chunk}`).toEqual(['t.csv', 0, 't.csv: the file is empty: no header line']);
      expect(where('"date,profile_id\n', chunk), `chunk ${chunk}`).toEqual(['t.csv', 1, 't.csv:1: a quoted field is not closed before the end of the file']);
      expect(where('"date"x,profile_id\n', chunk), `chunk ${chunk}`).toEqual(['t.csv', 1, 't.csv:1: text follows the closing quote of a field: "date"']);
    }
    // A first character that shares the byte-order mark's first byte (U+FF41) is part of the header.
    expect(() => reader('\uff41x,date\n')).toThrow(`missing required column 'profile_id' (the header has: \uff41x, date)`);
    expect(() => reader('\ufeff\uff41x,date\n')).toThrow(`missing required column 'profile_id' (the header has: \uff41x, date)`);
    // First characters that share two of the mark's three bytes (EF BB 80, EF BD BF, E2 BB BF) are not a mark.
    for (const first of ['\ufec0', '\uff7f', '\u2eff'])
      expect(() => reader(`${first},date\n`), first).toThrow(`missing required column 'profile_id' (the header has: ${first}, date)`);
  });
});
