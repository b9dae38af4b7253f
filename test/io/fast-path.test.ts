import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDay } from '../../src/calendar.js';
import { generateDaily, type GenerateResult } from '../../src/generate.js';
import { DataError, WEEKLY_COLUMNS, dailyFrameSource, loadDaily, loadWeekly, resampleWeekly, type DailyRowInput, type ProgressEvent } from '../../src/index.js';
import { readSettings } from '../../src/io/collector.js';
import { discoverFiles, totalSize } from '../../src/io/files.js';
import { readInWorkers, threadPlan, type Spawn } from '../../src/io/threads.js';
import { tempDir, testTempDir } from '../helpers/tmp.js';

const dir = tempDir('ef-fast-');
let generated: GenerateResult;

beforeAll(async () => {
  generated = await generateDaily({ profiles: 300, from: '2023-11-01', to: '2024-06-30', seed: 42 }, dir);
});

function sameTable(a: ReturnType<typeof resampleWeekly>, b: ReturnType<typeof resampleWeekly>): void {
  expect(b.length).toBe(a.length);
  expect(b.profileIds).toEqual(a.profileIds);
  for (const name of WEEKLY_COLUMNS) {
    if (name === 'profile_id' || name === 'year_week') continue;
    expect(Array.from(b.column(name)), name).toEqual(Array.from(a.column(name)));
  }
}

describe('loadWeekly (the fast path)', () => {
  it('gives the same weekly table as loadDaily + resampleWeekly, on one thread and on two', async () => {
    const reference = resampleWeekly(await loadDaily(dir));
    expect(reference.length).toBeGreaterThan(5000);
    for (const workers of [1, 2]) {
      const { weekly, report } = await loadWeekly(dir, { workers });
      expect(report.rows).toBe(generated.rows);
      expect(report.files).toHaveLength(generated.files.length);
      sameTable(reference, weekly);
    }
  });

  it('reports progress in bytes and rows up to the total', async () => {
    const events: ProgressEvent[] = [];
    await loadWeekly(dir, { workers: 2, onProgress: (e) => events.push(e) });
    const reads = events.filter((e) => e.stage === 'read');
    expect(reads.length).toBeGreaterThan(1);
    const last = reads[reads.length - 1]!;
    expect(last.bytes).toBe(generated.bytes);
    expect(last.totalBytes).toBe(generated.bytes);
    expect(last.rows).toBe(generated.rows);
    expect(events.some((e) => e.stage === 'weekly')).toBe(true);
  });

  it('stops on a bad row in a reading thread with the same error as on one thread', async () => {
    const bad = testTempDir('ef-fast-bad-');
    await generateDaily({ profiles: 5, from: '2024-01-01', to: '2024-02-29', seed: 1 }, bad);
    const file = join(bad, 'ig_data-2024', 'ig_data_02-2024_u.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/^2024-02-\d\d/, '2024-02-31');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, lines.join('\n'));
    for (const workers of [1, 2]) {
      const error = await loadWeekly(bad, { workers }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).line).toBe(4);
      expect((error as DataError).column).toBe('date');
      expect((error as DataError).file).toBe(file);
    }
    const skipped = await loadWeekly(bad, { workers: 2, onError: 'skip' });
    expect(skipped.report.skipped).toBe(1);
    expect(skipped.report.skippedExamples[0]!.line).toBe(4);
  });
});

describe('reading threads', () => {
  // Terminating a thread right after it has transferred its buffers can abort
  // the whole process in Node (a platform assertion, seen about once in a few
  // hundred loads); the threads end by themselves instead, with status 0.
  it('end by themselves once their sums are sent, in both modes, before the load resolves', async () => {
    const files = await discoverFiles([dir]);
    const bytes = await totalSize(files);
    const plan = threadPlan(files, bytes, 2)!;
    expect(plan.threads).toBe(2);
    for (const mode of ['daily', 'segments'] as const) {
      const codes: number[] = [];
      const spawn: Spawn = (init) => plan.spawn(init).on('exit', (code) => codes.push(code));
      const { results } = await readInWorkers({ files, totalBytes: bytes, threads: 2, spawn, settings: readSettings({}, 'test'), mode });
      expect(results).toHaveLength(2);
      expect(codes).toEqual([0, 0]);
    }
  });
});

describe('loadDaily on reading threads', () => {
  it('gives the same frame as one thread: rows in file order, profile numbers, compact exact counts, report', async () => {
    const one = await loadDaily(dir, { workers: 1 });
    const two = await loadDaily(dir, { workers: 2 });
    expect(two.length).toBe(generated.rows);
    expect(two.profileIds).toEqual(one.profileIds);
    for (const name of ['profile', 'day', 'followers', 'posts', 'engagement', 'reach', 'impressions'] as const) {
      expect(two[name].constructor, name).toBe(one[name].constructor);
      expect(Array.from(two[name]), name).toEqual(Array.from(one[name]));
    }
    expect(two.report).toEqual(one.report);
    // Posts fit in bytes; engagement in this data needs more than 16 bits.
    expect(one.posts).toBeInstanceOf(Uint8Array);
    expect(one.engagement.BYTES_PER_ELEMENT).toBeGreaterThan(1);
  });

  it('skips and stops as one thread does', async () => {
    const bad = testTempDir('ef-daily-threads-');
    const header = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n';
    writeFileSync(join(bad, 'a.csv'), `${header}2024-03-05,p,1,1,1,1,0,1,1\n2024-03-06,q,1,x,1,1,0,1,1\n2024-03-07,p,2,2.5,1,1,0,1,1\n`);
    writeFileSync(join(bad, 'b.csv'), `${header}2024-03-06,r,1,1,1,1,0,1,1\n2024-03-06,p,1,y,1,1,0,1,1\n`);
    const one = await loadDaily(bad, { workers: 1, onError: 'skip' });
    const two = await loadDaily(bad, { workers: 2, onError: 'skip' });
    expect(two.toRecords()).toEqual(one.toRecords());
    expect(two.report).toEqual(one.report);
    expect(one.report.skipped).toBe(2);
    expect(Array.from(one.posts)).toEqual([1, 2.5, 1]); // a fractional count keeps the column in doubles
    await expect(loadDaily(bad, { workers: 2 })).rejects.toThrow(`${join(bad, 'a.csv')}:3 (column 'posts')`);
  });
});

describe('skipping bad rows across files and threads', () => {
  it('counts every skipped row exactly, and keeps the first 20 in file and line order, on any number of threads', async () => {
    const dir = testTempDir('ef-skip-');
    const header = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n';
    // Each file: 40 good rows and 15 bad ones (posts 'x'), the bad ones on lines 4, 7, …, 46.
    for (const name of ['a.csv', 'b.csv']) {
      let text = header;
      let bad = 0;
      for (let k = 0; k < 55; k++) {
        const line = k + 2;
        const isBad = line % 3 === 1 && bad < 15;
        if (isBad) bad++;
        text += `2024-03-${String(1 + (k % 28)).padStart(2, '0')},${name}-p${k % 5},10,${isBad ? 'x' : 1},5,4,1,7,8\n`;
      }
      writeFileSync(join(dir, name), text);
    }
    const badLines = Array.from({ length: 15 }, (_, j) => 4 + 3 * j);
    const expected = [...badLines.map((line) => `a.csv:${line}`), ...badLines.slice(0, 5).map((line) => `b.csv:${line}`)];
    const daily = await loadDaily(dir, { onError: 'skip' });
    expect(daily.report.skipped).toBe(30);
    expect(daily.report.rows).toBe(80);
    expect(daily.report.skippedExamples.map((e) => `${relative(dir, e.file)}:${e.line}`)).toEqual(expected);
    for (let run = 0; run < 6; run++) {
      for (const workers of [1, 2]) {
        const { report } = await loadWeekly(dir, { onError: 'skip', workers });
        expect([report.skipped, report.rows], `run ${run}, ${workers} threads`).toEqual([30, 80]);
        expect(
          report.skippedExamples.map((e) => `${relative(dir, e.file)}:${e.line}`),
          `run ${run}, ${workers} threads`,
        ).toEqual(expected);
      }
    }
  });
});

describe('rows of a (profile, day) read twice', () => {
  it('are summed and counted in duplicateRows, within a file and across files, on one thread and two, from rows and from a frame', async () => {
    const dir = testTempDir('ef-repeat-');
    const header = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n';
    // a.csv repeats p1's 2024-03-04; b.csv repeats it again, p2's Sunday twice, and p3's 2024-02-28 (the
    // week of Sunday 2024-03-03, in its part of February) from a.csv; p3's 03-01 and 03-02 are distinct days.
    const a = [
      '2024-03-04,p1,10,1,5,4,1,7,8',
      '2024-03-04,p1,10,2,6,4,1,7,8',
      '2024-03-05,p1,10,1,5,4,1,7,8',
      '2024-02-28,p3,1,1,1,1,1,1,1',
      '2024-03-01,p3,1,1,1,1,1,1,1',
    ];
    const b = [
      '2024-03-04,p1,11,1,7,4,1,7,8',
      '2024-03-06,p1,10,1,5,4,1,7,8',
      '2024-03-31,p2,5,1,2,1,1,1,1',
      '2024-03-31,p2,5,1,3,1,1,1,1',
      '2024-02-28,p3,1,1,1,1,1,1,1',
      '2024-03-02,p3,1,1,1,1,1,1,1',
    ];
    writeFileSync(join(dir, 'a.csv'), header + a.join('\n') + '\n');
    writeFileSync(join(dir, 'b.csv'), header + b.join('\n') + '\n');
    for (const workers of [1, 2]) {
      const { weekly, report } = await loadWeekly(dir, { workers });
      expect([report.rows, report.duplicateRows], `${workers} threads`).toEqual([11, 4]);
      // Summed, not dropped: p1's week of 2024-03-10 holds all four of its rows.
      const i = weekly.rowAt(weekly.profileIds.indexOf('p1'), parseDay('2024-03-10'));
      expect([weekly.dailyRows[i], weekly.stored('engagement')[i]]).toEqual([5, 28]);
    }
    const daily = await loadDaily(dir);
    expect(daily.report.duplicateRows).toBeUndefined(); // the frame keeps every row as read
    expect((await loadWeekly(daily.toRecords() as unknown as DailyRowInput[])).report.duplicateRows).toBe(4);
    expect((await loadWeekly(dailyFrameSource(daily))).report.duplicateRows).toBe(4);
    expect((await loadWeekly(daily.toRecords().slice(0, 5) as unknown as DailyRowInput[])).report.duplicateRows).toBe(1);
  });
});

describe('a row past the span limit (a mistyped year)', () => {
  it('is a bad row named by file and line: thrown, or skipped and counted, on one thread and two, and from rows', async () => {
    const dir = testTempDir('ef-span-');
    const clean = testTempDir('ef-span-clean-');
    const header = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions';
    const days = (from: string, n: number, id: string) =>
      Array.from({ length: n }, (_, k) => `${new Date(Date.parse(from) + k * 86400000).toISOString().slice(0, 10)},${id},10,1,${k},4,1,7,8`);
    const a = days('2024-01-01', 30, 'a');
    const b = [...days('2024-01-31', 20, 'a'), ...days('2024-02-01', 5, 'c')];
    // b.csv line 13: 'a' in 2042 instead of 2024; its other 49 rows lie in 8 weeks.
    const typo = '2042-02-11,a,10,1,99,4,1,7,8';
    const withTypo = [...b.slice(0, 11), typo, ...b.slice(11)];
    writeFileSync(join(dir, 'a.csv'), [header, ...a, ''].join('\n'));
    writeFileSync(join(dir, 'b.csv'), [header, ...withTypo, ''].join('\n'));
    writeFileSync(join(clean, 'a.csv'), [header, ...a, ''].join('\n'));
    writeFileSync(join(clean, 'b.csv'), [header, ...b, ''].join('\n'));
    const limits = { maxWeeksPerProfile: 10 };
    const reason = 'the date lies outside the 10 weeks that hold most of the records of profile "a" (2024-01-01 … 2024-03-10; limits.maxWeeksPerProfile)';
    const want = await loadWeekly(clean, { limits, workers: 1 });
    for (const workers of [1, 2]) {
      const error = await loadWeekly(dir, { limits, workers }).catch((e: unknown) => e);
      expect(error, `${workers} threads`).toBeInstanceOf(DataError);
      const { file, line, column, code, value } = error as DataError;
      expect({ file: relative(dir, file), line, column, code, value, reason: (error as DataError).reason }).toEqual({
        file: 'b.csv',
        line: 13,
        column: 'date',
        code: 'span_limit',
        value: '2042-02-11',
        reason,
      });
      const { weekly, report } = await loadWeekly(dir, { limits, workers, onError: 'skip' });
      expect([report.rows, report.skipped], `${workers} threads`).toEqual([55, 1]);
      expect(report.skippedExamples.map((e) => `${relative(dir, e.file)}:${e.line} ${e.code}`)).toEqual(['b.csv:13 span_limit']);
      sameTable(want.weekly, weekly);
    }
    // Rows passed as objects: the row's number.
    const rows = [...a, ...withTypo].map((line) => {
      const [date, profile_id, followers, posts, engagement, , , reach, impressions] = line.split(',');
      return { date: date!, profile_id: profile_id!, followers, posts, engagement, reach, impressions } as DailyRowInput;
    });
    await expect(loadWeekly(rows, { limits })).rejects.toThrow(`<rows>:42 (column 'date'): ${reason}: "2042-02-11"`);
    expect((await loadWeekly(rows, { limits, onError: 'skip' })).report.skipped).toBe(1);
    // A one-shot iterator cannot be read again: the profile is named.
    await expect(loadWeekly(rows.values(), { limits })).rejects.toThrow(
      /the profile's records span \d+ weeks .* more than limits\.maxWeeksPerProfile = 10: "a"/,
    );
  });
});

describe('the first bad row, on any number of threads', () => {
  it('is the first in file order, whichever thread meets a bad row first', async () => {
    const dir = testTempDir('ef-order-');
    const header = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n';
    // a.csv is long with its bad row near the end; b.csv is short with a bad row at once:
    // the thread reading b.csv meets its bad row first.
    const good = '2024-03-05,p,1,1,1,1,0,1,1\n';
    writeFileSync(join(dir, 'a.csv'), `${header}${good.repeat(30000)}2024-03-06,p,1,x,1,1,0,1,1\n`);
    writeFileSync(join(dir, 'b.csv'), `${header}2024-03-06,q,1,y,1,1,0,1,1\n`);
    const want = `${join(dir, 'a.csv')}:30002 (column 'posts'): posts is not a non-negative number: "x"`;
    await expect(loadDaily(dir)).rejects.toThrow(want);
    for (let run = 0; run < 5; run++) await expect(loadWeekly(dir, { workers: 2 })).rejects.toThrow(want);
  });
});

describe('generateDaily', () => {
  it('writes the real layout: one file a month, date order, the real header', () => {
    const names = generated.files.map((f) => relative(dir, f));
    expect(names).toEqual([
      'ig_data_2023/ig_data_11-2023_u.csv',
      'ig_data_2023/ig_data_12-2023_u.csv',
      ...['01', '02', '03', '04', '05', '06'].map((m) => `ig_data-2024/ig_data_${m}-2024_u.csv`),
    ]);
    const lines = readFileSync(generated.files[2]!, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('date,profile_id,followers,posts,engagement,likes,comments,reach,impressions');
    const dates = lines.slice(1).map((l) => l.slice(0, 10));
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d.startsWith('2024-01'))).toBe(true);
    const ids = lines.slice(1).map((l) => l.split(',')[1]!);
    expect(ids.every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
  });

  it('is deterministic for a seed (byte-identical files) and differs across seeds', async () => {
    const a = testTempDir('ef-gen-a-');
    const b = testTempDir('ef-gen-b-');
    const c = testTempDir('ef-gen-c-');
    const options = { profiles: 50, from: '2024-01-15', to: '2024-03-10', seed: 7 };
    const ra = await generateDaily(options, a);
    const rb = await generateDaily(options, b);
    await generateDaily({ ...options, seed: 8 }, c);
    expect(rb).toMatchObject({ rows: ra.rows, bytes: ra.bytes });
    for (const f of ra.files) {
      const rel = relative(a, f);
      expect(readFileSync(join(b, rel)).equals(readFileSync(f)), rel).toBe(true);
      expect(readFileSync(join(c, rel)).equals(readFileSync(f)), rel).toBe(false);
    }
    expect(readdirSync(a).sort()).toEqual(['ig_data-2024']);
  });

  it('looks like the real data: sparse and continuous profiles, undefined followers, posting-day engagement', async () => {
    const daily = await loadDaily(dir);
    const perProfile = new Map<number, number>();
    for (const p of daily.profile) perProfile.set(p, (perProfile.get(p) ?? 0) + 1);
    const counts = [...perProfile.values()];
    const days = 243;
    expect(counts.filter((c) => c < days * 0.15).length).toBeGreaterThan(counts.length / 2); // most are sparse
    expect(counts.filter((c) => c > days * 0.85).length).toBeGreaterThan(10); // some are seen almost daily
    const missing = daily.report.missingFollowers / daily.length;
    expect(missing).toBeGreaterThan(0.01);
    expect(missing).toBeLessThan(0.1);
    let engagementWithoutPosts = 0;
    for (let i = 0; i < daily.length; i++) if (daily.posts[i] === 0 && daily.engagement[i]! > 0) engagementWithoutPosts++;
    expect(engagementWithoutPosts).toBe(0);
    const followers = Array.from(daily.followers)
      .filter((f) => !Number.isNaN(f))
      .sort((x, y) => x - y);
    expect(followers[0]!).toBeLessThan(1000);
    expect(followers[followers.length - 1]!).toBeGreaterThan(1e6);
  });

  it('rejects bad options', async () => {
    await expect(generateDaily({ profiles: 0, from: '2024-01-01', to: '2024-01-02' }, dir)).rejects.toThrow(/profiles must be a positive integer/);
    await expect(generateDaily({ profiles: 1, from: '2024-01-02', to: '2024-01-01' }, dir)).rejects.toThrow(/before/);
  });
});
