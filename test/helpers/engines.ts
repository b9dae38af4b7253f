import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { formatDay } from '../../src/calendar.js';
import { WINDOW_COLUMNS_IN_ENGINE, type EngineWindowColumns, type WindowColumnsRequest, type WindowColumnsSource } from '../../src/engines/common.js';
import { WINDOW_COLUMNS } from '../../src/features/windows.js';
import { trainInEngine } from '../../src/model/train-in-engine.js';
import { generateDaily, generateDailyRows } from '../../src/generate.js';
import {
  DataError,
  loadBuiltinModel,
  loadDaily,
  loadWeekly,
  predictFiles,
  predictInEngine,
  trainModels,
  type DailyFrame,
  type EngagementModel,
  type LoadReport,
  type PredictInEngineOptions,
  type WeeklyFrame,
  type WeeklySource,
} from '../../src/index.js';

/*
 * What the engine tests share: the cell-for-cell comparison with the JS
 * path, the dirty generated data, and the daily rows of CSV files as text
 * records (to load into a database table).
 */

/** Integers exact, floats within 1e-12 relative, NaN where NaN; names the first cell that differs. */
export function sameTable(want: WeeklyFrame, got: WeeklyFrame, engine: string): void {
  expect(got.profileIds).toEqual(want.profileIds);
  expect(Array.from(got.offsets)).toEqual(Array.from(want.offsets));
  for (const name of want.columnNames) {
    const a = want.column(name);
    const b = got.column(name);
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      const ok = Number.isNaN(x) ? Number.isNaN(y) : x === y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
      if (!ok) expect.fail(`${name}[${i}] (${want.profileIds[want.profile[i]!]}): JS ${x}, ${engine} ${y}`);
    }
  }
}

export const DAILY_HEADER = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions';

/**
 * Rows the reader refuses (bad date, date out of range, empty id, bad
 * counts, followers that are numbers but not counts, a mistyped year past the span limit: 14 of them) and accepts (followers not a number, numbers written
 * in every way the reader allows, beyond the double range included, two rows repeating a (profile, day)).
 */
export const DIRTY_ROWS = [
  '2024-02-30,p1,10,1,5,4,1,7,8',
  '1985-01-01,p1,10,1,5,4,1,7,8',
  '2024-03-03,,10,1,5,4,1,7,8',
  '2024-03-03,p1,10,x,5,4,1,7,8',
  '2024-03-03,p1,10,1,-5,4,1,7,8',
  '2024-03-03,p1,10,1,5,4,1,inf,8',
  '2024-3-03,p1,10,1,5,4,1,7,8',
  '2024-03-03,p1,10,0x10,5,4,1,7,8',
  '2024-03-03,p1,10,1,5,4,1,7,1e400',
  '2024-03-08,p2,-inf,1,2,4,1,7,8',
  '2024-03-08,p2,-5,1,2,4,1,7,8',
  '2024-03-08,p2,1e300,1,2,4,1,7,8',
  '2024-03-04,p1,undefined,1,5,4,1,7,8',
  '2024-03-04,p1,12,2,1e1,4,1,7,8',
  '2024-03-05,p1,-,0,0,0,0,0,0',
  '2024-03-05,p2, 7 ,1,2.5,4,1,7,8',
  '2024-03-06,p2,+8,.5,5.,4,1,1e-400,1E+2',
  '2024-03-07,p2,1234567890123456789,0012,1.25e2,4,1,7,8',
  '2024-03-05,p2,9,1,2,4,1,7,8',
  '2065-03-04,p1,10,1,5,4,1,7,8',
];

/**
 * Number texts at the edges of the reader's rule (`parseLooseNumber`: trimmed, plain decimal or scientific notation,
 * `inf`/`infinity` in any case) and of what SQL casts accept besides (digit separators, `nan`, hex, a lone sign or
 * point, whitespace other than spaces, overflow and underflow).
 */
export const NUMBER_TEXTS = [
  '1_000',
  '1__0',
  '_1',
  '1_000.5',
  '\t5',
  '5\t',
  ' 5 ',
  '\u00a05',
  'nan',
  'NaN',
  '-nan',
  'INF',
  'Inf',
  '+inf',
  '-INFINITY',
  'infinite',
  '.',
  '+',
  '-',
  '5e',
  '.e5',
  '1.e5',
  '+.5',
  '-0',
  '0x10',
  '0b1',
  '1e-400',
  '1e400',
  '0000000000000000000012',
  '123456789012345678901234567890',
  '12345678901234567',
  '١',
  '5.0.0',
  '1d',
  '1f',
  '5L',
  '1 000',
  '٫5',
  '1e5.5',
  '  ',
  'Infinity',
];

/**
 * `count` number-like texts drawn from a seed: digits with signs, points, exponents, separators, spaces and tabs,
 * the words of infinity and not-a-number in mixed case, and stray letters, in random order (no comma, quote or line
 * break: the texts go in a CSV field unquoted). The same seed gives the same texts.
 */
export function randomNumberTexts(seed: number, count: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pieces = [
    '0',
    '1',
    '5',
    '9',
    '00',
    '12',
    '345',
    '.',
    '+',
    '-',
    'e',
    'E',
    'e+',
    'e-',
    '_',
    ' ',
    '\t',
    'inf',
    'INF',
    'Infinity',
    'nan',
    'NaN',
    'x',
    'd',
    '1e308',
    '9'.repeat(17),
  ];
  return Array.from({ length: count }, () => {
    let t = '';
    const n = 1 + Math.floor(next() * 5);
    for (let k = 0; k < n; k++) t += pieces[Math.floor(next() * pieces.length)];
    return t;
  });
}

/**
 * A day's rows, two per `NUMBER_TEXTS` entry: each text as `posts` (a count), then each as `followers`. The ids sort
 * in line order, so an engine's first refused rows (by file, day, id) are the reader's (by line). No text needs quoting.
 */
export function numberTextRows(texts: readonly string[] = NUMBER_TEXTS): string[] {
  const id = (k: number) => String(k).padStart(4, '0');
  return [...texts.map((t, k) => `2024-03-04,count${id(k)},10,${t},5,4,1,7,8`), ...texts.map((t, k) => `2024-03-04,followers${id(k)},${t},1,5,4,1,7,8`)];
}

/** How many of `DIRTY_ROWS` the reader refuses (the last one for the span limit: p1's other rows lie in 2024). */
export const DIRTY_REFUSED = 14;

/** How many of `DIRTY_ROWS` the reader keeps repeat a (profile, day) kept before them (p1 on 03-04, p2 on 03-05). */
export const DIRTY_DUPLICATES = 2;

/** The counts of a load of the dirty data, the JS path's (`want`) and an engine's: the same, and the JS path's as `DIRTY_ROWS` says. */
export function expectDirtyCounts(want: LoadReport, got: LoadReport): void {
  const counts = (r: LoadReport) => [r.rows, r.skipped, r.missingFollowers, r.duplicateRows];
  expect(counts(got)).toEqual(counts(want));
  expect([want.skipped, want.duplicateRows]).toEqual([DIRTY_REFUSED, DIRTY_DUPLICATES]);
}

/** Daily rows of two profiles, one with a mistyped year (2065 for 2024): good rows all, but that one lies past the span limit. */
export const SPAN_ROWS = [
  ...Array.from({ length: 30 }, (_, k) => `2024-01-${String(k + 1).padStart(2, '0')},a,${k === 3 ? 'undefined' : 10},1,${k},4,1,7,8`),
  '2065-03-04,a,undefined,1,5,4,1,7,8',
  '2024-01-09,b,3,1,5,4,1,7,8',
  '2024-01-09,b,3,1,6,4,1,7,8',
];

/**
 * How an engine refuses `SPAN_ROWS`' mistyped row: thrown with its key,
 * or skipped with the JS path's counts and weekly table.
 */
export async function expectSpanRefused(source: WeeklySource, csv: string, engine: string): Promise<void> {
  const error = await loadWeekly(source).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataError);
  const { code, column, value, file, reason } = error as DataError;
  expect({ code, column, value, reason }).toEqual({
    code: 'span_limit',
    column: 'date',
    value: '2065-03-04',
    reason: 'the date lies outside the 1100 weeks that hold most of the records of profile "a" (2024-01-01 … 2045-01-29; limits.maxWeeksPerProfile)',
  });
  expect(file).toMatch(/ \(profile_id "a", date "2065-03-04"\)$/);
  const want = await loadWeekly(csv, { onError: 'skip', preset: 'corrected' });
  const got = await loadWeekly(source, { onError: 'skip', preset: 'corrected' });
  sameTable(want.weekly, got.weekly, engine);
  const counts = (r: LoadReport) => [r.rows, r.skipped, r.missingFollowers, r.duplicateRows];
  expect(counts(got.report)).toEqual(counts(want.report));
  expect(counts(want.report)).toEqual([32, 1, 1, 1]);
  expect(got.report.skippedExamples.map((e) => e.message)).toEqual([(error as DataError).message]);
  expect(got.lastDay).toBe(want.lastDay);
}

/** Generated daily files with `DIRTY_ROWS` added as `extra.csv`, in `dir`. */
export async function writeDirtyData(dir: string): Promise<void> {
  await generateDaily({ profiles: 120, from: '2023-11-01', to: '2024-06-30', seed: 11 }, dir);
  writeFileSync(join(dir, 'extra.csv'), `${DAILY_HEADER}\n${DIRTY_ROWS.join('\n')}\n`);
}

/** The records of every CSV file (`.csv`, `.csv.gz`) under `dir`, as text fields in `DAILY_HEADER`'s order (files without quoting). */
export function csvRecords(dir: string): string[][] {
  const columns = DAILY_HEADER.split(',');
  const out: string[][] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!/\.csv(\.gz)?$/.test(entry)) continue;
    const bytes = readFileSync(join(dir, entry));
    const lines = (entry.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').split(/\r?\n/);
    const header = lines[0]!.split(',');
    for (const line of lines.slice(1)) {
      if (line === '') continue;
      if (line.includes('"')) throw new Error(`${entry}: quoted fields are not read here`);
      const fields = line.split(',');
      out.push(columns.map((c) => fields[header.indexOf(c)] ?? ''));
    }
  }
  return out;
}

/**
 * Whether an engine's package was loaded before and after reading a source,
 * in a fresh process that imports the built main entry and the engine's
 * subpath: `loaded` is an expression that tells (the process's memory map,
 * or the module cache), `source` makes the source from the subpath's export.
 */
export function loadedBeforeAndAfter(subpath: string, loaded: string, source: string): [boolean, boolean] {
  const root = new URL('../..', import.meta.url).pathname;
  const script = `
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    const require = createRequire(${JSON.stringify(join(root, 'package.json'))});
    const loaded = () => ${loaded};
    const { loadWeekly } = await import(${JSON.stringify(join(root, 'dist', 'index.js'))});
    const engine = await import(${JSON.stringify(join(root, 'dist', `${subpath}.js`))});
    const source = ${source};
    const before = loaded();
    await loadWeekly(source);
    console.log(JSON.stringify([before, loaded()]));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as [boolean, boolean];
}

/**
 * `loadDaily` of an engine's source against the JS path's on the same rows,
 * with the same options: the same rows (the engine's come in its own order,
 * so both are sorted), the same counts, and the same refused rows' reasons.
 */
export async function expectSameDaily(files: string, source: WeeklySource, options: Parameters<typeof loadDaily>[1] = {}): Promise<DailyFrame> {
  const want = await loadDaily(files, options);
  const got = await loadDaily(source, options);
  const sorted = (f: DailyFrame) =>
    f
      .toRecords()
      .map((r) => JSON.stringify(r))
      .sort();
  expect(sorted(got)).toEqual(sorted(want));
  const counts = (r: LoadReport) => [r.rows, r.skipped, r.missingFollowers, r.outsideWindow];
  expect(counts(got.report)).toEqual(counts(want.report));
  const reasons = (r: LoadReport) => r.skippedExamples.map((e) => [e.column, e.reason, e.value]).sort();
  expect(reasons(got.report)).toEqual(reasons(want.report));
  return got;
}

/**
 * `predictInEngine` over `source` gives what `predictFiles` gives over the
 * same source (forecasts, skipped profiles, report), whatever the batch size
 * (a profile a batch, a few, the default: one batch), with and without `asOf` and
 * `since`, for a `corrected` model (with intervals) and the built-in
 * `notebook` one (`only`: the indices of the cases to run, in that order);
 * and throws the same first refused row.
 */
export async function expectBatchedPredictions(
  source: WeeklySource,
  model: EngagementModel,
  onError: 'skip' | 'throw' = 'skip',
  only: readonly number[] = [0, 1, 2, 3],
): Promise<void> {
  const cases: [EngagementModel, Omit<PredictInEngineOptions, 'into'>][] = [
    [model, { asOf: '2024-06-16', intervals: [0.8, 0.95] }],
    [model, {}],
    [model, { since: '2024-02-01', asOf: '2024-05-31' }],
    [loadBuiltinModel(), {}],
  ];
  let forecasts = 0;
  for (const [c, [m, options]] of cases.entries()) {
    if (!only.includes(c)) continue;
    const want = await predictFiles(m, source, { ...options, onError }).catch((e: unknown) => e);
    for (const batchProfiles of c === 0 ? [1, 7, undefined] : [3]) {
      const events: { stage: string; rows?: number }[] = [];
      const got = await predictInEngine(m, source, {
        ...options,
        onError,
        ...(batchProfiles ? { batchProfiles } : {}),
        onProgress: (e) => events.push(e),
      }).catch((e: unknown) => e);
      if (want instanceof Error) {
        expect(got).toBeInstanceOf(want.constructor);
        expect((got as Error).message).toBe(want.message);
        continue;
      }
      if (got instanceof Error) throw got;
      const w = want as Awaited<ReturnType<typeof predictFiles>>;
      const g = got as Awaited<ReturnType<typeof predictFiles>>;
      forecasts += g.predictions.length;
      expect(g.predictions).toEqual(w.predictions);
      expect(g.skipped).toEqual(w.skipped);
      expect(g.report).toEqual(w.report);
      const profiles = w.predictions.length / 4;
      const predicted = events.filter((e) => e.stage === 'predict').map((e) => e.rows);
      expect(predicted.at(-1) ?? 0).toBe(profiles);
      // One event a batch: as many batches as the size makes of the profiles read (those skipped among them).
      if (batchProfiles === 1) expect(predicted.length).toBe(profiles + w.skipped.length);
    }
  }
  if (onError === 'skip') expect(forecasts).toBeGreaterThan(0);
}

/**
 * That `predictInEngine` with `into` wrote each batch's forecasts before it
 * scored the next: its progress events alternate, a batch scored (`predict`,
 * profiles so far), then its forecasts written (`write`, four rows a
 * profile). Returns the `predict` events (more than two batches are needed).
 */
export function expectWrittenInTurn(events: readonly { stage: string; rows?: number }[]): { stage: string; rows?: number }[] {
  const steps = events.filter((e) => e.stage === 'predict' || e.stage === 'write');
  const scored = steps.filter((e) => e.stage === 'predict');
  expect(scored.length).toBeGreaterThan(2);
  steps.forEach((e, k) => expect(e).toEqual(k % 2 === 0 ? scored[k / 2] : { stage: 'write', rows: 4 * scored[(k - 1) / 2]!.rows! }));
  return scored;
}

/**
 * The window columns a source computes in its engine (`WINDOW_COLUMNS_IN_ENGINE`) equal the columns of the JS
 * path's weekly table `weekly` (loaded with the same settings), row for row, and its report the report of the
 * same source's `weekly` (`report`; which examples of refused rows an engine gives is its own); returns them.
 */
export async function expectSameWindowColumns(
  source: WeeklySource,
  weekly: WeeklyFrame,
  report: LoadReport,
  request: WindowColumnsRequest,
  engine: string,
): Promise<EngineWindowColumns> {
  const got = await (source as WeeklySource & WindowColumnsSource)[WINDOW_COLUMNS_IN_ENGINE](request);
  expect(got.profileIds).toEqual(weekly.profileIds);
  expect(Array.from(got.profile)).toEqual(Array.from(weekly.profile));
  expect(Array.from(got.sunday)).toEqual(Array.from(weekly.stored('date')));
  expect(got.columns).toHaveLength(WINDOW_COLUMNS.length);
  WINDOW_COLUMNS.forEach(({ name }, c) => {
    const a = weekly.column(name);
    const b = got.columns[c]!;
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      const ok = Number.isNaN(x) ? Number.isNaN(y) : x === y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
      if (!ok) expect.fail(`${name}[${i}] (${weekly.profileIds[weekly.profile[i]!]}, week ending ${formatDay(got.sunday[i]!)}): JS ${x}, ${engine} ${y}`);
    }
  });
  const { rows, skipped, missingFollowers, duplicateRows } = report;
  expect(got.report).toMatchObject({ rows, skipped, missingFollowers, duplicateRows });
  expect(got.report.skippedExamples.map((e) => e.message)).toEqual(report.skippedExamples.map((e) => e.message));
  return got;
}

/** `DIRTY_ROWS` but the one past the span limit (the window columns in an engine refuse a read with it; see the test of that). */
export const DIRTY_ROWS_WITHIN_SPAN = DIRTY_ROWS.filter((r) => !r.startsWith('2065-'));

/** Generated daily files with drifting rates (regime changes, viral weeks: the level filters' every branch) and `DIRTY_ROWS_WITHIN_SPAN`, in `dir`. */
export async function writeDirtyDynamicData(dir: string): Promise<void> {
  await generateDaily({ profiles: 150, from: '2023-06-01', to: '2024-06-30', seed: 12, dynamics: true }, dir);
  writeFileSync(join(dir, 'extra.csv'), `${DAILY_HEADER}\n${DIRTY_ROWS_WITHIN_SPAN.join('\n')}\n`);
}

/**
 * `trainInEngine` on `source` gives the model `trainModels` gives on the JS path's weekly table `weekly` (the
 * default model, its intervals, cold-start heads, metrics and row counts): every string and count the same, every
 * other number within 1e-9 relative (the engine adds in another order); returns the engine's model.
 */
export async function expectSameTraining(
  source: WeeklySource,
  weekly: WeeklyFrame,
  options: { cutoff: string; calibrationWeeks?: number | false; onError?: 'throw' | 'skip'; model?: string; aim?: 'median' | 'mean' },
): Promise<EngagementModel> {
  const want = trainModels(weekly, {
    preset: 'corrected',
    cutoff: options.cutoff,
    ...(options.calibrationWeeks !== undefined ? { calibrationWeeks: options.calibrationWeeks } : {}),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.aim !== undefined ? { aim: options.aim } : {}),
  });
  const got = await trainInEngine(source, options);
  expectSameModel(JSON.parse(JSON.stringify(want.model)), JSON.parse(JSON.stringify(got.model)));
  expect(got.warnings).toEqual(want.warnings);
  expect(got.rows).toEqual(want.rows);
  return got.model;
}

/** Two model files (parsed) alike, as `sameNumbers` compares them: the JS path's, then the engine's. */
export function expectSameModel(want: unknown, got: unknown): void {
  sameNumbers('model', want, got);
}

/**
 * Two JSON values alike: the same shape, strings and booleans; numbers within 1e-9 relative, with two units of
 * their own. The calibration scores' quantiles are also within 1e-9 absolute: a score is |actual − forecast| /
 * scale, so the forecasts' last digits (which differ with the order of the sums) are a share of the score's unit,
 * not of the score (the smallest scores, near 0, keep few digits of their own). A head's coefficients are within
 * 1e-9 of the head's largest: they are solved together, and the design's correlated windows leave a small one few
 * digits of its own (one of 0.0173 came out 2e-9 of itself apart in one run of DuckDB's parallel sums, whose order
 * varies). Names the first place that differs.
 */
function sameNumbers(at: string, a: unknown, b: unknown, unit = 0): void {
  if (typeof a === 'number' && typeof b === 'number') {
    const score = at.includes('.quantiles[') ? 1 : 0;
    if (!(a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), score, unit))) expect.fail(`${at}: JS ${a}, engine ${b}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) expect.fail(`${at}: JS ${a.length} items, engine ${b.length}`);
    const head = at.endsWith('.coef') ? Math.max(...a.map((x) => Math.abs(Number(x)))) : 0;
    a.forEach((x, i) => sameNumbers(`${at}[${i}]`, x, b[i], head));
    return;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(b as object).sort(), at).toEqual(Object.keys(a as object).sort());
    for (const k of Object.keys(a as object)) sameNumbers(`${at}.${k}`, (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
    return;
  }
  expect(b, at).toEqual(a);
}

/**
 * Generated daily rows in `dir/late.csv` where a third of the profiles post for the first time late (from a day
 * between 2024-01-01 and 2024-04-30, their earlier days recorded without posts): weeks of profiles without a
 * posting history in every calibration window, so that the cold-start heads get intervals of their own.
 */
export function writeLateStartData(dir: string): void {
  const lines = [DAILY_HEADER];
  const first = Date.UTC(2024, 0, 1) / 86400000;
  for (const r of generateDailyRows({ profiles: 240, from: '2023-06-01', to: '2024-06-30', seed: 13 })) {
    const code = parseInt(r.profile_id.slice(0, 4), 16);
    const start = first + (code % 121);
    const quiet = code % 3 === 0 && Date.parse(`${r.date}T00:00:00Z`) / 86400000 < start;
    const [posts, engagement, likes, comments] = quiet ? [0, 0, 0, 0] : [r.posts, r.engagement, r.likes, r.comments];
    lines.push([r.date, r.profile_id, r.followers, posts, engagement, likes, comments, r.reach, r.impressions].join(','));
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'late.csv'), `${lines.join('\n')}\n`);
}

/**
 * Daily rows (CSV records, `DAILY_HEADER`'s columns) of generated profiles, one of which has in the week ending
 * 2024-02-11 a single post and 2 × (2^53 − 1) engagement over two days: that week's engagement per post is past
 * 2^53, exactly (2^54 − 2), and every engine sums it alike. A training with that week as a target refuses it.
 */
export function unsummableRecords(): string[][] {
  const records: string[][] = [];
  for (const r of generateDailyRows({ profiles: 30, from: '2023-06-01', to: '2024-06-30', seed: 23 })) {
    records.push([r.date, r.profile_id, String(r.followers), String(r.posts), String(r.engagement), '0', '0', String(r.reach), String(r.impressions)]);
  }
  const id = records[0]![1]!;
  const big = String(Number.MAX_SAFE_INTEGER);
  records.push(['2024-02-06', id, '100', '1', big, '0', '0', '10', '10'], ['2024-02-07', id, '100', '0', big, '0', '0', '10', '10']);
  // The profile's own rows on those days go: one row per profile and day.
  return records.filter((r, k) => k >= records.length - 2 || r[1] !== id || (r[0] !== '2024-02-06' && r[0] !== '2024-02-07'));
}

/**
 * `trainInEngine` on `source` refuses the rows of `unsummableRecords` (read by `weekly`) with the `DataError` of
 * `trainModels`, for the default model and ridge.
 */
export async function expectSameUnsummable(source: () => WeeklySource, weekly: WeeklyFrame): Promise<void> {
  for (const model of [undefined, 'ridge']) {
    const options = { cutoff: '2024-04-28', ...(model ? { model } : {}) };
    let want: unknown;
    try {
      trainModels(weekly, { preset: 'corrected', ...options });
    } catch (error) {
      want = error;
    }
    expect(want).toBeInstanceOf(DataError);
    expect((want as DataError).message).toMatch(/week ending 2024-\d\d-\d\d: \S+ is \d+, beyond 2\^53/);
    const got = await trainInEngine(source(), options).then(
      () => null,
      (error: unknown) => error,
    );
    expect(got).toBeInstanceOf(DataError);
    expect((got as DataError).message).toBe((want as DataError).message);
    expect((got as DataError).code).toBe('unforecastable');
  }
}
