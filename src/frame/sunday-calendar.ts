import { civilFromDays, isoWeek, weekNumberU } from '../calendar.js';
import { int32s } from './arrays.js';

/**
 * Calendar facts of every Sunday in a range, computed once and looked up by
 * `(sunday - first) / 7`, so loops over weekly rows do no date arithmetic.
 * The week numbers are computed the first time they are asked for (a
 * forecast of one profile needs neither).
 */
export class SundayCalendar {
  readonly year: Int32Array;
  readonly month: Int32Array;
  /** `year * 12 + month - 1`. */
  readonly monthIndex: Int32Array;
  private iso: Int32Array | null = null;
  private u: Int32Array | null = null;

  constructor(
    readonly first: number,
    last: number,
  ) {
    const n = Math.max(0, (last - first) / 7 + 1);
    this.year = int32s(n);
    this.month = int32s(n);
    this.monthIndex = int32s(n);
    const ymd = new Int32Array(3);
    for (let k = 0; k < n; k++) {
      civilFromDays(first + 7 * k, ymd);
      this.year[k] = ymd[0]!;
      this.month[k] = ymd[1]!;
      this.monthIndex[k] = ymd[0]! * 12 + ymd[1]! - 1;
    }
  }

  /** ISO 8601 week number of each Sunday. */
  get isoWeek(): Int32Array {
    return (this.iso ??= this.perSunday(isoWeek));
  }

  /** `%U` week number (1–53 for a Sunday). */
  get weekU(): Int32Array {
    return (this.u ??= this.perSunday(weekNumberU));
  }

  private perSunday(f: (day: number) => number): Int32Array {
    const out = int32s(this.year.length);
    for (let k = 0; k < out.length; k++) out[k] = f(this.first + 7 * k);
    return out;
  }
}
