import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError, dailyFromRows, loadDaily } from '../../src/index.js';
import { DailyCsvReader } from '../../src/io/csv.js';
import { emptyReport } from '../../src/frame/load-report.js';
import { readSettings } from '../../src/io/collector.js';
import { DailyFrameBuilder } from '../../src/frame/daily-frame.js';
import { testTempDir } from '../helpers/tmp.js';

const HEADER = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions';

function tempDir(): string {
  return testTempDir('ef-input-');
}

function writeCsv(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function caught(p: Promise<unknown>): Promise<DataError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}

describe('loadDaily from CSV', () => {
  it('reads by header name in any order, ignoring extra columns', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, 'a.csv', 'impressions,extra,engagement,reach,posts,followers,profile_id,date\n40,x,10,30,2,1000,p1,2024-03-05\n');
    const daily = await loadDaily(file);
    expect(daily.toRecords()).toEqual([{ profile_id: 'p1', date: '2024-03-05', followers: 1000, posts: 2, engagement: 10, reach: 30, impressions: 40 }]);
  });

  it('handles CRLF, a UTF-8 BOM, quoted fields and a missing final newline', async () => {
    const dir = tempDir();
    const text = `\ufeff${HEADER}\r\n"2024-03-05","p,1","1,5",1,10,9,1,20,30\r\n2024-03-06,"p""2",7,0,0,0,0,0,0`;
    const daily = await loadDaily(writeCsv(dir, 'a.csv', text));
    const rows = daily.toRecords();
    expect(rows.map((r) => r.profile_id)).toEqual(['p,1', 'p"2']);
    expect(rows[0]!.followers).toBeNaN(); // "1,5" is not a number
    expect(rows[1]!.followers).toBe(7);
    expect(rows[1]!.date).toBe('2024-03-06');
  });

  it('reads gzip by extension and searches folders recursively', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ig_data_2023'));
    mkdirSync(join(dir, 'ig_data-2024'));
    writeCsv(join(dir, 'ig_data_2023'), 'ig_data_12-2023_u.csv', `${HEADER}\n2023-12-31,p,1,1,1,1,0,1,1\n`);
    writeCsv(join(dir, 'ig_data-2024'), 'ig_data_01-2024_u.csv.gz', gzipSync(`${HEADER}\n2024-01-01,p,2,1,1,1,0,1,1\n`));
    writeCsv(dir, 'notes.txt', 'not data');
    const daily = await loadDaily(dir);
    expect(daily.length).toBe(2);
    // Sorted by path ('-' sorts before '_'); the order does not change any result.
    expect(daily.report.files.map((f) => f.split('/').slice(-2).join('/'))).toEqual([
      'ig_data-2024/ig_data_01-2024_u.csv.gz',
      'ig_data_2023/ig_data_12-2023_u.csv',
    ]);
  });

  it('reads followers as pandas does: non-numbers are missing, scientific notation is a number', async () => {
    const dir = tempDir();
    const values = ['undefined', '', 'NaN', '-', 'nan', '1.2e3', '12.0', ' 15 '];
    const lines = values.map((v, i) => `2024-03-0${(i % 9) + 1},p,${v},0,0,0,0,0,0`);
    const daily = await loadDaily(writeCsv(dir, 'a.csv', `${HEADER}\n${lines.join('\n')}\n`));
    expect(Array.from(daily.followers)).toEqual([NaN, NaN, NaN, NaN, NaN, 1200, 12, 15]);
    expect(daily.report.missingFollowers).toBe(5);
  });

  it('keeps counts above 2^31 and duplicate rows', async () => {
    const dir = tempDir();
    const daily = await loadDaily(writeCsv(dir, 'a.csv', `${HEADER}\n2024-03-05,p,1,1,5000000000,0,0,7,8\n2024-03-05,p,1,1,5000000000,0,0,7,8\n`));
    expect(daily.length).toBe(2);
    expect(daily.engagement[0]).toBe(5e9);
  });

  it('names file, line and column of a bad row', async () => {
    const dir = tempDir();
    const good = '2024-03-05,p,1,1,1,1,0,1,1';
    const cases: [string, number, string | undefined, RegExp][] = [
      [`${HEADER}\n${good}\n2024-03-06,p,1,1,1\n`, 3, undefined, /5 fields but the header has 9/],
      [`${HEADER}\n${good}\n${good}\n2024-02-30,p,1,1,1,1,0,1,1\n`, 4, 'date', /not a date/],
      [`${HEADER}\n2024-03-05,p,1,x,1,1,0,1,1\n`, 2, 'posts', /posts is not a non-negative number/],
      [`${HEADER}\n2024-03-05,p,1,1,-4,1,0,1,1\n`, 2, 'engagement', /engagement/],
      [`${HEADER}\n2024-03-05,p,1,1,1,1,0,,1\n`, 2, 'reach', /reach/],
      [`${HEADER}\n2024-03-05,,1,1,1,1,0,1,1\n`, 2, 'profile_id', /empty/],
    ];
    for (const [text, line, column, reason] of cases) {
      const file = writeCsv(dir, `bad-${line}-${column}.csv`, text);
      const error = await caught(loadDaily(file));
      expect(error.file).toBe(file);
      expect(error.line).toBe(line);
      expect(error.column).toBe(column);
      expect(error.message).toMatch(reason);
      expect(error.message).toContain(`${file}:${line}`);
    }
  });

  it('counts lines inside quoted fields when naming a line', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, 'a.csv', `${HEADER}\n2024-03-05,"p\nq",1,1,1,1,0,1,1\n2024-03-05,p,1,1,oops,1,0,1,1\n`);
    expect((await caught(loadDaily(file))).line).toBe(4);
  });

  it('fails on a missing column, a missing file and an empty folder', async () => {
    const dir = tempDir();
    const noReach = writeCsv(dir, 'a.csv', 'date,profile_id,followers,posts,engagement,impressions\n');
    const e1 = await caught(loadDaily(noReach));
    expect(e1.column).toBe('reach');
    expect(e1.line).toBe(1);
    expect((await caught(loadDaily(join(dir, 'nope')))).message).toMatch(/no such file or folder/);
    mkdirSync(join(dir, 'empty'));
    expect((await caught(loadDaily(join(dir, 'empty')))).message).toMatch(/no \.csv/);
    expect((await caught(loadDaily(writeCsv(dir, 'blank.csv', '')))).message).toMatch(/empty/);
  });

  it('keeps only the rows asked for (since a day, some profiles), counting the others as outside the window', async () => {
    const dir = testTempDir('ef-since-');
    const rows = [
      '2024-01-01,a,10,1,5,0,0,50,60',
      '2024-02-01,a,undefined,1,6,0,0,50,60',
      '2024-02-01,b,30,2,7,0,0,50,60',
      '2024-02-02,c,undefined,1,8,0,0,50,60',
    ];
    writeFileSync(join(dir, 'd.csv'), `date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n${rows.join('\n')}\n`);
    const all = await loadDaily(dir);
    expect(all.report.outsideWindow).toBeUndefined();
    const since = await loadDaily(dir, { since: '2024-02-01' });
    expect(since.toRecords().map((r) => [r.profile_id, r.date])).toEqual([
      ['a', '2024-02-01'],
      ['b', '2024-02-01'],
      ['c', '2024-02-02'],
    ]);
    expect(since.report).toMatchObject({ rows: 3, missingFollowers: 2, outsideWindow: 1 });
    const some = await loadDaily(dir, { since: '2024-02-01', profiles: ['a', 'b'] });
    expect(some.toRecords().map((r) => [r.profile_id, r.date])).toEqual([
      ['a', '2024-02-01'],
      ['b', '2024-02-01'],
    ]);
    expect(some.report).toMatchObject({ rows: 2, missingFollowers: 1, outsideWindow: 2 });
    await expect(loadDaily(dir, { since: '2024-02-30' })).rejects.toThrow(/since/);
    await expect(loadDaily(dir, { profiles: 'a' as never })).rejects.toThrow(/profiles must be an array/);
    await expect(loadDaily({ name: 'w', weekly: () => ({}) } as never)).rejects.toThrow(/reads weekly tables only/);
  });

  it("skips and reports bad rows with onError: 'skip', keeping the good ones", async () => {
    const dir = tempDir();
    const text = `${HEADER}\n2024-03-05,p,1,1,1,1,0,1,1\n2024-03-06,p,1,x,1,1,0,1,1\n\n2024-13-01,p,1,1,1,1,0,1,1\n2024-03-07,p,1,1,1,1,0,1,1\n`;
    const daily = await loadDaily(writeCsv(dir, 'a.csv', text), { onError: 'skip' });
    expect(daily.length).toBe(2);
    expect(daily.report.skipped).toBe(2);
    expect(daily.report.blankLines).toBe(1);
    expect(daily.report.skippedExamples.map((e) => [e.line, e.column])).toEqual([
      [3, 'posts'],
      [5, 'date'],
    ]);
  });

  it('parses the same whatever the chunk boundaries', () => {
    const text = Buffer.from(`\ufeff${HEADER}\r\n2024-03-05,"a""b",1,1,10,9,1,20,30\r\n2024-03-06,p,undefined,2,5,5,0,7,9\r\n`);
    const expected = readAll([text]);
    for (let size = 1; size < 20; size++) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.subarray(i, i + size));
      expect(readAll(chunks)).toEqual(expected);
    }
    expect(expected).toHaveLength(2);
  });
});

function readAll(chunks: Buffer[]) {
  const builder = new DailyFrameBuilder();
  const report = emptyReport();
  const reader = new DailyCsvReader('mem.csv', builder, report, readSettings({}, 'test'));
  for (const c of chunks) reader.push(c);
  reader.end();
  return builder.finish(report).toRecords();
}

describe('rows passed as objects', () => {
  it('accepts numbers or strings and reads followers loosely', async () => {
    const daily = dailyFromRows([
      { date: '2024-03-05', profile_id: 'p', followers: 'undefined', posts: '1', engagement: 10, reach: 3, impressions: 4 },
      { date: '2024-03-06', profile_id: 'p', followers: 12, posts: 0, engagement: 0, reach: 0, impressions: 0 },
    ]);
    expect(daily.length).toBe(2);
    expect(daily.followers[0]).toBeNaN();
    const viaAsync = await loadDaily(
      (async function* () {
        yield { date: '2024-03-05', profile_id: 'p', followers: 1, posts: 1, engagement: 1, reach: 1, impressions: 1 };
      })(),
    );
    expect(viaAsync.length).toBe(1);
  });

  it('names the row and field of a bad object', () => {
    expect(() => dailyFromRows([{ date: '2024-03-05', profile_id: 'p', posts: 1, engagement: 'many', reach: 0, impressions: 0 }])).toThrow(
      /<rows>:1 \(column 'engagement'\)/,
    );
    expect(() => dailyFromRows([{ date: '05/03/2024', profile_id: 'p', posts: 1, engagement: 1, reach: 0, impressions: 0 }])).toThrow(/column 'date'/);
    const skipped = dailyFromRows([{ date: 'x', profile_id: 'p', posts: 1, engagement: 1, reach: 0, impressions: 0 }], { onError: 'skip' });
    expect(skipped.report.skipped).toBe(1);
  });
});
