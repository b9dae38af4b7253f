import { formatDay } from '../calendar.js';
import { DataError } from '../errors.js';
import { weeklyFromHeldSegments, SEGMENT_COLUMNS, type SegmentColumns } from '../features/segments.js';
import { throughOf, type DailyRequest, type ForecastTable, type WeeklyLoad, type WeeklyRequest } from '../features/source.js';
import type { DailyFrame, DailyFrameBuilder } from '../frame/daily-frame.js';
import { compareCodePoints } from '../features/week-labels.js';
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

/** What `replaceForecastTable` needs of an engine's connection. */
export interface ForecastWriter {
  /** Runs a statement without parameters. */
  run(sql: string): Promise<unknown>;
  /** Inserts a batch of forecasts into the new table. */
  insert(batch: readonly Prediction[]): Promise<unknown>;
  /** The rows of the new table. */
  count(): Promise<number>;
}

/**
 * Replaces the table `target` with one of `columns` (each with the engine's type) holding `predictions`, in
 * one transaction: dropped, made again, filled in batches, its row count checked, committed; on any
 * failure rolled back (the table as it was) and the error thrown on.
 */
export async function replaceForecastTable(
  db: ForecastWriter,
  target: string,
  columns: readonly { name: string; type: string }[],
  predictions: readonly Prediction[],
  onProgress?: ProgressCallback,
): Promise<void> {
  await db.run('BEGIN TRANSACTION');
  try {
    // Readers see the old forecasts or the new ones, never part of them.
    await db.run(`DROP TABLE IF EXISTS ${target}`);
    await db.run(`CREATE TABLE ${target} (${columns.map(({ name, type }) => `${quoteIdentifier(name)} ${type} NOT NULL`).join(', ')})`);
    for (let from = 0; from < predictions.length; from += WRITE_BATCH) {
      const batch = predictions.slice(from, from + WRITE_BATCH);
      await db.insert(batch);
      onProgress?.({ stage: 'write', rows: from + batch.length });
    }
    const count = await db.count();
    if (count !== predictions.length) throw new Error(`${count} rows in the table after writing ${predictions.length}`);
    await db.run('COMMIT');
  } catch (error) {
    await db.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
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
    if (counts.refused > 0) {
      const errors = await examples();
      if (request.onError === 'throw') throw errors[0]!;
      report.skipped = counts.refused;
      report.skippedExamples = errors;
    }
    // The segments are held by `held` alone, which the table's builder empties once it has summed them.
    const held = spanChecked(await segments(), request, report, counts, nameRow);
    report.rows = counts.kept;
    report.missingFollowers = counts.missing;
    report.duplicateRows = counts.duplicates;
    if (request.window) report.outsideWindow = counts.outside;
    const lastDay = Number.isNaN(counts.last) ? Number.NEGATIVE_INFINITY : counts.last;
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
