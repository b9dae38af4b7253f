/**
 * The error taxonomy (docs/errors.md), decided once:
 * - `DataError`: input a person can fix in a file or request (a row, a field, a file);
 * - `ModelError`: a model file or object that cannot be used, or that does not fit the data;
 * - `ArgumentTypeError` / `ArgumentRangeError` (a `TypeError` / `RangeError`):
 *   a wrong argument or option, named in the message;
 * - `WriteError`: an output that could not be written completely (a folder in
 *   the way, no permission, a full disk); no partial file is left behind;
 * - `EngineError`: an engine that is not installed, cannot be reached, or
 *   whose query failed (the server, the table and the engine's reason named);
 * - anything else is a bug.
 * The command line maps them to exit codes 1, 1, 2 (1 when found only after
 * reading), 1, 1 and 70.
 */

/**
 * What kind of input problem a `DataError` is, for programs that map errors
 * (the service's HTTP statuses) without reading messages:
 * - `bad_row`: a row (or request row) that cannot be read;
 * - `bad_file`: a file or folder as a whole (missing, unreadable, no header);
 * - `bad_segment`: segment columns handed to `weeklyFromSegmentColumns`;
 * - `span_limit`: a profile whose records span more weeks than `limits.maxWeeksPerProfile` (line 0), or one of its rows outside the weeks it keeps (a bad row: line > 0, or a table's key);
 * - `unforecastable`: a profile whose numbers overflow what training can sum or a forecast can compute.
 */
export type DataErrorCode = 'bad_row' | 'bad_file' | 'bad_segment' | 'span_limit' | 'unforecastable';

/** Where a bad value was found, and what it was. */
export interface DataErrorDetails {
  /** The kind of problem; default `bad_row` for a line or row, `bad_file` for a file as a whole (line 0). */
  code?: DataErrorCode;
  /** The file, or `<rows>` for rows passed as objects. */
  file: string;
  /** 1-based line in the file (the header is line 1), the 1-based row number for objects, or 0 for the file as a whole. */
  line: number;
  /** The column name, when one column is at fault. */
  column?: string;
  /** The offending text, when there is one. */
  value?: string;
}

/** A row or file that cannot be read. The message says which file, line and column, and why. */
export class DataError extends Error {
  /** The kind of problem (see `DataErrorCode`). */
  readonly code: DataErrorCode;
  readonly file: string;
  readonly line: number;
  readonly column: string | undefined;
  readonly value: string | undefined;
  /** The reason alone, without the location. */
  readonly reason: string;

  constructor(reason: string, details: DataErrorDetails) {
    const where = `${details.file}${details.line > 0 ? `:${details.line}` : ''}${details.column ? ` (column '${details.column}')` : ''}`;
    const shown = details.value === undefined ? '' : `: ${JSON.stringify(truncate(showValue(details.value)))}`;
    super(`${where}: ${reason}${shown}`);
    this.name = 'DataError';
    this.code = details.code ?? (details.line > 0 ? 'bad_row' : 'bad_file');
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.value = details.value === undefined ? undefined : showValue(details.value);
    this.reason = reason;
  }
}

/** A model file or object that is malformed, truncated or does not fit the data. */
export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}

/** An output file (or stream) that could not be written completely. The message names it and the system's reason. */
export class WriteError extends Error {
  /** The file, or `<stream>`. */
  readonly path: string;
  /** The system error code (`EISDIR`, `EACCES`, `ENOSPC`, …) when there is one. */
  readonly code: string | undefined;

  /** `why` replaces the system's code in the message when there is a plainer way to say it. */
  constructor(path: string, cause: unknown, why?: string) {
    const code = (cause as NodeJS.ErrnoException | null)?.code;
    const message = cause instanceof Error ? cause.message : showValue(cause);
    super(`${path}: cannot write the file (${why ?? code ?? message}); nothing was written there`, { cause });
    this.name = 'WriteError';
    this.path = path;
    this.code = code;
  }
}

/**
 * What kind of argument problem an `ArgumentTypeError` or
 * `ArgumentRangeError` is: `bad_argument` (a wrong value or type), or
 * `no_rows_for_profile` (a profile asked for by name has no rows to forecast from).
 */
export type ArgumentErrorCode = 'bad_argument' | 'no_rows_for_profile';

/** A wrong argument or option (a wrong type, an unknown name, a date not written YYYY-MM-DD). */
export class ArgumentTypeError extends TypeError {
  /** Always `bad_argument`. */
  readonly code: ArgumentErrorCode = 'bad_argument';

  constructor(message: string) {
    super(message);
    this.name = 'TypeError';
  }
}

/** An argument or option out of its range (a cutoff before every row, a profile with no rows). */
export class ArgumentRangeError extends RangeError {
  /** The kind of problem (see `ArgumentErrorCode`). */
  readonly code: ArgumentErrorCode;

  constructor(message: string, code: ArgumentErrorCode = 'bad_argument') {
    super(message);
    this.name = 'RangeError';
    this.code = code;
  }
}

/** Whether an error is one the library raised for a wrong argument, as opposed to a bug. */
export function isArgumentError(error: unknown): error is ArgumentTypeError | ArgumentRangeError {
  return error instanceof ArgumentTypeError || error instanceof ArgumentRangeError;
}

/**
 * A value as text for an error message, without running any of its code: a
 * string as it is, a primitive as `String` gives it, an array or object by its
 * kind and size. Never throws, whatever the value (nested 10,000 deep, a
 * `toString` that is not a function, a Proxy).
 */
export function showValue(value: unknown): string {
  try {
    if (typeof value === 'string') return value;
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
    if (Array.isArray(value)) return `an array of ${value.length} items`;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : `a Date (${value.toISOString()})`;
    return typeof value === 'function' ? 'a function' : 'an object';
  } catch {
    return 'a value that cannot be shown';
  }
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * An engine (DuckDB, PostgreSQL) that is not installed, cannot be reached, or
 * whose query failed. The message names the engine, the server and the
 * table where they apply, and the engine's own reason; `cause` holds the
 * engine's error.
 */
export class EngineError extends Error {
  /** `duckdb` or `postgres`. */
  readonly engine: string;

  constructor(engine: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.engine = engine;
  }
}
