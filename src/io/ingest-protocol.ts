import type { DayWindow, SegmentData } from '../features/weekly-sums.js';
import type { SpanLimit } from '../frame/span-limit.js';
import type { DailyColumns } from '../frame/daily-frame.js';
import { DataError, type DataErrorCode } from '../errors.js';
import type { LoadReport } from '../frame/load-report.js';
import type { ReadSettings } from './collector.js';

/** A `DataError` as plain data, to cross a thread boundary. */
export interface DataErrorData {
  code?: DataErrorCode;
  reason: string;
  file: string;
  line: number;
  column?: string;
  value?: string;
}

export function errorToData(e: DataError): DataErrorData {
  // The code crosses only when it is not the one the line implies (see `DataErrorDetails.code`).
  const implied = e.line > 0 ? 'bad_row' : 'bad_file';
  return {
    ...(e.code !== implied ? { code: e.code } : {}),
    reason: e.reason,
    file: e.file,
    line: e.line,
    ...(e.column ? { column: e.column } : {}),
    ...(e.value !== undefined ? { value: e.value } : {}),
  };
}

export function errorFromData(d: DataErrorData): DataError {
  return new DataError(d.reason, d);
}

/** A load report whose examples are plain data. */
export type ReportData = Omit<LoadReport, 'skippedExamples'> & { skippedExamples: DataErrorData[] };

export interface WorkerInit {
  settings: ReadSettings;
  /** Expected segment entries for this thread, to size its table once. */
  expectedEntries: number;
  /** What the thread builds: segment sums of all its files (`loadWeekly`), or each file's daily rows (`loadDaily`). */
  mode: 'segments' | 'daily';
  /** Segments mode: only rows of these days are summed (see `SegmentTable`). */
  window?: DayWindow;
  /** Segments mode: rows of these profiles outside these days are refused (see `SegmentTable`). */
  span?: SpanLimit;
}

/** Main thread → worker. */
export type ToWorker = { type: 'file'; file: string; index: number } | { type: 'finish' };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'progress'; bytes: number; rows: number }
  | { type: 'fileDone'; index: number }
  | { type: 'part'; index: number; ids: string[]; columns: DailyColumns }
  | { type: 'result'; data: SegmentData; ids: string[]; report: ReportData }
  | { type: 'error'; index?: number; dataError?: DataErrorData; message?: string };
