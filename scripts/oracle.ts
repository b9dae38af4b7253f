// The oracle of the quality scripts: a forecast made from the generator's own
// state, the yardstick of how close a model comes to the limit. It is not a
// model of the library: it needs what no user has, the parameters the rows
// were drawn from.
//
// Definition: for a profile, an origin O and a horizon of h days, take the
// generator's state behind the profile's last row dated on or before O (day
// d): its audience f, its engagement rate r and its growth g per day. The
// oracle forecasts the engagement per post of the week ending O + h as
//
//   f × g^(O + h − 3 − d) × r
//
// the audience grown to the middle of that week, times the rate as it stood.
// That is the median engagement of one post. It knows nothing of the noise,
// of the drift, the regime changes and the habit changes after d, nor of
// viral posts.
import { join } from 'node:path';
import { parseDay } from '../src/calendar.js';
import { generateDailyRows, type GeneratedTruth } from '../src/generate.js';

/** The quality backtests' data of a kind and seed: where scripts/forecast-quality.ts writes it, and the generator's options. */
export function qualityData(profiles: number, kind: string, seed: number) {
  return {
    dir: join('.bench-cache', `quality-${profiles}-${kind}-${seed}`),
    options: { profiles, from: '2023-01-01', to: '2024-12-31', seed, dynamics: kind === 'dynamic' },
  };
}

/** Each profile's generator state by day, as `generateDailyRows` reports it through `onTruth`. */
export class TruthIndex {
  private readonly byProfile = new Map<string, { days: number[]; followers: number[]; rate: number[]; growth: number[]; postsPerDay: number[] }>();

  /** Takes the state behind one row (rows in date order, as the generator makes them). */
  add(truth: GeneratedTruth): void {
    let p = this.byProfile.get(truth.profile_id);
    if (!p) this.byProfile.set(truth.profile_id, (p = { days: [], followers: [], rate: [], growth: [], postsPerDay: [] }));
    p.days.push(parseDay(truth.date));
    p.followers.push(truth.followers);
    p.rate.push(truth.engagementRate);
    p.growth.push(truth.growth);
    p.postsPerDay.push(truth.postsPerDay);
  }

  /** The state behind the profile's last row on or before `day` (a day number): its engagement rate and posting habit; null when none. */
  stateAt(profileId: string, day: number): { engagementRate: number; postsPerDay: number } | null {
    const p = this.byProfile.get(profileId);
    const at = p ? lastOnOrBefore(p.days, day) : -1;
    return at < 0 ? null : { engagementRate: p!.rate[at]!, postsPerDay: p!.postsPerDay[at]! };
  }

  /** The oracle's engagement per post for the week ending `horizon` days after `origin` (NaN for a profile with no row by then). */
  forecast(profileId: string, origin: string, horizon: number): number {
    const p = this.byProfile.get(profileId);
    if (!p) return Number.NaN;
    const o = parseDay(origin);
    const at = lastOnOrBefore(p.days, o);
    if (at < 0) return Number.NaN;
    return p.followers[at]! * p.growth[at]! ** (o + horizon - 3 - p.days[at]!) * p.rate[at]!;
  }
}

/** The generator's state behind every row of `options`, made again from the seed (the same rows, not written). */
export function truthOf(options: ReturnType<typeof qualityData>['options']): TruthIndex {
  const truth = new TruthIndex();
  for (const row of generateDailyRows({ ...options, onTruth: (t) => truth.add(t) })) void row;
  return truth;
}

/** The index of the last of `days` (ascending) on or before `day`, −1 when none: a binary search. */
function lastOnOrBefore(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}
