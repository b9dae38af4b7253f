// PostgreSQL as a source: the weekly table computed in a real server equals
// the JS path's, cell for cell, on the parity fixture and on generated data
// with dirty rows, from text columns and typed ones; both presets.
import { createServer, type Server } from 'node:net';
import type { PoolClient } from 'pg';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay, sundayOnOrBefore } from '../../src/calendar.js';
import { postgres, postgresProfiles } from '../../src/engines/postgres.js';
import {
  backtest,
  DataError,
  EngineError,
  loadBuiltinModel,
  loadDaily,
  loadWeekly,
  predict,
  predictFiles,
  predictInEngine,
  trainModels,
} from '../../src/index.js';
import { requireBuiltCli, runCli } from '../helpers/cli.js';
import {
  csvRecords,
  DAILY_HEADER,
  DIRTY_REFUSED,
  expectBatchedPredictions,
  expectDirtyCounts,
  expectSameModel,
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
import type { WeeklySource } from '../../src/index.js';
import { connect, loadTextTable, POSTGRES_URL, skipPostgres, testSchema } from '../helpers/postgres.js';
import { GOLDEN } from '../helpers/reference.js';
import { tempDir } from '../helpers/tmp.js';

const skip = skipPostgres();

describe.skipIf(skip)('postgres()', () => {
  const dir = tempDir('ef-postgres-');
  const dirty = join(dir, 'dirty');
  const drifting = join(dir, 'drifting');
  const span = join(dir, 'span', 'span.csv');
  const schema = testSchema('ef test');
  const q = (name: string) => `"${schema.replaceAll('"', '""')}"."${name}"`;
  const source = (table: string, more: Partial<Parameters<typeof postgres>[0]> = {}) => postgres({ connectionString: POSTGRES_URL, schema, table, ...more });
  beforeAll(async () => {
    await writeDirtyData(dirty);
    await loadTextTable(schema, 'golden', csvRecords(`${GOLDEN}input`));
    await loadTextTable(schema, 'dirty', csvRecords(dirty));
    await writeDirtyDynamicData(drifting);
    await loadTextTable(schema, 'drifting', csvRecords(drifting));
    writeLateStartData(join(dir, 'late'));
    await loadTextTable(schema, 'late', csvRecords(join(dir, 'late')));
    mkdirSync(join(dir, 'span'));
    writeFileSync(span, `${DAILY_HEADER}\n${SPAN_ROWS.join('\n')}\n`);
    await loadTextTable(schema, 'span', csvRecords(join(dir, 'span')));
    mkdirSync(join(dir, 'numbers'));
    writeFileSync(join(dir, 'numbers', 'numbers.csv'), `${DAILY_HEADER}\n${numberTextRows().join('\n')}\n`);
    await loadTextTable(schema, 'numbers', csvRecords(join(dir, 'numbers')));
    mkdirSync(join(dir, 'drawn'));
    writeFileSync(join(dir, 'drawn', 'drawn.csv'), `${DAILY_HEADER}\n${numberTextRows(randomNumberTexts(20261205, 600)).join('\n')}\n`);
    await loadTextTable(schema, 'drawn', csvRecords(join(dir, 'drawn')));
    // The same rows in typed columns, under other names ('undefined' followers: NULL).
    const c = await connect();
    await c.query(`CREATE TABLE ${q('typed')} AS SELECT date::date AS day, profile_id AS account,
        CASE WHEN followers ~ '^\\d+$' THEN followers::bigint END AS followers, posts::int AS posts, engagement::float8 AS engagement,
        reach::numeric AS reach, impressions::bigint AS impressions FROM ${q('golden')}`);
    await c.end();
  });

  it('gives the CSV path’s weekly table on the parity fixture, from text and typed columns, both presets', async () => {
    for (const preset of ['notebook', 'corrected'] as const) {
      const want = await loadWeekly(`${GOLDEN}input`, { preset });
      for (const from of [source('golden'), source('typed', { columns: { date: 'day', profile_id: 'account' } })]) {
        const got = await loadWeekly(from, { preset });
        sameTable(want.weekly, got.weekly, 'PostgreSQL');
        expect(got.report).toMatchObject({
          rows: want.report.rows,
          skipped: 0,
          missingFollowers: want.report.missingFollowers,
          duplicateRows: want.report.duplicateRows,
        });
      }
    }
  });

  it('computes the corrected window columns in the server as the JS path does: parity fixture (text and typed columns), dirty and drifting data', async () => {
    const limits = checkLimits(undefined, 'test');
    const parity = await loadWeekly(`${GOLDEN}input`, { preset: 'corrected' });
    for (const from of [source('golden'), source('typed', { columns: { date: 'day', profile_id: 'account' } })]) {
      const own = await loadWeekly(from, { preset: 'corrected' });
      await expectSameWindowColumns(from, parity.weekly, own.report, { onError: 'throw', limits }, 'PostgreSQL');
    }
    const want = await loadWeekly(drifting, { preset: 'corrected', onError: 'skip' });
    const dirtySource = source('drifting');
    const own = await loadWeekly(dirtySource, { preset: 'corrected', onError: 'skip' });
    const got = await expectSameWindowColumns(dirtySource, want.weekly, own.report, { onError: 'skip', limits }, 'PostgreSQL');
    expect(got.report.skipped).toBe(DIRTY_REFUSED - 1);
    // Stopping at a refused row, as weekly does; a profile past the span limit is an error naming it, not a row left out.
    const inEngine = (from: ReturnType<typeof source>) => (from as WeeklySource & WindowColumnsSource)[WINDOW_COLUMNS_IN_ENGINE];
    const error = await inEngine(dirtySource)({ onError: 'throw', limits }).catch((e: unknown) => e);
    expect((error as DataError).message).toBe(((await loadWeekly(dirtySource).catch((e: unknown) => e)) as DataError).message);
    const past = await inEngine(source('dirty'))({ onError: 'skip', limits }).catch((e: unknown) => e);
    expect(past).toBeInstanceOf(DataError);
    expect((past as DataError).message).toMatch(/a profile's records span 2\d{3} weeks, more than limits.maxWeeksPerProfile \(1100\)/);
  });

  it('trains the default model in the server (trainInEngine): the model, warnings and row counts of trainModels', async () => {
    const parity = await loadWeekly(`${GOLDEN}input`, { preset: 'corrected' });
    const model = await expectSameTraining(source('typed', { columns: { date: 'day', profile_id: 'account' } }), parity.weekly, { cutoff: '2024-06-30' });
    expect(model.intervals).not.toBeNull();
    expect(Math.min(...Object.values(model.training!.rows.train as Record<string, number>))).toBeGreaterThan(1000);
    // Profiles that start posting late: cold-start heads with intervals of their own.
    const lateWeekly = await loadWeekly(join(dir, 'late'), { preset: 'corrected' });
    expect((await expectSameTraining(source('late'), lateWeekly.weekly, { cutoff: '2024-05-26' })).coldStart?.intervals).toBeTruthy();
    await expectSameTraining(source('late'), lateWeekly.weekly, { cutoff: '2024-05-26', model: 'ridge' });
    const want = await loadWeekly(drifting, { preset: 'corrected', onError: 'skip' });
    await expectSameTraining(source('drifting'), want.weekly, { cutoff: '2024-04-28', onError: 'skip' });
    // Aiming at the mean: Duan's smearing factors, as trainModels computes them (the cold-start heads keep theirs).
    const mean = await expectSameTraining(source('drifting'), want.weekly, { cutoff: '2024-04-28', onError: 'skip', aim: 'mean' });
    expect((mean.estimator as { correction?: string }).correction).toBe('smearing');
    // Linear least squares from its normal equations: the QR fit of trainModels, the design well conditioned.
    await expectSameTraining(source('drifting'), want.weekly, { cutoff: '2024-04-28', onError: 'skip', model: 'linear' });
    // The baselines: nothing fitted, their forecasts scored and calibrated as trainModels scores them.
    for (const model of ['naive', 'window-average'])
      expect((await expectSameTraining(source('drifting'), want.weekly, { cutoff: '2024-04-28', onError: 'skip', model })).intervals).not.toBeNull();
  });

  it('refuses a value past 2^53 as trainModels does, naming the profile, the week and the column', async () => {
    const records = unsummableRecords();
    await loadTextTable(schema, 'unsummable', records);
    const files = join(dir, 'unsummable');
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, 'daily.csv'), `${[DAILY_HEADER, ...records.map((r) => r.join(','))].join('\n')}\n`);
    await expectSameUnsummable(() => source('unsummable'), (await loadWeekly(files, { preset: 'corrected' })).weekly);
  });

  it('refuses a row past the span limit as the CSV reader does: thrown naming its key, or skipped and counted', async () => {
    await expectSpanRefused(source('span'), span, 'PostgreSQL');
  });

  it('refuses and counts the rows the CSV reader refuses, and agrees on the rest (dirty generated data)', async () => {
    const want = await loadWeekly(dirty, { preset: 'corrected', onError: 'skip' });
    const got = await loadWeekly(source('dirty'), { preset: 'corrected', onError: 'skip' });
    sameTable(want.weekly, got.weekly, 'PostgreSQL');
    expectDirtyCounts(want.report, got.report);
    expect(got.report.skippedExamples.map((e) => [e.column, e.reason, e.value]).sort()).toEqual(
      want.report.skippedExamples.map((e) => [e.column, e.reason, e.value]).sort(),
    );
    // Stopping at a bad row: a DataError naming the table and the row's key.
    const error = await loadWeekly(source('dirty')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).file).toBe(`${schema}.dirty (profile_id "", date "2024-03-03")`);
    expect((error as DataError).reason).toBe('profile_id is empty');
  });

  it('reads back every profile id as it is: tabs, backslashes, line breaks, quotes, non-ASCII', async () => {
    const ids = ['tab\there', 'back\\slash\\n', 'line\nbreak', 'quote"d', 'ünï😀', '\\N', 'plain'];
    const records = ids.flatMap((id, k) =>
      ['2024-03-04', '2024-03-05', '2024-03-12'].map((date, d) => [date, id, String(100 + k), '1', String(10 * (k + d)), '0', '0', '50', '60']),
    );
    await loadTextTable(schema, 'ids', records);
    const file = join(dir, 'ids.csv');
    const quote = (f: string) => (/[",\n\r]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
    writeFileSync(file, `${DAILY_HEADER}\n${records.map((r) => r.map(quote).join(',')).join('\n')}\n`);
    const want = await loadWeekly(file, { preset: 'corrected' });
    const got = await loadWeekly(source('ids'), { preset: 'corrected' });
    expect([...got.weekly.profileIds].sort()).toEqual([...ids].sort());
    sameTable(want.weekly, got.weekly, 'PostgreSQL');
  });

  it('reads every number text as the CSV reader does: the same rows kept, the same values, the same refusals', async () => {
    const got = await expectSameDaily(join(dir, 'numbers'), source('numbers'), { onError: 'skip' });
    expect(got.length).toBeGreaterThan(NUMBER_TEXTS.length / 2);
    expect(got.report.skipped).toBeGreaterThan(NUMBER_TEXTS.length / 4);
    const many = await expectSameDaily(join(dir, 'drawn'), source('drawn'), { onError: 'skip' });
    expect(many.length).toBeGreaterThan(300);
    expect(many.report.skipped).toBeGreaterThan(100);
  });

  it('reads daily rows as loadDaily reads the files: all of them, since a day, for some profiles, and the dirty ones', async () => {
    const all = await expectSameDaily(`${GOLDEN}input`, source('golden'));
    expect(all.length).toBeGreaterThan(1000);
    const profiles = all.profileIds.slice(0, 3);
    const some = await expectSameDaily(`${GOLDEN}input`, source('golden'), { since: '2024-06-01', profiles });
    expect(some.length).toBeGreaterThan(0);
    expect(some.report.outsideWindow).toBe(all.length - some.length);
    await expectSameDaily(`${GOLDEN}input`, source('typed', { columns: { date: 'day', profile_id: 'account' } }), { since: '2024-06-01' });
    const dirtyRows = await expectSameDaily(dirty, source('dirty'), { onError: 'skip' });
    // All but the row past the span limit, which only a weekly table refuses.
    expect(dirtyRows.report.skipped).toBe(DIRTY_REFUSED - 1);
    const error = await loadDaily(source('dirty')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).file).toMatch(/dirty \(profile_id /);
    // The session's table of profiles is gone after the read.
    const c = await connect();
    const left = await c.query(`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'ef_profiles'`);
    await c.end();
    expect(left.rows[0]!.n).toBe(0);
  });

  it('predicts and backtests from the table as from the files', async () => {
    const daily = await loadDaily(`${GOLDEN}input`);
    const model = trainModels(daily, { preset: 'corrected', cutoff: '2024-07-30', calibrationWeeks: 4 }).model;
    const { predictions, report } = await predictFiles(model, source('golden'), { asOf: '2024-09-29', since: '2024-03-01', intervals: [0.8] });
    expect(predictions).toEqual(predict(model, daily, { asOf: '2024-09-29', since: '2024-03-01', intervals: [0.8] }));
    expect(report.outsideWindow).toBeGreaterThan(0);
    const { weekly, lastDay } = await loadWeekly(source('typed', { columns: { date: 'day', profile_id: 'account' } }), { preset: 'corrected' });
    // The weekly table's last origin is the daily rows' when the last day read is given.
    const options = { origins: 3, step: 4 };
    expect(backtest(weekly, { ...options, last: formatDay(sundayOnOrBefore(lastDay) - 28) })).toEqual(backtest(daily, options));
  });

  it('predicts a batch of profiles at a time (predictInEngine), with the forecasts, skipped profiles and report of predictFiles', async () => {
    const model = trainModels(await loadDaily(`${GOLDEN}input`), { preset: 'corrected', cutoff: '2024-03-31', calibrationWeeks: 4 }).model;
    await expectBatchedPredictions(source('golden'), model);
    await expectBatchedPredictions(source('dirty'), model, 'skip', [0, 1]);
    await expectBatchedPredictions(source('dirty'), model, 'throw', [0]);
    // A profile past the span limit: its mistyped row refused, the tables extended to the last day kept.
    await expectBatchedPredictions(source('span'), model, 'skip', [0, 1]);
  });

  it('writes the forecasts into a table of the database: the values predict gives, replaced as a whole, or left as they were when the write fails', async () => {
    const daily = await loadDaily(`${GOLDEN}input`);
    const model = trainModels(daily, { preset: 'corrected', cutoff: '2024-07-30', calibrationWeeks: 4 }).model;
    const options = { asOf: '2024-09-29', intervals: [0.8, 0.975] };
    const want = predict(model, daily, options);
    const c = await connect();
    // The table's rows as objects, in a fixed order, dates and numbers as predict writes them.
    const tableRows = async (name: string) =>
      (
        await c.query(
          `SELECT *, to_char(date, 'YYYY-MM-DD') AS date, to_char(prediction_date, 'YYYY-MM-DD') AS prediction_date FROM ${q(name.replaceAll('"', '""'))} ORDER BY profile_id COLLATE "C", future_period COLLATE "C"`,
        )
      ).rows;
    try {
      const table = 'fore"casts';
      const events: { stage: string; rows?: number }[] = [];
      const { predictions, written } = await predictFiles(model, source('golden'), { ...options, into: table, onProgress: (e) => events.push(e) });
      expect(predictions).toEqual(want);
      // The write is heard too, its rows counted up to every forecast.
      expect(events.filter((e) => e.stage === 'write').at(-1)).toEqual({ stage: 'write', rows: want.length });
      expect(written).toEqual({ table: `${schema}.${table}`, rows: want.length });
      const byKey = (a: { profile_id: string; future_period: string }, b: typeof a) =>
        a.profile_id < b.profile_id ? -1 : a.profile_id > b.profile_id ? 1 : a.future_period < b.future_period ? -1 : 1;
      // Every column of the CSV output, with its value (doubles read back exactly), and no other.
      expect(await tableRows(table)).toEqual([...want].sort(byKey).map((p) => ({ ...p })));
      // Written again for fewer profiles, without intervals: the table is replaced, not appended to.
      const one = want[0]!.profile_id;
      await predictFiles(model, source('golden'), { asOf: options.asOf, profiles: [one], into: { table, schema } });
      const again = await tableRows(table);
      expect(again).toEqual(
        predict(model, daily, { asOf: options.asOf, profiles: [one] })
          .sort(byKey)
          .map((p) => ({ ...p })),
      );
      expect(again).toHaveLength(4);
      // A write that fails after the old table is dropped (an event trigger refuses the new one) rejects, naming the
      // table, and leaves the old one as it was: the replacement is one transaction.
      const target = `${q(table.replaceAll('"', '""'))}`;
      await c.query(`CREATE FUNCTION ${q('refuse')}() RETURNS event_trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE objid = '${target.replaceAll("'", "''")}'::regclass) THEN
            RAISE EXCEPTION 'refused by the test';
          END IF;
        END $$`);
      await c.query(`CREATE EVENT TRIGGER ef_refuse_forecasts ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION ${q('refuse')}()`);
      try {
        const failed = predictFiles(model, source('golden'), { ...options, into: table });
        await expect(failed).rejects.toThrow(EngineError);
        await expect(failed).rejects.toThrow(
          /^postgres: cannot write the forecasts; the table is left as it was \(server 127\.0\.0\.1:\d+\/\w+, forecasts table .*\): refused by the test$/,
        );
      } finally {
        await c.query('DROP EVENT TRIGGER ef_refuse_forecasts');
      }
      expect(await tableRows(table)).toEqual(again);
    } finally {
      await c.end();
    }
    // Sources that write no tables say so before reading anything.
    await expect(predictFiles(model, `${GOLDEN}input`, { into: 'forecasts' })).rejects.toThrow(
      'predictFiles: into needs a source that writes tables (postgres(), or duckdb() with a table); files do not',
    );
    await expect(predictFiles(model, source('golden'), { into: '' })).rejects.toThrow('predictFiles: into must be a table name');
  });

  it('writes the forecasts a batch of profiles at a time (predictInEngine): each batch before the next is read, in one transaction', async () => {
    const daily = await loadDaily(`${GOLDEN}input`);
    const model = trainModels(daily, { preset: 'corrected', cutoff: '2024-07-30', calibrationWeeks: 4 }).model;
    const options = { asOf: '2024-09-29', intervals: [0.8, 0.975], batchProfiles: 40 };
    const want = predict(model, daily, { asOf: options.asOf, intervals: options.intervals });
    const byKey = (a: { profile_id: string; future_period: string }, b: typeof a) =>
      a.profile_id < b.profile_id ? -1 : a.profile_id > b.profile_id ? 1 : a.future_period < b.future_period ? -1 : 1;
    const c = await connect();
    const tableRows = async () =>
      (
        await c.query(
          `SELECT *, to_char(date, 'YYYY-MM-DD') AS date, to_char(prediction_date, 'YYYY-MM-DD') AS prediction_date FROM ${q('batched')} ORDER BY profile_id COLLATE "C", future_period COLLATE "C"`,
        )
      ).rows;
    try {
      const events: { stage: string; rows?: number }[] = [];
      const result = await predictInEngine(model, source('golden'), { ...options, into: 'batched', onProgress: (e) => events.push(e) });
      expect(result).not.toHaveProperty('predictions');
      expect(result.written).toEqual({ table: `${schema}.batched`, rows: want.length });
      expect(await tableRows()).toEqual([...want].sort(byKey).map((p) => ({ ...p })));
      // A batch's forecasts are written before the next batch is scored (the server's stream waits meanwhile).
      const scored = expectWrittenInTurn(events);
      // A failure after some batches were written (the progress callback throws): the error, and the table as it was.
      const before = await tableRows();
      await c.query(`DELETE FROM ${q('batched')} WHERE profile_id = $1`, [want[0]!.profile_id]);
      const trimmed = await tableRows();
      expect(trimmed).toHaveLength(before.length - 4);
      const stop = new Error('stopped by the test');
      const stopping = (e: { stage: string; rows?: number }) => {
        if (e.stage === 'predict' && e.rows! > scored[1]!.rows!) throw stop;
      };
      await expect(predictInEngine(model, source('golden'), { ...options, into: 'batched', onProgress: stopping })).rejects.toBe(stop);
      expect(await tableRows()).toEqual(trimmed);
      // A pool of one connection cannot read and write at once: said before anything is read.
      const { default: pg } = await import('pg');
      const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
      await expect(predictInEngine(model, postgres({ pool, schema, table: 'golden' }), { into: 'batched' })).rejects.toThrow(
        `postgres: writing the forecasts while the rows are read takes two connections, and the pool has at most 1 (forecasts table ${schema}.batched)`,
      );
      await pool.end();
    } finally {
      await c.end();
    }
  });

  it('stops the server’s statement when a batch fails, rather than reading the rest of the copy to drop it', async () => {
    // Ids of 2,000 characters: about 100 MB of segments to stream, far more than the sockets' buffers hold.
    const PROFILES = 50_000;
    const c = await connect();
    await c.query(`CREATE TABLE ${q('wide')} (date date, profile_id text, followers bigint, posts int, engagement float8, reach float8, impressions bigint)`);
    await c.query(
      `INSERT INTO ${q('wide')} SELECT date '2024-06-03' + g % 7, repeat('x', 1993) || lpad(g::text, 7, '0'), 1000, 1, 10, 100, 100 FROM generate_series(1, $1) g`,
      [PROFILES],
    );
    await c.end();
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
    // The connection the rows come on, to see how much of the copy it read.
    const clients: PoolClient[] = [];
    const take = pool.connect.bind(pool) as () => Promise<PoolClient>;
    Object.assign(pool, { connect: async () => clients[clients.push(await take()) - 1]! });
    const stop = new Error('stopped by the test');
    try {
      const batches: number[] = [];
      const stopping = (e: { stage: string; rows?: number }) => {
        if (e.stage !== 'predict') return;
        batches.push(e.rows!);
        throw stop;
      };
      await expect(predictInEngine(loadBuiltinModel(), postgres({ pool, schema, table: 'wide' }), { batchProfiles: 100, onProgress: stopping })).rejects.toBe(
        stop,
      );
      expect(batches).toEqual([100]);
      const read = (clients[0] as unknown as { connection: { stream: { bytesRead: number } } }).connection.stream.bytesRead;
      // Without the cancel, the whole copy (PROFILES × 2 KB) was read before the error came back.
      expect(read).toBeLessThan((PROFILES * 2000) / 2);
      // The pool's connection was closed, not given back (a cancel may still be on its way to it): the next read gets another.
      const again = await predictInEngine(loadBuiltinModel(), postgres({ pool, schema, table: 'golden' }), { batchProfiles: 100 });
      expect(again.predictions.length).toBeGreaterThan(0);
      expect(clients).toHaveLength(2);
      expect(clients[1]).not.toBe(clients[0]);
    } finally {
      await pool.end();
    }
  });

  it('checks the table’s columns and names the one at fault', async () => {
    const c = await connect();
    await c.query(`CREATE TABLE ${q('odd')} (date date, profile_id text, followers boolean, posts int, engagement int, reach int, impressions int)`);
    await c.query(`CREATE TABLE ${q('short')} (date date, profile_id text, posts int)`);
    await c.end();
    await expect(loadWeekly(source('odd'))).rejects.toThrow(
      `${schema}.odd (column 'followers'): column 'followers' (the daily followers) has type boolean; expected one of`,
    );
    await expect(loadWeekly(source('short'))).rejects.toThrow("the table has no column 'followers' (the daily followers)");
    await expect(loadWeekly(source('no such table'))).rejects.toThrow(/^postgres: cannot read the table \(server 127\.0\.0\.1:\d+\/postgres, table ef test/);
  });

  it('fails clearly and promptly when the server cannot be reached or does not answer', async () => {
    // A port nobody listens on.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    // The message names the server, never the password of the connection string.
    const refused = await loadWeekly(postgres({ connectionString: `postgres://ef:s3cret-pw@127.0.0.1:${port}/db`, table: 'daily' })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EngineError);
    expect((refused as Error).message).toBe(`postgres: cannot connect (server 127.0.0.1:${port}/db, table daily): connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(JSON.stringify(refused)).not.toContain('s3cret');
    // A server that accepts and never answers: the connection timeout ends the wait.
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    afterAll(() => silent.close());
    const silentPort = (silent.address() as { port: number }).port;
    const started = Date.now();
    await expect(
      loadWeekly(postgres({ connectionString: `postgres://ef@127.0.0.1:${silentPort}/db`, table: 'daily', connectTimeoutMillis: 300 })),
    ).rejects.toThrow(`postgres: cannot connect (server 127.0.0.1:${silentPort}/db, table daily)`);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('loads pg only when a source is read', () => {
    const source = `engine.postgres({ connectionString: ${JSON.stringify(POSTGRES_URL)}, schema: ${JSON.stringify(schema)}, table: 'golden' })`;
    expect(loadedBeforeAndAfter('postgres', "Object.keys(require.cache).some((k) => k.includes('/node_modules/pg/'))", source)).toEqual([false, true]);
  });

  it('runs behind the command line: one command trains from the table', async () => {
    requireBuiltCli();
    const out = join(dir, 'cli');
    mkdirSync(out, { recursive: true });
    const flags = ['--engine', 'postgres', '--url', POSTGRES_URL, '--schema', schema, '--table', 'golden'];
    const train = runCli(dir, 'train', ...flags, '--cutoff', '2024-07-30', '--out', join(out, 'model.json'), '--json', '--quiet');
    const reference = runCli(dir, 'train', '--data', `${GOLDEN}input`, '--cutoff', '2024-07-30', '--out', join(out, 'model-js.json'), '--json', '--quiet');
    expect([train.code, reference.code], train.stderr + reference.stderr).toEqual([0, 0]);
    expect(JSON.parse(train.stdout).metrics).toEqual(JSON.parse(reference.stdout).metrics);
    // Trained where the rows are: the model trainModels gives (the corrected preset).
    const inEngine = runCli(
      dir,
      'train',
      ...flags,
      '--preset',
      'corrected',
      '--in-engine',
      '--cutoff',
      '2024-06-30',
      '--out',
      join(out, 'in-engine.json'),
      '--json',
      '--quiet',
    );
    const inNode = runCli(
      dir,
      'train',
      '--data',
      `${GOLDEN}input`,
      '--preset',
      'corrected',
      '--cutoff',
      '2024-06-30',
      '--out',
      join(out, 'in-node.json'),
      '--json',
      '--quiet',
    );
    expect([inEngine.code, inNode.code], inEngine.stderr + inNode.stderr).toEqual([0, 0]);
    expectSameModel(JSON.parse(readFileSync(join(out, 'in-node.json'), 'utf8')), JSON.parse(readFileSync(join(out, 'in-engine.json'), 'utf8')));
    expect(JSON.parse(inEngine.stdout).rows).toEqual(JSON.parse(inNode.stdout).rows);
    const refused = [
      runCli(dir, 'train', ...flags, '--in-engine', '--out', join(out, 'x.json')),
      runCli(dir, 'train', '--data', `${GOLDEN}input`, '--preset', 'corrected', '--in-engine', '--out', join(out, 'x.json')),
    ];
    expect(refused.map((r) => [r.code, r.stderr.trim()])).toEqual([
      [2, "engagement-forecast: train: --in-engine trains the corrected preset's model: it needs --preset corrected"],
      [2, 'engagement-forecast: train: --in-engine trains where the rows are: it needs --engine duckdb or postgres'],
    ]);
    const predicted = runCli(dir, 'predict', ...flags, '--model', join(out, 'model.json'), '--as-of', '2024-09-29');
    const predictedJs = runCli(dir, 'predict', '--data', `${GOLDEN}input`, '--model', join(out, 'model.json'), '--as-of', '2024-09-29');
    expect([predicted.code, predictedJs.code], predicted.stderr + predictedJs.stderr).toEqual([0, 0]);
    expect(predicted.stdout).toBe(predictedJs.stdout);
    // The nightly job: the forecasts into a table of the database, a summary on stdout.
    const nightly = runCli(dir, 'predict', ...flags, '--model', join(out, 'model.json'), '--as-of', '2024-09-29', '--into', 'nightly', '--json', '--quiet');
    expect(nightly.code, nightly.stderr).toBe(0);
    const forecasts = predictedJs.stdout.trim().split('\n').length - 1;
    expect(JSON.parse(nightly.stdout)).toMatchObject({ into: `${schema}.nightly`, profiles: forecasts / 4, forecasts, skippedRows: 0 });
    const c = await connect();
    const written = await c.query(`SELECT count(*)::int AS n, sum(predicted_engagement) AS total FROM ${q('nightly')}`);
    await c.end();
    const total = predictedJs.stdout
      .trim()
      .split('\n')
      .slice(1)
      .reduce((sum, line) => sum + Number(line.split(',')[3]), 0);
    expect(written.rows[0]!.n).toBe(forecasts);
    expect(Number(written.rows[0]!.total)).toBeCloseTo(total, 6);
    const misused = [
      runCli(dir, 'predict', '--data', `${GOLDEN}input`, '--into', 'nightly'),
      runCli(dir, 'predict', ...flags, '--into', 'nightly', '--out', join(out, 'p.csv')),
    ];
    expect(misused.map((r) => [r.code, r.stderr.trim()])).toEqual([
      [
        2,
        'engagement-forecast: predict: --into writes into a table of the database the rows are in: it needs --engine postgres, or --engine duckdb with --table',
      ],
      [2, 'engagement-forecast: predict: --into writes the forecasts into a table, not to --out or in a --format'],
    ]);
    const tested = runCli(dir, 'backtest', ...flags, '--origins', '2', '--json', '--quiet');
    const testedJs = runCli(dir, 'backtest', '--data', `${GOLDEN}input`, '--origins', '2', '--json', '--quiet');
    expect([tested.code, testedJs.code], tested.stderr + testedJs.stderr).toEqual([0, 0]);
    expect(JSON.parse(tested.stdout)).toEqual(JSON.parse(testedJs.stdout));
    // The command of docs/engines.md, as a user copies it (their server and table for the docs' placeholders).
    const documented = /^npx engagement-forecast (train --engine postgres .*)$/m
      .exec(readFileSync(new URL('../../docs/engines.md', import.meta.url), 'utf8'))![1]!
      .split(' ');
    const copied = documented.map((a) =>
      a.startsWith('postgres://') ? POSTGRES_URL : a === 'model.json' ? join(out, 'documented.json') : a === 'daily' ? 'golden' : a,
    );
    const fromDocs = runCli(dir, ...copied, '--schema', schema, '--quiet');
    expect(fromDocs.code, fromDocs.stderr).toBe(0);
    // The nightly command of docs/cli.md, as a user copies it.
    const nightlyDocs = /^npx engagement-forecast (predict --engine postgres .*)$/m
      .exec(readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8'))![1]!
      .split(' ')
      .map((a) => (a.startsWith('postgres://') ? POSTGRES_URL : a === 'model.json' ? join(out, 'documented.json') : a === 'daily' ? 'golden' : a));
    const fromCliDocs = runCli(dir, ...nightlyDocs, '--schema', schema, '--quiet');
    expect(fromCliDocs.code, fromCliDocs.stderr).toBe(0);
    const c2 = await connect();
    const documentedRows = await c2.query(`SELECT count(*)::int AS n FROM ${q('forecasts')}`);
    await c2.end();
    const documentedJs = runCli(dir, 'predict', '--data', `${GOLDEN}input`, '--model', join(out, 'documented.json'), '--intervals', '80,95');
    expect(documentedJs.code, documentedJs.stderr).toBe(0);
    expect(documentedRows.rows[0]!.n).toBe(documentedJs.stdout.trim().split('\n').length - 1);
    // A server that cannot be reached: exit 1 and one line naming it, not a trace.
    const unreachable = runCli(dir, 'weekly', '--engine', 'postgres', '--url', 'postgres://ef@127.0.0.1:1/db', '--table', 'daily', '--out', join(out, 'x.csv'));
    expect([unreachable.code, unreachable.stderr.trim()]).toEqual([
      1,
      'engagement-forecast: postgres: cannot connect (server 127.0.0.1:1/db, table daily): connect ECONNREFUSED 127.0.0.1:1',
    ]);
    const usage = runCli(dir, 'weekly', '--engine', 'postgres', '--data', 'x', '--out', join(out, 'x.csv'));
    expect([usage.code, usage.stderr.trim()]).toEqual([2, 'engagement-forecast: weekly: with --engine postgres, the rows are read from --table, not --data']);
    const url = runCli(dir, 'weekly', '--data', 'x', '--url', POSTGRES_URL, '--out', join(out, 'x.csv'));
    expect([url.code, url.stderr.trim()]).toEqual([2, 'engagement-forecast: weekly: --url and --schema need --engine postgres']);
  });

  it('checks its options', () => {
    expect(() => postgres({} as never)).toThrow('postgres: table must be the name of a table or view');
    expect(() => postgres({ table: 't', statementTimeoutMillis: 0 })).toThrow('postgres: statementTimeoutMillis must be a positive integer, got 0');
    expect(() => postgres({ table: 't', columns: { day: 'x' } as never })).toThrow('postgres: columns.day is not a daily column');
    expect(() => postgres({ table: 't', connectionString: 'postgres://x', pool: {} as never })).toThrow('postgres: give connectionString or pool, not both');
    expect(() => postgresProfiles({} as never)).toThrow('postgresProfiles: table must be the name of a table or view');
    expect(() => postgresProfiles({ table: 't', maxConnections: 1.5 })).toThrow('postgresProfiles: maxConnections must be a positive integer, got 1.5');
    expect(() => postgresProfiles({ table: 't', columns: { posts: '' } })).toThrow('postgresProfiles: columns.posts must be a column name');
  });
});
