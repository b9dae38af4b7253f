import { parseDay } from '../calendar.js';
import { DataError, showValue } from '../errors.js';
import { REQUIRED_DAILY_COLUMNS } from '../schema.js';
import type { DataFrameLike } from '../frame/danfo.js';
import type { RowCollector } from '../frame/daily-frame.js';
import type { LoadReport } from '../frame/load-report.js';
import { dateRangeReason, handleBadRow, type ReadSettings } from './collector.js';
import { FOLLOWERS_REASON, isFollowersCount, looseNumberFromValue } from './numbers.js';

const ROWS_LABEL = '<rows>';

const COUNTS = ['posts', 'engagement', 'reach', 'impressions'] as const;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Reports a bad row object (its 1-based number, the field and value), or throws it, as `onError` says. */
function rejectRow(index: number, report: LoadReport, settings: ReadSettings, reason: string, column?: string, value?: unknown): void {
  const details = { file: ROWS_LABEL, line: index + 1, ...(column ? { column } : {}), ...(value !== undefined ? { value: showValue(value) } : {}) };
  handleBadRow(new DataError(reason, details), settings.onError, report);
}

/**
 * Validates one row object and adds it to the collector; `index` is 0-based
 * and reported 1-based. Bad rows are thrown or skipped as `onError` says.
 */
export function addRowObject(row: unknown, index: number, collector: RowCollector, report: LoadReport, settings: ReadSettings): void {
  if (row === null || typeof row !== 'object') {
    rejectRow(index, report, settings, 'a row must be an object with the daily columns');
    return;
  }
  const r = row as Record<string, unknown>;
  // Each field read by name (a keyed read in a loop over names is a slow dictionary lookup per row).
  const dateValue = r.date;
  const id = r.profile_id;
  if (
    dateValue === undefined ||
    id === undefined ||
    r.posts === undefined ||
    r.engagement === undefined ||
    r.reach === undefined ||
    r.impressions === undefined
  ) {
    // A field given as undefined is there (`in`), as before: only a missing one is refused here.
    const column = REQUIRED_DAILY_COLUMNS.find((c) => c !== 'followers' && !(c in r));
    if (column !== undefined) {
      rejectRow(index, report, settings, `missing required field '${column}'`, column);
      return;
    }
  }
  const day = dateValue instanceof Date ? Math.floor(dateValue.getTime() / 86400000) : typeof dateValue === 'string' ? parseDay(dateValue) : Number.NaN;
  if (Number.isNaN(day)) {
    rejectRow(index, report, settings, 'not a date written YYYY-MM-DD', 'date', dateValue);
    return;
  }
  if (day < settings.limits.firstDay || day > settings.limits.lastDay) {
    rejectDateOutOfRange(index, report, settings, dateValue);
    return;
  }
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '') {
    rejectRow(index, report, settings, 'profile_id must be a non-empty string', 'profile_id', id);
    return;
  }
  if (typeof id === 'string' && !collector.profiles.hasString(id) && LONE_SURROGATE.test(id)) {
    // A lone surrogate would be written as U+FFFD, merging distinct ids.
    rejectRow(index, report, settings, 'profile_id is not well-formed Unicode (a lone surrogate)', 'profile_id', id);
    return;
  }
  const posts = looseNumberFromValue(r.posts);
  const engagement = looseNumberFromValue(r.engagement);
  const reach = looseNumberFromValue(r.reach);
  const impressions = looseNumberFromValue(r.impressions);
  if (!(
    posts < Infinity &&
    engagement < Infinity &&
    reach < Infinity &&
    impressions < Infinity &&
    posts >= 0 &&
    engagement >= 0 &&
    reach >= 0 &&
    impressions >= 0
  )) {
    // The first count, in the reader's order, that is not a finite non-negative number.
    const column = COUNTS.find((c) => {
      const v = looseNumberFromValue(r[c]);
      return !(v >= 0) || !Number.isFinite(v);
    })!;
    rejectRow(index, report, settings, `${column} is not a non-negative number`, column, r[column]);
    return;
  }
  const followers = looseNumberFromValue(r.followers);
  if (!isFollowersCount(followers)) {
    rejectRow(index, report, settings, FOLLOWERS_REASON, 'followers', r.followers);
    return;
  }
  addCheckedRow(
    index,
    collector,
    report,
    settings,
    collector.profiles.internString(String(id)),
    day,
    dateValue,
    followers,
    posts,
    engagement,
    reach,
    impressions,
  );
}

/**
 * The end of a row's reading once its fields are checked: the collector's
 * span rule (a refused row is reported with `dateValue`), the counts, the
 * collector. `profile` is the collector's number for the row's id.
 */
export function addCheckedRow(
  index: number,
  collector: RowCollector,
  report: LoadReport,
  settings: ReadSettings,
  profile: number,
  day: number,
  dateValue: unknown,
  followers: number,
  posts: number,
  engagement: number,
  reach: number,
  impressions: number,
): void {
  const why = collector.refuses ? collector.refusal!(profile, day) : null;
  if (why !== null) {
    handleBadRow(
      new DataError(why, { code: 'span_limit', file: ROWS_LABEL, line: index + 1, column: 'date', value: showValue(dateValue) }),
      settings.onError,
      report,
    );
    return;
  }
  if (Number.isNaN(followers)) report.missingFollowers++;
  report.rows++;
  collector.add(profile, day, followers, posts, engagement, reach, impressions);
}

/** A row whose date lies outside `limits.from` … `limits.to`, reported or thrown as `addRowObject` does. */
export function rejectDateOutOfRange(index: number, report: LoadReport, settings: ReadSettings, dateValue: unknown): void {
  rejectRow(index, report, settings, dateRangeReason(settings.limits), 'date', dateValue);
}

/** The rows of a danfo `DataFrame` as objects keyed by column name (one at a time). */
export function* rowsOfDataFrame(frame: DataFrameLike): Generator<Record<string, unknown>> {
  const { columns, values } = frame;
  for (const values_ of values) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) row[columns[c]!] = values_[c];
    yield row;
  }
}
