// What the commands share: parsing and checking flags, writing outputs, the help's common parts.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isArgumentError, WriteError } from '../errors.js';
import { writeText } from '../io/text-writer.js';
import { loadBuiltinModel } from '../model/builtin.js';
import { loadModel, type EngagementModel } from '../model/model-file.js';
import { parseDayStrict } from '../calendar.js';
import { checkOnError, checkPreset, checkWorkers, type OnError, type Preset } from '../schema.js';
import { duckdb } from '../engines/duckdb.js';
import { postgres } from '../engines/postgres.js';
import type { WeeklySource } from '../features/source.js';
import { ProgressBar, type TerminalLike } from './progress.js';
import { loadWeekly } from '../io/load-weekly.js';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import type { LoadReport } from '../frame/load-report.js';

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}

export const COMMON = `Common options:
  --quiet               no progress bars or notes on stderr
  --json                a machine-readable summary (JSON) on stdout; data goes to --out
  --mkdir               create the folders of output files that do not exist (without it,
                        a missing folder is an error: exit 1, nothing written)
  -h, --help            this help`;

export const DATA_OPTIONS = `  --data PATH...        daily CSV files (.csv, .csv.gz) or folders searched for them; repeat --data or list paths after it
  --on-error MODE       throw (default): stop at the first unreadable row; skip: skip such rows and report them
  --workers N           reading threads (default: one per core for large inputs)`;

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function parse(command: string, argv: string[], options: ParseArgsConfig['options']): { values: Values; positionals: string[] } {
  // A negative number after a flag that takes a value: say how to write it (node's parser calls it "ambiguous").
  for (let i = 0; i + 1 < argv.length; i++) {
    const name = /^--([\w-]+)$/.exec(argv[i]!)?.[1];
    const next = argv[i + 1]!;
    if (name !== undefined && options?.[name]?.type === 'string' && /^-\d/.test(next)) {
      throw new UsageError(`${command}: --${name} ${next}: a value that starts with '-' is written --${name}=${next}`);
    }
  }
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...options, help: { type: 'boolean', short: 'h' }, quiet: { type: 'boolean' }, json: { type: 'boolean' }, mkdir: { type: 'boolean' } },
    });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Runs one of the library's option validators on a flag: its wrong-argument errors become usage errors (exit 2), before any data is read. */
export function flag<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (isArgumentError(error)) throw new UsageError(error.message);
    throw error;
  }
}

/** The help of the flags that read the daily rows through an engine (commands that build a weekly table). */
export const ENGINE_OPTIONS = `  --engine NAME         js (default): the library's reader; duckdb or postgres: the rows checked
                        and summed by segment in DuckDB (the optional peer @duckdb/node-api) or in
                        a PostgreSQL server (the optional peer pg); docs/engines.md
  --parquet PATH...     duckdb: Parquet files (paths or globs) instead of --data
  --table NAME          duckdb, postgres: a table or view of daily rows
  --database FILE       duckdb: the DuckDB database file that holds --table
  --memory-limit SIZE   duckdb: DuckDB's memory limit (e.g. 4GB); past it, DuckDB spills to disk
  --url URL             postgres: the server (postgres://user@host:port/database); without it,
                        the PG* environment variables (PGHOST, PGPORT, PGDATABASE, ...). Give the
                        password in PGPASSWORD or ~/.pgpass: a flag shows in the process list
  --schema NAME         postgres: the schema of --table (default: the search path)`;

/**
 * The weekly table from the source the flags name (`weeklySourceFlags`), with
 * a progress bar on stderr (none when quiet): what `weekly`, `train` and
 * `evaluate` read their data with.
 */
export async function loadWeeklyFrom<P extends Preset>(
  data: { source: string[] | WeeklySource; onError: OnError; workers?: number },
  preset: P,
  context: CommandContext,
): Promise<{ weekly: WeeklyFrame<P>; report: LoadReport }> {
  const bar = new ProgressBar(context.io.stderr, context.quiet);
  const loaded = await loadWeekly(data.source, { preset, onError: data.onError, onProgress: bar.callback, ...(data.workers ? { workers: data.workers } : {}) });
  bar.done();
  return loaded;
}

/** A load's rows that repeat a profile's day, in words ('' when none): summed with the first, and said. */
export function repeatedDays(report: LoadReport): string {
  const n = report.duplicateRows ?? 0;
  return n ? `; ${n} ${n === 1 ? 'row repeats' : 'rows repeat'} a profile's day (summed into its week)` : '';
}

/** The flags of `ENGINE_OPTIONS`. */
export const engineOptions = {
  engine: { type: 'string' },
  parquet: { type: 'string', multiple: true },
  table: { type: 'string' },
  database: { type: 'string' },
  'memory-limit': { type: 'string' },
  url: { type: 'string' },
  schema: { type: 'string' },
} as const;

/**
 * Where the weekly table comes from: the files of `--data` (read by the
 * library), DuckDB over files, Parquet or a table (`--engine duckdb`), or a
 * PostgreSQL table (`--engine postgres`).
 */
export function weeklySourceFlags(
  values: Values,
  positionals: string[],
  command: string,
): { source: string[] | WeeklySource; onError: OnError; workers?: number } {
  const engine = (values.engine as string | undefined) ?? 'js';
  const parquet = values.parquet as string[] | undefined;
  const table = values.table as string | undefined;
  const database = values.database as string | undefined;
  const memoryLimit = values['memory-limit'] as string | undefined;
  const url = values.url as string | undefined;
  const schema = values.schema as string | undefined;
  if (engine !== 'postgres' && (url !== undefined || schema !== undefined)) throw new UsageError(`${command}: --url and --schema need --engine postgres`);
  if (engine === 'js') {
    if (parquet || table || database || memoryLimit) throw new UsageError(`${command}: --parquet, --table, --database and --memory-limit need --engine duckdb`);
    const { paths, ...rest } = dataFlags(values, positionals, command);
    return { source: paths, ...rest };
  }
  if (engine === 'postgres') {
    if (parquet || database || memoryLimit) throw new UsageError(`${command}: --parquet, --database and --memory-limit need --engine duckdb`);
    if (values.data !== undefined || positionals.length > 0)
      throw new UsageError(`${command}: with --engine postgres, the rows are read from --table, not --data`);
    if (table === undefined) throw new UsageError(`${command}: with --engine postgres, --table is required`);
    const onError = flag(() => checkOnError(values['on-error'], command, '--on-error'));
    return {
      source: flag(() => postgres({ table, ...(schema !== undefined ? { schema } : {}), ...(url !== undefined ? { connectionString: url } : {}) })),
      onError,
    };
  }
  if (engine !== 'duckdb') throw new UsageError(`${command}: --engine must be js, duckdb or postgres, got '${engine}'`);
  const paths = [...((values.data as string[] | undefined) ?? []), ...positionals];
  const given = [paths.length > 0 ? '--data' : '', parquet ? '--parquet' : '', table !== undefined ? '--table' : ''].filter(Boolean);
  if (given.length !== 1)
    throw new UsageError(`${command}: with --engine duckdb, give one of --data, --parquet or --table${given.length ? ` (got ${given.join(', ')})` : ''}`);
  if (database !== undefined && table === undefined) throw new UsageError(`${command}: --database goes with --table`);
  const onError = flag(() => checkOnError(values['on-error'], command, '--on-error'));
  const settings = memoryLimit ? { memoryLimit } : {};
  const where = paths.length > 0 ? { files: paths } : parquet ? { parquet } : { table: table!, ...(database !== undefined ? { database } : {}) };
  return { source: flag(() => duckdb({ ...where, ...settings })), onError };
}

export const dataOptions = {
  data: { type: 'string', multiple: true },
  'on-error': { type: 'string' },
  workers: { type: 'string' },
} as const;

/** The options every command that reads daily data shares, validated. */
export function dataFlags(values: Values, positionals: string[], command: string): { paths: string[]; onError: OnError; workers?: number } {
  const paths = [...((values.data as string[] | undefined) ?? []), ...positionals];
  if (paths.length === 0) throw new UsageError(`${command}: --data is required (files or folders of daily CSVs)`);
  const onError = flag(() => checkOnError(values['on-error'], command, '--on-error'));
  const raw = values.workers as string | undefined;
  const workers = flag(() => checkWorkers(raw === undefined ? undefined : /^\d+$/.test(raw) ? Number(raw) : raw, command, '--workers'));
  return { paths, onError, ...(workers === undefined ? {} : { workers }) };
}

/** A comma-separated flag as a list. */
export function listFlag(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A model flag: a kind, or `window-average:W`. */
export function modelFlag(value: string): string | { kind: string; weeks: number } {
  const m = /^window-average:(\d+)$/.exec(value);
  return m ? { kind: 'window-average', weeks: Number(m[1]) } : value;
}

export function presetFlag(values: Values, command: string): Preset {
  return flag(() => checkPreset(values.preset, command, '--preset'));
}

/** A `YYYY-MM-DD` flag, checked by the library's own date rule. */
export function dateFlag(values: Values, name: string, command: string): string | undefined {
  const v = values[name] as string | undefined;
  if (v !== undefined) flag(() => parseDayStrict(v, `${command}: --${name}`));
  return v;
}

export function required(values: Values, name: string, command: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`${command}: --${name} is required`);
  return v;
}

/** `--json` prints a summary on stdout, so the command's data must go to a file. */
export function jsonNeedsOut(values: Values, out: string | undefined, command: string): void {
  if (values.json && (out === undefined || out === '-')) {
    throw new UsageError(`${command}: --json prints a summary on stdout; give --out FILE for the ${command === 'weekly' ? 'table' : 'forecasts'}`);
  }
}

export async function modelFrom(values: Values): Promise<EngagementModel> {
  return typeof values.model === 'string' ? loadModel(values.model) : loadBuiltinModel();
}

export function checkModelFlags(values: Values, command: string): void {
  if (values.model && values.builtin) throw new UsageError(`${command}: give --model or --builtin, not both`);
}

/** JSON for output files and stdout: JSON has no NaN or Infinity, so they are written as null. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), indent);
}

/** Makes the folder a file goes into; a failure is a `WriteError` naming the file. */
export function ensureDir(file: string, values: Values): void {
  const dir = dirname(file);
  if (existsSync(dir)) return;
  // A missing folder is most often a typo: created only when asked (--mkdir).
  if (values.mkdir !== true) {
    const error = Object.assign(new Error(`no folder ${dir}`), { code: 'ENOENT' });
    throw new WriteError(file, error, `the folder ${dir} does not exist; create it, or pass --mkdir`);
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new WriteError(file, error);
  }
}

/** Writes a file through the library's writer: complete, or not at all. */
export async function writeFileText(path: string, text: string, values: Values): Promise<void> {
  ensureDir(path, values);
  await writeText(path, [text]);
}

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: TerminalLike;
}

/** Whether an error is a write to a closed pipe (`… | head`): the reader has all it wants. */
export function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/** What a command runs with: where output goes, and notes on stderr (none once `quiet` is set). */
export interface CommandContext {
  io: Io;
  /** Set by the command once its flags are parsed (`--quiet`). */
  quiet: boolean;
  /** A note on stderr, unless quiet. */
  note: (text: string) => void;
}

/** One command of the command line: its name, its line in the main help, its help, and what it does. */
export interface Command {
  readonly name: string;
  /** Its line in the main help. */
  readonly summary: string;
  /** Its `--help`. */
  readonly help: string;
  /** Runs it on the arguments after its name; resolves to the exit code (−1: a service that runs until a signal). */
  run(argv: string[], context: CommandContext): Promise<number>;
}
