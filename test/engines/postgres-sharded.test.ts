// PostgreSQL past one machine: a coordinator whose daily table is
// hash-partitioned on the profile into foreign partitions on shard servers
// (postgres_fdw). The weekly table read through the coordinator equals the
// one read from a single server (and the CSV path's), and the grouping runs
// on the shards: each partition's GROUP BY is sent to its server.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDay } from '../../src/calendar.js';
import { postgres, type PostgresPoolLike } from '../../src/engines/postgres.js';
import { loadDaily, loadWeekly, predictInEngine, trainModels } from '../../src/index.js';
import { parseLooseNumber } from '../../src/io/numbers.js';
import { csvRecords, DAILY_HEADER, expectSameTraining, expectSameWindowColumns, sameTable, writeDirtyData } from '../helpers/engines.js';
import { WINDOW_COLUMNS_IN_ENGINE, type WindowColumnsSource } from '../../src/engines/common.js';
import { checkLimits } from '../../src/schema.js';
import type { WeeklySource } from '../../src/index.js';
import { connect, POSTGRES_URL, skipPostgres, testSchema } from '../helpers/postgres.js';
import { GOLDEN } from '../helpers/reference.js';
import { skipUnless } from '../helpers/skip.js';
import { tempDir } from '../helpers/tmp.js';

const SHARD_URLS = (process.env.EF_POSTGRES_SHARD_URLS ?? '').split(',').filter((u) => u !== '');
const skip =
  skipPostgres() ||
  skipUnless(SHARD_URLS.length >= 2, 'two PostgreSQL shard servers (EF_POSTGRES_SHARD_URLS; .ci/run and scripts/postgres-cluster.sh 2 start them)');

/** The typed columns of the daily table, on the coordinator, the shards and the single server alike. */
const TYPED = 'date date, profile_id text, followers float8, posts float8, engagement float8, reach float8, impressions float8';

/** Records as typed values by the reader's rules: a date that is not one NULL, numbers as the reader reads them (NaN: not a number). */
function typedColumns(records: readonly string[][]): unknown[][] {
  const at = (name: string) => DAILY_HEADER.split(',').indexOf(name);
  const day = (text: string) => {
    const d = parseDay(text);
    return Number.isNaN(d) ? null : text;
  };
  return [
    records.map((r) => day(r[at('date')]!)),
    records.map((r) => r[at('profile_id')]!),
    ...['followers', 'posts', 'engagement', 'reach', 'impressions'].map((c) => records.map((r) => parseLooseNumber(r[at(c)]!))),
  ];
}

describe.skipIf(skip)('postgres() through a coordinator of shards (postgres_fdw)', () => {
  const dir = tempDir('ef-sharded-');
  const dirty = join(dir, 'dirty');
  const schema = testSchema('ef sharded');
  const q = (name: string) => `"${schema.replaceAll('"', '""')}"."${name}"`;
  const tag = `ef_shard_${process.pid}`;
  const source = (table: string) => postgres({ connectionString: POSTGRES_URL, schema, table });

  beforeAll(async () => {
    await writeDirtyData(dirty);
    const { default: pg } = await import('pg');
    const c = await connect();
    await c.query('CREATE EXTENSION IF NOT EXISTS postgres_fdw');
    for (const table of ['golden', 'dirty']) {
      // On each shard, the partition's table; on the coordinator, its server and the foreign partition.
      await c.query(`CREATE TABLE ${q(table)} (${TYPED}) PARTITION BY HASH (profile_id)`);
      for (const [i, url] of SHARD_URLS.entries()) {
        const shard = new pg.Client({ connectionString: url });
        await shard.connect();
        await shard.query(`DROP TABLE IF EXISTS ${tag}_${table}; CREATE TABLE ${tag}_${table} (${TYPED})`);
        await shard.end();
        if (table === 'golden') {
          const { hostname, port, username, pathname } = new URL(url);
          await c.query(`CREATE SERVER ${tag}_${i} FOREIGN DATA WRAPPER postgres_fdw
            OPTIONS (host '${hostname}', port '${port}', dbname '${pathname.slice(1)}', async_capable 'true', batch_size '1000')`);
          await c.query(`CREATE USER MAPPING FOR CURRENT_USER SERVER ${tag}_${i} OPTIONS (user '${username}')`);
        }
        await c.query(`CREATE FOREIGN TABLE ${q(`${table}_${i}`)} PARTITION OF ${q(table)}
          FOR VALUES WITH (MODULUS ${SHARD_URLS.length}, REMAINDER ${i}) SERVER ${tag}_${i} OPTIONS (schema_name 'public', table_name '${tag}_${table}')`);
      }
      // The same rows in a plain table of the coordinator: the single server.
      await c.query(`CREATE TABLE ${q(`${table}_single`)} (${TYPED})`);
      const columns = typedColumns(csvRecords(table === 'golden' ? `${GOLDEN}input` : dirty));
      const rows = `SELECT * FROM unnest($1::date[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[])`;
      await c.query(`INSERT INTO ${q(`${table}_single`)} ${rows}`, columns);
      await c.query(`INSERT INTO ${q(table)} SELECT * FROM ${q(`${table}_single`)}`);
    }
    await c.end();
  });

  afterAll(async () => {
    const c = await connect();
    for (const i of SHARD_URLS.keys()) await c.query(`DROP SERVER IF EXISTS ${tag}_${i} CASCADE`);
    await c.end();
    const { default: pg } = await import('pg');
    for (const url of SHARD_URLS) {
      const shard = new pg.Client({ connectionString: url });
      await shard.connect();
      await shard.query(`DROP TABLE IF EXISTS ${tag}_golden, ${tag}_dirty`);
      await shard.end();
    }
  });

  it('holds the rows on the shards, each profile on one', async () => {
    const c = await connect();
    const counts = await Promise.all(SHARD_URLS.map((_, i) => c.query(`SELECT count(DISTINCT profile_id)::int AS n FROM ${q(`golden_${i}`)}`)));
    const all = await c.query(`SELECT count(DISTINCT profile_id)::int AS n FROM ${q('golden_single')}`);
    await c.end();
    for (const r of counts) expect(r.rows[0]!.n).toBeGreaterThan(0);
    expect(counts.reduce((n, r) => n + (r.rows[0]!.n as number), 0)).toBe(all.rows[0]!.n);
  });

  it('gives the single server’s and the CSV path’s weekly table on the parity fixture, and the same models (both presets)', async () => {
    for (const preset of ['notebook', 'corrected'] as const) {
      const csv = await loadWeekly(`${GOLDEN}input`, { preset });
      const single = await loadWeekly(source('golden_single'), { preset });
      const sharded = await loadWeekly(source('golden'), { preset });
      sameTable(csv.weekly, single.weekly, 'PostgreSQL');
      sameTable(single.weekly, sharded.weekly, 'PostgreSQL through the coordinator');
      expect(sharded.report).toEqual(single.report);
      expect(sharded.report.rows).toBe(csv.report.rows);
      expect(JSON.stringify(trainModels(sharded.weekly).model)).toBe(JSON.stringify(trainModels(single.weekly).model));
    }
    // Forecasts a batch of profiles at a time, as the single server's.
    const model = trainModels(await loadDaily(`${GOLDEN}input`), { preset: 'corrected', cutoff: '2024-03-31', calibrationWeeks: 4 }).model;
    const options = { asOf: '2024-06-16', intervals: [0.8], batchProfiles: 9 };
    const single = await predictInEngine(model, source('golden_single'), options);
    expect(single.predictions.length).toBeGreaterThan(0);
    expect(await predictInEngine(model, source('golden'), options)).toEqual(single);
  });

  it('computes the corrected window columns through the coordinator as the single server and the JS path do', async () => {
    const csv = await loadWeekly(`${GOLDEN}input`, { preset: 'corrected' });
    const sharded = source('golden');
    const own = await loadWeekly(sharded, { preset: 'corrected' });
    const request = { onError: 'throw' as const, limits: checkLimits(undefined, 'test') };
    const through = await expectSameWindowColumns(sharded, csv.weekly, own.report, request, 'PostgreSQL through the coordinator');
    const single = await (source('golden_single') as WeeklySource & WindowColumnsSource)[WINDOW_COLUMNS_IN_ENGINE](request);
    expect(through.columns).toEqual(single.columns);
    // And the model trained through the coordinator: trainModels'.
    await expectSameTraining(sharded, csv.weekly, { cutoff: '2024-06-30' });
  });

  it('refuses and counts the same rows as the single server on dirty data', async () => {
    const single = await loadWeekly(source('dirty_single'), { preset: 'corrected', onError: 'skip' });
    const sharded = await loadWeekly(source('dirty'), { preset: 'corrected', onError: 'skip' });
    expect(single.report.skipped).toBeGreaterThan(0);
    sameTable(single.weekly, sharded.weekly, 'PostgreSQL through the coordinator');
    // The same report, but for the table's name in the examples.
    const named = (report: typeof single.report, table: string) => ({
      ...report,
      skippedExamples: report.skippedExamples.map((e) => ({ ...e, message: e.message.replace(table, 'T'), file: e.file.replace(table, 'T') })),
    });
    expect(named(sharded.report, `${schema}.dirty `)).toEqual(named(single.report, `${schema}.dirty_single `));
    // The daily rows too, since a day.
    const rows = async (table: string) => {
      const frame = await loadDaily(source(table), { onError: 'skip', since: '2024-03-01' });
      return {
        records: frame
          .toRecords()
          .map((r) => JSON.stringify(r))
          .sort(),
        report: named(frame.report, `${schema}.${table} `),
      };
    };
    const [one, through] = await Promise.all([rows('dirty_single'), rows('dirty')]);
    expect(one.records.length).toBeGreaterThan(0);
    expect(through).toEqual(one);
  });

  it('groups each partition on its shard: the plan of the query it runs sends every GROUP BY', async () => {
    // The statements the source sends, seen through a pool of real connections.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
    const sent: string[] = [];
    const seen: PostgresPoolLike = {
      async connect() {
        const client = await pool.connect();
        const query = client.query.bind(client) as (config: unknown) => Promise<{ rows: unknown[][] }>;
        return Object.assign(Object.create(client) as typeof client, {
          query(config: { text?: string; submit?: (connection: { query(text: string): void }) => void }) {
            if (typeof config.submit === 'function') {
              const submit = config.submit.bind(config);
              config.submit = (connection) => submit({ query: (text: string) => (sent.push(text), connection.query(text)) });
            } else if (config.text) sent.push(config.text);
            return query(config);
          },
          release: (error?: Error | boolean) => client.release(error),
        });
      },
    };
    const from = postgres({ pool: seen, schema, table: 'golden' });
    const { weekly } = await loadWeekly(from, { preset: 'corrected' });
    expect(weekly.length).toBeGreaterThan(0);
    // And the query that sends the segments in batches (profile order).
    const model = trainModels(weekly, { cutoff: '2024-03-31' }).model;
    expect((await predictInEngine(model, from, { asOf: '2024-06-16' })).predictions.length).toBeGreaterThan(0);
    // And the segments the window columns are computed from in the engine (a temporary table of the coordinator).
    expect(
      (await (from as typeof from & WindowColumnsSource)[WINDOW_COLUMNS_IN_ENGINE]({ onError: 'throw', limits: checkLimits(undefined, 'test') })).sunday.length,
    ).toBe(weekly.length);
    await pool.end();
    expect(sent).toContain('SET LOCAL enable_partitionwise_aggregate = on');
    const copies = sent.filter((t) => t.startsWith('COPY ('));
    expect(copies).toHaveLength(2);
    const made = 'CREATE TEMPORARY TABLE ef_segments ON COMMIT DROP AS ';
    const tables = sent.filter((t) => t.startsWith(made));
    expect(tables).toHaveLength(1);
    const c = await connect();
    for (const [k, copy] of [...copies, ...tables].entries()) {
      const segments = copy.startsWith(made) ? copy.slice(made.length) : copy.slice('COPY ('.length, copy.lastIndexOf(') TO STDOUT'));
      // The plan under the settings the source made for its query.
      for (const set of sent.filter((t) => t.startsWith('SET LOCAL '))) await c.query(set.replace('SET LOCAL ', 'SET '));
      const plan = (await c.query(`EXPLAIN (VERBOSE, COSTS OFF) ${segments}`)).rows.map((r) => String(r['QUERY PLAN'])).join('\n');
      const remote = plan.split('\n').filter((line) => line.includes('Remote SQL:'));
      expect(remote, plan).toHaveLength(SHARD_URLS.length);
      for (const line of remote) expect(line, plan).toMatch(/GROUP BY/);
      expect(plan.match(/Relations: Aggregate on/g) ?? [], plan).toHaveLength(SHARD_URLS.length);
      // No grouping left to the coordinator but the append of the shards' groups (in the batches' query, one
      // aggregate of them: their first and last Sundays and last day, for the first row).
      expect(plan, plan).not.toMatch(/HashAggregate|GroupAggregate/);
      expect(plan.match(/-> {2}Aggregate\b/g) ?? [], plan).toHaveLength(k === 1 ? 1 : 0);
    }
    await c.end();
  });
});
