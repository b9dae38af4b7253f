import { formatDay, formatYearWeek } from '../calendar.js';
import { WEEKLY_COLUMNS, type Preset, type WeeklyRecord } from '../schema.js';

/** Numeric weekly columns, by name. `date` holds the Sunday's day number. */
export type WeeklyColumnMap = Record<string, Float64Array | Int32Array>;

/**
 * The weekly table (N1–N8) as columns. Rows are sorted by profile id, then
 * week; profile `k`'s rows are `offsets[k]` … `offsets[k + 1] - 1`, its id is
 * `profileIds[k]`, and `profile[row]` gives `k` for a row.
 */
export class WeeklyFrame {
  readonly kind = 'weekly' as const;

  constructor(
    /** The preset the table was built with. */
    readonly preset: Preset,
    /** Profile ids in table order (plain code-point order). */
    readonly profileIds: readonly string[],
    /** Row offsets per profile, length `profileIds.length + 1`. */
    readonly offsets: Int32Array,
    /** Profile number of each row. */
    readonly profile: Int32Array,
    private readonly columns: WeeklyColumnMap,
    /** Daily rows behind each week (0 for a week with no record). */
    readonly records: Int32Array,
  ) {}

  /** Number of weekly rows. */
  get length(): number {
    return this.profile.length;
  }

  /** Names of the numeric columns `column()` returns. */
  get columnNames(): string[] {
    return Object.keys(this.columns);
  }

  /**
   * A numeric column by its spec name (`date` is the Sunday as days since
   * 1970-01-01; `profile_id` and `year_week` are strings: use `toRecords()`).
   * @throws {RangeError} when there is no such column.
   */
  column(name: string): Float64Array | Int32Array {
    const c = this.columns[name];
    if (!c) throw new RangeError(`WeeklyFrame.column: no numeric column '${name}' (have: ${this.columnNames.join(', ')})`);
    return c;
  }

  /** Rows of one profile, as [start, end). */
  rowsOf(profileId: string): [number, number] | undefined {
    const k = this.profileIds.indexOf(profileId);
    return k < 0 ? undefined : [this.offsets[k]!, this.offsets[k + 1]!];
  }

  /** One object per weekly row with the spec's column names; dates as `YYYY-MM-DD`, missing values NaN. */
  toRecords(): WeeklyRecord[] {
    const out: WeeklyRecord[] = new Array(this.length);
    const date = this.columns.date!;
    for (let i = 0; i < this.length; i++) {
      const record: Record<string, number | string> = {};
      for (const name of WEEKLY_COLUMNS) {
        if (name === 'profile_id') record[name] = this.profileIds[this.profile[i]!]!;
        else if (name === 'date') record[name] = formatDay(date[i]!);
        else if (name === 'year_week') record[name] = formatYearWeek(date[i]!);
        else record[name] = this.columns[name]![i]!;
      }
      out[i] = record as WeeklyRecord;
    }
    return out;
  }
}
