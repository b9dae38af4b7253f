import { formatDay, formatYearWeek } from '../calendar.js';
import type { SundayCalendar } from '../features/calendar-table.js';
import { lagPass, notebookLagAt, notebookYear } from '../features/lags.js';
import { LAGGED_COLUMNS, LAGS, TARGETS, WEEKLY_COLUMNS, WEEKLY_INTEGER_COLUMNS, type Preset, type WeeklyRecord } from '../schema.js';

/** The stored columns of a weekly table (N3 sums and N6's monthly average); the rest are derived. */
export interface WeeklyBase {
  /** The week's Sunday, days since 1970-01-01. */
  date: Int32Array;
  /** Profile number of each row. */
  profile: Int32Array;
  /** Daily rows behind each week (0 for a week with no record). */
  records: Int32Array;
  followers: Float64Array;
  posts: Float64Array;
  engagement: Float64Array;
  reach: Float64Array;
  impressions: Float64Array;
  monthlyAverage: Float64Array;
}

type Accessor = (row: number) => number;

/**
 * The weekly table (N1–N8) as columns. Rows are sorted by profile id, then
 * week; profile `k`'s rows are `offsets[k]` … `offsets[k + 1] - 1`, its id is
 * `profileIds[k]`.
 *
 * The weekly sums and the monthly average are stored; calendar columns, lags
 * and targets are derived from them when asked for — a whole column with
 * `column(name)` (computed once, then kept), or just some rows with
 * `columnAt(name, rows)`, which is how training and prediction read 21
 * features for millions of weeks without holding 30 full columns.
 */
export class WeeklyFrame {
  readonly kind = 'weekly' as const;
  private readonly cache = new Map<string, Float64Array | Int32Array>();

  /** @internal Built by `resampleWeekly` and `loadWeekly`. */
  constructor(
    /** The preset the table was built with. */
    readonly preset: Preset,
    /** Profile ids in table order (code-point order). */
    readonly profileIds: readonly string[],
    /** Row offsets per profile, length `profileIds.length + 1`. */
    readonly offsets: Int32Array,
    private readonly base: WeeklyBase,
    private readonly calendar: SundayCalendar,
  ) {}

  /** Number of weekly rows. */
  get length(): number {
    return this.base.date.length;
  }

  /** Profile number of each row. */
  get profile(): Int32Array {
    return this.base.profile;
  }

  /** Daily rows behind each week (0 for a week with no record). */
  get records(): Int32Array {
    return this.base.records;
  }

  /** Names of the numeric columns (`profile_id` and `year_week` are strings: see `toRecords()`). */
  get columnNames(): string[] {
    return WEEKLY_COLUMNS.filter((c) => c !== 'profile_id' && c !== 'year_week');
  }

  /**
   * A numeric column by its spec name, computed on first use. `date` is the
   * Sunday as days since 1970-01-01; missing values are NaN.
   * @throws {RangeError} when there is no such column.
   */
  column(name: string): Float64Array | Int32Array {
    const stored = this.stored(name);
    if (stored) return stored;
    let c = this.cache.get(name);
    if (!c) {
      const get = this.accessor(name);
      c = WEEKLY_INTEGER_COLUMNS.includes(name) ? new Int32Array(this.length) : new Float64Array(this.length);
      for (let i = 0; i < c.length; i++) c[i] = get(i);
      this.cache.set(name, c);
    }
    return c;
  }

  /** The values of a numeric column at the given rows, without building the whole column. */
  columnAt(name: string, rows: ArrayLike<number>): Float64Array {
    const out = new Float64Array(rows.length);
    const whole = this.stored(name) ?? this.cache.get(name);
    if (whole) {
      for (let k = 0; k < rows.length; k++) out[k] = whole[rows[k]!]!;
    } else {
      const get = this.accessor(name);
      for (let k = 0; k < rows.length; k++) out[k] = get(rows[k]!);
    }
    return out;
  }

  /** Rows of one profile, as [start, end). */
  rowsOf(profileId: string): [number, number] | undefined {
    const k = this.profileIds.indexOf(profileId);
    return k < 0 ? undefined : [this.offsets[k]!, this.offsets[k + 1]!];
  }

  /** One object per weekly row with the spec's column names; dates as `YYYY-MM-DD`, missing values NaN. */
  toRecords(): WeeklyRecord[] {
    const names = this.columnNames;
    const columns = names.map((n) => this.column(n));
    const date = this.base.date;
    const out: WeeklyRecord[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const record: Record<string, number | string> = {};
      for (const name of WEEKLY_COLUMNS) {
        if (name === 'profile_id') record[name] = this.profileIds[this.base.profile[i]!]!;
        else if (name === 'date') record[name] = formatDay(date[i]!);
        else if (name === 'year_week') record[name] = formatYearWeek(date[i]!);
        else record[name] = columns[names.indexOf(name)]![i]!;
      }
      out[i] = record as WeeklyRecord;
    }
    return out;
  }

  private stored(name: string): Float64Array | Int32Array | undefined {
    const b = this.base;
    switch (name) {
      case 'date':
        return b.date;
      case 'followers':
        return b.followers;
      case 'posts':
        return b.posts;
      case 'engagement':
        return b.engagement;
      case 'reach':
        return b.reach;
      case 'impressions':
        return b.impressions;
      case 'monthly_average_engagement_per_post':
        return b.monthlyAverage;
      default:
        return undefined;
    }
  }

  /** A function computing one row of a derived column. */
  private accessor(name: string): Accessor {
    const { date, profile, engagement, posts } = this.base;
    const cal = this.calendar;
    const first = cal.first;
    const sundayYear = (i: number): number => cal.year[(date[i]! - first) / 7]!;
    const week = (i: number): number => cal.weekU[(date[i]! - first) / 7]!;
    switch (name) {
      case 'year':
        return (i) => notebookYear(sundayYear(i), week(i));
      case 'month':
        return (i) => cal.month[(date[i]! - first) / 7]!;
      case 'week_of_year':
        return (i) => cal.isoWeek[(date[i]! - first) / 7]!;
      case 'week':
        return week;
      case 'engagement_per_post':
        return (i) => engagement[i]! / posts[i]!; // Q5: IEEE division, x/0 = Infinity, 0/0 = NaN
    }
    const target = (TARGETS as readonly string[]).indexOf(name);
    if (target >= 0) {
      const ahead = target + 1;
      const offsets = this.offsets;
      return (i) => (i + ahead < offsets[profile[i]! + 1]! ? engagement[i + ahead]! / posts[i + ahead]! : Number.NaN);
    }
    const lag = /^(engagement|followers|reach|impressions)_lag_([1-4])$/.exec(name);
    if (lag) {
      const column = lag[1] as (typeof LAGGED_COLUMNS)[number];
      const distance = Number(lag[2]) as (typeof LAGS)[number];
      const q = lagPass(column, distance);
      const source = this.column(column);
      const offsets = this.offsets;
      return (i) => notebookLagAt(i, distance, q, offsets[profile[i]!]!, sundayYear, week, source);
    }
    throw new RangeError(`WeeklyFrame: no numeric column '${name}' (have: ${this.columnNames.join(', ')})`);
  }
}

