import { ArgumentRangeError } from './errors.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { civilFromDays, formatDay, parseDayStrict } from './calendar.js';
import { TextWriter } from './io/text-writer.js';
import { DAILY_COLUMNS, type ProgressCallback } from './schema.js';

/** Options of `generateDaily`. */
export interface GenerateOptions {
  /** Number of profiles. */
  profiles: number;
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`. */
  to: string;
  /** Seed: the same seed and options give byte-identical files. Default 1. */
  seed?: number;
  /** Called after each generated day. */
  onProgress?: ProgressCallback;
  /**
   * Non-stationary engagement and posting (see `Dynamics`): `true` for the
   * defaults, or some of them. Off by default: the stationary data, where a
   * profile's long-run average is the best forecast.
   */
  dynamics?: boolean | Partial<Dynamics>;
  /**
   * Called with the generator's own state behind each row it makes (the
   * truth a forecast can be measured against, as in the quality scripts'
   * oracle); drawing nothing, it leaves the rows as they are without it.
   */
  onTruth?: (truth: GeneratedTruth) => void;
}

/** The state behind one generated row: what the row's numbers were drawn from. */
export interface GeneratedTruth {
  date: string;
  profile_id: string;
  /** The audience before rounding (the row's `followers` is it rounded, or `undefined`). */
  followers: number;
  /** The day's engagement rate: engagement per post is `followers × engagementRate` times noise (median 1), and now and then a viral post. */
  engagementRate: number;
  /** The audience's expected growth factor per day. */
  growth: number;
  /** The expected posts a day. */
  postsPerDay: number;
}

/**
 * How engagement and posting change over time, per profile. Rates are per
 * calendar day; a profile seen on sparse days catches up on the days it was
 * not seen.
 */
export interface Dynamics {
  /** Standard deviation of the daily random walk of the log engagement rate (drift). Default 0.01. */
  drift: number;
  /** Chance a day of a regime change: the engagement rate multiplied or divided by e^0.5 … e^1.5 (an account that takes off or fades). Default 1/365. */
  regimeChanges: number;
  /** Chance a posting day is viral: engagement (and reach, impressions) × 5 … 50. Default 0.005. */
  viralPosts: number;
  /** Chance a day that the posting habit changes: a new posts-per-day rate. Default 1/180. */
  habitChanges: number;
}

/** The dynamics `dynamics: true` turns on. */
export const DEFAULT_DYNAMICS: Readonly<Dynamics> = Object.freeze({ drift: 0.01, regimeChanges: 1 / 365, viralPosts: 0.005, habitChanges: 1 / 180 });

/** One generated daily row (the real files' columns). */
export type GeneratedRow = {
  date: string;
  profile_id: string;
  followers: number | 'undefined';
  posts: number;
  engagement: number;
  likes: number;
  comments: number;
  reach: number;
  impressions: number;
};

/** What `generateDaily` wrote. */
export interface GenerateResult {
  files: string[];
  rows: number;
  bytes: number;
  profiles: number;
}

/** mulberry32: small, fast, deterministic. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = (seed ^ 0x2545f491) >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
  hex64(): string {
    let s = '';
    for (let i = 0; i < 8; i++) s += (Math.floor(this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    return s;
  }
}

const enum Kind {
  Continuous,
  Bursty,
  Sparse,
}

/** A profile's fixed traits and running state. */
interface Profile {
  id: string;
  kind: Kind;
  /** Days (relative to `from`) the profile may be seen: [start, end]. */
  start: number;
  end: number;
  /** Chance of a record on a day inside its span (or inside a burst). */
  seen: number;
  bursts: number[];
  followers: number;
  growth: number;
  postsPerDay: number;
  engagementRate: number;
  reachPerEngagement: number;
  impressionsPerReach: number;
  undefinedShare: number;
  /** The last day the dynamics were applied (relative to `from`). */
  lastDay: number;
}

function makeProfile(r: Random, days: number): Profile {
  const u = r.next();
  const kind = u < 0.3 ? Kind.Continuous : u < 0.55 ? Kind.Bursty : Kind.Sparse;
  // Followers: log-normal, median ~15K, from tens to hundreds of millions.
  const followers = Math.min(6e8, Math.max(12, Math.exp(Math.log(15000) + 2.3 * r.normal())));
  let start = 0;
  let end = days - 1;
  let seen: number;
  const bursts: number[] = [];
  if (kind === Kind.Continuous) {
    start = r.next() < 0.6 ? 0 : r.int(0, Math.floor(days * 0.7));
    end = r.next() < 0.7 ? days - 1 : r.int(start, days - 1);
    seen = 0.9 + 0.1 * r.next();
  } else if (kind === Kind.Bursty) {
    const n = r.int(1, 6);
    for (let b = 0; b < n; b++) {
      const s = r.int(0, days - 1);
      bursts.push(s, Math.min(days - 1, s + r.int(2, 30)));
    }
    seen = 0.85;
  } else {
    // Sparse: a few scattered days a year.
    seen = r.int(1, 45) / 365;
  }
  return {
    id: r.hex64(),
    kind,
    start,
    end,
    seen,
    bursts,
    followers,
    growth: 1.0004 + 0.0002 * r.normal(),
    postsPerDay: 0.05 + 0.9 * r.next() ** 2,
    // Engagement rate falls with audience size.
    engagementRate: Math.min(0.3, 0.06 * Math.exp(0.6 * r.normal()) * (followers / 1e4) ** -0.15),
    reachPerEngagement: 3 + 15 * r.next(),
    impressionsPerReach: 1.05 + 0.8 * r.next(),
    undefinedShare: r.next() < 0.01 ? 0.3 + 0.6 * r.next() : 0.02,
    lastDay: 0,
  };
}

function observed(p: Profile, day: number, r: Random): boolean {
  if (p.kind === Kind.Bursty) {
    for (let b = 0; b < p.bursts.length; b += 2) {
      if (day >= p.bursts[b]! && day <= p.bursts[b + 1]!) return r.next() < p.seen;
    }
    return false;
  }
  if (day < p.start || day > p.end) return false;
  return r.next() < p.seen;
}

/** Moves a profile's engagement rate and posting habit on to `day` (only when dynamics are on: the stationary stream draws nothing here). */
function evolve(p: Profile, day: number, dynamics: Dynamics, r: Random): void {
  const steps = day - p.lastDay;
  p.lastDay = day;
  if (steps <= 0) return;
  if (dynamics.drift > 0) p.engagementRate *= Math.exp(dynamics.drift * Math.sqrt(steps) * r.normal());
  if (dynamics.regimeChanges > 0 && r.next() < 1 - (1 - dynamics.regimeChanges) ** steps) {
    p.engagementRate *= Math.exp((r.next() < 0.5 ? -1 : 1) * (0.5 + r.next()));
  }
  if (dynamics.habitChanges > 0 && r.next() < 1 - (1 - dynamics.habitChanges) ** steps) p.postsPerDay = 0.05 + 0.9 * r.next() ** 2;
  p.engagementRate = Math.min(0.5, Math.max(1e-5, p.engagementRate));
}

function dayRow(p: Profile, date: string, r: Random, dynamics: Dynamics | null, day: number, onTruth?: (truth: GeneratedTruth) => void): GeneratedRow {
  if (dynamics) evolve(p, day, dynamics, r);
  p.followers *= p.growth + 0.001 * r.normal();
  onTruth?.({ date, profile_id: p.id, followers: p.followers, engagementRate: p.engagementRate, growth: p.growth, postsPerDay: p.postsPerDay });
  const followers = Math.max(1, Math.round(p.followers));
  const posts = r.poisson(p.postsPerDay);
  let engagement = 0;
  let reach = 0;
  let impressions = 0;
  if (posts > 0) {
    engagement = Math.round(posts * followers * p.engagementRate * Math.exp(0.5 * r.normal()));
    if (dynamics && dynamics.viralPosts > 0 && r.next() < dynamics.viralPosts) engagement = Math.round(engagement * (5 + 45 * r.next()));
    reach = Math.round(Math.max(engagement, 1) * p.reachPerEngagement * Math.exp(0.3 * r.normal()));
    impressions = Math.round(reach * p.impressionsPerReach);
    if (r.next() < 2e-4) impressions *= 1000; // the rare 1000× glitch of the real data
  }
  const comments = Math.round(engagement * 0.03 * r.next());
  return {
    date,
    profile_id: p.id,
    followers: r.next() < p.undefinedShare ? 'undefined' : followers,
    posts,
    engagement,
    likes: engagement - comments,
    comments,
    reach,
    impressions,
  };
}

/**
 * Realistic synthetic daily rows, day by day (profiles shuffled within a day),
 * deterministic for a seed. Memory is proportional to the profile count, not
 * the row count. See docs/data-model.md for the model of the data.
 *
 * @example for (const row of generateDailyRows({ profiles: 10, from: '2024-01-01', to: '2024-03-31' })) …
 */
export function* generateDailyRows(options: GenerateOptions): Generator<GeneratedRow> {
  const { from, days, profiles, r } = setup(options);
  const dynamics = dynamicsOf(options.dynamics);
  const order: number[] = [];
  for (let d = 0; d < days; d++) {
    const date = formatDay(from + d);
    order.length = 0;
    for (let k = 0; k < profiles.length; k++) if (observed(profiles[k]!, d, r)) order.push(k);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r.next() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (const k of order) yield dayRow(profiles[k]!, date, r, dynamics, d, options.onTruth);
    options.onProgress?.({ stage: 'generate', rows: d + 1 });
  }
}

/** The dynamics option, checked: null when off. */
function dynamicsOf(option: GenerateOptions['dynamics']): Dynamics | null {
  if (option === undefined || option === false) return null;
  const d = option === true ? { ...DEFAULT_DYNAMICS } : { ...DEFAULT_DYNAMICS, ...option };
  for (const key of ['drift', 'regimeChanges', 'viralPosts', 'habitChanges'] as const) {
    if (typeof d[key] !== 'number' || !(d[key] >= 0) || (key !== 'drift' && d[key] > 1)) {
      throw new ArgumentRangeError(
        `generateDaily: dynamics.${key} must be a number ${key === 'drift' ? 'at least 0' : 'from 0 to 1'}, got ${JSON.stringify(d[key])}`,
      );
    }
  }
  return d;
}

function setup(options: GenerateOptions) {
  const from = parseDayStrict(options.from, 'generateDaily: from');
  const to = parseDayStrict(options.to, 'generateDaily: to');
  if (to < from) throw new ArgumentRangeError('generateDaily: `to` is before `from`');
  if (!Number.isInteger(options.profiles) || options.profiles < 1) throw new ArgumentRangeError('generateDaily: profiles must be a positive integer');
  const r = new Random(options.seed ?? 1);
  const days = to - from + 1;
  const profiles = Array.from({ length: options.profiles }, () => makeProfile(r, days));
  return { from, days, profiles, r };
}

/** The real data's file name for a month: `ig_data_2023/ig_data_MM-2023_u.csv`, `ig_data-YYYY/ig_data_MM-YYYY_u.csv` for other years. */
export function monthFileName(year: number, month: number): string {
  const folder = year === 2023 ? `ig_data_${year}` : `ig_data-${year}`;
  return join(folder, `ig_data_${String(month).padStart(2, '0')}-${year}_u.csv`);
}

/**
 * Writes realistic synthetic daily CSVs in the real layout, one file a month,
 * rows in date order, profiles shuffled within a date. Streams: memory does
 * not grow with the number of rows.
 *
 * @example await generateDaily({ profiles: 1000, from: '2023-01-01', to: '2024-12-31', seed: 7 }, 'data/');
 */
export async function generateDaily(options: GenerateOptions, outDir: string): Promise<GenerateResult> {
  const result: GenerateResult = { files: [], rows: 0, bytes: 0, profiles: options.profiles };
  let writer: TextWriter | null = null;
  let currentMonth = -1;
  const ymd = new Int32Array(3);
  const close = async (): Promise<void> => {
    if (!writer) return;
    await writer.close();
    result.bytes += writer.bytes;
    writer = null;
  };
  const header = `${DAILY_COLUMNS.join(',')}\n`;
  let lastDate = '';
  try {
    for (const row of generateDailyRows(options)) {
      if (row.date !== lastDate) {
        lastDate = row.date;
        civilFromDays(parseDayStrict(row.date, 'date'), ymd);
        const month = ymd[0]! * 12 + ymd[1]!;
        if (month !== currentMonth) {
          await close();
          currentMonth = month;
          const name = join(outDir, monthFileName(ymd[0]!, ymd[1]!));
          mkdirSync(join(name, '..'), { recursive: true });
          writer = new TextWriter(name);
          result.files.push(name);
          writer.write(header);
        }
      }
      const flushing = writer!.write(
        `${row.date},${row.profile_id},${row.followers},${row.posts},${row.engagement},${row.likes},${row.comments},${row.reach},${row.impressions}\n`,
      );
      result.rows++;
      if (flushing) await flushing;
    }
    await close();
  } catch (error) {
    await (writer as TextWriter | null)?.abort();
    throw error;
  }
  return result;
}
