// npm run bench:engines -- [--rows 1e6|1e7|3.3e7] [--seed N] [--threads N] [--engine duckdb|postgres|postgres-sharded] [--only stage,stage]
//
// The weekly table and the four models through each engine, on the same
// daily files (generated, or reused from .bench-cache/ as `npm run bench`
// leaves them), each stage in a process of its own so that its peak RSS is
// its own: the JS fast path (`loadWeekly(files)`), DuckDB over the CSV files
// (`loadWeekly(duckdb({ files }))`), DuckDB's bare weekly-sums query on the
// same files (the reference: a GROUP BY with nothing checked and nothing
// brought back but its sums' totals), the segments' own GROUP BY with
// nothing checked (with Node's part after the segments, the least a DuckDB
// path can take), then the same from Parquet with the types DuckDB detects
// (`followers` stays text: the files write `undefined` for a missing value),
// the export timed apart; and the same rows exported to Parquet in profile
// and date order, as a table kept by profile would be written, read the same way.
// With `--engine postgres` (a server named by EF_POSTGRES_URL; start a
// throwaway one with scripts/postgres-cluster.sh): the rows loaded into a
// typed table `bench_daily` by the server's COPY (timed apart, skipped when
// the table already holds them), the server's bare weekly-sums GROUP BY on
// it (every sum computed and streamed to this process by COPY; and, as the
// first runs measured it, with only its groups counted, which lets the server
// drop the sums), and `loadWeekly(postgres({ table }))` with the four
// models, the weekly table's time reported apart; the RSS is Node's (the
// server's memory is its own).
// With `--engine postgres-sharded` (shard servers named by
// EF_POSTGRES_SHARD_URLS too: `pg_cluster_start 2`): the same table, and
// its rows hash-partitioned on the profile into foreign partitions on the
// shards (postgres_fdw; the copy through the coordinator timed apart), read
// through the coordinator beside the one server's table; and the source's
// own query with the grouping left to the coordinator (partitionwise
// grouping off, every row pulled from the shards), as the reference.
// With `--engine postgres`, also the nightly job: every profile forecast with
// intervals and written into a table of the server (`predictFiles` with
// `into`, then `predictInEngine`, a batch of profiles at a time), timed
// beside the bare weekly sums; with DuckDB, the same two into a table of a
// database file made from the Parquet file in profile order.
// Prints a table with the ratios; runs against the built package (dist/).
import { spawnSync } from 'node:child_process';
import { createReadStream, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDay } from 'engagement-forecast/calendar';
import {
  CORRECTED_EXTRA_COLUMNS,
  DEFAULT_LIMITS,
  VERSION,
  dailyFromRows,
  loadWeekly,
  predictFiles,
  predictInEngine,
  trainInEngine,
  trainModels,
  type EngagementModel,
  type PredictInEngineOptions,
  type WeeklySource,
  type WrittenForecasts,
} from 'engagement-forecast';
import { generateDailyRows } from 'engagement-forecast/generate';
import { duckdb } from 'engagement-forecast/duckdb';
import { postgres } from 'engagement-forecast/postgres';
import { benchData, benchDataDir, peakRss, ROWS_PER_PROFILE } from './common.js';

/** The sources' window columns in the engine (a registered symbol: the same in the built library). */
const WINDOW_COLUMNS_IN_ENGINE = Symbol.for('engagement-forecast.windowColumnsInEngine');
/** The corrected preset's window columns (features/windows.ts), as the sources compute them in the engine. */
const WINDOW_COLUMN_NAMES = CORRECTED_EXTRA_COLUMNS;

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1e6' },
    seed: { type: 'string', default: '1' },
    threads: { type: 'string' },
    engine: { type: 'string', default: 'duckdb' },
    stage: { type: 'string' },
    only: { type: 'string' },
  },
});
const rowsWanted = Number(values.rows);
const seed = Number(values.seed);
const profiles = Math.max(1, Math.round(rowsWanted / ROWS_PER_PROFILE));
const root = new URL('..', import.meta.url).pathname;
const dataDir = benchDataDir(profiles, seed);
const parquet = join(root, '.bench-cache', `v${VERSION}-profiles-${profiles}-seed-${seed}.parquet`);
const sortedParquet = parquet.replace(/\.parquet$/, '-by-profile.parquet');
const duckdbFile = parquet.replace(/\.parquet$/, '.duckdb');
const threads = values.threads ? Number(values.threads) : undefined;
const url = process.env.EF_POSTGRES_URL ?? '';
const shardUrls = (process.env.EF_POSTGRES_SHARD_URLS ?? '').split(',').filter((u) => u !== '');
if (values.engine === 'postgres-sharded' && shardUrls.length < 2) throw new Error('--engine postgres-sharded: set EF_POSTGRES_SHARD_URLS (pg_cluster_start 2)');
if (values.engine!.startsWith('postgres') && !url)
  throw new Error('--engine postgres: set EF_POSTGRES_URL (scripts/postgres-cluster.sh starts a throwaway server)');
const table = `bench_daily_${profiles}_${seed}`;

/** The seconds to the weekly table, where a stage reports it apart from the training. */
let weeklySeconds: number | undefined;
/** The seconds to the segments in Node (the read event), where a stage reports it. */
let readSeconds: number | undefined;
/** The sharded query's time with every row pulled to the coordinator, over its time grouped on the shards. */
let pulledRatio: number | undefined;
/** The seconds to every profile's forecasts in a table of the server, where a stage reports it. */
let scoreSeconds: number | undefined;

const STAGES: Record<string, () => Promise<string>> = {
  async js() {
    const { weekly } = await loadWeekly(dataDir);
    trainModels(weekly);
    return `${weekly.length} weekly rows`;
  },
  async 'duckdb csv'() {
    // When the segments are in (the read event), beside the whole stage: what follows is Node's work alone.
    const t0 = performance.now();
    let read = 0;
    const { weekly } = await loadWeekly(duckdb({ files: dataDir, ...(threads ? { threads } : {}) }), {
      onProgress: (e) => void (e.stage === 'read' && (read = performance.now())),
    });
    readSeconds = (read - t0) / 1000;
    trainModels(weekly);
    return `${weekly.length} weekly rows; segments in ${readSeconds.toFixed(1)} s`;
  },
  'duckdb parquet': () => fromParquet(parquet),
  // The corrected preset's 16 window columns (the pooled windows, EWMs, median, level filters): in Node from the
  // weekly table the JS fast path builds, then in DuckDB from the same files (features/sql-week.ts).
  async 'js window columns'() {
    const { weekly } = await loadWeekly(dataDir, { preset: 'corrected' });
    for (const name of WINDOW_COLUMN_NAMES) weekly.column(name);
    return `${weekly.length} weekly rows`;
  },
  'duckdb window columns': () => windowColumnsInEngine(duckdb({ files: dataDir, ...(threads ? { threads } : {}) })),
  // The corrected preset's default model: the weekly table in Node, then trainModels (the path of the weekly table
  // through the engine), and trained where the rows are (trainInEngine).
  'duckdb corrected': () => correctedInNode(duckdb({ files: dataDir, ...(threads ? { threads } : {}) })),
  'duckdb train in engine': () => correctedInEngine(duckdb({ files: dataDir, ...(threads ? { threads } : {}) })),
  'duckdb parquet by profile': () => fromParquet(sortedParquet),
  async 'bare query csv'() {
    return bare(`read_csv('${dataDir}/**/*.csv*', header = true, union_by_name = true)`);
  },
  async 'bare query parquet'() {
    return bare(`read_parquet('${parquet}')`);
  },
  async 'bare segments csv'() {
    // The segments' GROUP BY as the source runs it (every aggregate, kept in a table), on the columns read as DuckDB
    // types them, nothing checked: the least the DuckDB source's query can cost.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', { preserve_insertion_order: 'false', ...(threads ? { threads: String(threads) } : {}) });
    const c = await instance.connect();
    await c.run(`CREATE TEMP TABLE segments AS
      SELECT id, sunday, min(day), max(day), count(*), sum(posts), sum(engagement), sum(reach), sum(impressions), sum(f), count(f),
             arg_max(f, (day, f)) FILTER (WHERE f IS NOT NULL), max(day) FILTER (WHERE f IS NOT NULL), bit_or(1 << (sunday - day))
      FROM (SELECT profile_id AS id, CAST(date - DATE '1970-01-01' AS INTEGER) AS day, day + (((3 - day) % 7) + 7) % 7 AS sunday,
                   posts, engagement, reach, impressions, TRY_CAST(followers AS DOUBLE) AS f
            FROM read_csv('${dataDir}/**/*.csv*', header = true, union_by_name = true))
      GROUP BY id, sunday, month(DATE '1970-01-01' + sunday) <> month(DATE '1970-01-01' + day)`);
    const r = await c.runAndReadAll('SELECT count(*) FROM segments');
    return `${String(r.getRows()[0]![0])} segments`;
  },
  async postgres() {
    // When the segments are in (the read event) and when the weekly table is built, beside the whole stage.
    const t0 = performance.now();
    let read = 0;
    const { weekly } = await loadWeekly(postgres({ connectionString: url, table }), {
      onProgress: (e) => void (e.stage === 'read' && (read = performance.now())),
    });
    const built = performance.now();
    weeklySeconds = (built - t0) / 1000;
    trainModels(weekly);
    return `${weekly.length} weekly rows; segments in ${((read - t0) / 1000).toFixed(1)} s, weekly table ${((built - t0) / 1000).toFixed(1)} s`;
  },
  // The nightly job: every profile of the table forecast as of its last complete week, with intervals, and written
  // into a table of the same database, with the whole weekly table in Node, then a batch of profiles at a time.
  'postgres into': () => nightly(predictFiles, postgres({ connectionString: url, table }), `${table}_forecasts`),
  'postgres in batches': () => nightly(predictInEngine, postgres({ connectionString: url, table }), `${table}_forecasts`),
  'postgres window columns': () => windowColumnsInEngine(postgres({ connectionString: url, table })),
  'postgres corrected': () => correctedInNode(postgres({ connectionString: url, table })),
  'postgres train in engine': () => correctedInEngine(postgres({ connectionString: url, table })),
  async 'bare query postgres'() {
    // The weekly sums computed and sent: every row of the GROUP BY streamed to this process by COPY, its lines counted.
    return withPg(async (_query, client) => {
      let lines = 0;
      await copyOut(
        client,
        `COPY (SELECT profile_id, date_trunc('week', date) AS week, count(*), sum(followers), sum(posts), sum(engagement), sum(reach), sum(impressions)
          FROM ${table} GROUP BY 1, 2) TO STDOUT`,
        (chunk) => {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        },
      );
      return `${lines} weekly rows`;
    });
  },
  async 'bare count postgres'() {
    // Only the groups counted: the server drops the sums nothing reads, so this is the GROUP BY alone.
    return withPg(async (query) => {
      const rows = await query(`SELECT count(*) FROM (
          SELECT profile_id, date_trunc('week', date) AS week, count(*), sum(followers), sum(posts), sum(engagement), sum(reach), sum(impressions)
          FROM ${table} GROUP BY 1, 2) AS t`);
      return `${rows[0]!.count} weekly rows`;
    });
  },
  async 'shard postgres'() {
    // The loaded table's rows, hash-partitioned on the profile into a foreign partition per shard.
    const { default: pg } = await import('pg');
    const typed = 'date date, profile_id text, followers bigint, posts bigint, engagement float8, reach float8, impressions float8';
    for (const shard of shardUrls) {
      const c = new pg.Client({ connectionString: shard });
      await c.connect();
      await c.query(`DROP TABLE IF EXISTS ${table}_part; CREATE TABLE ${table}_part (${typed})`);
      await c.end();
    }
    return withPg(async (query) => {
      await query('CREATE EXTENSION IF NOT EXISTS postgres_fdw');
      await query(`DROP TABLE IF EXISTS ${table}_sharded`);
      await query(`CREATE TABLE ${table}_sharded (${typed}) PARTITION BY HASH (profile_id)`);
      for (const [i, shard] of shardUrls.entries()) {
        const { hostname, port, username, pathname } = new URL(shard);
        await query(`DROP SERVER IF EXISTS bench_shard_${i} CASCADE`);
        await query(`CREATE SERVER bench_shard_${i} FOREIGN DATA WRAPPER postgres_fdw
          OPTIONS (host '${hostname}', port '${port}', dbname '${pathname.slice(1)}', async_capable 'true', batch_size '1000')`);
        await query(`CREATE USER MAPPING FOR CURRENT_USER SERVER bench_shard_${i} OPTIONS (user '${username}')`);
        await query(`CREATE FOREIGN TABLE ${table}_sharded_${i} PARTITION OF ${table}_sharded
          FOR VALUES WITH (MODULUS ${shardUrls.length}, REMAINDER ${i}) SERVER bench_shard_${i} OPTIONS (table_name '${table}_part')`);
      }
      await query(`INSERT INTO ${table}_sharded SELECT date, profile_id, followers, posts, engagement, reach, impressions FROM ${table}`);
      await query(`ANALYZE ${table}_sharded`);
      return `${shardUrls.length} shards`;
    });
  },
  async 'postgres sharded'() {
    const { weekly } = await loadWeekly(postgres({ connectionString: url, table: `${table}_sharded` }));
    trainModels(weekly);
    return `${weekly.length} weekly rows`;
  },
  async 'query sharded'() {
    // The source's query on the sharded table (captured from a read whose COPY is not run), streamed here as the source
    // sets it (each partition grouped on its shard), then with the grouping left to the coordinator (every row pulled).
    const { default: pg } = await import('pg');
    const sent: string[] = [];
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const seen = {
      async connect() {
        const client = await pool.connect();
        const query = client.query.bind(client) as (config: unknown) => Promise<unknown>;
        return Object.assign(Object.create(client) as typeof client, {
          query(config: { text?: string; submit?: (connection: { query(text: string): void }) => void }) {
            if (typeof config.submit === 'function') {
              const submit = config.submit.bind(config);
              // Captured, not run: the statement is the point.
              config.submit = (connection) => submit({ query: (text: string) => (sent.push(text), connection.query('SELECT 1 WHERE false')) });
            }
            return query(config);
          },
          release: (error?: Error | boolean) => client.release(error),
        });
      },
    };
    await loadWeekly(postgres({ pool: seen as never, table: `${table}_sharded` })).catch(() => undefined);
    await pool.end();
    const copy = sent.find((t) => t.startsWith('COPY ('))!;
    return withPg(async (_query, client) => {
      const seconds: number[] = [];
      for (const partitionwise of ['on', 'off']) {
        await client.query(`SET enable_partitionwise_aggregate = ${partitionwise}`);
        await client.query('SET cpu_operator_cost = 0');
        const t = performance.now();
        await copyOut(client, copy, () => undefined);
        seconds.push((performance.now() - t) / 1000);
      }
      pulledRatio = seconds[1]! / seconds[0]!;
      return `the query grouped on the shards ${seconds[0]!.toFixed(2)} s, every row pulled to the coordinator ${seconds[1]!.toFixed(2)} s`;
    });
  },
  async 'load postgres'() {
    return withPg(async (query) => {
      const have = await query(`SELECT count(*)::float8 AS n FROM pg_tables WHERE tablename = $1`, [table]);
      if (Number(have[0]?.n) > 0) return 'already loaded';
      const files = readdirSync(dataDir, { recursive: true })
        .map((f) => join(dataDir, String(f)))
        .filter((f) => /\.csv(\.gz)?$/.test(f))
        .sort();
      await query(`CREATE TABLE ${table}_loading (date date, profile_id text, followers bigint, posts bigint, engagement float8, likes float8, comments float8,
          reach float8, impressions float8)`);
      // The server reads the files itself; the export writes 'undefined' for a missing followers count.
      for (const f of files) {
        const from = f.endsWith('.gz') ? `PROGRAM 'gzip -dc ${f}'` : `'${f}'`;
        await query(`COPY ${table}_loading FROM ${from} (FORMAT csv, HEADER true, NULL 'undefined')`);
      }
      await query(`ANALYZE ${table}_loading`);
      await query(`ALTER TABLE ${table}_loading RENAME TO ${table}`);
      const n = await query(`SELECT count(*) AS n FROM ${table}`);
      return `${n[0]!.n} rows`;
    });
  },
  async 'load duckdb table'() {
    // A DuckDB database file with the rows in a `daily` table (typed, from the Parquet file in profile order), for the nightly job.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    rmSync(duckdbFile, { force: true });
    const instance = await DuckDBInstance.create(duckdbFile, threads ? { threads: String(threads) } : {});
    const c = await instance.connect();
    await c.run(`CREATE TABLE daily AS SELECT * FROM read_parquet('${sortedParquet}')`);
    const r = await c.runAndReadAll('SELECT count(*) FROM daily');
    c.closeSync();
    instance.closeSync();
    return `${String(r.getRows()[0]![0])} rows`;
  },
  // The same nightly job on the DuckDB file, into a table of the same file.
  'duckdb into': () => nightly(predictFiles, duckdb({ database: duckdbFile, table: 'daily', ...(threads ? { threads } : {}) }), 'forecasts'),
  'duckdb in batches': () => nightly(predictInEngine, duckdb({ database: duckdbFile, table: 'daily', ...(threads ? { threads } : {}) }), 'forecasts'),
  'export parquet': () => exportParquet(parquet, ''),
  'export parquet by profile': () => exportParquet(sortedParquet, ' ORDER BY profile_id, date'),
};

/** The cutoff of the corrected trainings: the data's last complete week, less the 28 days of the longest horizon and 8 weeks. */
const CORRECTED_CUTOFF = '2024-10-27';

/** The corrected preset's default model from the weekly table of `source` in this process (`loadWeekly`, `trainModels`). */
async function correctedInNode(source: WeeklySource): Promise<string> {
  const { weekly } = await loadWeekly(source, { preset: 'corrected' });
  const { model } = trainModels(weekly, { preset: 'corrected', cutoff: CORRECTED_CUTOFF });
  return `${weekly.length} weekly rows; 7-day intercept ${model.models.engagement_future_7d.intercept.toFixed(6)}`;
}

/** The same model trained where the rows of `source` are (`trainInEngine`). */
async function correctedInEngine(source: WeeklySource): Promise<string> {
  const { model, rows } = await trainInEngine(source, { cutoff: CORRECTED_CUTOFF });
  return `${rows.weekly} weekly rows; 7-day intercept ${model.models.engagement_future_7d.intercept.toFixed(6)}`;
}

/** The window columns of the corrected preset computed in the engine of `source`, read back to this process. */
async function windowColumnsInEngine(source: WeeklySource): Promise<string> {
  const inEngine = (source as unknown as Record<symbol, (request: unknown) => Promise<{ sunday: Float64Array }>>)[WINDOW_COLUMNS_IN_ENGINE]!;
  const { from, to, maxRecordBytes, maxWeeksPerProfile } = DEFAULT_LIMITS;
  const limits = { firstDay: parseDay(from), lastDay: parseDay(to), maxRecordBytes, maxWeeksPerProfile };
  const { sunday } = await inEngine.call(source, { onError: 'throw', limits });
  return `${sunday.length} weekly rows`;
}

/**
 * The nightly job through `run` (`predictFiles` or `predictInEngine`): every profile of `source` forecast with
 * 80 % and 95 % intervals into the table `into`, timed (`scoreSeconds`). The model (corrected, trained on generated
 * rows apart from the table) is not timed.
 */
async function nightly(
  run: (model: EngagementModel, source: WeeklySource, options: PredictInEngineOptions) => Promise<{ written?: WrittenForecasts }>,
  source: WeeklySource,
  into: string,
): Promise<string> {
  const model = trainModels(dailyFromRows([...generateDailyRows({ profiles: 2000, from: '2023-01-01', to: '2024-12-31', seed: 7 })]), {
    preset: 'corrected',
    cutoff: '2024-10-31',
  }).model;
  const t0 = performance.now();
  const { written } = await run(model, source, { intervals: [0.8, 0.95], into });
  scoreSeconds = (performance.now() - t0) / 1000;
  return `${written!.rows} forecasts written into ${written!.table} in ${scoreSeconds.toFixed(1)} s`;
}

/** The weekly table through DuckDB from a Parquet file, and the four models. */
async function fromParquet(path: string): Promise<string> {
  const { weekly } = await loadWeekly(duckdb({ parquet: path, ...(threads ? { threads } : {}) }));
  trainModels(weekly);
  return `${weekly.length} weekly rows`;
}

/** The CSV files' rows exported by DuckDB to a Parquet file (in the files' order, or as `orderBy` says). */
async function exportParquet(path: string, orderBy: string): Promise<string> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const c = await instance.connect();
  await c.run(`COPY (SELECT * FROM read_csv('${dataDir}/**/*.csv*', header = true, union_by_name = true)${orderBy}) TO '${path}' (FORMAT parquet)`);
  return `${(statSync(path).size / 1e9).toFixed(2)} GB`;
}

/** DuckDB's own weekly sums of the rows, counted in DuckDB: what an engine does at the least. */
async function bare(relation: string): Promise<string> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const c = await instance.connect();
  // Every sum is read by the outer query: DuckDB drops the aggregates nothing reads (a bare count(*) would time the grouping alone).
  const r = await c.runAndReadAll(`SELECT count(*), sum(n), sum(f), sum(p), sum(e), sum(r), sum(i) FROM (
      SELECT profile_id, date_trunc('week', CAST(date AS DATE)) AS week, count(*) AS n, sum(TRY_CAST(followers AS DOUBLE)) AS f, sum(TRY_CAST(posts AS DOUBLE)) AS p,
             sum(TRY_CAST(engagement AS DOUBLE)) AS e, sum(TRY_CAST(reach AS DOUBLE)) AS r, sum(TRY_CAST(impressions AS DOUBLE)) AS i
      FROM ${relation} GROUP BY ALL)`);
  return `${String(r.getRows()[0]![0])} weekly rows`;
}

type PgClient = import('pg').Client;

/** Runs `work` with a client of the bench's server. */
async function withPg(
  work: (query: (text: string, values?: unknown[]) => Promise<Record<string, number>[]>, client: PgClient) => Promise<string>,
): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(async (text, values) => (await client.query(text, values)).rows, client);
  } finally {
    await client.end();
  }
}

/** `COPY … TO STDOUT` on a `pg` client, each chunk handed to `onData` (a submittable, as the library's source reads it). */
function copyOut(client: PgClient, text: string, onData: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const noop = () => undefined;
    client.query({
      submit: (connection: { query(text: string): void }) => connection.query(text),
      handleCopyData: (message: { chunk: Buffer }) => onData(message.chunk),
      handleError: reject,
      handleReadyForQuery: () => resolve(),
      ...Object.fromEntries(
        ['handleRowDescription', 'handleDataRow', 'handleCommandComplete', 'handleEmptyQuery', 'handlePortalSuspended'].map((k) => [k, noop]),
      ),
    } as never);
  });
}

if (values.stage) {
  const peak = peakRss();
  const t0 = performance.now();
  const what = await STAGES[values.stage]!();
  console.log(
    JSON.stringify({ seconds: (performance.now() - t0) / 1000, peakMB: peak[0]! / 1048576, what, weeklySeconds, readSeconds, pulledRatio, scoreSeconds }),
  );
  process.exit(0);
}

await benchData(profiles, seed);
const csvFiles = readdirSync(dataDir, { recursive: true })
  .map((f) => join(dataDir, String(f)))
  .filter((f) => /\.csv(\.gz)?$/.test(f));
const csvBytes = csvFiles.reduce((n, f) => n + statSync(f).size, 0);
// Every file read once before the first stage, so that no stage pays for a cold page cache the next ones do not.
for (const f of csvFiles) for await (const chunk of createReadStream(f, { highWaterMark: 1 << 22 })) void chunk;

const results: Record<
  string,
  { seconds: number; peakMB: number; what: string; weeklySeconds?: number; readSeconds?: number; pulledRatio?: number; scoreSeconds?: number }
> = {};
const allStages =
  values.engine === 'postgres-sharded'
    ? ['load postgres', 'shard postgres', 'postgres', 'postgres sharded', 'query sharded']
    : values.engine === 'postgres'
      ? [
          'js',
          'load postgres',
          'bare query postgres',
          'bare count postgres',
          'postgres',
          'postgres into',
          'postgres in batches',
          'js window columns',
          'postgres window columns',
          'postgres corrected',
          'postgres train in engine',
        ]
      : [
          'js',
          'bare query csv',
          'bare segments csv',
          'duckdb csv',
          'export parquet',
          'bare query parquet',
          'duckdb parquet',
          'export parquet by profile',
          'duckdb parquet by profile',
          'load duckdb table',
          'duckdb into',
          'duckdb in batches',
          'js window columns',
          'duckdb window columns',
          'duckdb corrected',
          'duckdb train in engine',
        ];
// `--only a,b`: those stages alone, in this order (the table's load kept: later stages read it).
const only = values.only?.split(',');
const stages = only ? allStages.filter((s) => only.includes(s) || s === 'load postgres') : allStages;
for (const stage of stages) {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL(import.meta.url).pathname,
      '--rows',
      String(values.rows),
      '--seed',
      String(seed),
      ...(threads ? ['--threads', String(threads)] : []),
      '--engine',
      String(values.engine),
      '--stage',
      stage,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  if (r.status !== 0) throw new Error(`${stage} failed: ${r.stderr}`);
  results[stage] = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  console.error(`  ${stage}: ${results[stage]!.seconds.toFixed(2)} s, peak ${results[stage]!.peakMB.toFixed(0)} MB (${results[stage]!.what})`);
}
const ratio = (a: string, b: string) => (results[a]!.seconds / results[b]!.seconds).toFixed(2);
const rss = (a: string, b: string) => (results[a]!.peakMB / results[b]!.peakMB).toFixed(2);
console.log(
  `\n\`npm run bench:engines -- --rows ${values.rows} --engine ${values.engine}\` — ${new Date().toISOString().slice(0, 10)}, CSV ${(csvBytes / 1e9).toFixed(2)} GB\n`,
);
console.log('| stage | wall s | peak RSS MB | what |\n| --- | ---: | ---: | --- |');
for (const [stage, r] of Object.entries(results)) console.log(`| ${stage} | ${r.seconds.toFixed(2)} | ${r.peakMB.toFixed(0)} | ${r.what} |`);
if (only) {
  // Only the stages asked for: no ratios between stages that did not run.
} else if (values.engine === 'postgres-sharded') {
  console.log(`\nThrough the coordinator / one server's table: ${ratio('postgres sharded', 'postgres')} × the time.`);
  console.log(
    `The source's query with every row pulled to the coordinator / grouped on the shards: ${results['query sharded']!.pulledRatio!.toFixed(2)} × the time.`,
  );
} else if (values.engine === 'postgres') {
  console.log(`\nPostgreSQL / the JS fast path: ${ratio('postgres', 'js')} × the time, ${rss('postgres', 'js')} × Node's peak RSS.`);
  const weekly = results.postgres!.weeklySeconds!;
  const per = (stage: string) => (weekly / results[stage]!.seconds).toFixed(2);
  console.log(
    `The weekly table through PostgreSQL (${weekly.toFixed(2)} s) / the server's bare weekly sums of the same table, streamed here: ${per('bare query postgres')} × the time (/ the GROUP BY only counted: ${per('bare count postgres')}).`,
  );
  const scored = results['postgres into']!.scoreSeconds!;
  console.log(
    `Every profile forecast and written into a table (${scored.toFixed(2)} s) / the server's bare weekly sums, streamed here: ${(scored / results['bare query postgres']!.seconds).toFixed(2)} × the time.`,
  );
  const batched = results['postgres in batches']!.scoreSeconds!;
  console.log(
    `The same a batch of profiles at a time (predictInEngine, ${batched.toFixed(2)} s) / the bare weekly sums: ${(batched / results['bare query postgres']!.seconds).toFixed(2)} × the time; Node's peak RSS ${rss('postgres in batches', 'postgres into')} × that of the whole table's (${rss('postgres in batches', 'js')} × the JS fast path's).`,
  );
} else {
  console.log(`\nDuckDB over CSV / the JS fast path: ${ratio('duckdb csv', 'js')} × the time, ${rss('duckdb csv', 'js')} × the peak RSS.`);
  console.log(`DuckDB over CSV / DuckDB's bare weekly sums of the same files: ${ratio('duckdb csv', 'bare query csv')} × the time.`);
  // The least a DuckDB path can take: the segments' GROUP BY with nothing checked, then Node's part as this run measured it.
  const duck = results['duckdb csv']!;
  const nodePart = duck.seconds - duck.readSeconds!;
  const floor = results['bare segments csv']!.seconds + nodePart;
  console.log(
    `DuckDB's segments query, nothing checked: ${results['bare segments csv']!.seconds.toFixed(2)} s (the source's: ${duck.readSeconds!.toFixed(2)} s to the segments in Node); Node's part after them (the weekly table, four models): ${nodePart.toFixed(2)} s; together ${floor.toFixed(2)} s, ${(floor / results.js!.seconds).toFixed(2)} × the JS fast path.`,
  );
  console.log(
    `DuckDB over Parquet / over CSV: ${ratio('duckdb parquet', 'duckdb csv')} × the time; over Parquet / the bare query on Parquet: ${ratio('duckdb parquet', 'bare query parquet')}.`,
  );
  console.log(
    `DuckDB over the Parquet file in profile order / over CSV: ${ratio('duckdb parquet by profile', 'duckdb csv')} × the time (/ the Parquet file in the files' order: ${ratio('duckdb parquet by profile', 'duckdb parquet')}).`,
  );
  const [whole, batched] = ['duckdb into', 'duckdb in batches'].map((stage) => results[stage]!.scoreSeconds!);
  console.log(
    `Every profile into a table of the DuckDB file, a batch of profiles at a time (${batched!.toFixed(2)} s) / with the whole weekly table in Node (${whole!.toFixed(2)} s): ${(batched! / whole!).toFixed(2)} × the time, ${rss('duckdb in batches', 'duckdb into')} × the peak RSS (DuckDB's memory included).`,
  );
}
const engineColumns = values.engine === 'postgres' ? 'postgres window columns' : values.engine === 'postgres-sharded' ? null : 'duckdb window columns';
if (engineColumns && !only)
  console.log(
    `The corrected window columns computed in the engine and read back / in Node from the JS fast path's weekly table: ${ratio(engineColumns, 'js window columns')} × the time, ${rss(engineColumns, 'js window columns')} × the peak RSS${values.engine === 'postgres' ? " (Node's; the server's is its own)" : " (DuckDB's included)"}.`,
  );
if (engineColumns && !only) {
  const engine = values.engine === 'postgres' ? 'postgres' : 'duckdb';
  console.log(
    `The corrected default model trained in the engine (trainInEngine) / with the weekly table through the engine in Node (loadWeekly, trainModels): ${ratio(`${engine} train in engine`, `${engine} corrected`)} × the time, ${rss(`${engine} train in engine`, `${engine} corrected`)} × the peak RSS${engine === 'postgres' ? " (Node's)" : " (DuckDB's included)"}.`,
  );
}
