// @ts-nocheck
import { formatDay } from '../calendar.js';
import type { DataError } from '../errors.js';
import { MAX_SKIPPED_EXAMPLES, type LoadReport } from '../frame/load-report.js';
import { checkLimits, checkOnError, type CheckedLimits, type InputLimits, type OnError } from '../schema.js';

/** How readers treat rows: what to do with a bad one, and the input limits. */
export interface ReadSettings {
  onError: OnError;
  limits: CheckedLimits;
}

/** The readers' options, validated once. */
export function readSettings(options: { onError?: unknown; limits?: Partial<InputLimits> | undefined }, where: string): ReadSettings {
  return { onError: checkOnError(options.onError, where), limits: checkLimits(options.limits, where) };
}

/** The reason given for a date outside the accepted range, naming the range and the limits. */
export function dateRangeReason(limits: CheckedLimits): string {
  return `the date is outside the accepted range ${formatDay(limits.firstDay)} … ${formatDay(limits.lastDay)} (limits.from, limits.to)`;
}

/** Records a bad row, or throws it, as `onError` says. */
export function handleBadRow(error: DataError, onError: OnError, report: LoadReport): void {
  if (onError === 'throw') throw error;
  report.skipped++;
  if (report.skippedExamples.length < MAX_SKIPPED_EXAMPLES) report.skippedExamples.push(error);
}
