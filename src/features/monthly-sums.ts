import { float64s, int32s } from '../frame/arrays.js';
/**
 * N2: the monthly table. For each profile, every calendar month from the
 * month of its first record to the month of its last, months without records
 * included (zero sums): `monthly_engagement_sum` and `monthly_posts_sum`.
 * Months are numbered `year * 12 + month - 1`, so a profile's months are one
 * contiguous run; profile `k`'s run starts at `offsets[k]`.
 */
export class MonthlySums {
  /** First month number per profile. */
  readonly firstMonth: Int32Array;
  /** Where each profile's months start in `engagement` and `posts`; length profiles + 1. */
  readonly offsets: Int32Array;
  readonly engagement: Float64Array;
  readonly posts: Float64Array;

  /** Empty sums for profiles whose records run from month `first[k]` to month `last[k]`. */
  constructor(first: Int32Array, last: Int32Array) {
    const profiles = first.length;
    this.firstMonth = first;
    this.offsets = int32s(profiles + 1);
    for (let k = 0; k < profiles; k++) this.offsets[k + 1] = this.offsets[k]! + last[k]! - first[k]! + 1;
    this.engagement = float64s(this.offsets[profiles]!);
    this.posts = float64s(this.offsets[profiles]!);
  }

  /** The slot of profile k's month m, or -1 outside the profile's months. */
  slot(k: number, month: number): number {
    const at = month - this.firstMonth[k]!;
    return at >= 0 && at < this.offsets[k + 1]! - this.offsets[k]! ? this.offsets[k]! + at : -1;
  }

  /** Adds a part of profile k's month m (a month the profile has: see `slot`). */
  add(k: number, month: number, engagement: number, posts: number): void {
    const m = this.offsets[k]! + month - this.firstMonth[k]!;
    this.engagement[m]! += engagement;
    this.posts[m]! += posts;
  }
}
