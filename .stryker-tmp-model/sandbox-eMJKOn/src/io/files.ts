// @ts-nocheck
import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { DataError } from '../errors.js';
import type { ProgressCallback } from '../schema.js';
import type { ReadSettings } from './collector.js';
import { DailyCsvReader } from './csv.js';
import type { RowCollector } from '../frame/daily-frame.js';
import type { LoadReport } from '../frame/load-report.js';

const CSV_NAME = /\.csv(\.gz)?$/i;

/**
 * Expands files and folders into the list of CSV files to read: a folder is
 * searched recursively for `.csv` and `.csv.gz` files (sorted by path),
 * following symbolic links to files and folders (each folder read once); a
 * file is taken as it is. Fails with a `DataError` for a path that does not
 * exist, is not a regular file or folder (a FIFO, a socket, a device), or a
 * folder that cannot be read or holds no CSV files.
 */
export async function discoverFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new DataError(code === 'ENOENT' ? 'no such file or folder' : `cannot read it (${code ?? (error as Error).message})`, { file: path, line: 0 });
    }
    if (info.isDirectory()) {
      const found = await walk(resolve(path), new Set());
      if (found.length === 0) throw new DataError('the folder holds no .csv or .csv.gz files', { file: path, line: 0 });
      out.push(...found);
    } else if (info.isFile()) {
      out.push(path);
    } else {
      throw new DataError('not a regular file or folder (a FIFO, socket or device cannot be read as data)', { file: path, line: 0 });
    }
  }
  return out;
}

async function walk(dir: string, seen: Set<string>): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real)) return []; // a link back to a folder already read
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new DataError(`cannot read the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file: dir, line: 0 });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(full);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch {
        if (CSV_NAME.test(entry.name)) throw new DataError('a symbolic link that points nowhere', { file: full, line: 0 });
        continue;
      }
    }
    if (isDirectory) out.push(...(await walk(full, seen)));
    else if (isFile && CSV_NAME.test(entry.name)) out.push(full);
    else if (CSV_NAME.test(entry.name)) throw new DataError('not a regular file (a FIFO, socket or device cannot be read as data)', { file: full, line: 0 });
  }
  return out;
}

/** Total size on disk of the files (compressed size for `.gz`), for progress. */
export async function totalSize(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}

/** Streams one file (gunzipping `.gz`) through a `DailyCsvReader` into `collector`. */
export async function readCsvFile(
  file: string,
  collector: RowCollector,
  report: LoadReport,
  settings: ReadSettings,
  onChunk?: (bytes: number) => void,
): Promise<void> {
  const reader = new DailyCsvReader(file, collector, report, settings);
  const raw = createReadStream(file, { highWaterMark: 1 << 22 });
  const stream = /\.gz$/i.test(file) ? raw.pipe(createGunzip()) : raw;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      report.bytes += chunk.length;
      reader.push(chunk);
      onChunk?.(chunk.length);
    }
  } catch (error) {
    raw.destroy();
    if (error instanceof DataError) throw error;
    throw new DataError(`cannot read the file: ${(error as Error).message}`, { file, line: 0 });
  }
  reader.end();
  report.files.push(file);
}

/** Reads all files in order into one collector, reporting progress after each chunk. */
export async function readCsvFiles(
  files: readonly string[],
  collector: RowCollector,
  report: LoadReport,
  settings: ReadSettings,
  onProgress?: ProgressCallback,
): Promise<void> {
  const totalBytes = onProgress ? await totalSize(files) : 0;
  let bytes = 0;
  for (const file of files) {
    await readCsvFile(file, collector, report, settings, (n) => {
      bytes += n;
      onProgress?.({ stage: 'read', file, rows: report.rows, bytes, totalBytes });
    });
  }
}
