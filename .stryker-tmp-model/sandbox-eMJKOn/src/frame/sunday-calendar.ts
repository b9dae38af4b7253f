// @ts-nocheck
import { civilFromDays, isoWeek, weekNumberU } from '../calendar.js';

/**
 * Calendar facts of every Sunday in a range, computed once and looked up by
 * `(sunday - first) / 7`, so loops over weekly rows do no date arithmetic.
 */
export class SundayCalendar {
  readonly year: Int32Array;
  readonly month: Int32Array;
  /** `year * 12 + month - 1`. */
  readonly monthIndex: Int32Array;
  readonly isoWeek: Int32Array;
  /** `%U` week number (1–53 for a Sunday). */
  readonly weekU: Int32Array;

  constructor(
    readonly first: number,
    last: number,
  ) {
    const n = Math.max(0, (last - first) / 7 + 1);
    this.year = new Int32Array(n);
    this.month = new Int32Array(n);
    this.monthIndex = new Int32Array(n);
    this.isoWeek = new Int32Array(n);
    this.weekU = new Int32Array(n);
    const ymd = new Int32Array(3);
    for (let k = 0; k < n; k++) {
      const sunday = first + 7 * k;
      civilFromDays(sunday, ymd);
      this.year[k] = ymd[0]!;
      this.month[k] = ymd[1]!;
      this.monthIndex[k] = ymd[0]! * 12 + ymd[1]! - 1;
      this.isoWeek[k] = isoWeek(sunday);
      this.weekU[k] = weekNumberU(sunday);
    }
  }
}
