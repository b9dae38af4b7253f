import { formatDay } from '../calendar.js';
import { DataError } from '../errors.js';
import { weeklyFromHeldSegments, SEGMENT_COLUMNS, type SegmentColumns } from '../features/segments.js';
import {
  throughOf,
  type DailyRequest,
  type ForecastSink,
  type ForecastTable,
  type WeeklyBatchesEnd,
  type WeeklyBatching,
  type WeeklyLoad,
  type WeeklyRequest,
  type WrittenForecasts,
} from '../features/source.js';
import type { DailyFrame, DailyFrameBuilder } from '../frame/daily-frame.js';
import { compareCodePoints } from '../features/week-labels.js';
import { WINDOW_COLUMNS } from '../features/windows.js';
import type { SqlDialect } from '../features/sql-week.js';
import { daysIn } from '../features/weekly-sums.js';
import { MAX_SKIPPED_EXAMPLES, type LoadReport } from '../frame/load-report.js';
import { spanLimitOfSegments, spanReason } from '../frame/span-limit.js';
import { PREDICTION_FLAGS, type Prediction, type Preset, type ProgressCallback } from '../schema.js';

/*
 * What the SQL sources share once the engine has summed the rows: the
 * counts become the load report, the refused rows' examples its errors (or
 * the error thrown), and the segment columns the weekly table.
 */

/** The daily count columns, in the reader's order of checks. */
export const COUNTS = ['posts', 'engagement', 'reach', 'impressions'] as const;

/** The daily columns a SQL source reads, by their names in the library. */
export const DAILY_COLUMNS = ['date', 'profile_id', 'followers', ...COUNTS] as const;

/** A SQL identifier, quoted (embedded quotes doubled): table, schema and column names never reach SQL unquoted. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A column of a forecasts table (`predictFiles`' `into`): its name, its kind of value, and the value of a forecast. */
export interface ForecastColumn {
  name: string;
  kind: 'text' | 'date' | 'double' | 'boolean';
  value: (p: Prediction) => string | number | boolean;
}

/** The columns of a forecasts table: those of `predict`'s CSV output, in its order; `bounds` names the interval columns. */
export function forecastColumns(bounds: readonly string[]): ForecastColumn[] {
  return [
    { name: 'profile_id', kind: 'text', value: (p) => p.profile_id },
    { name: 'date', kind: 'date', value: (p) => p.date },
    { name: 'future_period', kind: 'text', value: (p) => p.future_period },
    { name: 'predicted_engagement', kind: 'double', value: (p) => p.predicted_engagement },
    { name: 'prediction_date', kind: 'date', value: (p) => p.prediction_date },
    ...PREDICTION_FLAGS.map((f): ForecastColumn => ({ name: f, kind: 'boolean', value: (p) => p[f] })),
    ...bounds.map((b): ForecastColumn => ({ name: b, kind: 'double', value: (p) => (p as unknown as Record<string, number>)[b]! })),
  ];
}

/** Forecasts written per statement into a forecasts table (arrays of this many values per column). */
const WRITE_BATCH = 20_000;

/** A forecasts table's name as messages give it, and as SQL names it (quoted); its schema defaults to the source's. */
export function forecastTarget(into: ForecastTable, sourceSchema: string | undefined): { named: string; target: string } {
  const schema = into.schema ?? sourceSchema;
  return {
    named: `${schema !== undefined ? `${schema}.` : ''}${into.table}`,
    target: `${schema !== undefined ? `${quoteIdentifier(schema)}.` : ''}${quoteIdentifier(into.table)}`,
  };
}

/** What `openForecastTable` needs of an engine's connection. */
export interface ForecastWriter {
  /** Runs a statement without parameters. */
  run(sql: string): Promise<unknown>;
  /** Inserts a batch of forecasts into the new table. */
  insert(batch: readonly Prediction[]): Promise<unknown>;
  /** The rows of the new table. */
  count(): Promise<number>;
}

/** Writes every forecast through a sink just begun and commits; rolls back (and throws on) when a write fails. */
export async function writeAll(sink: ForecastSink, predictions: readonly Prediction[]): Promise<WrittenForecasts> {
  try {
    await sink.write(predictions);
  } catch (error) {
    await sink.abort();
    throw error;
  }
  return await sink.commit();
}

/** A forecasts table being replaced, in an open transaction (`openForecastTable`). */
export interface OpenForecastTable {
  /** Inserts forecasts, in batches of `WRITE_BATCH`; `onProgress` hears the rows written so far. */
  write(predictions: readonly Prediction[]): Promise<void>;
  /** Checks the new table's row count against the rows written, and commits (rolled back, and thrown, on failure). */
  commit(): Promise<number>;
  /** Rolls back: the table is as it was. */
  abort(): Promise<void>;
}

/**
 * Begins the replacement of the table `target` by one of `columns`: a transaction in which it is dropped
 * and made again, empty (rolled back, and thrown, when that fails). The rows go in with `write`, as many
 * times as wanted, until `commit` or `abort`.
 */
export async function openForecastTable(
  db: ForecastWriter,
  target: string,
  columns: readonly { name: string; type: string }[],
  onProgress?: ProgressCallback,
): Promise<OpenForecastTable> {
  await db.run('BEGIN TRANSACTION');
  try {
    // Readers see the old forecasts or the new ones, never part of them.
    await db.run(`DROP TABLE IF EXISTS ${target}`);
    await db.run(`CREATE TABLE ${target} (${columns.map(({ name, type }) => `${quoteIdentifier(name)} ${type} NOT NULL`).join(', ')})`);
  } catch (error) {
    await db.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  let written = 0;
  const rollback = (): Promise<void> =>
    db.run('ROLLBACK').then(
      () => undefined,
      () => undefined,
    );
  return {
    async write(predictions) {
      for (let from = 0; from < predictions.length; from += WRITE_BATCH) {
        const batch = predictions.slice(from, from + WRITE_BATCH);
        await db.insert(batch);
        written += batch.length;
        onProgress?.({ stage: 'write', rows: written });
      }
    },
    async commit() {
      try {
        const count = await db.count();
        if (count !== written) throw new Error(`${count} rows in the table after writing ${written}`);
        await db.run('COMMIT');
      } catch (error) {
        await rollback();
        throw error;
      }
      return written;
    },
    abort: rollback,
  };
}

/** What the engine counted in one pass over the rows. */
export interface EngineCounts {
  /** Rows kept (summed into segments). */
  kept: number;
  /** Good rows outside the request's window. */
  outside: number;
  /** Rows refused by the reader's checks. */
  refused: number;
  /** Kept rows whose followers are missing. */
  missing: number;
  /** The last day of a kept row (NaN when none). */
  last: number;
  /** Kept rows whose (profile, day) had a kept row already. */
  duplicates: number;
}

/** The segments an engine summed, and per segment its days with a record as bits (bit d: d days before the Sunday). */
export interface EngineSegments {
  columns: SegmentColumns;
  days: ArrayLike<number>;
}

/**
 * The weekly load of a SQL source: the report from the counts (the refused
 * rows' first examples, or the first of them thrown under `onError:
 * 'throw'`), and the table from the segment columns. A profile whose
 * records span more weeks than the limit has its rows outside the weeks
 * holding most of them refused, as the CSV reader refuses them (see
 * `spanLimits`), each named by its key (`nameRow`).
 */
export function engineLoad<P extends Preset>(
  request: WeeklyRequest<P>,
  name: string,
  report: LoadReport,
  counts: EngineCounts,
  examples: () => Promise<DataError[]>,
  segments: () => Promise<EngineSegments>,
  nameRow: (id: string, date: string) => string,
): Promise<WeeklyLoad<P>> {
  return (async () => {
    await refusedRows(request, report, counts, examples);
    // The segments are held by `held` alone, which the table's builder empties once it has summed them.
    const held = spanChecked(await segments(), request, report, counts, nameRow);
    const lastDay = countedRows(request, report, counts);
    const through = throughOf(request, lastDay);
    request.onProgress?.({ stage: 'read', rows: report.rows });
    const { firstDay, lastDay: limitDay, maxWeeksPerProfile } = request.limits;
    const weekly = weeklyFromHeldSegments(held, {
      preset: request.preset,
      limits: { from: formatDay(firstDay), to: formatDay(limitDay), maxWeeksPerProfile },
      ...(through !== undefined ? { through } : {}),
      source: name,
    });
    return { weekly, report, lastDay };
  })();
}

/** The refused rows of a read: the first thrown under `onError: 'throw'`, else counted in the report with their first examples. */
async function refusedRows(
  request: Pick<WeeklyRequest, 'onError'>,
  report: LoadReport,
  counts: EngineCounts,
  examples: () => Promise<DataError[]>,
): Promise<void> {
  if (counts.refused === 0) return;
  const errors = await examples();
  if (request.onError === 'throw') throw errors[0]!;
  report.skipped = counts.refused;
  report.skippedExamples = errors;
}

/** The counts of the rows kept into the report; returns the last day kept (−Infinity when none). */
function countedRows(request: Pick<WeeklyRequest, 'window'>, report: LoadReport, counts: EngineCounts): number {
  report.rows = counts.kept;
  report.missingFollowers = counts.missing;
  report.duplicateRows = counts.duplicates;
  if (request.window) report.outsideWindow = counts.outside;
  return Number.isNaN(counts.last) ? Number.NEGATIVE_INFINITY : counts.last;
}

/** What `windowColumnsInEngine` is asked for: the rows' settings (every field checked by the caller). */
export type WindowColumnsRequest = Pick<WeeklyRequest, 'onError' | 'limits' | 'window'>;

/**
 * @internal The `corrected` preset's window columns (`WINDOW_COLUMNS`) computed where the rows are
 * (`features/sql-week.ts`), one row per profile and week from its first week with a record to its last, in
 * profile order (code points), then week.
 */
export interface EngineWindowColumns {
  /** The profile ids, in code-point order. */
  profileIds: string[];
  /** Per row, its profile's place in `profileIds`. */
  profile: Float64Array;
  /** Per row, its Sunday (a day number). */
  sunday: Float64Array;
  /** `WINDOW_COLUMNS`' values, in their order; NaN where missing. */
  columns: Float64Array[];
  /** What reading found, as `weekly` reports it. */
  report: LoadReport;
}

/**
 * @internal The key under which the SQL sources keep their window columns in the engine (not part of
 * `WeeklySource` yet): a registered symbol, the same in every copy of the library (the bench reaches the built one).
 */
export const WINDOW_COLUMNS_IN_ENGINE: unique symbol = Symbol.for('engagement-forecast.windowColumnsInEngine');

/**
 * @internal A query over the window columns (`features/sql-week.ts`'s `windowColumnsQuery`, given as SQL), in an
 * engine's dialect, and how many numeric columns it returns (doubles, never NULL): what a layer above the engines
 * computes where the rows are (the training's sums, `model/sql-design.ts`).
 */
export type OverWindowColumns = (dialect: SqlDialect, windowColumns: string) => { sql: string; width: number };

/**
 * @internal Runs a query over the window columns (`OverWindowColumns`): its result by column. Its profiles are
 * numbered (`profileNumbersSql`): `profileName` gives the id of a number.
 */
export type WindowColumnsQuery = ((build: OverWindowColumns) => Promise<Float64Array[]>) & { profileName(number: number): Promise<string> };

/** @internal The key under which the SQL sources run queries over their window columns (see `OverWindowColumns`). */
export const QUERY_OVER_WINDOW_COLUMNS: unique symbol = Symbol.for('engagement-forecast.queryOverWindowColumns');

/** A source that computes the window columns where its rows are. */
export interface WindowColumnsSource {
  [WINDOW_COLUMNS_IN_ENGINE](request: WindowColumnsRequest): Promise<EngineWindowColumns>;
  /**
   * Computes the window columns of the rows (checked as `[WINDOW_COLUMNS_IN_ENGINE]` checks them) once, into a
   * temporary table, and runs `work` with a function that runs queries over them (each result by column);
   * resolves with what `work` resolves to, and the report.
   */
  [QUERY_OVER_WINDOW_COLUMNS]<T>(request: WindowColumnsRequest, work: (query: WindowColumnsQuery) => Promise<T>): Promise<{ result: T; report: LoadReport }>;
}

/**
 * What the window columns in the engine share once the engine has counted the rows: the refused rows (thrown or
 * reported, as `weekly` does), the counts into the report, and the span limit, which the engine's columns do not
 * apply row by row as the weekly table does: a profile whose weeks span past it is an error (`widest`: the most
 * days between a profile's first and last Sundays).
 */
export async function windowColumnsChecks(
  request: WindowColumnsRequest,
  name: string,
  report: LoadReport,
  counts: EngineCounts,
  examples: () => Promise<DataError[]>,
  widest: number,
): Promise<void> {
  await refusedRows(request, report, counts, examples);
  countedRows(request, report, counts);
  const weeks = widest / 7 + 1;
  const limit = request.limits.maxWeeksPerProfile;
  const why =
    weeks > limit
      ? `more than limits.maxWeeksPerProfile (${limit}): the weekly table refuses the rows past it, the window columns in the engine do not yet`
      : weeks > ENGINE_MAX_WEEKS
        ? `more than the ${ENGINE_MAX_WEEKS} weeks the engine's recency-weighted averages are computed for (their weights stay finite)`
        : null;
  if (why !== null)
    throw new DataError(`${name}: a profile's records span ${weeks} weeks, ${why}; read the weekly table with loadWeekly`, {
      code: 'span_limit',
      file: name,
      line: 0,
      column: 'date',
      value: '',
    });
}

/**
 * The most weeks a profile may span for the window columns in the engine: their recency-weighted sums are
 * λ^i · Σ λ^(−s) x_s (features/sql-week.ts), and λ^(−s) · x_s stays finite for counts below 2^53 up to
 * 2^(53 + s / 2) < 2^1024 at the shortest half-life, 2 weeks.
 */
export const ENGINE_MAX_WEEKS = 1800;

/** The window columns' names in a query's output, each as a double with NaN for missing (engines read numbers only). */
export function windowColumnsSelect(double: string): string {
  return WINDOW_COLUMNS.map((c) => `coalesce(CAST(${c.name} AS ${double}), CAST('NaN' AS ${double}))`).join(', ');
}

/**
 * The weekly tables of a SQL source's `weeklyBatches`, built as the
 * segments come, whole profiles at a time in code-point order: `start` once
 * the refused rows and the last day are counted (before the first kept
 * segment), then the segments in batches (`add`) and `endPass`, again while
 * `endPass` asks for another pass, then `end` with the counts. Every
 * decision is `engineLoad`'s: a refused row under `onError: 'throw'` is
 * thrown (at `end`; no segment is wanted), the rows of a profile past the
 * span limit are refused as they are there, and the report is the same.
 * Where a profile may span more weeks than the limit (the input does), a
 * first pass only refuses such rows, to learn the last day kept before any
 * table is extended to it; no input shorter than the limit pays for it.
 */
export class EngineBatches<P extends Preset> {
  private through: number | undefined;
  private lastDay = Number.NEGATIVE_INFINITY;
  private started = false;
  /** The last day of a kept row as counted, before the span limit. */
  private countedLast = Number.NaN;
  private refusing = false;
  /** This pass only refuses the rows past the span limit (no table is built). */
  private dry = false;
  /** The last day of a kept segment, over this pass's batches (NaN before the first). */
  private keptLast = Number.NaN;
  /** What the span limit refused in this pass: rows, and their share of the counts. */
  private readonly span = { rows: 0, kept: 0, missing: 0, duplicates: 0, errors: [] as DataError[] };

  constructor(
    private readonly request: WeeklyRequest<P>,
    private readonly name: string,
    private readonly batching: WeeklyBatching<P>,
    private readonly nameRow: (id: string, date: string) => string,
  ) {}

  /**
   * Once the refused rows and the last day of a kept row are counted: `widest` is at least the widest profile's
   * days between the Sundays of its first and last segments (NaN when none): the engines give the days between the
   * first and last Sundays of all kept segments, so an input that spans more than the limit, even in no single
   * profile, is read twice. Whether kept segments are wanted (not when a refused row is to be thrown). Later calls
   * (on later passes) change nothing.
   */
  start(counts: Pick<EngineCounts, 'refused' | 'last'>, widest: number): boolean {
    if (!this.started) {
      this.started = true;
      this.countedLast = counts.last;
      this.refusing = counts.refused > 0 && this.request.onError === 'throw';
      this.dry = !this.refusing && widest / 7 + 1 > this.request.limits.maxWeeksPerProfile;
      if (!this.dry) this.build(counts.last);
    }
    return !this.refusing;
  }

  private build(last: number): void {
    this.lastDay = Number.isNaN(last) ? Number.NEGATIVE_INFINITY : last;
    this.through = throughOf(this.request, this.lastDay);
  }

  /** One batch of segments (whole profiles, after those of the batch before): its table handed to `onBatch` (what it returns, returned). */
  add(segments: EngineSegments): void | Promise<void> {
    // The span limit's refusals of this batch, taken out of a zero count of its own.
    const change: EngineCounts = { kept: 0, outside: 0, refused: 0, missing: 0, last: Number.NaN, duplicates: 0 };
    const past = refusePastSpan(segments, this.request.limits.maxWeeksPerProfile, change, this.nameRow);
    const columns = past ? past.columns : segments.columns;
    if (past) {
      if (this.request.onError === 'throw') throw past.errors[0]!;
      const { span } = this;
      span.rows += past.rows;
      span.kept += change.kept;
      span.missing += change.missing;
      span.duplicates += change.duplicates;
      span.errors = [...span.errors, ...past.errors].slice(0, MAX_SKIPPED_EXAMPLES);
    }
    const days = columns.lastDay;
    for (let i = 0; i < days.length; i++) if (!(days[i]! <= this.keptLast)) this.keptLast = days[i]!;
    if (this.dry) return undefined;
    const { firstDay, lastDay: limitDay, maxWeeksPerProfile } = this.request.limits;
    const weekly = weeklyFromHeldSegments<P>(
      { columns },
      {
        preset: this.request.preset,
        limits: { from: formatDay(firstDay), to: formatDay(limitDay), maxWeeksPerProfile },
        ...(this.through !== undefined ? { through: this.through } : {}),
        source: this.name,
      },
    );
    return this.batching.onBatch(weekly, this.lastDay);
  }

  /** After each pass: whether another is wanted (after a first pass that only refused rows past the span limit). */
  endPass(): boolean {
    if (!this.dry) return false;
    this.dry = false;
    this.build(this.span.rows > 0 ? this.keptLast : this.countedLast);
    Object.assign(this.span, { rows: 0, kept: 0, missing: 0, duplicates: 0, errors: [] });
    this.keptLast = Number.NaN;
    return true;
  }

  /** The report and the last day, from the counts of the last pass (or the first refused row, thrown). */
  async end(report: LoadReport, examples: () => Promise<DataError[]>, counts: EngineCounts): Promise<WeeklyBatchesEnd> {
    this.start(counts, Number.NaN);
    if (counts.refused > 0) {
      const errors = await examples();
      if (this.request.onError === 'throw') throw errors[0]!;
      report.skipped = counts.refused;
      report.skippedExamples = errors;
    }
    const { span } = this;
    report.skipped += span.rows;
    report.skippedExamples = [...report.skippedExamples, ...span.errors].slice(0, MAX_SKIPPED_EXAMPLES);
    report.rows = counts.kept + span.kept;
    report.missingFollowers = counts.missing + span.missing;
    report.duplicateRows = counts.duplicates + span.duplicates;
    if (this.request.window) report.outsideWindow = counts.outside;
    this.request.onProgress?.({ stage: 'read', rows: report.rows });
    return { report, lastDay: this.lastDay };
  }
}

/**
 * The segment columns to build the table from, moved out of `loaded` into a
 * holder of their own: those of profiles past the span limit dropped, and
 * their rows refused (thrown under `onError: 'throw'`, else counted in the
 * report).
 */
function spanChecked(
  loaded: EngineSegments,
  request: WeeklyRequest,
  report: LoadReport,
  counts: EngineCounts,
  nameRow: (id: string, date: string) => string,
): { columns: SegmentColumns | null } {
  const past = refusePastSpan(loaded, request.limits.maxWeeksPerProfile, counts, nameRow);
  const held = { columns: past ? past.columns : loaded.columns };
  // The caller's frame may keep the object it awaited after it is done with it: emptied, it holds no column.
  Object.assign(loaded as unknown as Record<keyof EngineSegments, null>, { columns: null, days: null });
  if (!past) return held;
  if (request.onError === 'throw') throw past.errors[0]!;
  report.skipped += past.rows;
  report.skippedExamples = [...report.skippedExamples, ...past.errors].slice(0, MAX_SKIPPED_EXAMPLES);
  return held;
}

/**
 * The segments of profiles past the span limit that lie outside the weeks
 * each keeps, dropped: their rows leave the counts (kept, missing followers,
 * repeated days, the last day) and are refused, one example per day in key
 * order (profile, then day). Null when every profile is within the limit.
 */
function refusePastSpan(
  { columns, days }: EngineSegments,
  maxWeeks: number,
  counts: EngineCounts,
  nameRow: (id: string, date: string) => string,
): { columns: SegmentColumns; rows: number; errors: DataError[] } | null {
  const { profileIds, profile, sunday, firstDay, lastDay, rows, followersCount } = columns;
  const n = profile.length;
  const minDay = new Float64Array(profileIds.length).fill(Number.POSITIVE_INFINITY);
  const maxDay = new Float64Array(profileIds.length).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    minDay[profile[i]!] = Math.min(minDay[profile[i]!]!, firstDay[i]!);
    maxDay[profile[i]!] = Math.max(maxDay[profile[i]!]!, lastDay[i]!);
  }
  const limit = spanLimitOfSegments(profileIds, minDay, maxDay, maxWeeks, (visit) => {
    for (let i = 0; i < n; i++) visit(profile[i]!, sunday[i]!, rows[i]!);
  });
  if (!limit) return null;
  const window = new Map(limit.ids.map((id, j) => [id, [limit.from[j]!, limit.to[j]!] as const]));
  const keep: number[] = [];
  const refused: { id: string; day: number; reason: string }[] = [];
  let refusedRows = 0;
  counts.last = Number.NaN;
  for (let i = 0; i < n; i++) {
    const id = profileIds[profile[i]!]!;
    const kept = window.get(id);
    if (!kept || (sunday[i]! >= kept[0] && sunday[i]! <= kept[1])) {
      keep.push(i);
      if (!(lastDay[i]! <= counts.last)) counts.last = lastDay[i]!;
      continue;
    }
    const r = rows[i]!;
    const distinct = daysIn(days[i]!);
    refusedRows += r;
    counts.kept -= r;
    counts.missing -= r - followersCount[i]!;
    counts.duplicates -= r - distinct;
    const reason = spanReason(id, maxWeeks, kept[0], kept[1]);
    for (let d = 6; d >= 0; d--) if ((days[i]! >> d) & 1) refused.push({ id, day: sunday[i]! - d, reason });
  }
  refused.sort((a, b) => compareCodePoints(a.id, b.id) || a.day - b.day);
  const errors = refused
    .slice(0, MAX_SKIPPED_EXAMPLES)
    .map(
      ({ id, day, reason }) => new DataError(reason, { code: 'span_limit', file: nameRow(id, formatDay(day)), line: 0, column: 'date', value: formatDay(day) }),
    );
  const out = { profileIds } as Record<string, unknown>;
  for (const column of SEGMENT_COLUMNS) out[column] = keep.map((i) => columns[column][i]!);
  return { columns: out as unknown as SegmentColumns, rows: refusedRows, errors };
}

/**
 * The daily frame of a SQL source's `loadDaily`: the rows read into
 * `builder`, and the report from the counts (the refused rows' first
 * examples, or the first of them thrown under `onError: 'throw'`; the rows
 * not asked for in `outsideWindow` when some were asked for).
 */
export async function engineDaily(
  request: DailyRequest,
  builder: DailyFrameBuilder,
  report: LoadReport,
  counts: { kept: number; outside: number; refused: number; missing: number },
  examples: () => Promise<DataError[]>,
): Promise<DailyFrame> {
  if (counts.refused > 0) {
    const errors = await examples();
    if (request.onError === 'throw') throw errors[0]!;
    report.skipped = counts.refused;
    report.skippedExamples = errors;
  }
  report.rows = counts.kept;
  report.missingFollowers = counts.missing;
  if (request.since !== undefined || request.profiles) report.outsideWindow = counts.outside;
  return builder.finish(report);
}

/** A table's row named by its key, the profile and the date (as the table holds them; `null` when NULL). */
export function rowByKey(table: string, profile: unknown, date: unknown): string {
  return `${table} (profile_id ${JSON.stringify(profile ?? null)}, date ${JSON.stringify(date ?? null)})`;
}

/** Segment columns from the profile dictionary and the numeric columns in `SEGMENT_COLUMNS` order. */
export function segmentColumnsOf(profileIds: readonly string[], columns: readonly ArrayLike<number>[]): SegmentColumns {
  const out = { profileIds } as Record<string, unknown>;
  SEGMENT_COLUMNS.forEach((column, c) => {
    out[column] = columns[c]!;
  });
  return out as unknown as SegmentColumns;
}
