import { civilFromDays, daysFromCivil } from '../calendar.js';
import { ArgumentTypeError, DataError, EngineError } from '../errors.js';
import type {
  DailyRequest,
  ForecastSink,
  ForecastTable,
  ProfileRowSource,
  WeeklyBatchesEnd,
  WeeklyBatching,
  WeeklyLoad,
  WeeklyRequest,
  WeeklySource,
  WrittenForecasts,
} from '../features/source.js';
import { emptyReport, MAX_SKIPPED_EXAMPLES, type LoadReport } from '../frame/load-report.js';
import { dateRangeReason } from '../io/collector.js';
import { FOLLOWERS_REASON } from '../io/numbers.js';
import type { CheckedLimits, DailyRowInput, Prediction, Preset, ProgressCallback } from '../schema.js';
import { DailyRowReader, SegmentReader } from './copy-segments.js';
import { DailyFrameBuilder, type DailyFrame } from '../frame/daily-frame.js';
import { SEGMENT_COLUMNS } from '../features/segments.js';
import {
  COUNTS,
  DAILY_COLUMNS,
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
  type EngineWindowColumns,
  type WindowColumnsRequest,
  type WindowColumnsSource,
} from './common.js';
import { POSTGRES_DIALECT, profileNumbersSql, windowColumnsQuery } from '../features/sql-week.js';
import { WINDOW_COLUMNS } from '../features/windows.js';

/*
 * PostgreSQL as a source of weekly tables: the daily rows are checked and
 * summed by segment in the server (one `GROUP BY`), and the segments are
 * streamed back by `COPY … TO STDOUT` and parsed from the bytes. Table,
 * schema and column names are quoted identifiers; COPY takes no parameters,
 * so its only values are day numbers checked as integers, and every other
 * query's values are parameters. `pg` is an optional peer dependency,
 * loaded on first use.
 */

/** The daily columns' names in the table, where they differ from the library's. */
export type PostgresColumns = Partial<Record<(typeof DAILY_COLUMNS)[number], string>>;

/** Where the daily rows are, for `postgres()`. */
export interface PostgresSourceOptions {
  /** The table (or view) of daily rows. */
  table: string;
  /** Its schema (default: the connection's search path). */
  schema?: string;
  /** Column names that differ from `date`, `profile_id`, `followers`, `posts`, `engagement`, `reach`, `impressions`. */
  columns?: PostgresColumns;
  /** A connection string (`postgres://user:password@host:port/database`). Without it and without `pool`, `pg` reads the `PG*` environment variables. */
  connectionString?: string;
  /** An open `pg.Pool` (or anything with its `connect()`) to take a client from; it is given back (closed after a failure: `release(true)`), the pool not ended. */
  pool?: PostgresPoolLike;
  /** How long to wait for a connection, in milliseconds (default 10000). */
  connectTimeoutMillis?: number;
  /** The server's `statement_timeout` for this source's queries, in milliseconds (default: none). */
  statementTimeoutMillis?: number;
}

/** The part of a `pg` client this source uses. */
export interface PostgresClientLike {
  query(config: { text: string; values?: unknown[]; rowMode?: 'array' }): Promise<{ rows: unknown[][] }>;
}

/** The part of a `pg.Pool` this source uses. */
export interface PostgresPoolLike {
  connect(): Promise<PostgresClientLike & { release(error?: Error | boolean): void }>;
}

/** What every read of a PostgreSQL source shares, once the table's columns are checked. */
interface Session {
  /** The table's rows, checked with the limits, as a subquery: day, id, ef_key, the numbers (`*_n`), reason, bad. */
  rows: string;
  /** A statement with parameters; rows as arrays. */
  query(text: string, values?: unknown[]): Promise<unknown[][]>;
  /** Streams `sql` by COPY in a read-only transaction, after the settings given. */
  stream(sql: string, onData: (chunk: Uint8Array) => void | Promise<void>, settings?: readonly string[]): Promise<void>;
  /** Runs `work` in a transaction that may make temporary tables, after the settings given. */
  transaction<T>(work: () => Promise<T>, settings?: readonly string[]): Promise<T>;
  /** The first refused rows, named by key. */
  examples(): Promise<DataError[]>;
  /** Whether the table is partitioned. */
  partitioned: boolean;
}

interface PgModule {
  Client: new (config: Record<string, unknown>) => PostgresClientLike & {
    connect(): Promise<void>;
    end(): Promise<void>;
    on(event: 'error', listener: (error: Error) => void): void;
    host: string;
    port: number;
    database: string | undefined;
  };
}

/** Loads the optional peer, with an error that says how to install it. */
async function loadPg(): Promise<PgModule> {
  try {
    const module = (await import('pg')) as unknown as PgModule & { default?: PgModule };
    return module.default ?? module;
  } catch (error) {
    throw new EngineError('postgres', `postgres(): needs the optional peer dependency pg (npm install pg): ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
}

/** The PostgreSQL type of each kind of forecasts-table column. */
const PG_TYPES = { text: 'text', date: 'date', double: 'float8', boolean: 'boolean' } as const;

/** The types a column may have, by PostgreSQL type name, per daily column. */
const INTEGER_TYPES = ['int2', 'int4', 'int8'];
const NUMBER_TYPES = [...INTEGER_TYPES, 'float4', 'float8', 'numeric'];
const TEXT_TYPES = ['text', 'varchar', 'bpchar', 'name'];
const ALLOWED: Record<(typeof DAILY_COLUMNS)[number], string[]> = {
  date: ['date', 'timestamp', 'timestamptz', ...TEXT_TYPES],
  profile_id: [...TEXT_TYPES, ...INTEGER_TYPES, 'uuid'],
  followers: [...NUMBER_TYPES, ...TEXT_TYPES],
  posts: [...NUMBER_TYPES, ...TEXT_TYPES],
  engagement: [...NUMBER_TYPES, ...TEXT_TYPES],
  reach: [...NUMBER_TYPES, ...TEXT_TYPES],
  impressions: [...NUMBER_TYPES, ...TEXT_TYPES],
};

/** The characters JS's `trim()` removes that a CSV field is likely to hold. */
const SPACES = String.raw`E' \t\n\r\f\v\u00a0\ufeff'`;

/**
 * A function in the session's temporary schema: the reader's number rule
 * (`parseLooseNumber`) for a text value: plain decimal and scientific
 * notation (beyond the double range: ±Infinity, or 0 below it),
 * `inf`/`infinity`; NULL for anything else.
 */
const LOOSE_NUMBER_FUNCTION = String.raw`CREATE OR REPLACE FUNCTION pg_temp.ef_number(t text) RETURNS float8 LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $f$
DECLARE s text := btrim(t, ${SPACES});
BEGIN
  IF s ~ '^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$' THEN
    BEGIN
      RETURN s::float8;
    EXCEPTION WHEN numeric_value_out_of_range THEN
      -- Past the double range: JS's Number() gives ±Infinity above it and ±0 below it.
      BEGIN
        RETURN CASE WHEN abs(s::numeric) >= 1 THEN sign(s::numeric)::float8 * 'Infinity'::float8 ELSE 0 END;
      EXCEPTION WHEN OTHERS THEN
        RETURN CASE WHEN s ~ '[eE]-' THEN 0 WHEN s ~ '^-' THEN '-Infinity'::float8 ELSE 'Infinity'::float8 END;
      END;
    END;
  ELSIF s ~* '^[+-]?inf(inity)?$' THEN
    RETURN CASE WHEN s ~ '^-' THEN '-Infinity'::float8 ELSE 'Infinity'::float8 END;
  END IF;
  RETURN NULL;
END $f$`;

/** A text column as a day number (`parseDay`): `YYYY-MM-DD` of a day that exists, else NULL. */
function dayFromText(column: string): string {
  const y = `substr(${column}, 1, 4)::int`;
  const m = `substr(${column}, 6, 2)::int`;
  const d = `substr(${column}, 9, 2)::int`;
  const leap = `(${y} % 4 = 0 AND (${y} % 100 <> 0 OR ${y} % 400 = 0))`;
  const monthDays = `(CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END)`;
  // make_date refuses the year 0: the calendar repeats every 400 years (146097 days), so the date is made 400 years later.
  return `CASE WHEN ${column} ~ '^\\d{4}-\\d{2}-\\d{2}$' AND ${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${monthDays}
    THEN make_date(${y} + 400, ${m}, ${d}) - DATE '1970-01-01' - 146097 END`;
}

/**
 * The options both PostgreSQL readers share, checked: the table (and its quoted relation), the column names, and
 * the positive integers named by `integers`. `where` names the function in messages.
 */
function checkTableOptions(
  where: string,
  options: PostgresSourceOptions | PostgresProfilesOptions,
  integers: readonly string[],
): { table: string; relation: string; names: Record<(typeof DAILY_COLUMNS)[number], string> } {
  if (options === null || typeof options !== 'object' || typeof options.table !== 'string' || options.table === '')
    throw new ArgumentTypeError(`${where}: table must be the name of a table or view`);
  for (const key of integers) {
    const v = (options as unknown as Record<string, unknown>)[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 1))
      throw new ArgumentTypeError(`${where}: ${key} must be a positive integer, got ${JSON.stringify(v)}`);
  }
  const names = { ...Object.fromEntries(DAILY_COLUMNS.map((c) => [c, c])), ...options.columns } as Record<(typeof DAILY_COLUMNS)[number], string>;
  for (const [key, value] of Object.entries(options.columns ?? {})) {
    if (!(DAILY_COLUMNS as readonly string[]).includes(key))
      throw new ArgumentTypeError(`${where}: columns.${key} is not a daily column (${DAILY_COLUMNS.join(', ')})`);
    if (typeof value !== 'string' || value === '') throw new ArgumentTypeError(`${where}: columns.${key} must be a column name`);
  }
  return {
    table: `${options.schema ? `${options.schema}.` : ''}${options.table}`,
    relation: `${options.schema ? `${quoteIdentifier(options.schema)}.` : ''}${quoteIdentifier(options.table)}`,
    names,
  };
}

/**
 * The table's columns and their types, checked: every daily column is there (under its name in `names`) with a
 * type the readers take, or a `DataError` names it; a table that cannot be read is an error from `failed`. Returns
 * each daily column's type, and whether the profile column's collation is deterministic.
 */
async function describeTable(
  query: (text: string, values: unknown[]) => Promise<unknown[][]>,
  relation: string,
  table: string,
  names: Record<(typeof DAILY_COLUMNS)[number], string>,
  failed: (what: string, error: unknown) => Error,
): Promise<{ typeOf: (column: (typeof DAILY_COLUMNS)[number]) => string; deterministicIds: boolean }> {
  // The relation named as a value (to_regclass parses the quoted name). Whether a column's collation is deterministic:
  // read as JSON, since PostgreSQL 11 has no such field.
  const described = await query(
    `SELECT a.attname, t.typname, format_type(a.atttypid, a.atttypmod), coalesce((to_jsonb(c) ->> 'collisdeterministic')::boolean, true)
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_collation c ON c.oid = a.attcollation
       WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
    [relation],
  ).catch((error: unknown) => {
    throw failed('cannot read the table', error);
  });
  if (described.length === 0) throw failed('cannot read the table', new Error('no such table or view, or it has no columns'));
  const types = new Map(described.map(([name, type, shown, deterministic]) => [String(name), [String(type), String(shown), deterministic !== false] as const]));
  const typeOf = (column: (typeof DAILY_COLUMNS)[number]): string => {
    const found = types.get(names[column]);
    if (!found) throw new DataError(`the table has no column '${names[column]}' (the daily ${column})`, { file: table, line: 0, column: names[column] });
    if (!ALLOWED[column].includes(found[0]))
      throw new DataError(`column '${names[column]}' (the daily ${column}) has type ${found[1]}; expected one of ${ALLOWED[column].join(', ')}`, {
        file: table,
        line: 0,
        column: names[column],
      });
    return found[0];
  };
  // Every daily column is there, with a type this source reads, before anything else runs.
  for (const column of DAILY_COLUMNS) typeOf(column);
  return { typeOf, deterministicIds: types.get(names.profile_id)![2] };
}

/**
 * PostgreSQL as a `WeeklySource`: daily rows in a table or view, checked with
 * the CSV reader's rules and summed by segment in the server; the segments
 * are streamed back by one read-only `COPY … TO STDOUT` (Node never holds a
 * daily row), and the weekly table is built from them by
 * `weeklyFromSegmentColumns`. Loads `pg` (an optional
 * peer dependency) on first use.
 *
 * Typed columns are read as they are (`followers` NULL or NaN: missing; a
 * NULL count refuses the row); text columns by the CSV reader's rules. A
 * column of another type is an error naming it.
 *
 * It also writes tables: `predictFiles(model, source, { into: 'forecasts' })`
 * replaces a table of forecasts in the same database in one transaction
 * (`writeForecasts`), and `predictInEngine` a batch at a time on a second
 * connection as the rows are read (`openForecasts`; docs/engines.md).
 *
 * @example
 * import { loadWeekly } from 'engagement-forecast';
 * import { postgres } from 'engagement-forecast/postgres';
 * const { weekly } = await loadWeekly(postgres({ connectionString: process.env.DATABASE_URL, table: 'daily' }), { preset: 'corrected' });
 * @throws `ArgumentTypeError` (a `TypeError`, from the main entry) when `table` is missing or an option has the wrong type.
 */
export function postgres(options: PostgresSourceOptions): WeeklySource {
  const { table, relation, names } = checkTableOptions('postgres', options, ['connectTimeoutMillis', 'statementTimeoutMillis']);
  if (options.connectionString !== undefined && options.pool !== undefined) throw new ArgumentTypeError('postgres: give connectionString or pool, not both');
  /** Connects (a client of its own, or one from the pool), runs `work` with it, and gives the connection back. */
  const connected = async <T>(
    work: (
      client: PostgresClientLike,
      query: (text: string, values?: unknown[]) => Promise<unknown[][]>,
      failed: (what: string, error: unknown, subject?: string) => Error,
    ) => Promise<T>,
  ): Promise<T> => {
    const pg = options.pool ? null : await loadPg();
    const config: Record<string, unknown> = { connectionTimeoutMillis: options.connectTimeoutMillis ?? 10_000, keepAlive: true };
    if (options.connectionString !== undefined) config.connectionString = options.connectionString;
    if (options.statementTimeoutMillis !== undefined) config.statement_timeout = options.statementTimeoutMillis;
    const own = pg ? new pg.Client(config) : null;
    const where = own ? `${own.host}:${own.port}${own.database ? `/${own.database}` : ''}` : 'the pool';
    // `subject`: what the message names beside the server (the source's table unless said).
    const failed = (what: string, error: unknown, subject = `table ${table}`): Error => {
      const e = error as Error & { code?: string };
      return new EngineError('postgres', `postgres: ${what} (server ${where}, ${subject}): ${e.message || e.code || String(error)}`, { cause: error });
    };
    let client: PostgresClientLike;
    let release: (failed: boolean) => Promise<void>;
    try {
      if (own) {
        // A server that goes away mid-query is reported by the query; without a listener it would crash the process.
        own.on('error', () => undefined);
        await own.connect();
        client = own;
        release = () => own.end().catch(() => undefined);
      } else {
        const taken = await options.pool!.connect();
        client = taken;
        // After a failure the connection is closed, not given back: a cancel request may still be on its way to it.
        release = async (failed) => taken.release(failed);
      }
    } catch (error) {
      await own?.end().catch(() => undefined);
      throw failed('cannot connect', error);
    }
    const query = async (text: string, values: unknown[] = []) => (await client.query({ text, values, rowMode: 'array' })).rows;
    let ok = false;
    try {
      const result = await work(client, query, failed);
      ok = true;
      return result;
    } finally {
      await release(!ok);
    }
  };
  /**
   * Begins replacing a forecasts table on a connection of its own (`openForecastTable`): the sink writes, commits
   * or rolls back, and gives the connection back once it has done either.
   */
  const beginForecasts = (into: ForecastTable, bounds: readonly string[], onProgress?: ProgressCallback): Promise<ForecastSink> => {
    const { named, target } = forecastTarget(into, options.schema);
    const columns = forecastColumns(bounds).map((c) => ({ ...c, type: PG_TYPES[c.kind] }));
    // The values as arrays, one statement per batch (unnest).
    const insert = `INSERT INTO ${target} SELECT * FROM unnest(${columns.map(({ type }, k) => `$${k + 1}::${type}[]`).join(', ')})`;
    return new Promise<ForecastSink>((opened, notOpened) => {
      let decide: (commit: boolean) => void = () => undefined;
      const decided = new Promise<boolean>((resolve) => (decide = resolve));
      let open = false;
      const done = connected(async (_client, query, failed) => {
        const cannot = (error: unknown) => failed('cannot write the forecasts; the table is left as it was', error, `forecasts table ${named}`);
        const table = await openForecastTable(
          {
            run: (sql) => query(sql),
            insert: (batch) =>
              query(
                insert,
                columns.map(({ value }) => batch.map(value)),
              ),
            count: async () => Number((await query(`SELECT count(*)::float8 FROM ${target}`))[0]?.[0]),
          },
          target,
          columns,
          onProgress,
        ).catch((error: unknown) => {
          throw cannot(error);
        });
        open = true;
        opened({
          write: (predictions) =>
            table.write(predictions).catch((error: unknown) => {
              throw cannot(error);
            }),
          commit: async () => {
            decide(true);
            return (await done)!;
          },
          abort: async () => {
            decide(false);
            await done.catch(() => undefined);
          },
        });
        if (!(await decided)) {
          await table.abort();
          return null;
        }
        const rows = await table.commit().catch((error: unknown) => {
          throw cannot(error);
        });
        return { table: named, rows };
      });
      done.catch((error: unknown) => {
        if (!open) notOpened(error);
      });
    });
  };
  /**
   * Connects, checks the table's columns, and runs `work` with what every read shares: the checked rows' SQL, the
   * examples of refused rows, and a read-only transaction to stream in. The connection is given back after.
   */
  const session = <T>(limits: CheckedLimits, work: (s: Session) => Promise<T>): Promise<T> =>
    connected(async (client, query, failed) => {
      let inTransaction = false;
      try {
        const { typeOf, deterministicIds } = await describeTable(query, relation, table, names, failed);
        const kind = await query(`SELECT relkind FROM pg_class WHERE oid = to_regclass($1)`, [relation]);
        const partitioned = kind[0]?.[0] === 'p';
        const isText = (column: (typeof DAILY_COLUMNS)[number]) => TEXT_TYPES.includes(typeOf(column));
        const col = (column: (typeof DAILY_COLUMNS)[number]) => quoteIdentifier(names[column]);
        // Ids are grouped as they are written: under a collation that calls different strings equal, byte for byte.
        const profileCollation = deterministicIds ? '' : ' COLLATE "C"';
        if (DAILY_COLUMNS.some((c) => c !== 'date' && c !== 'profile_id' && isText(c))) await query(LOOSE_NUMBER_FUNCTION);
        const dateType = typeOf('date');
        const day = isText('date')
          ? dayFromText(col('date'))
          : `CASE WHEN isfinite(${col('date')}) THEN (${dateType === 'timestamptz' ? `(${col('date')} AT TIME ZONE 'UTC')::date` : `${col('date')}::date`} - DATE '1970-01-01') END`;
        const number = (column: (typeof DAILY_COLUMNS)[number]) =>
          isText(column)
            ? // Plain digits, then decimals whose exponent and length keep them inside the double range, in SQL; the rest in the function.
              `CASE WHEN ${col(column)} ~ '^\\d{1,15}$' THEN ${col(column)}::float8
                WHEN ${col(column)} ~ '^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,2})?$' AND length(${col(column)}) <= 200 THEN ${col(column)}::float8
                ELSE pg_temp.ef_number(${col(column)}) END`
            : `${col(column)}::float8`;
        const id = `${col('profile_id')}::text`;
        const checks = (first: string, last: string, range: string): [string, string, string][] => [
          ['day IS NULL', "'not a date written YYYY-MM-DD'", 'date'],
          [`day < ${first} OR day > ${last}`, range, 'date'],
          ["id IS NULL OR id = ''", "'profile_id is empty'", 'profile_id'],
          // NaN is larger than every number in PostgreSQL (so not below Infinity). No coalesce, nullif or IS [NOT] TRUE in
          // what the rows are grouped by: postgres_fdw (15) does not send them to a shard, and the grouping would stay here.
          ...COUNTS.map((c): [string, string, string] => [
            `(${c}_n IS NULL OR NOT (${c}_n >= 0 AND ${c}_n < 'Infinity'::float8))`,
            `'${c} is not a non-negative number'`,
            c,
          ]),
          // A followers value that is a number must be a count (not a number at all: missing, NULL here).
          [`followers_n IS NOT NULL AND NOT (followers_n >= 0 AND followers_n <= ${Number.MAX_SAFE_INTEGER})`, `'${FOLLOWERS_REASON}'`, 'followers'],
        ];
        // PostgreSQL computes an expression of a subquery each time the outer query names it. For text columns (regular
        // expressions) OFFSET 0 keeps each computed once per row, at the price of a plan without parallel workers; typed
        // columns (casts) are cheap enough to compute again, and the plan stays parallel.
        const barrier = DAILY_COLUMNS.some((c) => c !== 'profile_id' && isText(c)) ? ' OFFSET 0' : '';
        // Every row with its day number, its numbers, and why it is refused (NULL: kept); `bad`, the same as a boolean
        // (never NULL), is what the segments query tests: cheaper than the reason's text.
        const checked = (first: string, last: string, range: string) => `(SELECT *,
              CASE ${checks(first, last, range)
                .map(([when, reason]) => `WHEN ${when} THEN ${reason}`)
                .join(' ')} END AS reason,
              CASE ${checks(first, last, range)
                .map(([when, , column]) => `WHEN ${when} THEN '${column}'`)
                .join(' ')} END AS bad_column,
              ${checks(first, last, range)
                .map(([when]) => `(${when})`)
                .join(' OR ')} AS bad
            FROM (SELECT ${day} AS day, ${id} AS id, ${col('profile_id')}${profileCollation} AS ef_key, ${COUNTS.map((c) => `${number(c)} AS ${c}_n`).join(', ')},
                    CASE WHEN ${number('followers')} = 'NaN'::float8 THEN NULL ELSE ${number('followers')} END AS followers_n,
                    ${col('date')}::text AS date_text, ${[...COUNTS, 'followers' as const].map((c) => `${col(c)}::text AS ${c}_text`).join(', ')}
                  FROM ${relation}${barrier}) AS parsed${barrier}) AS ef_checked`;
        const values = [limits.firstDay, limits.lastDay, dateRangeReason(limits)];
        // The first refused rows by key, then (rows of the same key) by what is wrong and their values: the same examples
        // whatever order the server reads the rows in.
        const examples = async () => {
          const rows = await query(
            `SELECT id, date_text, bad_column, reason, CASE bad_column WHEN 'date' THEN date_text WHEN 'profile_id' THEN id ${[...COUNTS, 'followers'].map((c) => `WHEN '${c}' THEN ${c}_text`).join(' ')} END
             FROM ${checked('$1', '$2', '$3::text')} WHERE reason IS NOT NULL
             ORDER BY id COLLATE "C" NULLS FIRST, day NULLS FIRST, ${['bad_column', 'reason', 'date_text', ...[...COUNTS, 'followers'].map((c) => `${c}_text`)].map((c) => `${c} COLLATE "C"`).join(', ')}
             LIMIT ${MAX_SKIPPED_EXAMPLES}`,
            values,
          );
          // A table row is named by its key: the profile and the date.
          return rows.map(
            ([profile, date, column, reason, value]) =>
              new DataError(String(reason), {
                file: rowByKey(table, profile, date),
                line: 0,
                column: names[column as (typeof DAILY_COLUMNS)[number]] ?? String(column),
                value: value === null ? '' : String(value),
              }),
          );
        };
        // A read-only transaction with the statement's settings, in which `sql` is streamed by COPY.
        const stream = async (sql: string, onData: (chunk: Uint8Array) => void | Promise<void>, settings: readonly string[] = []) => {
          await query('BEGIN READ ONLY');
          inTransaction = true;
          // Numbers as text that reads back to the same double (PostgreSQL 11 and older print 15 digits by default).
          await query('SET LOCAL extra_float_digits = 3');
          for (const setting of settings) await query(setting);
          if (options.statementTimeoutMillis !== undefined) await query(`SET LOCAL statement_timeout = ${sqlInteger(options.statementTimeoutMillis)}`);
          // What `onData` throws (a refused row, a forecast that cannot be made) is passed on as it is.
          let thrown: unknown = null;
          const passOn = (error: unknown): never => {
            thrown = error;
            throw error;
          };
          const take = (chunk: Uint8Array): void | Promise<void> => {
            try {
              const done = onData(chunk);
              return done ? done.catch(passOn) : done;
            } catch (error) {
              return passOn(error);
            }
          };
          await copyOut(client, `COPY (${sql}) TO STDOUT`, take).catch((error: unknown) => {
            throw error === thrown ? error : failed('the query failed', error);
          });
          await query('COMMIT');
          inTransaction = false;
        };
        // A transaction that may make temporary tables (not read-only), with the statement's settings, for work done in
        // several statements; what the server refuses is named as `stream` names it.
        const transaction = async <T>(run: () => Promise<T>, settings: readonly string[] = []): Promise<T> => {
          await query('BEGIN');
          inTransaction = true;
          await query('SET LOCAL extra_float_digits = 3');
          for (const setting of settings) await query(setting);
          if (options.statementTimeoutMillis !== undefined) await query(`SET LOCAL statement_timeout = ${sqlInteger(options.statementTimeoutMillis)}`);
          const result = await run().catch((error: unknown) => {
            throw error instanceof DataError ? error : failed('the query failed', error);
          });
          await query('COMMIT');
          inTransaction = false;
          return result;
        };
        const rows = checked(sqlInteger(limits.firstDay), sqlInteger(limits.lastDay), "'range'");
        return await work({ rows, query, stream, transaction, examples, partitioned });
      } catch (error) {
        if (inTransaction) await query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  /**
   * The rows summed into segments (a temporary table, grouped where each partition lies) and checked as `weekly`
   * checks them (`windowColumnsChecks`), then `work` with the window columns' query over them, in one transaction.
   */
  const overWindowColumns = <T>(
    request: WindowColumnsRequest,
    ids: 'names' | 'numbers',
    work: (query: (text: string) => Promise<unknown[][]>, windowQuery: string) => Promise<T>,
  ): Promise<{ result: T; report: LoadReport }> =>
    session(request.limits, ({ rows, query, transaction, examples, partitioned }) =>
      transaction(async () => {
        await query(`CREATE TEMPORARY TABLE ef_segments ON COMMIT DROP AS ${segmentsQuery(request, rows)}`);
        // The counts of the rows as the segments reader takes them from the stream, and the widest profile (days
        // between its first and last Sundays). A segment's days with a record are 7 bits.
        const [counted] = await query(`SELECT
            coalesce(sum(n) FILTER (WHERE status = 0), 0)::float8, coalesce(sum(n) FILTER (WHERE status = 1), 0)::float8,
            coalesce(sum(n) FILTER (WHERE status = 2), 0)::float8, coalesce(sum(n - followers_count) FILTER (WHERE status = 0), 0)::float8,
            coalesce((max(last_day) FILTER (WHERE status = 0))::float8, 'NaN'::float8),
            coalesce(sum(n - length(replace(days::bit(7)::text, '0', ''))) FILTER (WHERE status = 0), 0)::float8,
            (SELECT coalesce(max(span), 0)::float8 FROM (SELECT max(sunday) - min(sunday) AS span FROM ef_segments WHERE status = 0 GROUP BY id) AS p)
          FROM ef_segments`);
        const [kept, outside, refused, missing, last, duplicates, widest] = (counted as number[]).map(Number);
        const report = emptyReport();
        const counts = { kept: kept!, outside: outside!, refused: refused!, missing: missing!, last: last!, duplicates: duplicates! };
        await windowColumnsChecks(request, table, report, counts, examples, widest!);
        // JIT off from here: the window columns' and training's statements are long expressions, which the server's
        // JIT compiled for longer than they ran (9.2 s of a 14.0 s training pass at 3.3 million rows).
        await query('SET LOCAL jit = off');
        // One statement: PostgreSQL's dialect is not staged (its CTEs read more than once spill as they grow).
        const result = await work((text) => query(text), windowColumnsQuery(POSTGRES_DIALECT, 'SELECT * FROM ef_segments', ids).query);
        return { result, report };
      }, segmentsSettings(partitioned)),
    );
  const source: WeeklySource & WindowColumnsSource = {
    name: table,
    async writeForecasts(
      into: ForecastTable,
      predictions: readonly Prediction[],
      bounds: readonly string[],
      onProgress?: ProgressCallback,
    ): Promise<WrittenForecasts> {
      return writeAll(await beginForecasts(into, bounds, onProgress), predictions);
    },
    openForecasts(into: ForecastTable, bounds: readonly string[], onProgress?: ProgressCallback): Promise<ForecastSink> {
      // The table is written on a connection of its own while the source's rows stream on another.
      const max = (options.pool as { options?: { max?: unknown } } | undefined)?.options?.max;
      if (typeof max === 'number' && max < 2)
        return Promise.reject(
          new ArgumentTypeError(
            `postgres: writing the forecasts while the rows are read takes two connections, and the pool has at most ${max} (forecasts table ${forecastTarget(into, options.schema).named})`,
          ),
        );
      return beginForecasts(into, bounds, onProgress);
    },
    weekly<P extends Preset>(request: WeeklyRequest<P>): Promise<WeeklyLoad<P>> {
      return session(request.limits, async ({ rows, stream, examples, partitioned }) => {
        const segmentsSql = segmentsQuery(request, rows);
        // One pass, streamed: the segments of the rows kept (status 0), one group per profile for the good rows outside
        // the window (1) and the refused rows (2). A table partitioned on the profile (foreign partitions on shards, or
        // local ones) is grouped partition by partition.
        const segments = new SegmentReader();
        await stream(segmentsSql, (chunk) => segments.add(chunk), segmentsSettings(partitioned));
        const { profiles, counts } = segments;
        return await engineLoad(
          request,
          table,
          emptyReport(),
          counts,
          examples,
          async () => {
            const columns = segments.finish();
            return { columns: segmentColumnsOf(profiles.ids, columns), days: columns[SEGMENT_COLUMNS.length]! };
          },
          (id, date) => rowByKey(table, id, date),
        );
      });
    },
    async [WINDOW_COLUMNS_IN_ENGINE](request: WindowColumnsRequest): Promise<EngineWindowColumns> {
      const { result, report } = await overWindowColumns(request, 'names', async (query, windowQuery) => {
        const found = await query(`SELECT id, sunday::float8, ${windowColumnsSelect('float8')} FROM (${windowQuery}) AS w ORDER BY id COLLATE "C", sunday`);
        const profileIds: string[] = [];
        const profile = new Float64Array(found.length);
        const sunday = new Float64Array(found.length);
        const columns = WINDOW_COLUMNS.map(() => new Float64Array(found.length));
        found.forEach((row, r) => {
          if (row[0] !== profileIds[profileIds.length - 1]) profileIds.push(row[0] as string);
          profile[r] = profileIds.length - 1;
          sunday[r] = Number(row[1]);
          columns.forEach((column, c) => (column[r] = Number(row[2 + c])));
        });
        return { profileIds, profile, sunday, columns };
      });
      return { ...result, report };
    },
    [QUERY_OVER_WINDOW_COLUMNS]<T>(request: WindowColumnsRequest, work: (query: WindowColumnsQuery) => Promise<T>) {
      // The profiles by number: the passes need no id.
      return overWindowColumns(request, 'numbers', async (query, windowQuery) => {
        // Computed once for every query of the work (a training's passes), dropped with the transaction.
        await query(`CREATE TEMPORARY TABLE ef_window ON COMMIT DROP AS ${windowQuery}`);
        const run = async (build: OverWindowColumns) => {
          const { sql, width } = build(POSTGRES_DIALECT, 'SELECT * FROM ef_window');
          const found = await query(sql);
          return Array.from({ length: width }, (_, c) => Float64Array.from(found, (row) => Number(row[c])));
        };
        const profileName = async (number: number) =>
          String(
            (
              await query(`SELECT name FROM (${profileNumbersSql(POSTGRES_DIALECT, 'ef_segments', ' WHERE status = 0')}) AS p WHERE id = ${Math.trunc(number)}`)
            )[0]![0],
          );
        return work(Object.assign(run, { profileName }));
      });
    },
    weeklyBatches<P extends Preset>(request: WeeklyRequest<P>, batching: WeeklyBatching<P>): Promise<WeeklyBatchesEnd> {
      return session(request.limits, async ({ rows, stream, examples, partitioned }) => {
        const segments = segmentsQuery(request, rows);
        // The segments in profile order (code points: COLLATE "C" compares UTF-8 bytes) after the counted rows, and
        // first a row of status 3: the days between the first and last Sundays of all kept segments (no profile spans
        // more) as first_day, the last day of a kept row as last_day. The segments are grouped as by `weekly`, then
        // sorted where they are gathered.
        const sql = `WITH s AS MATERIALIZED (${segments})
          SELECT * FROM (
            SELECT 3 AS status, NULL AS id, NULL AS sunday, NULL AS part, max(sunday) - min(sunday) AS first_day, max(last_day) AS last_day, 0 AS n,
                   ${Array.from({ length: 9 }, () => 'NULL').join(', ')}
            FROM s WHERE status = 0
            UNION ALL SELECT * FROM s
          ) AS u ORDER BY status DESC, id COLLATE "C"`;
        const settings = segmentsSettings(partitioned);
        const batches = new EngineBatches(request, table, batching, (id, date) => rowByKey(table, id, date));
        let reader: SegmentReader;
        do {
          const pass = new SegmentReader({ size: batching.profiles, start: (counts, widest) => batches.start(counts, widest) });
          reader = pass;
          // The batches a chunk completed, handed over in order; while their work is pending, the stream waits.
          const handOver = async (ready: ReturnType<SegmentReader['takeReady']>): Promise<void> => {
            for (const { profileIds, columns } of ready)
              await batches.add({ columns: segmentColumnsOf(profileIds, columns), days: columns[SEGMENT_COLUMNS.length]! });
          };
          await stream(
            sql,
            (chunk) => {
              pass.add(chunk);
              const ready = pass.takeReady();
              return ready.length > 0 ? handOver(ready) : undefined;
            },
            settings,
          );
          pass.end();
          await handOver(pass.takeReady());
        } while (batches.endPass());
        return await batches.end(emptyReport(), examples, reader.counts);
      });
    },
    daily(request: DailyRequest): Promise<DailyFrame> {
      return session(request.limits, async ({ rows, query, stream, examples }) => {
        // The profiles asked for, as parameters into a table of the session's own (COPY takes none), made before the
        // read-only transaction and dropped after.
        if (request.profiles) {
          await query(`DROP TABLE IF EXISTS pg_temp.ef_profiles; CREATE TEMP TABLE ef_profiles (id text PRIMARY KEY)`);
          await query(`INSERT INTO pg_temp.ef_profiles SELECT DISTINCT unnest($1::text[])`, [request.profiles]);
        }
        const wanted = [
          request.since !== undefined ? `day >= ${sqlInteger(request.since)}` : '',
          request.profiles ? 'id IN (SELECT id FROM pg_temp.ef_profiles)' : '',
        ].filter(Boolean);
        // Every row: those kept (status 0) with their values, the others only counted (1: good but not asked for, 2: refused).
        const sql = `SELECT status, ${['id', 'day', 'followers_n', ...COUNTS.map((c) => `${c}_n`)].map((c) => `CASE WHEN status = 0 THEN ${c} END`).join(', ')}
          FROM (SELECT CASE WHEN bad THEN 2 ${wanted.length ? `WHEN ${wanted.join(' AND ')} THEN 0 ELSE 1` : 'ELSE 0'} END AS status, * FROM ${rows}) AS r`;
        const builder = new DailyFrameBuilder();
        const reader = new DailyRowReader(builder);
        try {
          await stream(sql, (chunk) => reader.add(chunk));
        } finally {
          if (request.profiles) await query('DROP TABLE IF EXISTS pg_temp.ef_profiles').catch(() => undefined);
        }
        reader.finish();
        return engineDaily(request, builder, emptyReport(), reader.counts, examples);
      });
    },
  };
  return source;
}

/** The request's window as two day numbers (the widest integers when unbounded). */
function windowOf(request: Pick<WeeklyRequest, 'window'>): [number, number] {
  const window = request.window ?? { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };
  return [Number.isFinite(window.from) ? window.from : -2147483648, Number.isFinite(window.to) ? window.to : 2147483647];
}

/** The day numbers of the first days of the months from the month of `from` to the month after that of `to`. */
function monthStarts(from: number, to: number): number[] {
  const starts: number[] = [];
  const [first, firstMonth] = civilFromDays(from);
  for (let year = first!, month = firstMonth!; ; month === 12 ? ((month = 1), year++) : month++) {
    const start = daysFromCivil(year, month, 1);
    starts.push(start);
    if (start > to) return starts;
  }
}

/** Integers as a SQL array literal, each checked. */
function sqlIntegerArray(values: readonly number[]): string {
  return `'{${values.map(sqlInteger).join(',')}}'::int[]`;
}

/** A day number or a setting written into SQL: an integer, checked (never text). */
function sqlInteger(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`postgres: internal: ${n} is not an integer`);
  return String(n);
}

/**
 * The settings the segments query runs under. Each partition is grouped where it lies (on a shard, by
 * postgres_fdw). PostgreSQL 15 cannot tell how few groups the checked keys make: it prices a shard's GROUP BY as if
 * it kept every row, and its expressions above the coordinator's own grouping, which then wins. Priced at nothing
 * (for this query, in this transaction), the expressions no longer decide it.
 */
function segmentsSettings(partitioned: boolean): string[] {
  return ['SET LOCAL enable_partitionwise_aggregate = on', ...(partitioned ? ['SET LOCAL cpu_operator_cost = 0'] : [])];
}

/**
 * The segments query of a request over `rows` (the checked rows' subquery):
 * status, profile, Sunday, part, first and last day, rows, the sums, the
 * followers' count and last value, and the days with a record as bits.
 */
function segmentsQuery(request: Pick<WeeklyRequest, 'window' | 'limits'>, rows: string): string {
  // COPY takes no parameters: its only values are the day numbers of the limits and the window, integers checked here.
  const [from, to] = windowOf(request).map(sqlInteger);
  // The first day of every month from the limits' first day to the week after their last, for the month part.
  const months = sqlIntegerArray(monthStarts(request.limits.firstDay, request.limits.lastDay + 6));
  // Grouped by three keys: the status, the profile column as it is (the key a table is partitioned on, so that the
  // grouping of each partition can be done where it lies: on a shard, by postgres_fdw) and the segment (its Sunday
  // times 2, plus 1 for the days of the month before the Sunday's, found among the month starts by width_bucket:
  // integer arithmetic, which postgres_fdw sends, where date_part is not); the segment NULL outside the window. The
  // keys and the sums are kept cheap to compute (the segment does not repeat the checks; the days' bits do not repeat
  // the segment): postgres_fdw's planner weighs their cost, and past about twice this it groups on the coordinator.
  return `SELECT status, id, seg >> 1 AS sunday, seg & 1 AS part, first_day, last_day, n, posts, engagement, reach, impressions,
        followers_sum, followers_count, coalesce(last_pair[2], 'NaN'::float8) AS followers_last, coalesce(last_pair[1], 'NaN'::float8) AS followers_day, days
    FROM (
      SELECT status, ef_key::text AS id, seg, min(day) AS first_day, max(day) AS last_day, count(*) AS n,
             sum(posts_n) AS posts, sum(engagement_n) AS engagement, sum(reach_n) AS reach, sum(impressions_n) AS impressions,
             coalesce(sum(followers_n), 0) AS followers_sum, count(followers_n) AS followers_count,
             max(ARRAY[day::float8, followers_n]) FILTER (WHERE followers_n IS NOT NULL) AS last_pair,
             bit_or(1 << ((((3 - day) % 7) + 7) % 7)) AS days
      FROM (
        SELECT status, ef_key, day, posts_n, engagement_n, reach_n, impressions_n, followers_n,
               CASE WHEN day BETWEEN ${from} AND ${to} THEN 2 * sunday + (day < (${months})[width_bucket(sunday, ${months})])::int END AS seg
        FROM (SELECT CASE WHEN bad THEN 2 WHEN day BETWEEN ${from} AND ${to} THEN 0 ELSE 1 END AS status,
                     day + (((3 - day) % 7) + 7) % 7 AS sunday, *
              FROM ${rows}) AS rows
      ) AS keyed
      GROUP BY status, ef_key, seg
    ) AS grouped`;
}

/**
 * Runs `COPY … TO STDOUT` on a `pg` client and hands each data chunk to
 * `onData` as it arrives (a `pg` submittable: the client routes the
 * protocol's messages to it). When `onData` returns a promise, the socket is
 * paused until it settles (the server waits), the chunks already received
 * wait their turn in order, and the copy ends once the last one's work is
 * done. What `onData` throws or rejects with ends the copy with that error,
 * and stops the server's statement too when it is still running (a cancel
 * request), rather than reading the rest of the copy to drop it.
 */
function copyOut(client: PostgresClientLike, text: string, onData: (chunk: Uint8Array) => void | Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: unknown = null;
    let socket: { pause(): void; resume(): void } | null = null;
    const waiting: Uint8Array[] = [];
    let busy = false;
    let ended = false;
    const fail = (error: unknown): void => {
      if (failure !== null) return;
      failure = error;
      if (!ended) cancelStatement(client);
    };
    const settle = (): void => (failure ? reject(failure) : resolve());
    const pump = (): void => {
      while (failure === null && waiting.length > 0) {
        let result: void | Promise<void>;
        try {
          result = onData(waiting.shift()!);
        } catch (error) {
          fail(error);
          break;
        }
        if (result && typeof (result as Promise<void>).then === 'function') {
          busy = true;
          socket?.pause();
          const next = (): void => {
            busy = false;
            socket?.resume();
            pump();
          };
          (result as Promise<void>).then(next, (error: unknown) => {
            fail(error);
            next();
          });
          return;
        }
      }
      if (failure !== null) waiting.length = 0;
      if (ended) settle();
    };
    const submittable = {
      submit(connection: { query(text: string): void; stream?: { pause(): void; resume(): void } }) {
        socket = connection.stream ?? null;
        connection.query(text);
      },
      handleCopyData(message: { chunk: Uint8Array }) {
        if (failure !== null) return;
        waiting.push(message.chunk);
        if (!busy) pump();
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleCommandComplete() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleError(error: Error) {
        // After a failure here, the server's error is the cancel's answer: the failure is what to report.
        reject(failure ?? error);
      },
      handleReadyForQuery() {
        ended = true;
        if (!busy) settle();
      },
    };
    (client as unknown as { query(submittable: unknown): unknown }).query(submittable);
  });
}

/**
 * Asks the server to stop the statement running on `client`, as psql's
 * Ctrl-C does: a cancel request with the backend's key, on a connection of
 * its own (`pg`'s, to the same host and port). Best effort: a client without
 * the key (not `pg`'s), or a request that cannot be sent, leaves the
 * statement to finish, its rows read and dropped.
 */
function cancelStatement(client: PostgresClientLike): void {
  type Connection = {
    on(event: 'connect' | 'error', listener: () => void): void;
    connect(portOrPath: number | string, host?: string): void;
    cancel(processID: number, secretKey: number): void;
  };
  const c = client as unknown as {
    processID?: number | null;
    secretKey?: number | null;
    host?: string;
    port?: number;
    constructor?: new (config: object) => { connection?: Connection };
  };
  const { processID, secretKey, host = 'localhost', port = 5432 } = c;
  if (typeof processID !== 'number' || typeof secretKey !== 'number' || typeof c.constructor !== 'function') return;
  try {
    const con = new c.constructor({ host, port }).connection;
    if (!con) return;
    // A server that refuses or drops the request: nothing to report (the statement then finishes by itself).
    con.on('error', () => undefined);
    con.on('connect', () => con.cancel(processID, secretKey));
    if (host.startsWith('/')) con.connect(`${host}/.s.PGSQL.${port}`);
    else con.connect(port, host);
  } catch {
    // Not a `pg` client after all: the rest of the copy is read and dropped.
  }
}

/** Options of `postgresProfiles`: where the daily rows are, and how long to wait. */
export interface PostgresProfilesOptions extends Omit<PostgresSourceOptions, 'pool' | 'statementTimeoutMillis'> {
  /** The most connections the pool opens (default 10). */
  maxConnections?: number;
  /** How long one profile's query may take in the server, in milliseconds (default 2000). */
  statementTimeoutMillis?: number;
}

/** The part of a `pg.Pool` `postgresProfiles` uses. */
interface PgPoolLike {
  query(config: { text: string; values?: unknown[]; rowMode?: 'array' }): Promise<{ rows: unknown[][] }>;
  on(event: 'error', listener: (error: Error) => void): void;
  end(): Promise<void>;
}

/** Host, port and database of a connection string (else of the `PG*` variables), for messages; never the password. */
function serverOf(connectionString: string | undefined): string {
  let host = process.env.PGHOST ?? 'localhost';
  let port = process.env.PGPORT ?? '5432';
  let database = process.env.PGDATABASE ?? '';
  if (connectionString !== undefined) {
    try {
      const url = new URL(connectionString);
      host = decodeURIComponent(url.hostname) || url.searchParams.get('host') || host;
      port = url.port || port;
      database = decodeURIComponent(url.pathname.slice(1)) || database;
    } catch {
      return 'the server of the connection string';
    }
  }
  return `${host}:${port}${database ? `/${database}` : ''}`;
}

/**
 * One profile's daily rows at a time, from a PostgreSQL table, for the
 * service's `GET /v1/profiles/:id/forecast`: one parameterized query by
 * `profile_id` (an index on it makes it a lookup), through a pool, in date
 * order. Values come back as text, as a CSV field would be read (a typed
 * date as `YYYY-MM-DD`; NULL followers as missing, a NULL count as an empty
 * field, which the reader refuses), so the rows are checked by the same
 * rules as every other path. A server that is down or slow fails the query
 * within `connectTimeoutMillis` / `statementTimeoutMillis` with an
 * `EngineError` naming server and table. Loads `pg` on first use.
 *
 * @example
 * import { postgresProfiles } from 'engagement-forecast/postgres';
 * import { createServer } from 'engagement-forecast/server';
 * const server = await createServer({ model: 'model.json', profiles: postgresProfiles({ connectionString: process.env.DATABASE_URL, table: 'daily' }) });
 * @throws `ArgumentTypeError` when `table` is missing or an option has the wrong type.
 */
export function postgresProfiles(options: PostgresProfilesOptions): ProfileRowSource {
  const { table, relation, names } = checkTableOptions('postgresProfiles', options, ['connectTimeoutMillis', 'statementTimeoutMillis', 'maxConnections']);
  const timeout = options.statementTimeoutMillis ?? 2000;
  let pool: PgPoolLike | null = null;
  let where = 'the server';
  /** The query of one profile's rows, made once the table's columns are checked (again after a failure). */
  let prepared: Promise<string> | null = null;
  const failed = (what: string, error: unknown): EngineError => {
    if (error instanceof EngineError) return error;
    const e = error as Error & { code?: string };
    return new EngineError('postgres', `postgres: ${what} (server ${where}, table ${table}): ${e.message || e.code || String(error)}`, { cause: error });
  };
  const open = async (): Promise<PgPoolLike> => {
    if (pool) return pool;
    const pg = (await loadPg()) as unknown as { Pool: new (config: Record<string, unknown>) => PgPoolLike };
    const config: Record<string, unknown> = {
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMillis ?? 2000,
      // The server stops a slow query; the client gives up a little later if the server does not answer at all.
      statement_timeout: timeout,
      query_timeout: timeout + 1000,
      keepAlive: true,
    };
    if (options.connectionString !== undefined) config.connectionString = options.connectionString;
    const made = new pg.Pool(config);
    // An idle connection that the server drops is reported here; without a listener it would crash the process.
    made.on('error', () => undefined);
    where = serverOf(options.connectionString);
    pool = made;
    return made;
  };
  const prepare = async (p: PgPoolLike): Promise<string> => {
    const { typeOf } = await describeTable(async (text, values) => (await p.query({ text, values, rowMode: 'array' })).rows, relation, table, names, failed);
    const col = (column: (typeof DAILY_COLUMNS)[number]) => quoteIdentifier(names[column]);
    const dateType = typeOf('date');
    // A typed date as YYYY-MM-DD whatever the server's DateStyle (a time stamp with a zone: its UTC day); text as it is.
    const date = TEXT_TYPES.includes(dateType)
      ? col('date')
      : `to_char(${dateType === 'timestamptz' ? `${col('date')} AT TIME ZONE 'UTC'` : col('date')}, 'YYYY-MM-DD')`;
    // Numbers as text that reads back to the same double (what PostgreSQL 12 and later print by default).
    const text = (column: (typeof DAILY_COLUMNS)[number]) => `${col(column)}::text`;
    return `SELECT ${date}, ${text('profile_id')}, ${text('followers')}, ${COUNTS.map(text).join(', ')}
              FROM ${relation} WHERE ${col('profile_id')} = $1 ORDER BY ${col('date')}`;
  };
  return {
    name: table,
    async rows(profileId) {
      const p = await open();
      prepared ??= prepare(p).catch((error: unknown) => {
        prepared = null;
        throw error;
      });
      const sql = await prepared;
      const result = await p.query({ text: sql, values: [profileId], rowMode: 'array' }).catch((error: unknown) => {
        throw failed('the query failed', error);
      });
      return result.rows.map(([date, id, followers, ...counts]) => {
        const row: DailyRowInput = {
          date: date === null ? '' : String(date),
          profile_id: String(id),
          followers: followers === null ? null : String(followers),
          posts: '',
          engagement: '',
          reach: '',
          impressions: '',
        };
        COUNTS.forEach((c, k) => (row[c] = counts[k] === null ? '' : String(counts[k])));
        return row;
      });
    },
    async ping() {
      const p = await open();
      await p.query({ text: 'SELECT 1', rowMode: 'array' }).catch((error: unknown) => {
        throw failed('the server does not answer', error);
      });
    },
    async close() {
      const p = pool;
      pool = null;
      prepared = null;
      await p?.end();
    },
  };
}
