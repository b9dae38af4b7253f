import type { SundayCalendar } from '../frame/sunday-calendar.js';
import type { ColumnDefinition } from '../frame/weekly-frame.js';
import { engagementPerPost } from './engagement-per-post.js';
import type { MonthlySums } from './monthly-sums.js';
import { pooledAverageColumn } from './windows.js';
import { float64s } from '../frame/arrays.js';

/**
 * N6, `notebook` preset: each week's `monthly_average_engagement_per_post`,
 * the left join of the monthly table (N2) on the Sunday's calendar year and
 * month. It covers the whole month, days after the week included (quirk Q2);
 * a Sunday in a month the profile has no run for (the month after its last
 * record) gets NaN. Division as in N5.
 */
export function monthlyAverage(date: Int32Array, offsets: Int32Array, months: MonthlySums, cal: SundayCalendar): Float64Array {
  const out = float64s(date.length);
  const profiles = offsets.length - 1;
  for (let k = 0; k < profiles; k++) {
    for (let i = offsets[k]!; i < offsets[k + 1]!; i++) {
      const m = months.slot(k, cal.monthIndex[(date[i]! - cal.first) / 7]!);
      out[i] = m < 0 ? Number.NaN : engagementPerPost(months.engagement[m]!, months.posts[m]!);
    }
  }
  return out;
}

/** `monthly_average_engagement_per_post`, stored (computed by `monthlyAverage` when the table is built). */
export const MONTHLY_AVERAGE_COLUMN: ColumnDefinition = { name: 'monthly_average_engagement_per_post', stored: 'monthlyAverage' };

/** N6's `month`: the Sunday's calendar month (its `year` is changed by N7: see `lags.ts`). */
export const MONTH_COLUMN: ColumnDefinition = {
  name: 'month',
  integer: true,
  numeric: (frame) => {
    const cal = frame.calendar;
    const date = frame.column('date');
    return (i) => cal.month[(date[i]! - cal.first) / 7]!;
  },
};

/**
 * N6, `corrected` preset (Q2): `monthly_average_engagement_per_post` over the
 * 28 days ending on the week's Sunday (that week and the three before it),
 * pooled: Σ engagement / Σ posts; missing when those days have no post. No
 * day after the week is used.
 */
export const CORRECTED_MONTHLY_AVERAGE_COLUMN: ColumnDefinition = pooledAverageColumn('monthly_average_engagement_per_post', 4);
