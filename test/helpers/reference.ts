import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The golden case (parity-300: our own synthetic data and the notebooks' figures on it), gzipped in the repository. */
export const GOLDEN = fileURLToPath(new URL('../fixtures/parity-300/', import.meta.url));

/** The shared reference folder beside the repository (the published pickles' figures); absent in a plain clone. */
export const REFERENCE = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));
export const hasReference = existsSync(REFERENCE);

/** A text file, or its gzipped copy `path.gz` when only that exists. */
export function readText(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8');
  return gunzipSync(readFileSync(`${path}.gz`)).toString('utf8');
}

/** Parses a small CSV with a header into string records (no quoting needed for the reference files). */
export function readCsvRecords(path: string): Record<string, string>[] {
  const lines = readText(path)
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const fields = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, fields[i] ?? '']));
  });
}

/** A reference field as a number: empty is NaN. */
export function num(text: string): number {
  if (text === '') return Number.NaN;
  if (text === 'inf') return Number.POSITIVE_INFINITY;
  return Number(text);
}

/** Whether two numbers agree within a relative tolerance (NaN equals NaN). */
export function close(a: number, b: number, rel: number, abs = 0): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

/**
 * Asserts numbers agree within `rel` (relative) or `abs`, naming the first
 * that does not with both values: a failure shows the numbers, not "expected
 * false to be true".
 */
export function expectClose(label: string, got: number | ArrayLike<number>, want: number | ArrayLike<number>, rel: number, abs = 0): void {
  const g: ArrayLike<number> = typeof got === 'number' ? [got] : got;
  const w: ArrayLike<number> = typeof want === 'number' ? [want] : want;
  expect(g.length, `${label}: length`).toBe(w.length);
  for (let i = 0; i < w.length; i++) {
    if (!close(g[i]!, w[i]!, rel, abs))
      expect.fail(`${label}${typeof got === 'number' ? '' : `[${i}]`}: got ${g[i]}, want ${w[i]} (rel ${rel}${abs ? `, abs ${abs}` : ''})`);
  }
}
