/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC). No `Date`
 * objects: these run inside loops over millions of rows.
 *
 * Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */

import { ArgumentTypeError } from './errors.js';

/** Day number of a proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Writes [year, month (1–12), day (1–31)] of a day number into `out` and returns it. */
export function civilFromDays(days: number, out: Int32Array = new Int32Array(3)): Int32Array {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = d;
  return out;
}

const scratch = new Int32Array(3);

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** The Sunday ending the Monday–Sunday week that holds `days` (N3's week label). */
export function sundayOf(days: number): number {
  return days + ((7 - weekday(days)) % 7);
}

/** The last Sunday on or before `days` (`days` itself when it is a Sunday): the end of the last complete week by then. */
export function sundayOnOrBefore(days: number): number {
  return days - weekday(days);
}

/** Month index `year * 12 + (month - 1)`: consecutive months are consecutive integers. */
export function monthIndexOf(days: number): number {
  civilFromDays(days, scratch);
  return scratch[0]! * 12 + scratch[1]! - 1;
}

/** Zero-based day of the year (0 on 1 January). */
export function dayOfYear0(days: number): number {
  civilFromDays(days, scratch);
  return days - daysFromCivil(scratch[0]!, 1, 1);
}

/** `%U` week number (weeks start on Sunday; days before the year's first Sunday are week 0). */
export function weekNumberU(days: number): number {
  return Math.floor((dayOfYear0(days) + 7 - weekday(days)) / 7);
}

/** ISO 8601 week number (1–53). */
export function isoWeek(days: number): number {
  const mondayBased = (weekday(days) + 6) % 7;
  const thursday = days - mondayBased + 3;
  return Math.floor(dayOfYear0(thursday) / 7) + 1;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(days: number): string {
  civilFromDays(days, scratch);
  const y = scratch[0]!;
  const ys = y >= 0 && y < 10000 ? String(y).padStart(4, '0') : String(y);
  return `${ys}-${pad2(scratch[1]!)}-${pad2(scratch[2]!)}`;
}

/** `%Y-%U` of a day number, e.g. `2023-06` (N4's `year_week`). */
export function formatYearWeek(days: number): string {
  civilFromDays(days, scratch);
  return `${scratch[0]!}-${pad2(weekNumberU(days))}`;
}

/** Days in each month of a common year. */
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a year/month/day triple names a real date. */
export function isValidCivil(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : MONTH_LENGTHS[month - 1]!;
  return day <= max;
}

/** The month `dayOfParts` read last (year × 100 + month), its first day's number and its length: rows come day after day. */
let lastMonth = -1;
let lastMonthStart = 0;
let lastMonthLength = 0;

/** The day number of a year, month and day read from digits (−1: not digits), NaN when there is no such date. */
function dayOfParts(y: number, m: number, d: number): number {
  if (y < 0 || m < 0 || d < 0) return Number.NaN;
  const month = y * 100 + m;
  if (month !== lastMonth) {
    // A month not seen just before: checked and its first day worked out once, not for every day of it.
    if (m < 1 || m > 12) return Number.NaN;
    lastMonth = month;
    lastMonthStart = daysFromCivil(y, m, 1);
    lastMonthLength = m === 2 ? (isValidCivil(y, 2, 29) ? 29 : 28) : MONTH_LENGTHS[m - 1]!;
  }
  return d >= 1 && d <= lastMonthLength ? lastMonthStart + d - 1 : Number.NaN;
}

/**
 * Parses `YYYY-MM-DD` into a day number; returns NaN when the text is not such a date.
 */
export function parseDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  return dayOfParts(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10));
}

/** @internal `parseDay` of the ten ASCII bytes `bytes[at, at + 10)` (a reader's buffer), without making a string. */
export function parseDayBytes(bytes: Uint8Array, at: number): number {
  if (bytes[at + 4] !== 45 || bytes[at + 7] !== 45) return Number.NaN;
  return dayOfParts(byteDigitsAt(bytes, at, at + 4), byteDigitsAt(bytes, at + 5, at + 7), byteDigitsAt(bytes, at + 8, at + 10));
}

/** The ASCII digits of `text[start, end)` as a number, −1 when one is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The ASCII digits of `bytes[start, end)` as a number, −1 when one is not a digit (or past the end). */
function byteDigitsAt(bytes: Uint8Array, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = (bytes[i] ?? 0) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Like `parseDay`, but throws a TypeError naming `what` when the text is not a date. */
export function parseDayStrict(text: unknown, what: string): number {
  const day = typeof text === 'string' ? parseDay(text) : Number.NaN;
  if (Number.isNaN(day) && typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
    // Written as asked, but no such day: say why.
    const year = Number(text.slice(0, 4));
    const month = Number(text.slice(5, 7));
    const why =
      month < 1 || month > 12
        ? `there is no month ${month}`
        : `${text.slice(0, 7)} has ${[31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]} days`;
    throw new ArgumentTypeError(`${what} must be a day that exists, got ${JSON.stringify(text)} (${why})`);
  }
  if (Number.isNaN(day)) {
    throw new ArgumentTypeError(`${what} must be a date written YYYY-MM-DD, got ${JSON.stringify(text)}`);
  }
  return day;
}
