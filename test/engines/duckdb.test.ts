// DuckDB as a source: the weekly table computed where the data lives equals
// the JS path's, cell for cell, on the parity fixture and on generated data
// with dirty rows, from CSV files, Parquet files and a table; both presets.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { duckdb, duckDbDefaultMemoryLimit } from '../../src/engines/duckdb.js';
import {
  csvSource,
  DataError,
  EngineError,
  loadDaily,
  loadWeekly,
  predict,
  predictFiles,
  predictInEngine,
  trainInEngine,
  trainModels,
} from '../../src/index.js';
import { requireBuiltCli, runCli } from '../helpers/cli.js';
import {
  DAILY_HEADER,
  DIRTY_REFUSED,
  expectBatchedPredictions,
  expectDirtyCounts,
  expectSameTraining,
  expectSameUnsummable,
  unsummableRecords,
  expectSameWindowColumns,
  expectWrittenInTurn,
  expectSameDaily,
  expectSpanRefused,
  loadedBeforeAndAfter,
  NUMBER_TEXTS,
  numberTextRows,
  randomNumberTexts,
  sameTable,
  SPAN_ROWS,
  writeDirtyData,
  writeDirtyDynamicData,
  writeLateStartData,
} from '../helpers/engines.js';
import { WINDOW_COLUMNS_IN_ENGINE, type WindowColumnsSource } from '../../src/engines/common.js';
import { checkLimits } from '../../src/schema.js';
import { generateDaily, generateDailyRows } from '../../src/generate.js';
import { expm1Sql, log1pSql } from '../../src/features/sql-week.js';
import type { WeeklySource } from '../../src/index.js';
import { GOLDEN } from '../helpers/reference.js';
import { skipUnless } from '../helpers/skip.js';
import { tempDir } from '../helpers/tmp.js';

let available = true;
try {
  createRequire(import.meta.url).resolve('@duckdb/node-api');
} catch {
  available = false;
}
const skip = skipUnless(available, '@duckdb/node-api (an optional peer dependency)');

describe.skipIf(skip)('duckdb()', () => {
  const dir = tempDir('ef-duckdb-');
  const dirty = join(dir, 'dirty');
  const drifting = join(dir, 'drifting');
  const late = join(dir, 'late');
  const span = join(dir, 'span.csv');
  beforeAll(async () => {
    await writeDirtyData(dirty);
    await writeDirtyDynamicData(drifting);
    writeLateStartData(late);
    writeFileSync(span, `${DAILY_HEADER}\n${SPAN_ROWS.join('\n')}\n`);
  });

  it('gives the CSV path’s weekly table on the parity fixture, both presets', async () => {
    for (const preset of ['notebook', 'corrected'] as const) {
      const want = await loadWeekly(`${GOLDEN}input`, { preset });
      const got = await loadWeekly(duckdb({ files: `${GOLDEN}input` }), { preset });
      sameTable(want.weekly, got.weekly, 'DuckDB');
      expect(got.report).toMatchObject({
        rows: want.report.rows,
        skipped: 0,
        missingFollowers: want.report.missingFollowers,
        duplicateRows: want.report.duplicateRows,
        files: want.report.files,
      });
    }
  });

  it('refuses a row past the span limit as the CSV reader does: thrown naming its key, or skipped and counted', async () => {
    await expectSpanRefused(duckdb({ files: span }), span, 'DuckDB');
  });

  it('refuses and counts the rows the CSV reader refuses, and agrees on the rest (dirty generated data)', async () => {
    const want = await loadWeekly(dirty, { preset: 'corrected', onError: 'skip' });
    const got = await loadWeekly(duckdb({ files: dirty, threads: 2 }), { preset: 'corrected', onError: 'skip' });
    sameTable(want.weekly, got.weekly, 'DuckDB');
    expectDirtyCounts(want.report, got.report);
    expect(got.report.skippedExamples.map((e) => [e.column, e.reason])).toEqual(
      expect.arrayContaining(want.report.skippedExamples.map((e) => [e.column, e.reason])),
    );
    // Stopping at a bad row: a DataError naming the file, the column and the value.
    const error = await loadWeekly(duckdb({ files: dirty })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).file).toBe(join(dirty, 'extra.csv'));
  });

  it('computes the corrected window columns in DuckDB as the JS path does: parity fixture, dirty and drifting data', async () => {
    const limits = checkLimits(undefined, 'test');
    const parity = await loadWeekly(`${GOLDEN}input`, { preset: 'corrected' });
    const source = duckdb({ files: `${GOLDEN}input` });
    const own = await loadWeekly(source, { preset: 'corrected' });
    await expectSameWindowColumns(source, parity.weekly, own.report, { onError: 'throw', limits }, 'DuckDB');
    const want = await loadWeekly(drifting, { preset: 'corrected', onError: 'skip' });
    const dirtySource = duckdb({ files: drifting, threads: 2 });
    const dirtyOwn = await loadWeekly(dirtySource, { preset: 'corrected', onError: 'skip' });
    const got = await expectSameWindowColumns(dirtySource, want.weekly, dirtyOwn.report, { onError: 'skip', limits }, 'DuckDB');
    expect(got.report.skipped).toBe(DIRTY_REFUSED - 1);
    // Stopping at a refused row, as weekly does; a profile past the span limit is an error naming it, not a row left out.
    const inEngine = (from: WeeklySource) => (from as WeeklySource & WindowColumnsSource)[WINDOW_COLUMNS_IN_ENGINE];
    const error = await inEngine(dirtySource)({ onError: 'throw', limits }).catch((e: unknown) => e);
    expect((error as DataError).message).toBe(((await loadWeekly(dirtySource).catch((e: unknown) => e)) as DataError).message);
    const past = await inEngine(duckdb({ files: dirty }))({ onError: 'skip', limits }).catch((e: unknown) => e);
    expect(past).toBeInstanceOf(DataError);
    expect((past as DataError).message).toMatch(/a profile's records span 2\d{3} weeks, more than limits.maxWeeksPerProfile \(1100\)/);
  });

  it('trains the default model in DuckDB (trainInEngine): the model, warnings and row counts of trainModels', async () => {
    const parity = await loadWeekly(`${GOLDEN}input`, { preset: 'corrected' });
    const model = await expectSameTraining(duckdb({ files: `${GOLDEN}input` }), parity.weekly, { cutoff: '2024-06-30' });
    expect(model.intervals).not.toBeNull();
    expect(Math.min(...Object.values(model.training!.rows.train as Record<string, number>))).toBeGreaterThan(1000);
    // Profiles that start posting late: cold-start heads with intervals of their own.
    const lateWeekly = await loadWeekly(late, { preset: 'corrected' });
    expect((await expectSameTraining(duckdb({ files: late }), lateWeekly.weekly, { cutoff: '2024-05-26' })).coldStart?.intervals).toBeTruthy();
    const want = await loadWeekly(drifting, { preset: 'corrected', onError: 'skip' });
    await expectSameTraining(duckdb({ files: drifting }), want.weekly, { cutoff: '2024-04-28', onError: 'skip' });
    // What is not trained in an engine says so.
    await expect(trainInEngine(csvSource(`${GOLDEN}input`))).rejects.toThrow(/the source must compute where its rows are .*use trainModels/);
    await expect(trainInEngine(duckdb({ files: late }), { model: 'mlp' })).rejects.toThrow(
      /mlp is not trained in an engine yet .*the neural network is JS-only/,
    );
    // A ridge model (the target as it is, no back-transform), as trainModels fits it.
    await expectSameTraining(duckdb({ files: late }), lateWeekly.weekly, { cutoff: '2024-05-26', model: 'ridge' });
    // Without calibration: no intervals, as trainModels.
    await expectSameTraining(duckdb({ files: `${GOLDEN}input` }), parity.weekly, { cutoff: '2024-06-30', calibrationWeeks: false });
    // Aiming at the mean: Duan's smearing factors, as trainModels computes them (the cold-start heads keep theirs).
    const mean = await expectSameTraining(duckdb({ files: drifting }), want.weekly, { cutoff: '2024-04-28', onError: 'skip', aim: 'mean' });
    expect((mean.estimator as { correction?: string }).correction).toBe('smearing');
    // Linear least squares from its normal equations: the QR fit of trainModels, the design well conditioned.
    await expectSameTraining(duckdb({ files: drifting }), want.weekly, { cutoff: '2024-04-28', onError: 'skip', model: 'linear' });
    // The baselines: nothing fitted, their forecasts scored and calibrated as trainModels scores them.
    for (const model of ['naive', 'window-average'])
      expect((await expectSameTraining(duckdb({ files: drifting }), want.weekly, { cutoff: '2024-04-28', onError: 'skip', model })).intervals).not.toBeNull();
  });

  it('refuses linear where its normal equations would lose the digits a QR keeps: a design of collinear columns', async () => {
    // Every profile's engagement per post constant: its pooled windows, recency-weighted averages and filters agree.
    const flat = join(dir, 'flat');
    const lines = [DAILY_HEADER];
    for (const r of generateDailyRows({ profiles: 60, from: '2023-06-01', to: '2024-06-30', seed: 21 })) {
      const rate = 100 + (parseInt(r.profile_id.slice(0, 4), 16) % 900);
      lines.push([r.date, r.profile_id, r.followers, r.posts, r.posts * rate, r.posts * rate, 0, r.reach, r.impressions].join(','));
    }
    mkdirSync(flat, { recursive: true });
    writeFileSync(join(flat, 'flat.csv'), `${lines.join('\n')}\n`);
    await expect(trainInEngine(duckdb({ files: flat }), { cutoff: '2024-04-28', model: 'linear' })).rejects.toThrow(
      /linear: the design's condition number is \S+ on these rows, past 2000: .*train linear with trainModels, or use ridge/,
    );
    // What the error points to: trainModels fits it (least squares by QR), and the engine fits ridge.
    const weekly = (await loadWeekly(flat, { preset: 'corrected' })).weekly;
    expect(trainModels(weekly, { preset: 'corrected', cutoff: '2024-04-28', model: 'linear' }).model.estimator).toMatchObject({ kind: 'linear' });
    await trainInEngine(duckdb({ files: flat }), { cutoff: '2024-04-28', model: 'ridge' });
  });

  it('refuses a value past 2^53 as trainModels does, naming the profile, the week and the column', async () => {
    const files = join(dir, 'unsummable');
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, 'daily.csv'), `${[DAILY_HEADER, ...unsummableRecords().map((r) => r.join(','))].join('\n')}\n`);
    await expectSameUnsummable(() => duckdb({ files }), (await loadWeekly(files, { preset: 'corrected' })).weekly);
  });

  it('trains within a memory limit its relations outgrow: the window columns go through tables that spill', async () => {
    // About 1.1 million rows. The window columns in one statement (its intermediate relations held in memory)
    // failed even at 256 MB of DuckDB's memory on one thread; in stages of temporary tables they train in
    // 128 MB. The limit here lies between.
    const many = join(dir, 'many');
    await generateDaily({ profiles: 6000, from: '2023-01-01', to: '2024-12-31', seed: 5 }, many);
    const want = await loadWeekly(many, { preset: 'corrected' });
    await expectSameTraining(duckdb({ files: many, memoryLimit: '160MB', threads: 1 }), want.weekly, { cutoff: '2024-10-27' });
  }, 120_000);

  it('computes log1p and expm1 in SQL to a few units in the last place, where ln(1 + x) and exp(z) − 1 lose digits', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const xs = [0, 1e-300, 1e-12, 3e-9, 1e-5, 0.001, 0.5, 1, 7.25, 39.9, 40.1, 1234.5, 1e15];
    const sql = (f: (x: string) => string) => `SELECT ${xs.map((x) => f(`CAST(${x} AS DOUBLE)`)).join(', ')}`;
    const [log1p] = (await connection.runAndReadAll(sql(log1pSql))).getRows() as number[][];
    const [expm1] = (await connection.runAndReadAll(sql(expm1Sql))).getRows() as number[][];
    const [plain] = (await connection.runAndReadAll(sql((x) => `ln(1 + ${x})`))).getRows() as number[][];
    const close = (got: number, want: number) => got === want || Math.abs(got - want) <= 4 * Number.EPSILON * Math.abs(want);
    xs.forEach((x, k) => {
      expect(close(log1p![k]!, Math.log1p(x)), `log1p(${x}): ${log1p![k]} against ${Math.log1p(x)}`).toBe(true);
      expect(close(expm1![k]!, Math.expm1(x)), `expm1(${x}): ${expm1![k]} against ${Math.expm1(x)}`).toBe(true);
    });
    // What the formulas are for: the plain one is off in the fifth digit at 1e-12.
    expect(Math.abs(plain![2]! - Math.log1p(1e-12)) / 1e-12).toBeGreaterThan(1e-5);
  });

  it('reads every number text as the CSV reader does: the same rows kept, the same values, the same refusals', async () => {
    const file = join(dir, 'numbers.csv');
    writeFileSync(file, `${DAILY_HEADER}\n${numberTextRows().join('\n')}\n`);
    const got = await expectSameDaily(file, duckdb({ files: file }), { onError: 'skip' });
    // Both kinds of answer are exercised: texts kept as numbers, and texts refused.
    expect(got.length).toBeGreaterThan(NUMBER_TEXTS.length / 2);
    expect(got.report.skipped).toBeGreaterThan(NUMBER_TEXTS.length / 4);
    // And 600 texts drawn from the pieces numbers are written with.
    const drawn = join(dir, 'drawn.csv');
    writeFileSync(drawn, `${DAILY_HEADER}\n${numberTextRows(randomNumberTexts(20261205, 600)).join('\n')}\n`);
    const many = await expectSameDaily(drawn, duckdb({ files: drawn }), { onError: 'skip' });
    expect(many.length).toBeGreaterThan(300);
    expect(many.report.skipped).toBeGreaterThan(100);
  });

  it('reads daily rows as loadDaily reads the files: all of them, since a day, for some profiles, and the dirty ones', async () => {
    const all = await expectSameDaily(`${GOLDEN}input`, duckdb({ files: `${GOLDEN}input` }));
    expect(all.length).toBeGreaterThan(1000);
    const profiles = all.profileIds.slice(0, 3);
    const some = await expectSameDaily(`${GOLDEN}input`, duckdb({ files: `${GOLDEN}input` }), { since: '2024-06-01', profiles });
    expect(some.length).toBeGreaterThan(0);
    expect(some.report.outsideWindow).toBe(all.length - some.length);
    const dirtyRows = await expectSameDaily(dirty, duckdb({ files: dirty }), { onError: 'skip' });
    // All but the row past the span limit, which only a weekly table refuses.
    expect(dirtyRows.report.skipped).toBe(DIRTY_REFUSED - 1);
    const error = await loadDaily(duckdb({ files: dirty })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).file).toBe(join(dirty, 'extra.csv'));
  });

  it('reads Parquet (followers as text, as an export writes it) and a table, with the same table and forecasts', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = join(dir, 'daily.duckdb');
    const parquet = join(dir, 'daily.parquet');
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    await c.run(`CREATE TABLE daily AS SELECT * FROM read_csv($p, header = true, all_varchar = true, union_by_name = true)`, { p: `${GOLDEN}input/**/*.csv*` });
    await c.run(`COPY daily TO '${parquet}' (FORMAT parquet)`);
    await c.run(
      `CREATE TABLE "typed daily" AS SELECT CAST(date AS DATE) AS date, profile_id, TRY_CAST(followers AS DOUBLE) AS followers, CAST(posts AS BIGINT) AS posts, CAST(engagement AS DOUBLE) AS engagement, CAST(reach AS BIGINT) AS reach, CAST(impressions AS BIGINT) AS impressions FROM daily`,
    );
    c.closeSync();
    instance.closeSync();
    expect(existsSync(parquet)).toBe(true);
    const want = await loadWeekly(`${GOLDEN}input`, { preset: 'corrected' });
    for (const source of [duckdb({ parquet }), duckdb({ database: db, table: 'typed daily' })]) {
      const got = await loadWeekly(source, { preset: 'corrected' });
      sameTable(want.weekly, got.weekly, 'DuckDB');
    }
    const daily = await loadDaily(`${GOLDEN}input`);
    const model = trainModels(daily, { preset: 'corrected', cutoff: '2024-07-30', calibrationWeeks: 4 }).model;
    const { predictions } = await predictFiles(model, duckdb({ parquet }), { asOf: '2024-09-29', intervals: [0.8] });
    expect(predictions).toEqual(predict(model, daily, { asOf: '2024-09-29', intervals: [0.8] }));
  });

  it('writes the forecasts into a table of its database, replaced as a whole, and says when it cannot', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = join(dir, 'forecasts.duckdb');
    const table = 'fore"casts';
    const withDb = async <T>(work: (c: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>) => Promise<T>) => {
      const instance = await DuckDBInstance.create(db);
      const c = await instance.connect();
      try {
        return await work(c);
      } finally {
        c.closeSync();
        instance.closeSync();
      }
    };
    await withDb((c) =>
      c.run(`CREATE TABLE daily AS SELECT * FROM read_csv($p, header = true, all_varchar = true, union_by_name = true)`, { p: `${GOLDEN}input/**/*.csv*` }),
    );
    // The table's rows as objects, in a fixed order, dates written as predict writes them.
    const tableRows = () =>
      withDb(async (c) =>
        (
          await c.runAndReadAll(
            `SELECT * EXCLUDE (date, prediction_date), strftime(date, '%Y-%m-%d') AS date, strftime(prediction_date, '%Y-%m-%d') AS prediction_date
             FROM "fore""casts" ORDER BY profile_id, future_period`,
          )
        ).getRowObjectsJS(),
      );
    const byKey = (a: { profile_id: string; future_period: string }, b: typeof a) =>
      a.profile_id < b.profile_id ? -1 : a.profile_id > b.profile_id ? 1 : a.future_period < b.future_period ? -1 : 1;
    const daily = await loadDaily(`${GOLDEN}input`);
    const model = trainModels(daily, { preset: 'corrected', cutoff: '2024-07-30', calibrationWeeks: 4 }).model;
    const options = { asOf: '2024-09-29', intervals: [0.8, 0.975] };
    const want = predict(model, daily, options);
    const source = duckdb({ database: db, table: 'daily' });
    const events: { stage: string; rows?: number }[] = [];
    const { predictions, written } = await predictFiles(model, source, { ...options, into: table, onProgress: (e) => events.push(e) });
    expect(predictions).toEqual(want);
    expect(events.filter((e) => e.stage === 'write').at(-1)).toEqual({ stage: 'write', rows: want.length });
    expect(written).toEqual({ table, rows: want.length });
    expect(await tableRows()).toEqual([...want].sort(byKey).map((p) => ({ ...p })));
    // Again for one profile, without intervals: replaced, not appended to.
    const one = want[0]!.profile_id;
    await predictFiles(model, source, { asOf: options.asOf, profiles: [one], into: table });
    const again = await tableRows();
    expect(again).toEqual(
      predict(model, daily, { asOf: options.asOf, profiles: [one] })
        .sort(byKey)
        .map((p) => ({ ...p })),
    );
    // A name that is a view's: the write fails, naming the table, and nothing changes.
    await withDb((c) => c.run(`CREATE VIEW forecasts_view AS SELECT * FROM "fore""casts"`));
    await expect(predictFiles(model, source, { ...options, into: 'forecasts_view' })).rejects.toThrow(
      `duckdb: cannot write the forecasts; the table is left as it was (${db}, forecasts table forecasts_view): `,
    );
    expect(await tableRows()).toEqual(again);
    // Files have no database to write into: said before anything is read.
    await expect(predictFiles(model, duckdb({ files: `${GOLDEN}input` }), { into: table })).rejects.toThrow(
      `predictFiles: into needs a source that writes tables (postgres(), or duckdb() with a table); the source ${GOLDEN}input does not`,
    );
  });

  it('predicts a batch of profiles at a time (predictInEngine), with the forecasts, skipped profiles and report of predictFiles', async () => {
    const model = trainModels(await loadDaily(`${GOLDEN}input`), { preset: 'corrected', cutoff: '2024-03-31', calibrationWeeks: 4 }).model;
    await expectBatchedPredictions(duckdb({ files: `${GOLDEN}input` }), model);
    await expectBatchedPredictions(duckdb({ files: dirty }), model, 'skip', [0, 1]);
    await expectBatchedPredictions(duckdb({ files: dirty }), model, 'throw', [0]);
    // A profile past the span limit: its mistyped row refused, the tables extended to the last day kept.
    await expectBatchedPredictions(duckdb({ files: span }), model, 'skip', [0, 1]);
    // What it refuses, before anything is read.
    const source = duckdb({ files: `${GOLDEN}input` });
    await expect(predictInEngine(model, `${GOLDEN}input` as never)).rejects.toThrow(
      'predictInEngine: the source must send its weekly table in batches (duckdb() or postgres()): for files or rows in memory, use predictFiles',
    );
    await expect(predictInEngine(model, csvSource(`${GOLDEN}input`))).rejects.toThrow(
      `predictInEngine: the source must send its weekly table in batches (duckdb() or postgres()); ${GOLDEN}input does not: for files or rows in memory, use predictFiles`,
    );
    await expect(predictInEngine(model, source, { profiles: ['a'] } as never)).rejects.toThrow(
      'predictInEngine: profiles is not an option here; to forecast some profiles, use predictFiles(model, source, { profiles })',
    );
    for (const batchProfiles of [0, 1.5, Number.NaN])
      await expect(predictInEngine(model, source, { batchProfiles })).rejects.toThrow(
        `predictInEngine: batchProfiles must be a positive integer, got ${JSON.stringify(batchProfiles)}`,
      );
    await expect(predictInEngine(model, source, { into: 'forecasts' })).rejects.toThrow('predictInEngine: into needs a source that writes tables');
  });

  it('writes the forecasts a batch of profiles at a time into its database file (predictInEngine), in one transaction', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = join(dir, 'batched.duckdb');
    const setup = await DuckDBInstance.create(db);
    const sc = await setup.connect();
    await sc.run(`CREATE TABLE daily AS SELECT * FROM read_csv($p, header = true, all_varchar = true, union_by_name = true)`, {
      p: `${GOLDEN}input/**/*.csv*`,
    });
    sc.closeSync();
    setup.closeSync();
    const tableRows = async () => {
      const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
      const c = await instance.connect();
      try {
        return (
          await c.runAndReadAll(
            `SELECT * EXCLUDE (date, prediction_date), strftime(date, '%Y-%m-%d') AS date, strftime(prediction_date, '%Y-%m-%d') AS prediction_date
             FROM forecasts ORDER BY profile_id, future_period`,
          )
        ).getRowObjectsJS();
      } finally {
        c.closeSync();
        instance.closeSync();
      }
    };
    const daily = await loadDaily(`${GOLDEN}input`);
    const model = trainModels(daily, { preset: 'corrected', cutoff: '2024-07-30', calibrationWeeks: 4 }).model;
    const options = { asOf: '2024-09-29', intervals: [0.8, 0.975] };
    const want = predict(model, daily, options);
    const byKey = (a: { profile_id: string; future_period: string }, b: typeof a) =>
      a.profile_id < b.profile_id ? -1 : a.profile_id > b.profile_id ? 1 : a.future_period < b.future_period ? -1 : 1;
    const source = duckdb({ database: db, table: 'daily' });
    const events: { stage: string; rows?: number }[] = [];
    const result = await predictInEngine(model, source, { ...options, batchProfiles: 40, into: 'forecasts', onProgress: (e) => events.push(e) });
    expect(result).not.toHaveProperty('predictions');
    expect(result.written).toEqual({ table: 'forecasts', rows: want.length });
    expect(await tableRows()).toEqual([...want].sort(byKey).map((p) => ({ ...p })));
    // A batch's forecasts are written before the next batch is scored.
    const scored = expectWrittenInTurn(events);
    // A failure after some batches were written: the error, the table as it was, and the file let go.
    const before = await tableRows();
    const stop = new Error('stopped by the test');
    const stopping = (e: { stage: string; rows?: number }) => {
      if (e.stage === 'predict' && e.rows! > scored[1]!.rows!) throw stop;
    };
    await expect(predictInEngine(model, source, { asOf: options.asOf, batchProfiles: 40, into: 'forecasts', onProgress: stopping })).rejects.toBe(stop);
    expect(await tableRows()).toEqual(before);
    // Then again, without intervals: the file is free, and the table replaced.
    await predictInEngine(model, source, { asOf: options.asOf, batchProfiles: 40, into: 'forecasts' });
    expect(await tableRows()).toEqual(
      predict(model, daily, { asOf: options.asOf })
        .sort(byKey)
        .map((p) => ({ ...p })),
    );
  });

  it('drops its copy of the segments once read, before the table is built (DuckDB gives their memory back)', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    await c.run(`CREATE TABLE daily AS SELECT * FROM read_csv($p, header = true, all_varchar = true, union_by_name = true)`, { p: `${GOLDEN}input/**/*.csv*` });
    // Asked when the segments are in (the read event): the connection runs it before the source's own last statement.
    let held: Promise<number> | undefined;
    const { weekly } = await loadWeekly(duckdb({ connection: c, table: 'daily' }), {
      onProgress: (e) => {
        if (e.stage === 'read')
          held = c
            .runAndReadAll(`SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name IN ('ef_segments', 'ef_ids')`)
            .then((r) => Number(r.getRows()[0]![0]));
      },
    });
    expect(weekly.length).toBeGreaterThan(0);
    expect(held).toBeDefined();
    expect(await held).toBe(0);
    c.closeSync();
    instance.closeSync();
  });

  it('spills, by default, into a folder of its own in the temporary folder, removed when the read ends (not into the working folder)', async () => {
    // Only this file's tests read through DuckDB, one at a time: the spill folders seen are this read's.
    const spills = () => readdirSync(tmpdir()).filter((f) => f.startsWith('ef-duckdb-spill-'));
    const before = new Set(spills());
    let during: string[] = [];
    const { weekly } = await loadWeekly(duckdb({ files: `${GOLDEN}input` }), {
      onProgress: (e) => {
        if (e.stage === 'read') during = spills().filter((f) => !before.has(f));
      },
    });
    expect(weekly.length).toBeGreaterThan(0);
    expect(during).toHaveLength(1);
    expect(spills()).not.toContain(during[0]);
    expect(existsSync(join(process.cwd(), '.tmp'))).toBe(false);
    // A folder given is DuckDB's to use, and left where it is.
    const given = join(dir, 'spill');
    mkdirSync(given);
    await loadWeekly(duckdb({ files: `${GOLDEN}input`, tempDirectory: given, memoryLimit: '256MB' }));
    expect(existsSync(given)).toBe(true);
  });

  it('loads @duckdb/node-api only when a source is read: never from the main entry, nor when a source is made', () => {
    // The native engine shows in the process's memory map once loaded (Linux).
    const loaded = String.raw`/duckdb[^\n]*\.node/.test(readFileSync('/proc/self/maps', 'utf8'))`;
    expect(loadedBeforeAndAfter('duckdb', loaded, `engine.duckdb({ files: ${JSON.stringify(`${GOLDEN}input`)} })`)).toEqual([false, true]);
  });

  it('runs behind the command line: weekly and train with --engine duckdb, from files and from a table', async () => {
    requireBuiltCli();
    const out = join(dir, 'cli');
    mkdirSync(out, { recursive: true });
    const js = runCli(dir, 'weekly', '--data', `${GOLDEN}input`, '--preset', 'corrected', '--out', join(out, 'js.csv'), '--quiet');
    const dd = runCli(dir, 'weekly', '--engine', 'duckdb', '--data', `${GOLDEN}input`, '--preset', 'corrected', '--out', join(out, 'duckdb.csv'), '--quiet');
    expect([js.code, dd.code], js.stderr + dd.stderr).toEqual([0, 0]);
    expect(readFileSync(join(out, 'duckdb.csv'), 'utf8')).toBe(readFileSync(join(out, 'js.csv'), 'utf8'));
    // A daily table in a DuckDB file: one command trains from it.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = join(dir, 'cli.duckdb');
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    await c.run(`CREATE TABLE daily AS SELECT * FROM read_csv($p, header = true, union_by_name = true)`, { p: `${GOLDEN}input/**/*.csv*` });
    c.closeSync();
    instance.closeSync();
    const fromTable = ['--engine', 'duckdb', '--database', db, '--table', 'daily'];
    const train = runCli(dir, 'train', ...fromTable, '--cutoff', '2024-07-30', '--out', join(out, 'model.json'), '--json', '--quiet');
    const reference = runCli(dir, 'train', '--data', `${GOLDEN}input`, '--cutoff', '2024-07-30', '--out', join(out, 'model-js.json'), '--json', '--quiet');
    expect([train.code, reference.code], train.stderr + reference.stderr).toEqual([0, 0]);
    expect(JSON.parse(train.stdout).metrics).toEqual(JSON.parse(reference.stdout).metrics);
    // The forecasts into a table of the same file, as many as the CSV output has lines.
    const nightly = runCli(dir, 'predict', ...fromTable, '--model', join(out, 'model.json'), '--into', 'forecasts', '--json', '--quiet');
    const nightlyJs = runCli(dir, 'predict', '--data', `${GOLDEN}input`, '--model', join(out, 'model.json'));
    expect([nightly.code, nightlyJs.code], nightly.stderr + nightlyJs.stderr).toEqual([0, 0]);
    const forecasts = nightlyJs.stdout.trim().split('\n').length - 1;
    expect(JSON.parse(nightly.stdout)).toMatchObject({ into: 'forecasts', forecasts, profiles: forecasts / 4 });
    const check = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const cc = await check.connect();
    expect(Number((await cc.runAndReadAll('SELECT count(*) FROM forecasts')).getRows()[0]![0])).toBe(forecasts);
    cc.closeSync();
    check.closeSync();
    const fromFiles = runCli(dir, 'predict', '--engine', 'duckdb', '--data', `${GOLDEN}input`, '--into', 'forecasts');
    expect([fromFiles.code, fromFiles.stderr.trim()]).toEqual([
      2,
      'engagement-forecast: predict: --into writes into a table of the database the rows are in: it needs --engine postgres, or --engine duckdb with --table',
    ]);
    // A batch of profiles at a time (the default with --engine): the JS path's CSV, byte for byte.
    const batched = runCli(dir, 'predict', '--engine', 'duckdb', '--data', `${GOLDEN}input`, '--model', join(out, 'model.json'), '--batch-profiles', '7');
    expect([batched.code, batched.stdout], batched.stderr).toEqual([0, nightlyJs.stdout]);
    for (const [flags, message] of [
      [['--engine', 'duckdb', '--batch-profiles', '0'], "--batch-profiles must be a positive integer, got '0'"],
      [['--batch-profiles', '5'], '--batch-profiles is for --engine duckdb|postgres, without --profile'],
    ] as const) {
      const refused = runCli(dir, 'predict', '--data', `${GOLDEN}input`, ...flags);
      expect([refused.code, refused.stderr.trim()]).toEqual([2, `engagement-forecast: predict: ${message}`]);
    }
    // The same table as Parquet: read back by DuckDB, the same values as the CSV.
    const written = runCli(dir, 'weekly', '--data', `${GOLDEN}input`, '--preset', 'corrected', '--out', join(out, 'weekly.parquet'), '--quiet');
    expect(written.code, written.stderr).toBe(0);
    const { DuckDBInstance: Reader } = await import('@duckdb/node-api');
    const reader = await (await Reader.create()).connect();
    const described = (await reader.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet($p)`, { p: join(out, 'weekly.parquet') })).getRows();
    expect(described.find((r) => r[0] === 'date')?.[1]).toBe('DATE');
    expect(described.find((r) => r[0] === 'profile_id')?.[1]).toBe('VARCHAR');
    const fromParquet = await reader.runAndReadAll(`SELECT * FROM read_parquet($p)`, { p: join(out, 'weekly.parquet') });
    const csvLines = readFileSync(join(out, 'js.csv'), 'utf8').trim().split('\n');
    expect(fromParquet.columnNames().join(',')).toBe(csvLines[0]);
    const asCsv = fromParquet.getRows().map((row) => row.map((v) => (v === null ? '' : typeof v === 'number' && Number.isNaN(v) ? '' : String(v))).join(','));
    expect(asCsv).toEqual(csvLines.slice(1));
    reader.closeSync();
    const usage = runCli(dir, 'weekly', '--parquet', 'x.parquet', '--out', join(out, 'x.csv'));
    expect([usage.code, usage.stderr.trim()]).toEqual([
      2,
      'engagement-forecast: weekly: --parquet, --table, --database and --memory-limit need --engine duckdb',
    ]);
    const both = runCli(dir, 'weekly', '--engine', 'duckdb', '--data', 'a', '--table', 't', '--out', join(out, 'x.csv'));
    expect([both.code, both.stderr.trim()]).toEqual([
      2,
      'engagement-forecast: weekly: with --engine duckdb, give one of --data, --parquet or --table (got --data, --table)',
    ]);
  });

  it('reports what DuckDB refuses as an EngineError naming the source', async () => {
    const missing = join(dir, 'nowhere.parquet');
    const error = await loadWeekly(duckdb({ parquet: missing })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).message).toMatch(new RegExp(`^duckdb: ${missing.replaceAll('.', '\\.')}: .*No files found`));
  });

  it('checks its options', () => {
    // The default memory limit: 1 GB, or DuckDB's least per thread (about 128 MB) times the threads where that is more.
    expect([1, 2, 8, 9, 64].map((threads) => duckDbDefaultMemoryLimit(threads))).toEqual(['1024MB', '1024MB', '1024MB', '1152MB', '8192MB']);
    // Or 32 bytes per daily row of the input where that is more (10^8 rows failed at 1 GB, ran at 3 GB), within 80 % of the memory.
    expect(duckDbDefaultMemoryLimit(2, 3.3e7)).toBe('1024MB');
    expect(duckDbDefaultMemoryLimit(2, 1e8)).toBe(`${Math.min(Math.ceil((1e8 * 32) / 2 ** 20), Math.floor((0.8 * totalmem()) / 2 ** 20))}MB`);
    expect(Number.parseInt(duckDbDefaultMemoryLimit(2, 1e12))).toBe(Math.max(1024, Math.floor((0.8 * totalmem()) / 2 ** 20)));
    expect(() => duckdb({})).toThrow('duckdb: give exactly one of files, parquet or table, got none');
    expect(() => duckdb({ files: 'a', parquet: 'b' })).toThrow('got files, parquet');
    expect(() => duckdb({ table: 't', threads: 0 })).toThrow('threads must be a positive integer');
  });
});
