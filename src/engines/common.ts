import { formatDay, sundayOnOrBefore } from '../calendar.js';
import type { DataError } from '../errors.js';
import { weeklyFromSegmentColumns, SEGMENT_COLUMNS, type SegmentColumns } from '../features/segments.js';
import type { WeeklyLoad, WeeklyRequest } from '../features/source.js';
import type { LoadReport } from '../frame/load-report.js';
import type { Preset } from '../schema.js';

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

/**
 * The weekly load of a SQL source: the report from the counts (the refused
 * rows' first examples, or the first of them thrown under `onError:
 * 'throw'`), and the table from the segment columns.
 */
export function engineLoad<P extends Preset>(
  request: WeeklyRequest<P>,
  name: string,
  report: LoadReport,
  counts: EngineCounts,
  examples: () => Promise<DataError[]>,
  segments: () => Promise<SegmentColumns>,
): Promise<WeeklyLoad<P>> {
  return (async () => {
    if (counts.refused > 0) {
      const errors = await examples();
      if (request.onError === 'throw') throw errors[0]!;
      report.skipped = counts.refused;
      report.skippedExamples = errors;
    }
    report.rows = counts.kept;
    report.missingFollowers = counts.missing;
    report.duplicateRows = counts.duplicates;
    if (request.window) report.outsideWindow = counts.outside;
    const lastDay = Number.isNaN(counts.last) ? Number.NEGATIVE_INFINITY : counts.last;
    const columns = await segments();
    const through = request.through === 'last-day' ? (lastDay > Number.NEGATIVE_INFINITY ? sundayOnOrBefore(lastDay) : undefined) : request.through;
    request.onProgress?.({ stage: 'read', rows: report.rows });
    const { firstDay, lastDay: limitDay, maxWeeksPerProfile } = request.limits;
    const weekly = weeklyFromSegmentColumns(columns, {
      preset: request.preset,
      limits: { from: formatDay(firstDay), to: formatDay(limitDay), maxWeeksPerProfile },
      ...(through !== undefined ? { through } : {}),
      source: name,
    });
    return { weekly, report, lastDay };
  })();
}

/** Segment columns from the profile dictionary and the numeric columns in `SEGMENT_COLUMNS` order. */
export function segmentColumnsOf(profileIds: readonly string[], columns: readonly ArrayLike<number>[]): SegmentColumns {
  const out = { profileIds } as Record<string, unknown>;
  SEGMENT_COLUMNS.forEach((column, c) => {
    out[column] = columns[c]!;
  });
  return out as unknown as SegmentColumns;
}
