import { copyFile, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ArgumentTypeError, DataError, EngineError, isArgumentError, WriteError } from '../errors.js';
import { SEGMENT_COLUMNS } from '../features/segments.js';
import type {
  DailyRequest,
  ForecastSink,
  ForecastTable,
  WeeklyBatchesEnd,
  WeeklyBatching,
  WeeklyLoad,
  WeeklyRequest,
  WeeklySource,
  WrittenForecasts,
} from '../features/source.js';
import { DailyFrameBuilder, type DailyFrame } from '../frame/daily-frame.js';
import { emptyReport, MAX_SKIPPED_EXAMPLES, type LoadReport } from '../frame/load-report.js';
import type { CheckedLimits, Prediction, Preset, ProgressCallback } from '../schema.js';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import { writeWeeklyCsv } from '../io/write-csv.js';
import { discoverFiles } from '../io/files.js';
import { dateRangeReason } from '../io/collector.js';
import { FOLLOWERS_REASON } from '../io/numbers.js';
import {
  COUNTS,
  EngineBatches,
  engineDaily,
  engineLoad,
  forecastColumns,
  forecastTarget,
  openForecastTable,
  quoteIdentifier,
  rowByKey,
  writeAll,
  segmentColumnsOf,
  windowColumnsChecks,
  windowColumnsSelect,
  WINDOW_COLUMNS_IN_ENGINE,
  QUERY_OVER_WINDOW_COLUMNS,
  type OverWindowColumns,
  type WindowColumnsQuery,
  type EngineCounts,
  type EngineSegments,
  type EngineWindowColumns,
  type WindowColumnsRequest,
  type WindowColumnsSource,
} from './common.js';
import { DUCKDB_DIALECT, profileNumbersSql, windowColumnsQuery } from '../features/sql-week.js';
import { WINDOW_COLUMNS } from '../features/windows.js';

/*
 * DuckDB as a source of weekly tables: the daily rows are checked and summed
 * by segment inside DuckDB (one `GROUP BY profile, sunday, part`), out of
 * core, and only the segment columns come back, read a whole column vector
 * per chunk. `@duckdb/node-api` is an optional peer dependency, loaded on
 * first use.
 */

/** Where the daily rows are, for `duckdb()`: exactly one of `files`, `parquet`, `table`. */
export interface DuckDbSourceOptions {
  /** Daily CSV files (`.csv`, `.csv.gz`) or folders searched for them, as `loadDaily` finds them. */
  files?: string | readonly string[];
  /** Parquet files: paths or globs. */
  parquet?: string | readonly string[];
  /** A table or view of daily rows: in `database` (a DuckDB file), or in `connection`'s database. */
  table?: string;
  /** The table's schema (default: DuckDB's search path). */
  schema?: string;
  /** A DuckDB database file to open (read-only) for `table`. Default: an in-memory database. */
  database?: string;
  /** An open `DuckDBConnection` of `@duckdb/node-api` to run in (its settings are left as they are). */
  connection?: DuckDbConnectionLike;
  /**
   * DuckDB's `memory_limit`, e.g. `'4GB'`: past it, DuckDB spills to `tempDirectory`. Default
   * `duckDbDefaultMemoryLimit(threads, rows)`: 1 GB, or 128 MB per thread, or 32 bytes per daily row of the
   * input, whichever is more. The engine shares the process with the weekly table, and a larger limit buys
   * little time (docs/engines.md).
   */
  memoryLimit?: string;
  /** DuckDB's worker threads (default: one per core). */
  threads?: number;
  /** Where DuckDB spills what does not fit in `memoryLimit`. Default: a folder of the source's own in the system's temporary folder, removed when the read ends. */
  tempDirectory?: string;
}

/**
 * DuckDB's memory per daily row of the input for the segments' `GROUP BY`: at 10^8 rows (about 25 million
 * groups, a dozen sums each) it failed at 1 GB where it should have spilled, on one thread as on two, and ran at
 * 3 GB; 33 million rows ran at 1 GB.
 */
const BYTES_PER_ROW = 32;
/** Bytes of a CSV file per daily row, to estimate its rows (the generated files: 99; a gzipped one: about a fifth). */
const CSV_BYTES_PER_ROW = 100;
const GZIP_RATIO = 5;

/**
 * The `memory_limit` of a DuckDB the source opens, unless `memoryLimit` says otherwise: 1 GB, or 128 MB per
 * thread where that is more (DuckDB needs about that much a thread to run at all), or 32 bytes per daily row of
 * the input where that is more (its estimate: from the files' size, a Parquet file's own count, a table's size in
 * the database file), within DuckDB's own default of 80 % of the memory.
 *
 * @param threads DuckDB's worker threads.
 * @param rows the input's daily rows (an estimate; 0 when unknown).
 */
export function duckDbDefaultMemoryLimit(threads: number, rows = 0): string {
  const byRows = Math.min(Math.ceil((rows * BYTES_PER_ROW) / 2 ** 20), Math.floor((0.8 * totalmem()) / 2 ** 20));
  return `${Math.max(1024, 128 * threads, byRows)}MB`;
}

/** The part of `@duckdb/node-api`'s `DuckDBConnection` this source uses. */
export interface DuckDbConnectionLike {
  // Values and types as objects: a `@duckdb/node-api` connection (its values an array or a record) is one.
  run(sql: string, values?: object, types?: object): Promise<unknown>;
  stream(sql: string, values?: object, types?: object): Promise<DuckDbStreamLike>;
}

/** The part of `@duckdb/node-api`'s streaming result this source reads: chunks, a column vector at a time. */
export interface DuckDbStreamLike {
  fetchChunk(): Promise<{ rowCount: number; getColumnVector(i: number): unknown } | null>;
}

interface DuckDbModule {
  DuckDBInstance: {
    create(path?: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckDbConnectionLike & { closeSync?(): void }>; closeSync?(): void }>;
  };
  listValue(items: readonly unknown[]): unknown;
  LIST(type: unknown): unknown;
  VARCHAR: unknown;
  DOUBLE: unknown;
  BOOLEAN: unknown;
}

/** The DuckDB type of each kind of forecasts-table column. */
const DUCKDB_TYPES = { text: 'VARCHAR', date: 'DATE', double: 'DOUBLE', boolean: 'BOOLEAN' } as const;

/** Loads the optional peer, with an error that says how to install it. */
async function loadDuckDb(): Promise<DuckDbModule> {
  try {
    return (await import('@duckdb/node-api')) as unknown as DuckDbModule;
  } catch (error) {
    throw new EngineError(
      'duckdb',
      `duckdb(): needs the optional peer dependency @duckdb/node-api (npm install @duckdb/node-api): ${(error as Error).message.split('\n')[0]}`,
      {
        cause: error,
      },
    );
  }
}

const DECIMAL = String.raw`[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`;
const INFINITE = String.raw`(?i)[+-]?inf(inity)?`;

/**
 * The number rule of the CSV reader (`parseLooseNumber`): plain decimal and
 * scientific notation, `inf`/`infinity`, trimmed; NULL for anything else.
 * DuckDB's cast (`cast`: `TRY_CAST(column AS DOUBLE)`, a column of its own so
 * that it is computed once) reads nearly every value, and reads it as the
 * rule does: correctly rounded, around it the whitespace it strips (spaces,
tabs, line ends) JS's trim strips too. What
 * it accepts besides, digit separators (`1_000`) and `nan`, is sent to the
 * rule's regular expressions, as is every text it refuses (a number with
 * whitespace the cast keeps, `INF`); those are a few rows at most.
 */
function looseNumber(column: string, cast: string): string {
  const t = `trim(${column})`;
  return `CASE WHEN ${cast} IS NOT NULL AND NOT isnan(${cast}) AND NOT contains(${column}, '_') THEN ${cast} WHEN regexp_full_match(${t}, '${DECIMAL}') THEN TRY_CAST(${t} AS DOUBLE) WHEN regexp_full_match(${t}, '${INFINITE}') THEN CASE WHEN starts_with(${t}, '-') THEN '-inf'::DOUBLE ELSE 'inf'::DOUBLE END END`;
}

/** The days-since-1970 number of a `YYYY-MM-DD` text, NULL when it is not one (`parseDay`). */
function dayNumber(column: string): string {
  // YYYY-MM-DD, and a day that exists.
  const shape = `regexp_full_match(${column}, '\\d{4}-\\d{2}-\\d{2}')`;
  return `CASE WHEN ${shape} THEN CAST(TRY_CAST(${column} AS DATE) - DATE '1970-01-01' AS INTEGER) END`;
}

/**
 * The checks of the CSV reader, in its order, as one SQL expression per row:
 * the reason a row is refused (and the column at fault), or NULL for a good row.
 */
function badRowSql(firstDay: number, lastDay: number, reason: string): { reason: string; column: string; refused: string } {
  const cases: [string, string, string][] = [
    ['date_text IS NULL OR day IS NULL', "'not a date written YYYY-MM-DD'", "'date'"],
    [`day < ${firstDay} OR day > ${lastDay}`, `'${reason.replaceAll("'", "''")}'`, "'date'"],
    ["id IS NULL OR id = ''", "'profile_id is empty'", "'profile_id'"],
    ...COUNTS.map((c): [string, string, string] => [`NOT coalesce(${c}_n >= 0 AND isfinite(${c}_n), false)`, `'${c} is not a non-negative number'`, `'${c}'`]),
    // A followers value that is a number must be a count (not a number at all: missing, NULL here).
    [`followers_n IS NOT NULL AND NOT (followers_n >= 0 AND followers_n <= ${Number.MAX_SAFE_INTEGER})`, `'${FOLLOWERS_REASON}'`, "'followers'"],
  ];
  return {
    reason: `CASE ${cases.map(([when, then]) => `WHEN ${when} THEN ${then}`).join(' ')} END`,
    // Whether \`reason\` is not NULL, as one boolean (NULL conditions count as false, as in CASE): cheaper per row than the CASE.
    refused: cases.map(([when]) => `(${when}) IS TRUE`).join(' OR '),
    column: `CASE ${cases.map(([when, , column]) => `WHEN ${when} THEN ${column}`).join(' ')} END`,
  };
}

/**
 * Reads `count` numeric result columns (DOUBLE, no NULLs) of every chunk into
 * one Float64Array each, of `rows` entries when the number of rows is known
 * (written in place, chunk by chunk), else grown as chunks come.
 */
async function readColumns(result: DuckDbStreamLike, count: number, rows = 0): Promise<Float64Array[]> {
  let out = Array.from({ length: count }, () => new Float64Array(Math.max(rows, 2048)));
  let total = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    if (total + n > out[0]!.length) {
      const grown = out.map((c) => new Float64Array(Math.max(total + n, c.length * 2)));
      grown.forEach((g, c) => g.set(out[c]!.subarray(0, total)));
      out = grown;
    }
    for (let c = 0; c < count; c++) out[c]!.set(numbersOf(chunk.getColumnVector(c), n), total);
    total += n;
  }
  return out.map((c) => (c.length === total ? c : c.slice(0, total)));
}

/** The DuckDB types whose values are numbers as they are. */
const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

/** The type of each column of the daily relation, by name (DuckDB's `DESCRIBE`). */
async function columnTypes(
  connection: DuckDbConnectionLike,
  relation: string,
  values: Record<string, unknown>,
  types: Record<string, unknown>,
): Promise<Map<string, string>> {
  const rows = await readRows(await connection.stream(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${relation})`, values, types), 2);
  return new Map(rows.map(([name, type]) => [name ?? '', type ?? '']));
}

/**
 * Sums the checked rows by segment into the temporary table `ef_segments`
 * (status 0: the segments of the rows kept; 1 and 2: one group each for the
 * good rows outside the window and the refused rows), and counts them; `span`
 * is the days between the first and last Sundays of the kept segments (no
 * profile spans more; NaN when none).
 */
async function sumSegments(
  connection: DuckDbConnectionLike,
  checked: string,
  values: Record<string, unknown>,
  paramTypes: Record<string, unknown>,
  request: Pick<WeeklyRequest, 'window'>,
): Promise<{ counts: EngineCounts; segmentCount: number; span: number }> {
  const window = request.window ?? { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };
  const from = Number.isFinite(window.from) ? window.from : -2147483648;
  const to = Number.isFinite(window.to) ? window.to : 2147483647;
  // One pass: the segments of the rows kept (status 0), and one group each for the good rows outside the window (1) and the refused rows (2).
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ef_segments AS
      WITH rows AS (
        SELECT CASE WHEN refused THEN 2 WHEN day BETWEEN ${from} AND ${to} THEN 0 ELSE 1 END AS status, id, day,
               posts_n, engagement_n, reach_n, impressions_n, followers_n
        FROM ${checked}
      ), keyed AS (
        SELECT status, CASE WHEN status = 0 THEN id END AS id, day, posts_n, engagement_n, reach_n, impressions_n, followers_n,
               CASE WHEN status = 0 THEN day + (((3 - day) % 7) + 7) % 7 END AS sunday
        FROM rows
      )
      SELECT status, id, sunday::DOUBLE AS sunday,
             CASE WHEN status = 0 THEN CASE WHEN month(DATE '1970-01-01' + sunday) = month(DATE '1970-01-01' + min(day)) THEN 0 ELSE 1 END END::DOUBLE AS part,
             min(day)::DOUBLE AS first_day, max(day)::DOUBLE AS last_day, count(*)::DOUBLE AS n,
             sum(posts_n) AS posts, sum(engagement_n) AS engagement, sum(reach_n) AS reach, sum(impressions_n) AS impressions,
             coalesce(sum(followers_n), 0)::DOUBLE AS followers_sum, count(followers_n)::DOUBLE AS followers_count,
             coalesce(arg_max(followers_n, (day, followers_n)) FILTER (WHERE followers_n IS NOT NULL), 'NaN'::DOUBLE) AS followers_last,
             coalesce(max(day) FILTER (WHERE followers_n IS NOT NULL)::DOUBLE, 'NaN'::DOUBLE) AS followers_day,
             bit_or(1 << (sunday - day)) AS days
      FROM keyed
      GROUP BY status, id, sunday, CASE WHEN status = 0 THEN month(DATE '1970-01-01' + sunday) <> month(DATE '1970-01-01' + day) END`,
    values,
    paramTypes,
  );
  const counts = await readColumns(
    await connection.stream(`SELECT
          coalesce(sum(n) FILTER (WHERE status = 0), 0)::DOUBLE,
          coalesce(sum(n) FILTER (WHERE status = 1), 0)::DOUBLE,
          coalesce(sum(n) FILTER (WHERE status = 2), 0)::DOUBLE,
          coalesce(sum(n - followers_count) FILTER (WHERE status = 0), 0)::DOUBLE,
          coalesce(max(last_day) FILTER (WHERE status = 0), 'NaN'::DOUBLE),
          count(*) FILTER (WHERE status = 0)::DOUBLE,
          coalesce(sum(n - bit_count(days)) FILTER (WHERE status = 0), 0)::DOUBLE,
          coalesce((max(sunday) FILTER (WHERE status = 0) - min(sunday) FILTER (WHERE status = 0))::DOUBLE, 'NaN'::DOUBLE)
        FROM ef_segments`),
    8,
  );
  const [kept, outside, refused, missing, last, segmentCount, duplicates, span] = counts.map((c) => c[0]!);
  return {
    counts: { kept: kept!, outside: outside!, refused: refused!, missing: missing!, last: last!, duplicates: duplicates! },
    segmentCount: segmentCount!,
    span: span!,
  };
}

/**
 * The profile dictionary of `ef_segments` (`ef_ids`: each kept id and its number, in code-point order, as DuckDB
 * compares strings by their UTF-8 bytes), read back as the ids in number order.
 */
async function profileDictionary(connection: DuckDbConnectionLike): Promise<string[]> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ef_ids AS
    SELECT id, (row_number() OVER (ORDER BY id) - 1)::DOUBLE AS k FROM (SELECT DISTINCT id FROM ef_segments WHERE status = 0)`);
  return readStrings(await connection.stream('SELECT id FROM ef_ids ORDER BY k'));
}

/** The kept segments by profile number: the number, `SEGMENT_COLUMNS`' others, then the days with a record as bits. */
const SEGMENTS_BY_NUMBER = `SELECT k, sunday, part, first_day, last_day, n, posts, engagement, reach, impressions,
    followers_sum, followers_count, followers_last, followers_day, days::DOUBLE
  FROM ef_segments JOIN ef_ids USING (id) WHERE status = 0`;

/**
 * Hands the segments of a result in profile order (its first column the
 * profile number, then `SEGMENT_COLUMNS`' and the days) to `add`, `size`
 * whole profiles at a time, each batch's profile numbers counted from its
 * first.
 */
async function sendBatches(
  result: DuckDbStreamLike,
  profileIds: readonly string[],
  size: number,
  add: (segments: EngineSegments) => void | Promise<void>,
): Promise<void> {
  const width = SEGMENT_COLUMNS.length + 1;
  // The current batch's rows, as copies of chunk slices per column; its profiles are first … first + size − 1.
  let parts: Float64Array[][] = [];
  let first = 0;
  const flush = (): void | Promise<void> => {
    const rows = parts.reduce((sum, part) => sum + part[0]!.length, 0);
    const columns = Array.from({ length: width }, (_, c) => {
      const out = new Float64Array(rows);
      let at = 0;
      for (const part of parts) {
        out.set(part[c]!, at);
        at += part[c]!.length;
      }
      return out;
    });
    for (let i = 0; i < rows; i++) columns[0]![i]! -= first;
    const ids = profileIds.slice(first, Math.min(first + size, profileIds.length));
    parts = [];
    first += size;
    return add({ columns: segmentColumnsOf(ids, columns), days: columns[width - 1]! });
  };
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    const vectors = Array.from({ length: width }, (_, c) => numbersOf(chunk.getColumnVector(c), n));
    const k = vectors[0]!;
    let from = 0;
    for (let i = 0; i < n; i++) {
      if (k[i]! < first + size) continue;
      if (i > from) parts.push(vectors.map((v) => v.slice(from, i)));
      from = i;
      await flush();
    }
    if (n > from) parts.push(vectors.map((v) => v.slice(from, n)));
  }
  if (parts.length > 0) await flush();
}

/** Reads a VARCHAR result column of every chunk. */
async function readStrings(result: DuckDbStreamLike): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const vector = chunk.getColumnVector(0) as { getItem(i: number): string | null };
    for (let i = 0; i < chunk.rowCount; i++) out.push(vector.getItem(i) ?? '');
  }
  return out;
}

/**
 * DuckDB as a `WeeklySource`: daily rows from CSV or Parquet files or a
 * table, checked with the CSV reader's rules and summed by segment inside
 * DuckDB; the weekly table is built from the segments by
 * `weeklyFromSegmentColumns`. Loads `@duckdb/node-api` (an optional peer
 * dependency) on first use.
 *
 * Over a table it also writes tables: `predictFiles(model, source, { into:
 * 'forecasts' })` replaces a table of forecasts in the same database (the
 * file opened for writing after the read, or the connection given) in one
 * transaction; `predictInEngine` opens a database file for writing first
 * and reads through it, writing a batch at a time (docs/engines.md).
 *
 * @example
 * import { loadWeekly } from 'engagement-forecast';
 * import { duckdb } from 'engagement-forecast/duckdb';
 * const { weekly } = await loadWeekly(duckdb({ parquet: 'data/*.parquet', memoryLimit: '4GB' }), { preset: 'corrected' });
 * @throws `ArgumentTypeError` (a `TypeError`, from the main entry) when not exactly one of `files`, `parquet`, `table` is given.
 */
export function duckdb(options: DuckDbSourceOptions): WeeklySource {
  const given = (['files', 'parquet', 'table'] as const).filter((k) => options[k] !== undefined);
  if (given.length !== 1) throw new ArgumentTypeError(`duckdb: give exactly one of files, parquet or table, got ${given.length ? given.join(', ') : 'none'}`);
  if (options.connection && options.table === undefined) throw new ArgumentTypeError('duckdb: a connection is read through a table (give table)');
  if (options.threads !== undefined && !(Number.isInteger(options.threads) && options.threads >= 1)) {
    throw new ArgumentTypeError(`duckdb: threads must be a positive integer, got ${JSON.stringify(options.threads)}`);
  }
  const list = (v: string | readonly string[]) => (typeof v === 'string' ? [v] : [...v]);
  const name =
    options.table !== undefined
      ? `${options.database ?? 'duckdb'}:${options.schema ? `${options.schema}.` : ''}${options.table}`
      : list((options.files ?? options.parquet)!).join(', ');
  /** DuckDB's settings for an instance of this source: memory, threads, the spill folder `temp`. */
  const settings = (temp: string): Record<string, string> => {
    const config: Record<string, string> = {};
    config.memory_limit = options.memoryLimit ?? duckDbDefaultMemoryLimit(options.threads ?? availableParallelism());
    if (options.threads) config.threads = String(options.threads);
    config.temp_directory = temp;
    // Nothing here needs DuckDB to keep rows in input order; without it, large aggregates need less memory.
    config.preserve_insertion_order = 'false';
    return config;
  };
  /** While a forecasts table is written as the rows are read (`openForecasts`): the database file's read-write instance, which reads share. */
  let writing: { connect(): Promise<DuckDbConnectionLike & { closeSync?(): void }> } | null = null;
  /**
   * Opens DuckDB on the source (or takes the connection given), checks the columns, and runs `work` with what every
   * read shares: the checked rows' SQL and its parameters, and the examples of refused rows. Closes what it opened.
   */
  const session = async <T>(limits: CheckedLimits, work: (s: DuckDbSession) => Promise<T>): Promise<T> => {
    const report = emptyReport();
    const values: Record<string, unknown> = {};
    const paramTypes: Record<string, unknown> = {};
    let ownInstance: { closeSync?(): void } | null = null;
    /** A connection of its own to the instance a forecasts table is being written through. */
    let ownConnection = false;
    /** The spill folder this read made (none given), removed at the end. */
    let ownTemp: string | null = null;
    let connection = options.connection;
    const module = connection ? null : await loadDuckDb();
    let relation: string;
    /** The CSV files' daily rows, estimated from their size. */
    let csvRows = 0;
    // The source's name is a value like the paths: a parameter, never spliced into the SQL.
    let fileColumn = '$source';
    if (options.files !== undefined) {
      const files = await discoverFiles(list(options.files));
      report.files = files;
      for (const f of files) {
        const { size } = await stat(f);
        report.bytes += size;
        csvRows += (size * (f.endsWith('.gz') ? GZIP_RATIO : 1)) / CSV_BYTES_PER_ROW;
      }
      relation = 'read_csv($paths, header = true, all_varchar = true, filename = true, union_by_name = true)';
      fileColumn = 'filename';
    } else if (options.parquet !== undefined) {
      relation = 'read_parquet($paths, union_by_name = true)';
    } else {
      relation = `${options.schema ? `${quoteIdentifier(options.schema)}.` : ''}${quoteIdentifier(options.table!)}`;
    }
    try {
      if (!connection && writing) {
        // The database file is open for a forecasts table being written: read through a connection of the same instance.
        connection = await writing.connect();
        ownConnection = true;
      } else if (!connection) {
        // Spilled data goes to the folder given, else to one of this read's own (DuckDB's default is `.tmp` in the working folder).
        const config = settings(options.tempDirectory ?? (ownTemp = await mkdtemp(join(tmpdir(), 'ef-duckdb-spill-'))));
        if (options.database) config.access_mode = 'READ_ONLY';
        const instance = await module!.DuckDBInstance.create(options.database ?? ':memory:', config);
        ownInstance = instance;
        connection = await instance.connect();
      }
      if (options.files !== undefined || options.parquet !== undefined) {
        // Files are read in a DuckDB of this source's own (a connection comes with a table).
        values.paths = module!.listValue(options.files !== undefined ? report.files : list(options.parquet!));
        paramTypes.paths = module!.LIST(module!.VARCHAR);
      }
      if (ownInstance && options.memoryLimit === undefined) {
        // The default limit grows with the input (`duckDbDefaultMemoryLimit`): its rows, as cheaply as they are known.
        const open = connection;
        const scalar = async (sql: string, params: object, types: object) => (await readColumns(await open.stream(sql, params, types), 1))[0]![0] ?? 0;
        const rows =
          options.files !== undefined
            ? csvRows
            : options.parquet !== undefined
              ? await scalar(`SELECT count(*)::DOUBLE FROM ${relation}`, values, paramTypes)
              : await scalar(
                  'SELECT coalesce(sum(estimated_size), 0)::DOUBLE FROM duckdb_tables() WHERE table_name = $table AND schema_name = coalesce($schema, current_schema())',
                  { table: options.table!, schema: options.schema ?? null },
                  { table: module!.VARCHAR, schema: module!.VARCHAR },
                );
        await connection.run(`SET memory_limit = '${duckDbDefaultMemoryLimit(options.threads ?? availableParallelism(), rows)}'`);
      }
      const { firstDay, lastDay } = limits;
      const bad = badRowSql(firstDay, lastDay, dateRangeReason(limits));
      const text = (column: string) => `CAST(${quoteIdentifier(column)} AS VARCHAR)`;
      // Typed columns (Parquet, tables) are read as they are; text columns by the reader's rules.
      const typeOf = await columnTypes(connection, relation, values, paramTypes);
      if (fileColumn === '$source') values.source = name; // after DESCRIBE, which does not use it
      const numeric = (column: string) => NUMERIC_TYPE.test(typeOf.get(column) ?? '');
      const asNumber = (column: string) => (numeric(column) ? `CAST(${column}_raw AS DOUBLE)` : looseNumber(`${column}_text`, `${column}_cast`));
      const followersNumber = numeric('followers')
        ? `CASE WHEN isnan(CAST(followers_raw AS DOUBLE)) THEN NULL ELSE CAST(followers_raw AS DOUBLE) END`
        : looseNumber('followers_text', 'followers_cast');
      const dayOf = /^(DATE|TIMESTAMP)/.test(typeOf.get('date') ?? '') ? `CAST(CAST(date_raw AS DATE) - DATE '1970-01-01' AS INTEGER)` : dayNumber('date_text');
      // Every row, checked: its day, id, counts, followers (NULL: missing), and why it is refused (NULL: kept); a
      // subquery of both queries below (the paths stay parameters), read as it is scanned.
      const checked = `(WITH src AS (
            SELECT ${text('date')} AS date_text, ${text('profile_id')} AS id, ${COUNTS.map((c) => `${text(c)} AS ${c}_text`).join(', ')},
                   ${text('followers')} AS followers_text, ${fileColumn} AS file,
                   ${['date', 'followers', ...COUNTS].map((c) => `${quoteIdentifier(c)} AS ${c}_raw`).join(', ')}
            FROM ${relation}
          ), casted AS (
            SELECT *, ${['followers', ...COUNTS].map((c) => `TRY_CAST(${c}_text AS DOUBLE) AS ${c}_cast`).join(', ')} FROM src
          ), parsed AS (
            SELECT *, ${dayOf} AS day, ${COUNTS.map((c) => `${asNumber(c)} AS ${c}_n`).join(', ')},
                   ${followersNumber} AS followers_n
            FROM casted
          )
          SELECT *, ${bad.refused} AS refused, CASE WHEN ${bad.refused} THEN ${bad.reason} END AS reason, CASE WHEN ${bad.refused} THEN ${bad.column} END AS bad_column FROM parsed) AS ef_checked`;
      const open = connection;
      const examples = async () => {
        const result = await open.stream(
          `SELECT file, bad_column, reason,
              CASE bad_column WHEN 'date' THEN date_text WHEN 'profile_id' THEN id ${[...COUNTS, 'followers'].map((c) => `WHEN '${c}' THEN ${c}_text`).join(' ')} END
            FROM ${checked} WHERE refused ORDER BY file, day NULLS FIRST, id LIMIT ${MAX_SKIPPED_EXAMPLES}`,
          values,
          paramTypes,
        );
        return (await readRows(result, 4)).map(
          ([file, column, reason, value]) => new DataError(reason ?? '', { file: file ?? name, line: 0, column: column ?? '', value: value ?? '' }),
        );
      };
      return await work({ connection: open, checked, values, paramTypes, examples, report, module });
    } catch (error) {
      // A refused row, or a table that breaks the layout, is the data's; anything else is DuckDB's (a missing file, a bad setting).
      if (error instanceof DataError || error instanceof EngineError || isArgumentError(error)) throw error;
      throw new EngineError('duckdb', `duckdb: ${name}: ${(error as Error).message}`, { cause: error });
    } finally {
      if (connection) await connection.run('DROP TABLE IF EXISTS ef_segments; DROP TABLE IF EXISTS ef_ids').catch(() => undefined);
      // What this read opened is closed now, connection first: a database file is let go before anything else opens it.
      if (ownInstance || ownConnection) (connection as { closeSync?(): void } | undefined)?.closeSync?.();
      ownInstance?.closeSync?.();
      if (ownTemp) await rm(ownTemp, { recursive: true, force: true });
    }
  };
  /**
   * Begins replacing a forecasts table in the source's database (`openForecastTable`), through the connection given
   * or an instance of the database file opened for writing (`shareReads`: reads meanwhile go through it too). The
   * sink writes, commits or rolls back, and lets the file go once it has done either.
   */
  const beginForecasts = async (into: ForecastTable, bounds: readonly string[], onProgress: ProgressCallback | undefined, shareReads: boolean) => {
    const { named, target } = forecastTarget(into, options.schema);
    const module = await loadDuckDb();
    const listTypes = { text: module.VARCHAR, date: module.VARCHAR, double: module.DOUBLE, boolean: module.BOOLEAN };
    const columns = forecastColumns(bounds).map((c) => ({ ...c, type: DUCKDB_TYPES[c.kind] }));
    // The values as lists, one statement per batch (dates as text, cast here).
    const insert = `INSERT INTO ${target} SELECT ${columns.map(({ kind }, k) => (kind === 'date' ? `CAST(unnest($c${k}) AS DATE)` : `unnest($c${k})`)).join(', ')}`;
    const cannot = (error: unknown) =>
      new EngineError(
        'duckdb',
        `duckdb: cannot write the forecasts; the table is left as it was (${options.database ?? 'the connection given'}, forecasts table ${named}): ${(error as Error).message}`,
        { cause: error },
      );
    let instance: { connect(): Promise<DuckDbConnectionLike & { closeSync?(): void }>; closeSync?(): void } | null = null;
    let connection = options.connection;
    let temp: string | null = null;
    // The file is let go (connection first) before the promise settles: the caller may open it next.
    const close = async (): Promise<void> => {
      if (instance) (connection as { closeSync?(): void } | undefined)?.closeSync?.();
      instance?.closeSync?.();
      if (writing === instance) writing = null;
      if (temp) await rm(temp, { recursive: true, force: true });
    };
    try {
      if (!connection) {
        const config = shareReads ? settings(options.tempDirectory ?? (temp = await mkdtemp(join(tmpdir(), 'ef-duckdb-spill-')))) : {};
        instance = await module.DuckDBInstance.create(options.database!, config);
        connection = await instance.connect();
      }
      const open = connection;
      const table = await openForecastTable(
        {
          run: (sql) => open.run(sql),
          insert: (batch) => {
            const values: Record<string, unknown> = {};
            const types: Record<string, unknown> = {};
            columns.forEach(({ kind, value }, k) => {
              values[`c${k}`] = module.listValue(batch.map(value));
              types[`c${k}`] = module.LIST(listTypes[kind]);
            });
            return open.run(insert, values, types);
          },
          count: async () => Number((await readRows(await open.stream(`SELECT CAST(count(*) AS DOUBLE) FROM ${target}`), 1))[0]?.[0]),
        },
        target,
        columns,
        onProgress,
      );
      if (shareReads) writing = instance;
      const sink: ForecastSink = {
        write: (predictions) =>
          table.write(predictions).catch((error: unknown) => {
            throw cannot(error);
          }),
        commit: async () => {
          try {
            return { table: named, rows: await table.commit() };
          } catch (error) {
            throw cannot(error);
          } finally {
            await close();
          }
        },
        abort: async () => {
          await table.abort();
          await close();
        },
      };
      return sink;
    } catch (error) {
      await close();
      throw cannot(error);
    }
  };
  /** Writes a forecasts table into the source's database (a database file opened for writing, or the connection given). */
  const writeForecasts = async (
    into: ForecastTable,
    predictions: readonly Prediction[],
    bounds: readonly string[],
    onProgress?: ProgressCallback,
  ): Promise<WrittenForecasts> => writeAll(await beginForecasts(into, bounds, onProgress, false), predictions);
  /** Begins a forecasts table in the database file, which this source's reads then go through (`WeeklySource.openForecasts`). */
  const openForecasts = (into: ForecastTable, bounds: readonly string[], onProgress?: ProgressCallback): Promise<ForecastSink> => {
    if (writing)
      return Promise.reject(new ArgumentTypeError(`duckdb: ${name}: a forecasts table is being written through this source already; commit or abort it first`));
    return beginForecasts(into, bounds, onProgress, true);
  };
  /**
   * The rows summed into segments and checked as `weekly` checks them (`windowColumnsChecks`), then `work` with the
   * window columns' query over the segments; DuckDB's copy of them is let go after.
   */
  const overWindowColumns = <T>(
    request: WindowColumnsRequest,
    ids: 'names' | 'numbers',
    work: (connection: DuckDbConnectionLike, query: string) => Promise<T>,
  ) =>
    session(request.limits, async ({ connection, checked, values, paramTypes, examples, report }) => {
      const { counts } = await sumSegments(connection, checked, values, paramTypes, request);
      const widest = await readColumns(
        await connection.stream(
          'SELECT coalesce(max(span), 0)::DOUBLE FROM (SELECT max(sunday) - min(sunday) AS span FROM ef_segments WHERE status = 0 GROUP BY id)',
        ),
        1,
      );
      await windowColumnsChecks(request, name, report, counts, examples, widest[0]![0]!);
      // The stages into temporary tables first (DuckDB spills those), then the query over them; all dropped after.
      const { stages, query } = windowColumnsQuery(DUCKDB_DIALECT, 'SELECT * FROM ef_segments', ids);
      let result: T;
      try {
        for (const stage of stages) await connection.run(`CREATE OR REPLACE TEMP TABLE ${stage.table} AS ${stage.sql}`);
        result = await work(connection, query);
      } finally {
        await connection.run(stages.map((stage) => `DROP TABLE IF EXISTS ${stage.table};`).join(' '));
      }
      await connection.run('DROP TABLE ef_segments; DROP TABLE IF EXISTS ef_ids');
      return { result, report };
    });
  const source: WeeklySource & WindowColumnsSource = {
    name,
    // Files have no database to write into: only a database file or a connection takes a forecasts table. A
    // connection given cannot read and write at once: only a database file takes one as the rows are read.
    ...(options.table !== undefined ? { writeForecasts } : {}),
    ...(options.table !== undefined && options.database !== undefined && !options.connection ? { openForecasts } : {}),
    weekly<P extends Preset>(request: WeeklyRequest<P>): Promise<WeeklyLoad<P>> {
      return session(request.limits, async ({ connection, checked, values, paramTypes, examples, report }) => {
        const open = connection;
        const { counts, segmentCount } = await sumSegments(connection, checked, values, paramTypes, request);
        const segments = async () => {
          // The profile dictionary, then the segments by profile number.
          const profileIds = await profileDictionary(open);
          const result = await open.stream(SEGMENTS_BY_NUMBER);
          const columns = await readColumns(result, SEGMENT_COLUMNS.length + 1, segmentCount);
          // DuckDB's copy of the segments is let go before the table is built from Node's.
          await open.run('DROP TABLE ef_segments; DROP TABLE ef_ids');
          return { columns: segmentColumnsOf(profileIds, columns), days: columns[SEGMENT_COLUMNS.length]! };
        };
        return await engineLoad(request, name, report, counts, examples, segments, (id, date) => rowByKey(name, id, date));
      });
    },
    async [WINDOW_COLUMNS_IN_ENGINE](request: WindowColumnsRequest): Promise<EngineWindowColumns> {
      const { result, report } = await overWindowColumns(request, 'names', async (connection, query) => {
        const profileIds = await profileDictionary(connection);
        const [profile, sunday, ...columns] = await readColumns(
          await connection.stream(`SELECT k, sunday, ${windowColumnsSelect('DOUBLE')} FROM (${query}) AS w JOIN ef_ids USING (id) ORDER BY k, sunday`),
          2 + WINDOW_COLUMNS.length,
        );
        return { profileIds, profile: profile!, sunday: sunday!, columns };
      });
      return { ...result, report };
    },
    [QUERY_OVER_WINDOW_COLUMNS]<T>(request: WindowColumnsRequest, work: (query: WindowColumnsQuery) => Promise<T>) {
      // The profiles by number: the passes need no id.
      return overWindowColumns(request, 'numbers', async (connection, query) => {
        // Computed once for every query of the work (a training's passes), dropped after.
        await connection.run(`CREATE OR REPLACE TEMP TABLE ef_window AS ${query}`);
        try {
          const run = async (build: OverWindowColumns) => {
            const { sql, width } = build(DUCKDB_DIALECT, 'SELECT * FROM ef_window');
            return readColumns(await connection.stream(sql), width);
          };
          const profileName = async (number: number) =>
            readStrings(
              await connection.stream(
                `SELECT name FROM (${profileNumbersSql(DUCKDB_DIALECT, 'ef_segments', ' WHERE status = 0')}) AS p WHERE id = ${Math.trunc(number)}`,
              ),
            ).then((names) => names[0]!);
          return await work(Object.assign(run, { profileName }));
        } finally {
          await connection.run('DROP TABLE IF EXISTS ef_window');
        }
      });
    },
    async weeklyBatches<P extends Preset>(request: WeeklyRequest<P>, batching: WeeklyBatching<P>): Promise<WeeklyBatchesEnd> {
      // What the caller's `onBatch` throws comes back as it is, not as DuckDB's error.
      let thrown: { error: unknown } | null = null;
      const add = async (batches: EngineBatches<P>, segments: EngineSegments): Promise<void> => {
        try {
          await batches.add(segments);
        } catch (error) {
          thrown = { error };
          throw error;
        }
      };
      return await session(request.limits, async ({ connection, checked, values, paramTypes, examples, report }) => {
        const { counts, span } = await sumSegments(connection, checked, values, paramTypes, request);
        const batches = new EngineBatches(request, name, batching, (id, date) => rowByKey(name, id, date));
        if (batches.start(counts, span)) {
          // The profile dictionary, then the segments in profile order, cut into batches of whole profiles.
          const profileIds = await profileDictionary(connection);
          do {
            await sendBatches(await connection.stream(`${SEGMENTS_BY_NUMBER} ORDER BY k`), profileIds, batching.profiles, (segments) => add(batches, segments));
          } while (batches.endPass());
          await connection.run('DROP TABLE ef_segments; DROP TABLE ef_ids');
        }
        return await batches.end(report, examples, counts);
      }).catch((error: unknown) => {
        const passed = thrown as { error: unknown } | null;
        throw passed && (error === passed.error || (error as { cause?: unknown }).cause === passed.error) ? passed.error : error;
      });
    },
    daily(request: DailyRequest): Promise<DailyFrame> {
      return session(request.limits, async ({ connection, checked, values, paramTypes, examples, report, module }) => {
        const wanted: string[] = [];
        if (request.since !== undefined) wanted.push(`day >= ${Math.trunc(request.since)}`);
        if (request.profiles) {
          // The ids as a parameter (a list of VARCHAR), never spliced into the SQL.
          const duck = module ?? (await loadDuckDb());
          values.profiles = duck.listValue([...request.profiles]);
          paramTypes.profiles = duck.LIST(duck.VARCHAR);
          wanted.push('list_contains($profiles, id)');
        }
        // Every row: those kept (status 0) with their values, the others only counted (1: good but not asked for, 2: refused).
        const result = await connection.stream(
          `SELECT status::DOUBLE, CASE WHEN status = 0 THEN id END, coalesce(CASE WHEN status = 0 THEN day END, 0)::DOUBLE,
              ${['followers_n', ...COUNTS.map((c) => `${c}_n`)].map((c) => `coalesce(CASE WHEN status = 0 THEN ${c} END, 'NaN'::DOUBLE)`).join(', ')}
            FROM (SELECT CASE WHEN refused THEN 2 ${wanted.length ? `WHEN ${wanted.join(' AND ')} THEN 0 ELSE 1` : 'ELSE 0'} END AS status, * FROM ${checked})`,
          values,
          paramTypes,
        );
        const builder = new DailyFrameBuilder();
        // Rows by status (0: kept, 1: not asked for, 2: refused), and the kept rows whose followers are missing.
        const counts = [0, 0, 0];
        let missing = 0;
        for (;;) {
          const chunk = await result.fetchChunk();
          if (!chunk || chunk.rowCount === 0) break;
          const [status, day, followers, posts, engagement, reach, impressions] = [0, 2, 3, 4, 5, 6, 7].map((c) =>
            numbersOf(chunk.getColumnVector(c), chunk.rowCount),
          );
          const ids = chunk.getColumnVector(1) as { getItem(i: number): string | null };
          for (let i = 0; i < chunk.rowCount; i++) {
            counts[status![i]!]!++;
            if (status![i] !== 0) continue;
            if (followers![i] !== followers![i]) missing++;
            builder.add(builder.profiles.internString(ids.getItem(i)!), day![i]!, followers![i]!, posts![i]!, engagement![i]!, reach![i]!, impressions![i]!);
          }
        }
        return engineDaily(request, builder, report, { kept: counts[0]!, outside: counts[1]!, refused: counts[2]!, missing }, examples);
      });
    },
  };
  return source;
}

/** A DOUBLE result column of a chunk: the whole vector where the binding exposes it, else read one value at a time. */
function numbersOf(vector: unknown, n: number): Float64Array {
  const v = vector as { items?: unknown; getItem(i: number): number | null };
  if (v.items instanceof Float64Array) return v.items.subarray(0, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = v.getItem(i) ?? Number.NaN;
  return out;
}

/** What every read of a DuckDB source shares, once the columns are checked. */
interface DuckDbSession {
  connection: DuckDbConnectionLike;
  /** The rows, checked, as a subquery: day, id, file, the numbers (`*_n`), refused (a boolean), and for a refused row reason and bad_column. */
  checked: string;
  /** The parameters of `checked` (the paths, the source's name) and their types; more may be added. */
  values: Record<string, unknown>;
  paramTypes: Record<string, unknown>;
  /** The first refused rows. */
  examples(): Promise<DataError[]>;
  /** The report so far (files and bytes read). */
  report: LoadReport;
  /** `@duckdb/node-api`, where this source loaded it. */
  module: DuckDbModule | null;
}

/** Reads every row of a small result as text (examples of refused rows). */
async function readRows(result: DuckDbStreamLike, count: number): Promise<(string | null)[][]> {
  const rows: (string | null)[][] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const vectors = Array.from({ length: count }, (_, c) => chunk.getColumnVector(c) as { getItem(i: number): unknown });
    for (let i = 0; i < chunk.rowCount; i++) rows.push(vectors.map((v) => (v.getItem(i) === null ? null : String(v.getItem(i)))));
  }
  return rows;
}

/** The weekly table's text columns (`date` is written as a Parquet `DATE`). */
const WEEKLY_TEXT = new Set(['profile_id', 'year_week']);

/**
 * Writes the weekly table as a Parquet file through DuckDB: the columns of
 * `weekly` (the spec's names, as the CSV has them), `profile_id` and
 * `year_week` as text, `date` as a `DATE`, every other column a `DOUBLE`
 * (missing: NULL). The file is written beside its final name and renamed
 * into place only once complete: a failed write leaves no file and rejects
 * with a `WriteError`. Loads `@duckdb/node-api` (an optional peer dependency).
 *
 * @example
 * import { writeWeeklyParquet } from 'engagement-forecast/duckdb';
 * await writeWeeklyParquet((await loadWeekly('data/', { preset: 'corrected' })).weekly, 'weekly.parquet');
 * @throws `WriteError` when the file cannot be written.
 */
export async function writeWeeklyParquet(weekly: WeeklyFrame, path: string): Promise<void> {
  const module = await loadDuckDb();
  const dir = await mkdtemp(join(tmpdir(), 'ef-parquet-'));
  const staged = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    // The CSV writer's text (exact numbers, empty for missing), read back by DuckDB with the types given.
    const csv = join(dir, 'weekly.csv');
    await writeWeeklyCsv(weekly, csv);
    const names = weekly.fields(String, String, []).names;
    const select = names
      .map((name) => {
        const column = quoteIdentifier(name);
        if (WEEKLY_TEXT.has(name)) return `${column}`;
        if (name === 'date') return `CAST(${column} AS DATE) AS ${column}`;
        return `CAST(NULLIF(${column}, '') AS DOUBLE) AS ${column}`;
      })
      .join(', ');
    const instance = await module.DuckDBInstance.create(':memory:', { preserve_insertion_order: 'true' });
    try {
      const connection = await instance.connect();
      // COPY's target cannot be a parameter: DuckDB writes into the temporary folder made here, and the file is moved from there.
      const written = join(dir, 'weekly.parquet');
      await connection.run(
        `COPY (SELECT ${select} FROM read_csv($csv, header = true, all_varchar = true)) TO '${written.replaceAll("'", "''")}' (FORMAT parquet)`,
        { csv },
      );
      connection.closeSync?.();
    } finally {
      instance.closeSync?.();
    }
    await copyFile(join(dir, 'weekly.parquet'), staged);
    await rename(staged, path);
  } catch (error) {
    await rm(staged, { force: true });
    throw error instanceof WriteError ? error : new WriteError(path, error);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
