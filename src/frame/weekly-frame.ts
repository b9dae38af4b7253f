import { ArgumentRangeError } from '../errors.js';
import type { Preset, WeeklyRecord } from '../schema.js';
import { makeDataFrame, type DataFrameLike } from './danfo.js';
import type { SundayCalendar } from './sunday-calendar.js';
import { float64s, int32s } from './arrays.js';

/** The stored columns of a weekly table (N3's sums and N6's monthly average); every other column is derived. */
export interface WeeklyBase {
  /** The week's Sunday, days since 1970-01-01. */
  date: Int32Array;
  /** Profile number of each row. */
  profile: Int32Array;
  /** Daily rows behind each week (0 for a week with no record). */
  dailyRows: Int32Array;
  /** N3's weekly followers: the sum of the daily values (0 when none; Q1, notebook). */
  followers: Float64Array;
  /** The week's last non-missing daily followers, NaN when none (Q1, corrected). */
  lastFollowers: Float64Array;
  posts: Float64Array;
  engagement: Float64Array;
  reach: Float64Array;
  impressions: Float64Array;
  monthlyAverage: Float64Array;
}

/**
 * How one column of the weekly table is read: from a stored column, or
 * computed per row from the frame's other columns. A preset is an ordered
 * list of these (built in `features/weekly-columns.ts`); the frame only
 * stores, caches and looks up.
 */
export interface ColumnDefinition {
  /** The spec's column name. */
  readonly name: string;
  /** A computed column of whole numbers, kept as Int32Array when materialized (stored and text columns leave it out). */
  readonly integer?: true;
  /** The stored column it reads, when it is one. */
  readonly stored?: keyof Omit<WeeklyBase, 'profile'>;
  /** A function computing row i, given the frame; absent for text-only columns. */
  readonly numeric?: (frame: WeeklyFrame) => (row: number) => number;
  /** How the column is written as text in records and CSV; numeric columns without it are written as numbers. */
  readonly text?: (frame: WeeklyFrame) => (row: number) => string;
  /**
   * The same column as a SQL expression (`features/sql-week.ts`: over one row per profile and week, with the
   * running sums and states that relation names), where a SQL engine computes it; absent where it does not yet.
   */
  readonly sql?: string;
}

/** The column definitions of one preset, in output order. */
export type ColumnRegistry = readonly ColumnDefinition[];

/** Each registry's definitions by name, made once (a registry is a preset's fixed list; a forecast builds a table per request). */
const byNameOf = new WeakMap<ColumnRegistry, ReadonlyMap<string, ColumnDefinition>>();

/**
 * The weekly table (N1–N8) as columns. Rows are sorted by profile id, then
 * week; profile `k`'s rows are `offsets[k]` … `offsets[k + 1] - 1`, its id is
 * `profileIds[k]`.
 *
 * The weekly sums and the monthly average are stored; calendar columns, lags
 * and targets are derived from them when asked for — a whole column with
 * `column(name)` (computed once, then kept), or just some rows with
 * `columnAt(name, rows)`, which is how training and prediction read the
 * features for millions of weeks without holding 30 full columns.
 */
export class WeeklyFrame<P extends Preset = Preset> {
  private readonly cache = new Map<string, Float64Array | Int32Array>();
  private readonly byName: ReadonlyMap<string, ColumnDefinition>;

  /** @internal Built by `resampleWeekly` and `loadWeekly`. */
  constructor(
    /** The preset the table was built with. */
    readonly preset: P,
    /** Profile ids in table order (code-point order). */
    readonly profileIds: readonly string[],
    /** Row offsets per profile, length `profileIds.length + 1`. */
    readonly offsets: Int32Array,
    private readonly base: WeeklyBase,
    /** @internal Calendar facts of every Sunday in the table's range. */
    readonly calendar: SundayCalendar,
    /** @internal The preset's column definitions. */
    readonly registry: ColumnRegistry,
  ) {
    let byName = byNameOf.get(registry);
    if (!byName) byNameOf.set(registry, (byName = new Map(registry.map((d) => [d.name, d]))));
    this.byName = byName;
  }

  /** Number of weekly rows. */
  get length(): number {
    return this.base.date.length;
  }

  /**
   * The row of profile `k`'s week ending on `sunday` (a day number), or −1
   * when the profile has no row for that week (before its first week, after
   * its last, or not a Sunday).
   */
  rowAt(k: number, sunday: number): number {
    const first = this.offsets[k]!;
    const at = first + (sunday - this.base.date[first]!) / 7;
    return Number.isInteger(at) && at >= first && at < this.offsets[k + 1]! ? at : -1;
  }

  /** Profile number of each row. */
  get profile(): Int32Array {
    return this.base.profile;
  }

  /** How many daily rows each week sums (0 for a week with no record). */
  get dailyRows(): Int32Array {
    return this.base.dailyRows;
  }

  /**
   * @internal A stored column as built (N3's sums, 0 in a week with no
   * record), whatever the preset's definition of the column of that name.
   */
  stored(key: keyof Omit<WeeklyBase, 'profile'>): Float64Array | Int32Array {
    return this.base[key];
  }

  /** Names of the numeric columns (`profile_id` and `year_week` are text: see `toRecords()`). */
  get columnNames(): string[] {
    return this.registry.filter((d) => d.stored !== undefined || d.numeric !== undefined).map((d) => d.name);
  }

  /**
   * A numeric column by its spec name, computed on first use. `date` is the
   * Sunday as days since 1970-01-01; missing values are NaN.
   * @throws `RangeError` when there is no such column.
   */
  column(name: string): Float64Array | Int32Array {
    const def = this.definition(name);
    if (def.stored) return this.base[def.stored];
    let c = this.cache.get(name);
    if (!c) {
      const get = def.numeric!(this);
      c = def.integer ? int32s(this.length) : float64s(this.length);
      for (let i = 0; i < c.length; i++) c[i] = get(i);
      this.cache.set(name, c);
    }
    return c;
  }

  /** The values of a numeric column at the given rows, without building the whole column. */
  columnAt(name: string, rows: ArrayLike<number>): Float64Array {
    const def = this.definition(name);
    const out = float64s(rows.length);
    const whole = def.stored ? this.base[def.stored] : this.cache.get(name);
    if (whole) {
      for (let k = 0; k < rows.length; k++) out[k] = whole[rows[k]!]!;
    } else {
      const get = def.numeric!(this);
      for (let k = 0; k < rows.length; k++) out[k] = get(rows[k]!);
    }
    return out;
  }

  /**
   * Functions giving each column's value at a row, in output order: numbers
   * through `number`, text columns (`profile_id`, `date`, `year_week`)
   * through `text`. With `rows`, function k reads row `rows[k]` and only
   * those rows' values are computed. What `toRecords()` and the CSV writer
   * share.
   */
  fields<T>(number: (value: number) => T, text: (value: string) => T, rows?: ArrayLike<number>): { names: string[]; at: ((k: number) => T)[] } {
    const names = this.registry.map((d) => d.name);
    const at = this.registry.map((d): ((k: number) => T) => {
      if (d.text) {
        const read = d.text(this);
        return rows ? (k) => text(read(rows[k]!)) : (k) => text(read(k));
      }
      const values = rows ? this.columnAt(d.name, rows) : this.column(d.name);
      return (k) => number(values[k]!);
    });
    return { names, at };
  }

  /** One object per weekly row with the spec's column names; dates as `YYYY-MM-DD`, missing values NaN. */
  toRecords(): WeeklyRecord[] {
    const same = <V>(v: V): V => v;
    const { names, at } = this.fields<number | string>(same, same);
    const out: WeeklyRecord[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const record: Record<string, number | string> = {};
      for (let c = 0; c < names.length; c++) record[names[c]!] = at[c]!(i);
      out[i] = record as WeeklyRecord;
    }
    return out;
  }

  /**
   * The weekly table as a danfo.js `DataFrame`, with the spec's column names
   * (text columns as strings, missing values NaN). Needs the optional peer
   * dependency danfojs-node, loaded only here.
   * @example const df = weekly.toDanfo(); df.head().print();
   */
  toDanfo(): DataFrameLike {
    const same = <V>(v: V): V => v;
    const { names, at } = this.fields<number | string>(same, same);
    const columns: Record<string, (number | string)[]> = {};
    names.forEach((name, c) => {
      const read = at[c]!;
      columns[name] = Array.from({ length: this.length }, (_, i) => read(i));
    });
    return makeDataFrame(columns, 'WeeklyFrame.toDanfo()');
  }

  private definition(name: string): ColumnDefinition {
    const def = this.byName.get(name);
    if (!def || (def.stored === undefined && def.numeric === undefined)) {
      throw new ArgumentRangeError(`WeeklyFrame: no numeric column '${name}' (have: ${this.columnNames.join(', ')})`);
    }
    return def;
  }
}
