import type { DataError } from '../errors.js';
import { MAX_SKIPPED_EXAMPLES, type LoadReport } from '../frame/load-report.js';
import type { OnError } from '../schema.js';

/** Records a bad row, or throws it, as `onError` says. */
export function handleBadRow(error: DataError, onError: OnError, report: LoadReport): void {
  if (onError === 'throw') throw error;
  report.skipped++;
  if (report.skippedExamples.length < MAX_SKIPPED_EXAMPLES) report.skippedExamples.push(error);
}
