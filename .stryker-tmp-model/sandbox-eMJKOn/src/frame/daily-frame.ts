// @ts-nocheck
import { ArgumentRangeError } from '../errors.js';
import { formatDay } from '../calendar.js';
import { Growable } from './arrays.js';
import { emptyReport, type LoadReport } from './load-report.js';
import { ProfileInterner } from './profile-dictionary.js';

/** Where parsed daily rows go: a columnar frame, or weekly sums built while reading. */
export interface RowCollector {
  readonly profiles: ProfileInterner;
  add(profile: number, day: number, followers: number, posts: number, engagement: number, reach: number, impressions: number): void;
}

/** The latest day among a daily frame's rows (−Infinity when it has none). */
export function lastDayOf(daily: Pick<DailyColumns, 'day'>): number {
  let last = Number.NEGATIVE_INFINITY;
  const { day } = daily;
  for (let i = 0; i < day.length; i++) if (day[i]! > last) last = day[i]!;
  return last;
}

/** One daily row as read back from a `DailyFrame`. */
export interface DailyRecord {
  profile_id: string;
  date: string;
  followers: number;
  posts: number;
  engagement: number;
  reach: number;
  impressions: number;
}

/** The columns of a `DailyFrame`. */
export interface DailyColumns {
  profile: Int32Array;
  day: Int32Array;
  followers: Float64Array;
  posts: Float64Array;
  engagement: Float64Array;
  reach: Float64Array;
  impressions: Float64Array;
}

/**
 * Daily rows as columns: a profile dictionary (first-seen order) and typed
 * arrays of equal length. `day` counts days since 1970-01-01; `followers` is
 * NaN where missing. Rows keep their reading order; duplicates are kept.
 */
export class DailyFrame implements DailyColumns {
  readonly profile: Int32Array;
  readonly day: Int32Array;
  readonly followers: Float64Array;
  readonly posts: Float64Array;
  readonly engagement: Float64Array;
  readonly reach: Float64Array;
  readonly impressions: Float64Array;

  constructor(
    /** Profile ids; `profile[i]` indexes this array. */
    readonly profileIds: readonly string[],
    columns: DailyColumns,
    /** What reading the rows found. */
    readonly report: LoadReport = emptyReport(),
  ) {
    this.profile = columns.profile;
    this.day = columns.day;
    this.followers = columns.followers;
    this.posts = columns.posts;
    this.engagement = columns.engagement;
    this.reach = columns.reach;
    this.impressions = columns.impressions;
    const n = this.profile.length;
    for (const name of ['day', 'followers', 'posts', 'engagement', 'reach', 'impressions'] as const) {
      if (columns[name].length !== n) throw new ArgumentRangeError(`DailyFrame: column '${name}' has ${columns[name].length} rows, expected ${n}`);
    }
  }

  /** Number of rows. */
  get length(): number {
    return this.profile.length;
  }

  /** The rows as objects (for inspection and tests; not for millions of rows). */
  toRecords(): DailyRecord[] {
    const out: DailyRecord[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      out[i] = {
        profile_id: this.profileIds[this.profile[i]!]!,
        date: formatDay(this.day[i]!),
        followers: this.followers[i]!,
        posts: this.posts[i]!,
        engagement: this.engagement[i]!,
        reach: this.reach[i]!,
        impressions: this.impressions[i]!,
      };
    }
    return out;
  }

  /** The rows for which `keep(i)` is true, as a new frame sharing the dictionary. */
  filterRows(keep: (row: number) => boolean): DailyFrame {
    const index: number[] = [];
    for (let i = 0; i < this.length; i++) if (keep(i)) index.push(i);
    const pick = <T extends Int32Array | Float64Array>(a: T): T => {
      const out = new (a.constructor as new (n: number) => T)(index.length);
      for (let k = 0; k < index.length; k++) out[k] = a[index[k]!]!;
      return out;
    };
    return new DailyFrame(
      this.profileIds,
      {
        profile: pick(this.profile),
        day: pick(this.day),
        followers: pick(this.followers),
        posts: pick(this.posts),
        engagement: pick(this.engagement),
        reach: pick(this.reach),
        impressions: pick(this.impressions),
      },
      { ...this.report, rows: index.length },
    );
  }
}

/** Collects parsed rows into growing columns, then makes a `DailyFrame`. */
export class DailyFrameBuilder implements RowCollector {
  readonly profiles = new ProfileInterner();
  private readonly profile = new Growable(Int32Array);
  private readonly day = new Growable(Int32Array);
  private readonly followers = new Growable(Float64Array);
  private readonly posts = new Growable(Float64Array);
  private readonly engagement = new Growable(Float64Array);
  private readonly reach = new Growable(Float64Array);
  private readonly impressions = new Growable(Float64Array);

  add(profile: number, day: number, followers: number, posts: number, engagement: number, reach: number, impressions: number): void {
    this.profile.push(profile);
    this.day.push(day);
    this.followers.push(followers);
    this.posts.push(posts);
    this.engagement.push(engagement);
    this.reach.push(reach);
    this.impressions.push(impressions);
  }

  finish(report: LoadReport): DailyFrame {
    return new DailyFrame(
      this.profiles.ids,
      {
        profile: this.profile.finish(),
        day: this.day.finish(),
        followers: this.followers.finish(),
        posts: this.posts.finish(),
        engagement: this.engagement.finish(),
        reach: this.reach.finish(),
        impressions: this.impressions.finish(),
      },
      report,
    );
  }
}
