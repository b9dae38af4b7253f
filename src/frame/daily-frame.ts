import { ArgumentRangeError } from '../errors.js';
import { formatDay } from '../calendar.js';
import { CountColumn, Growable, countKindOf, newCountArray, type CountArray } from './arrays.js';
import { emptyReport, type LoadReport } from './load-report.js';
import { ProfileInterner } from './profile-dictionary.js';

/** Where parsed daily rows go: a columnar frame, or weekly sums built while reading. */
export interface RowCollector {
  readonly profiles: ProfileInterner;
  add(profile: number, day: number, followers: number, posts: number, engagement: number, reach: number, impressions: number): void;
  /** Optional: reads (changes nothing) what adding rows of these profiles will touch, before a batch of them is added; see `ProfileInterner.prefetch`. */
  prefetch?(profiles: Int32Array, count: number, from?: number): void;
  /** Whether readers must ask `refusal` about each good row before adding it. */
  readonly refuses?: boolean;
  /** Why a good row of this profile and day is refused (a bad row, code `span_limit`), or null to add it. */
  refusal?(profile: number, day: number): string | null;
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

/**
 * The columns of a `DailyFrame`. The four counts are `CountArray`s: frames
 * read from files or rows keep each in the narrowest type that holds all its
 * values exactly (bytes for posts, 32-bit integers for engagement, …;
 * doubles as soon as one value is fractional or too large); any of the types
 * may be passed in.
 */
export interface DailyColumns {
  profile: Int32Array;
  day: Int32Array;
  followers: Float64Array;
  posts: CountArray;
  engagement: CountArray;
  reach: CountArray;
  impressions: CountArray;
}

/** The four count columns. */
const COUNT_COLUMNS = ['posts', 'engagement', 'reach', 'impressions'] as const;

/**
 * Daily rows as columns: a profile dictionary (first-seen order) and typed
 * arrays of equal length. `day` counts days since 1970-01-01; `followers` is
 * NaN where missing. Rows keep their reading order; duplicates are kept.
 */
export class DailyFrame implements DailyColumns {
  readonly profile: Int32Array;
  readonly day: Int32Array;
  readonly followers: Float64Array;
  readonly posts: CountArray;
  readonly engagement: CountArray;
  readonly reach: CountArray;
  readonly impressions: CountArray;

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
    const pick = <T extends Int32Array | Float64Array | CountArray>(a: T): T => {
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
  private readonly profile: Growable<Int32Array>;
  private readonly day: Growable<Int32Array>;
  private readonly followers: Growable<Float64Array>;
  private readonly posts: CountColumn;
  private readonly engagement: CountColumn;
  private readonly reach: CountColumn;
  private readonly impressions: CountColumn;

  /** @param capacity rows to make room for at first (the columns grow past it). */
  constructor(capacity = 64) {
    const room = Math.max(1, capacity);
    this.profile = new Growable(Int32Array, room);
    this.day = new Growable(Int32Array, room);
    this.followers = new Growable(Float64Array, room);
    this.posts = new CountColumn(room);
    this.engagement = new CountColumn(room);
    this.reach = new CountColumn(room);
    this.impressions = new CountColumn(room);
  }

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

/** Daily rows read on their own (one file on a reading thread): columns and the part's own dictionary. */
export interface DailyPart {
  ids: string[];
  columns: DailyColumns;
}

/** What `concatDailyParts` leaves in place of a part it has copied. */
const COPIED: DailyPart = {
  ids: [],
  columns: {
    profile: new Int32Array(0),
    day: new Int32Array(0),
    followers: new Float64Array(0),
    posts: new Uint8Array(0),
    engagement: new Uint8Array(0),
    reach: new Uint8Array(0),
    impressions: new Uint8Array(0),
  },
};

/**
 * One frame from parts read apart, in the order given: rows one part after
 * another, profiles numbered in first-seen order over all of them (as one
 * reader going through the parts in order would number them), each count
 * column in the widest type of its parts. Each part is dropped from `parts`
 * once copied, so its memory can be collected while the others are.
 */
export function concatDailyParts(parts: DailyPart[], report: LoadReport): DailyFrame {
  let n = 0;
  for (const part of parts) n += part.columns.profile.length;
  const index = new Map<string, number>();
  const profileIds: string[] = [];
  const kinds = COUNT_COLUMNS.map((name) => Math.max(0, ...parts.map((part) => countKindOf(part.columns[name]))));
  const out: DailyColumns = {
    profile: new Int32Array(n),
    day: new Int32Array(n),
    followers: new Float64Array(n),
    posts: newCountArray(kinds[0]!, n),
    engagement: newCountArray(kinds[1]!, n),
    reach: newCountArray(kinds[2]!, n),
    impressions: newCountArray(kinds[3]!, n),
  };
  let at = 0;
  for (let p = 0; p < parts.length; p++) {
    const { ids, columns } = parts[p]!;
    const map = new Int32Array(ids.length);
    for (let local = 0; local < ids.length; local++) {
      let g = index.get(ids[local]!);
      if (g === undefined) {
        g = profileIds.length;
        index.set(ids[local]!, g);
        profileIds.push(ids[local]!);
      }
      map[local] = g;
    }
    const rows = columns.profile.length;
    for (let i = 0; i < rows; i++) out.profile[at + i] = map[columns.profile[i]!]!;
    out.day.set(columns.day, at);
    out.followers.set(columns.followers, at);
    for (const name of COUNT_COLUMNS) out[name].set(columns[name], at);
    at += rows;
    parts[p] = COPIED;
  }
  return new DailyFrame(profileIds, out, report);
}
