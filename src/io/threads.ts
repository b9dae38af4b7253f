// Reading files on several threads: which threads, how to start one, handing
// out files, gathering what each sends back, and one report in file order.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DataError } from '../errors.js';
import type { DayWindow, SegmentPart } from '../features/weekly-sums.js';
import type { SpanLimit } from '../frame/span-limit.js';
import { concatDailyParts, DailyFrameBuilder, type DailyFrame, type DailyPart } from '../frame/daily-frame.js';
import { emptyReport, MAX_SKIPPED_EXAMPLES } from '../frame/load-report.js';
import { checkWorkers, type ProgressCallback } from '../schema.js';
import { readSettings, type ReadSettings } from './collector.js';
import { discoverFiles, readCsvFiles, totalSize } from './files.js';
import { errorFromData, type FromWorker, type ReportData, type ToWorker, type WorkerInit } from './ingest-protocol.js';
import type { IngestOptions, IngestResult } from './ingest-options.js';

const PARALLEL_MIN_BYTES = 16 << 20;
/** How long a thread that has sent its sums may take to exit by itself. */
const STOP_AFTER_MS = 10_000;

/** Reading threads for these files (null: read on the calling thread). */
export function threadPlan(files: readonly string[], bytes: number, workers: number | undefined): { threads: number; spawn: Spawn } | null {
  const wanted = workers ?? (bytes >= PARALLEL_MIN_BYTES ? availableParallelism() : 1);
  const threads = Math.min(wanted, files.length);
  const spawn = threads > 1 ? workerSpawner() : null;
  return spawn ? { threads, spawn } : null;
}

/**
 * `loadDaily` of files on several threads: each thread reads whole files,
 * handed out one at a time, into a frame per file; the frames are joined in
 * file order, so rows, profile numbers and the report are what one thread
 * reading the files in order gives. The calling thread reads them when
 * threads would not pay (too few bytes or files, `workers: 1`, or no thread
 * script).
 */
export async function ingestDaily(paths: readonly string[], options: IngestOptions = {}): Promise<DailyFrame> {
  const settings = readSettings(options, 'loadDaily');
  const workers = checkWorkers(options.workers, 'loadDaily');
  const files = await discoverFiles(paths);
  const bytes = await totalSize(files);
  const plan = threadPlan(files, bytes, workers);
  if (!plan) {
    const builder = new DailyFrameBuilder();
    const report = emptyReport();
    await readCsvFiles(files, builder, report, settings, options.onProgress);
    return builder.finish(report);
  }
  const { results, dailyParts } = await readInWorkers({
    files,
    totalBytes: bytes,
    threads: plan.threads,
    spawn: plan.spawn,
    settings,
    onProgress: options.onProgress,
    mode: 'daily',
  });
  const { report } = merge(results, files);
  return concatDailyParts(dailyParts, report);
}

/**
 * Segment entries to expect from this many bytes of CSV: about 100 bytes a
 * row and 0.26 segments a row in data like the real set. Sizing the table
 * once saves its rehashing; a wrong guess only costs a regrowth.
 */
export function expectedEntries(bytes: number): number {
  return Math.max(1 << 12, Math.min(1 << 26, Math.round((bytes / 100) * 0.26)));
}

export type Spawn = (init: WorkerInit) => Worker;

/** How to start a reading thread: the built `ingest-worker.js`, or the TypeScript source through tsx when running from source; null when neither is available. */
function workerSpawner(): Spawn | null {
  const here = import.meta.url;
  const js = new URL('./ingest-worker.js', here);
  if (existsSync(fileURLToPath(js))) return (init) => new Worker(js, { workerData: init });
  const ts = new URL('./ingest-worker.ts', here);
  if (!existsSync(fileURLToPath(ts))) return null;
  try {
    const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
    const api = join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs');
    if (!existsSync(api)) return null;
    const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); });`;
    return (init) => new Worker(code, { eval: true, workerData: init });
  } catch {
    return null;
  }
}

/** What `readInWorkers` reads, on how many threads, and what the threads build. */
export interface WorkerReadPlan {
  /** The files, in reading order. */
  files: string[];
  /** Their size in bytes (for progress, and to size each thread's table). */
  totalBytes: number;
  threads: number;
  spawn: Spawn;
  /** Checked once by the caller (`readSettings`): the threads take them as they are. */
  settings: ReadSettings;
  onProgress?: ProgressCallback | undefined;
  /** Segment sums (`loadWeekly`) or each file's daily rows (`loadDaily`). */
  mode: WorkerInit['mode'];
  /** Segment mode: only rows of these days are summed. */
  window?: DayWindow | undefined;
  /** Segment mode: rows of these profiles outside these days are refused. */
  span?: SpanLimit | undefined;
}

/** Reads files on several threads, handed out one at a time (see `WorkerReadPlan`). */
export function readInWorkers(plan: WorkerReadPlan): Promise<{ results: WorkerResult[]; dailyParts: DailyPart[] }> {
  const { files, totalBytes, threads, spawn, settings, onProgress, mode, window, span } = plan;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const results: WorkerResult[] = [];
    const dailyParts: DailyPart[] = new Array(files.length);
    let next = 0;
    let bytes = 0;
    let rows = 0;
    let failed = false;
    let exited = 0;
    // A bad row stops the load with the error of the first file in reading
    // order, as on one thread: a file's error is only raised once every file
    // before it has been read without one.
    const done = new Uint8Array(files.length);
    let firstError: { index: number; error: DataError } | null = null;
    const settle = () => {
      if (!firstError) return;
      for (let j = 0; j < firstError.index; j++) if (!done[j]) return;
      fail(firstError.error);
    };
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const handOut = (worker: Worker) => {
      if (firstError && next > firstError.index) return; // no file after the bad one is needed
      const message: ToWorker = next < files.length ? { type: 'file', file: files[next]!, index: next++ } : { type: 'finish' };
      worker.postMessage(message);
    };
    for (let t = 0; t < threads; t++) {
      const worker = spawn({
        settings,
        expectedEntries: expectedEntries(totalBytes / threads),
        mode,
        ...(window ? { window } : {}),
        ...(span ? { span } : {}),
      });
      workers.push(worker);
      let delivered = false;
      worker.on('error', fail);
      // A thread that has sent its sums closes its port and exits; one that
      // something else keeps alive is stopped after a while.
      let stopper: NodeJS.Timeout | undefined;
      worker.on('exit', (code) => {
        clearTimeout(stopper);
        if (!delivered) return fail(new Error(`a reading thread stopped (exit code ${code}) before sending its sums`));
        // Resolve once every thread has exited by itself: until then the
        // received messages are kept alive with the thread, and with them
        // every buffer they brought, through whatever the caller does next.
        if (++exited === threads && !failed) resolve({ results, dailyParts });
      });
      worker.on('message', (message: FromWorker) => {
        if (failed) return;
        switch (message.type) {
          case 'progress':
            bytes += message.bytes;
            rows += message.rows;
            onProgress?.({ stage: 'read', rows, bytes, totalBytes });
            break;
          case 'part':
            dailyParts[message.index] = { ids: message.ids, columns: message.columns };
            break;
          case 'fileDone':
            done[message.index] = 1;
            handOut(worker);
            settle();
            break;
          case 'error':
            if (message.dataError && message.index !== undefined) {
              if (!firstError || message.index < firstError.index) firstError = { index: message.index, error: errorFromData(message.dataError) };
              settle();
            } else {
              fail(new Error(`reading thread failed: ${message.message}`));
            }
            break;
          case 'result':
            delivered = true;
            results.push({ ids: message.ids, part: message.data, report: message.report });
            stopper = setTimeout(() => void worker.terminate(), STOP_AFTER_MS);
            break;
        }
      });
      handOut(worker);
    }
  });
}

/** What a reading thread sends back at the end. */
export interface WorkerResult {
  ids: string[];
  part: SegmentPart['data'];
  report: ReportData;
}

/** One profile dictionary for all threads, and one report. */
export function merge(results: WorkerResult[], files: string[]): IngestResult {
  const index = new Map<string, number>();
  const profileIds: string[] = [];
  const parts: SegmentPart[] = results.map(({ ids, part }) => {
    const profileMap = new Int32Array(ids.length);
    ids.forEach((id, local) => {
      let g = index.get(id);
      if (g === undefined) {
        g = profileIds.length;
        index.set(id, g);
        profileIds.push(id);
      }
      profileMap[local] = g;
    });
    return { data: part, profileMap };
  });
  const report = emptyReport();
  report.files = [...files];
  const examples = [];
  for (const { report: r } of results) {
    report.bytes += r.bytes;
    report.rows += r.rows;
    report.skipped += r.skipped;
    report.missingFollowers += r.missingFollowers;
    report.blankLines += r.blankLines;
    examples.push(...r.skippedExamples);
  }
  const order = new Map(files.map((f, i) => [f, i]));
  examples.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line);
  report.skippedExamples = examples.slice(0, MAX_SKIPPED_EXAMPLES).map(errorFromData);
  return { parts, profileIds, report };
}
