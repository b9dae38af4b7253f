import { formatDay, formatYearWeek } from '../calendar.js';
import type { ColumnDefinition } from '../frame/weekly-frame.js';

/*
 * N4: week labels and row order. Each week is labelled by its Sunday
 * (`date`); `week_of_year` is the Sunday's ISO week number and `year_week`
 * the Sunday as `%Y-%U`. Rows are sorted by `profile_id` in plain string
 * (code-point) order, then by week.
 */

/** `date`: the Sunday, stored as a day number, written `YYYY-MM-DD`. */
export const DATE_COLUMN: ColumnDefinition = {
  name: 'date',
  stored: 'date',
  text: (frame) => {
    const date = frame.column('date');
    return (i) => formatDay(date[i]!);
  },
};

/** `profile_id`: the row's profile, as text. */
export const PROFILE_ID_COLUMN: ColumnDefinition = {
  name: 'profile_id',
  text: (frame) => {
    const { profile, profileIds } = frame;
    return (i) => profileIds[profile[i]!]!;
  },
};

/** `week_of_year`: the Sunday's ISO 8601 week number. */
export const WEEK_OF_YEAR_COLUMN: ColumnDefinition = {
  name: 'week_of_year',
  integer: true,
  numeric: (frame) => {
    const { calendar: cal } = frame;
    const date = frame.column('date');
    return (i) => cal.isoWeek[(date[i]! - cal.first) / 7]!;
  },
};

/** `year_week`: the Sunday as `%Y-%U`, e.g. `2023-06`. */
export const YEAR_WEEK_COLUMN: ColumnDefinition = {
  name: 'year_week',
  text: (frame) => {
    const date = frame.column('date');
    return (i) => formatYearWeek(date[i]!);
  },
};

/**
 * Compares strings by Unicode code point, as Python's `sorted` does (JavaScript's
 * `<` compares UTF-16 code units, which differs for characters past U+FFFF).
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (U+D800–DFFF) encode code points above U+FFFF: move them past U+E000–FFFF.
      if (x >= 0xd800) x += x >= 0xe000 ? -0x800 : 0x2000;
      if (y >= 0xd800) y += y >= 0xe000 ? -0x800 : 0x2000;
      return x - y;
    }
  }
  return a.length - b.length;
}
