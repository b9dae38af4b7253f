import { formatDay } from '../calendar.js';
import { DataError } from '../errors.js';

/** Past this, sums of squares and products in the fit lose integers or overflow: 2^53. */
export const SUMMABLE = Number.MAX_SAFE_INTEGER;

/** The error of a training row with a value past ±2^53: the profile, the week, the column and the value. */
export function unsummableError(profile: string, day: number, column: string, value: number): DataError {
  return new DataError(`profile ${JSON.stringify(profile)}, week ending ${formatDay(day)}: ${column} is ${value}, beyond 2^53: training cannot sum it`, {
    code: 'unforecastable',
    file: '<weekly>',
    line: 0,
    column,
    value: profile,
  });
}
