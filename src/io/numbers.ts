/**
 * Number parsing with pandas' reading of the daily files: plain decimal and
 * scientific notation are numbers, `inf`/`infinity` are infinite, anything
 * else (`undefined`, empty, `NaN`, `-`, …) is missing (NaN).
 */

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITE = /^([+-]?)inf(?:inity)?$/i;

/** Parses text the way `pd.to_numeric(errors='coerce')` reads a CSV field; NaN when it is not a number. */
export function parseLooseNumber(text: string): number {
  const t = text.trim();
  if (DECIMAL.test(t)) return Number(t);
  const inf = INFINITE.exec(t);
  if (inf) return inf[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number.NaN;
}

/**
 * Fast path for a field of ASCII digits in `bytes[start, end)`; returns -1 when
 * the field is empty, holds anything but digits, or has more than 15 digits
 * (where accumulation could round differently from a correctly rounded parse).
 */
export function parseDigits(bytes: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = bytes[i]! - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Converts a value passed in a row object to a number the way a CSV field would be read. */
export function looseNumberFromValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return parseLooseNumber(value);
  return Number.NaN;
}

/** Why a row whose `followers` is a number but not a count is refused. */
export const FOLLOWERS_REASON = 'followers is not a count from 0 to 2^53';

/**
 * Whether a `followers` value may be kept: missing (NaN: not a number, such
 * as `undefined`), or a count from 0 to 2^53 (the service's rule too).
 */
export function isFollowersCount(v: number): boolean {
  return v !== v || (v >= 0 && v <= Number.MAX_SAFE_INTEGER);
}
