import { sundayOnOrBefore } from '../calendar.js';
import type { DailyFrame } from '../frame/daily-frame.js';
import type { LoadReport } from '../frame/load-report.js';
import type { WeeklyFrame } from '../frame/weekly-frame.js';
import type { CheckedLimits, DailyRowInput, OnError, Prediction, Preset, ProgressCallback } from '../schema.js';
import type { DayWindow } from './weekly-sums.js';

/*
 * The seam between where daily rows live and the weekly table: a source
 * sums the rows it holds into segments (`SegmentColumns`, or the reader's own
 * segment tables) and returns the weekly table built from them. The CSV
 * reader (`csvSource`), a `DailyFrame` in memory (`dailyFrameSource`) and
 * the SQL engines implement it; `loadWeekly`, `predictFiles`, `predict`'s
 * `asOf` window and the backtest's per-origin rebuild all go through it.
 */

/** What a source is asked for (every field checked by the caller). */
export interface WeeklyRequest<P extends Preset = Preset> {
  /** The preset whose column definitions the table gets. */
  preset: P;
  /** What to do with a row that cannot be read: stop with a `DataError`, or skip it and count it in the report. */
  onError: OnError;
  /** Input limits, checked: accepted days, longest record, weeks per profile (`maxWeeksPerProfile` holds for the table). */
  limits: CheckedLimits;
  /**
   * Only rows of these days (day numbers, ±Infinity for no bound) are summed;
   * good rows outside are counted in `report.outsideWindow`, not in
   * `report.rows`. Absent: every row, and no `outsideWindow` in the report.
   */
  window?: DayWindow;
  /**
   * Extend every profile's weeks through the week ending on this Sunday (a
   * day number), or through the Sunday on or before the last day read
   * (`'last-day'`: the last complete week of the input), with weeks of no record.
   */
  through?: number | 'last-day';
  /** Called as the source reads (`read`) and builds (`weekly`). */
  onProgress?: ProgressCallback;
}

/** What a source returns. */
export interface WeeklyLoad<P extends Preset = Preset> {
  weekly: WeeklyFrame<P>;
  /** What reading found (rows, skipped rows and their first examples, rows outside the window). */
  report: LoadReport;
  /** The last day with a row in the window (−Infinity when none). */
  lastDay: number;
}

/**
 * Where weekly tables come from (docs/data-model.md). Implement `weekly` to
 * read another store: sum its daily rows by segment and hand the columns to
 * `weeklyFromSegmentColumns`.
 */
export interface WeeklySource {
  /** Names the source in messages (a path, a table). */
  readonly name: string;
  /** The weekly table of the rows this source holds, as the request says. */
  weekly<P extends Preset>(request: WeeklyRequest<P>): WeeklyLoad<P> | Promise<WeeklyLoad<P>>;
  /** The daily rows this source holds, checked, as `loadDaily` asks for them (optional: the SQL engines have it). */
  daily?(request: DailyRequest): Promise<DailyFrame>;
  /**
   * Writes forecasts into a table where the rows live, replacing the table as a whole, or leaving it as it was
   * when the write fails (optional: `postgres()` and `duckdb()` over a table have it). `bounds` names the
   * interval columns, in order; `onProgress` hears `{ stage: 'write', rows }` as the rows go in.
   */
  writeForecasts?(into: ForecastTable, predictions: readonly Prediction[], bounds: readonly string[], onProgress?: ProgressCallback): Promise<WrittenForecasts>;
  /**
   * Begins replacing a forecasts table as `writeForecasts` does, for forecasts that come a batch at a time while
   * this source is still being read (optional: `postgres()` has it, on a connection of its own, and `duckdb()` over
   * a database file, whose reads then share the instance that writes): the transaction stays open until `commit` or
   * `abort`. Rejects, naming the table, when the table cannot be replaced.
   */
  openForecasts?(into: ForecastTable, bounds: readonly string[], onProgress?: ProgressCallback): Promise<ForecastSink>;
  /**
   * The weekly table a batch of whole profiles at a time, for work whose memory must not grow with the rows
   * (`predictInEngine`; optional: the SQL engines have it). The engine sums the segments and sends them in
   * profile order (code points); each batch's table (the profiles of the batch only, every week of each, as
   * `weekly` builds it) goes to `batching.onBatch` and is let go. Resolves once every batch was handed over,
   * with the report and the last day, or rejects as `weekly` would (a refused row under `onError: 'throw'`).
   */
  weeklyBatches?<P extends Preset>(request: WeeklyRequest<P>, batching: WeeklyBatching<P>): Promise<WeeklyBatchesEnd>;
}

/** How `WeeklySource.weeklyBatches` hands over its batches. */
export interface WeeklyBatching<P extends Preset = Preset> {
  /** Profiles per batch (a positive integer). */
  profiles: number;
  /**
   * Called with each batch's table, in profile order, and the input's last day kept (the one a `through:
   * 'last-day'` request extends the tables to; `WeeklyBatchesEnd.lastDay`). A promise returned holds the next batch
   * back until it settles (the engine's stream waits); a rejection ends the read with its error.
   */
  onBatch(weekly: WeeklyFrame<P>, lastDay: number): void | Promise<void>;
}

/** What `WeeklySource.weeklyBatches` resolves to once every batch was handed over. */
export interface WeeklyBatchesEnd {
  /** What reading found, as `weekly` reports it. */
  report: LoadReport;
  /** The last day with a row kept in the window (−Infinity when none). */
  lastDay: number;
}

/** Where `predictFiles` writes its forecasts (`into`): a table, and its schema (default: the source's). */
export interface ForecastTable {
  table: string;
  schema?: string;
}

/** A forecasts table being replaced (`WeeklySource.openForecasts`): written a batch at a time, then committed or abandoned. */
export interface ForecastSink {
  /** Writes forecasts into the new table (rejects, naming the table, when the engine refuses them). */
  write(predictions: readonly Prediction[]): Promise<void>;
  /** Checks the rows and commits: readers then see the new table (rejects, the table as it was, when that fails). */
  commit(): Promise<WrittenForecasts>;
  /** Rolls back: the table is as it was. */
  abort(): Promise<void>;
}

/** What a source wrote: the table, as named in messages, and its rows (four per profile). */
export interface WrittenForecasts {
  table: string;
  rows: number;
}

/**
 * Where a service reads one profile's daily rows at a time (`GET
 * /v1/profiles/:id/forecast`): a query by the profile's key, in date order.
 * `postgresProfiles` (the `postgres` subpath) is one.
 */
export interface ProfileRowSource {
  /** Names the source in messages (a table). */
  readonly name: string;
  /** The profile's daily rows as the store holds them (text, as a CSV field would be), in date order; none for an unknown profile. */
  rows(profileId: string): Promise<DailyRowInput[]>;
  /** Resolves when the store answers, rejects when it does not (readiness). */
  ping(): Promise<void>;
  /** Closes the connections. */
  close(): Promise<void>;
}

/** What `loadDaily` asks a source for (every field checked by the caller). */
export interface DailyRequest {
  /** What to do with a row that cannot be read. */
  onError: OnError;
  /** Input limits, checked. */
  limits: CheckedLimits;
  /** Only rows on or after this day (a day number); good rows before it are counted in `report.outsideWindow`. */
  since?: number;
  /** Only these profiles' rows; good rows of others are counted in `report.outsideWindow`. */
  profiles?: readonly string[];
}

/** A source that answers at once (rows already in memory). */
export interface SyncWeeklySource extends WeeklySource {
  weekly<P extends Preset>(request: WeeklyRequest<P>): WeeklyLoad<P>;
}

/** The Sunday a request's `through` names, once the last day read (−Infinity when none) is known. */
export function throughOf(request: Pick<WeeklyRequest, 'through'>, lastDay: number): number | undefined {
  if (request.through !== 'last-day') return request.through;
  return lastDay > Number.NEGATIVE_INFINITY ? sundayOnOrBefore(lastDay) : undefined;
}

/** Whether a value is a `WeeklySource` (an object with a `weekly` method and a name). */
export function isWeeklySource(value: unknown): value is WeeklySource {
  return (
    value !== null && typeof value === 'object' && typeof (value as WeeklySource).weekly === 'function' && typeof (value as WeeklySource).name === 'string'
  );
}
