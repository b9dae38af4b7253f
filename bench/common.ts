// What the benchmarks share: the cached generated data and the peak-RSS sampler.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { VERSION } from 'engagement-forecast';
import { generateDaily } from 'engagement-forecast/generate';

/** Days of the generated data: two years. */
export const FROM = '2023-01-01';
export const TO = '2024-12-31';
/** Generated rows per profile over the two years (about a quarter of the days have no record). */
export const ROWS_PER_PROFILE = 182;

const root = new URL('..', import.meta.url).pathname;

/** The folder of the generated data for these parameters: keyed by them and the library version (the generator may change between versions). */
export function benchDataDir(profiles: number, seed: number): string {
  return join(root, '.bench-cache', `v${VERSION}-profiles-${profiles}-seed-${seed}-${FROM}-${TO}`);
}

/**
 * The generated daily files for these parameters, generated (with progress
 * on stderr) unless a complete earlier run left them; every benchmark uses
 * the same folder and marker, so each reuses the others' data.
 */
export async function benchData(profiles: number, seed: number): Promise<{ dir: string; rows: number; bytes: number }> {
  const dir = benchDataDir(profiles, seed);
  const marker = join(dir, '.complete.json');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    console.error(`generating ${profiles} profiles, ${FROM} … ${TO}, seed ${seed} into ${dir}`);
    const t = performance.now();
    const g = await generateDaily({ profiles, from: FROM, to: TO, seed, onProgress: (e) => e.rows! % 61 === 0 && console.error(`  day ${e.rows}/731`) }, dir);
    writeFileSync(marker, JSON.stringify({ profiles, from: FROM, to: TO, seed, rows: g.rows, bytes: g.bytes, seconds: (performance.now() - t) / 1000 }));
  }
  const { rows, bytes } = JSON.parse(readFileSync(marker, 'utf8')) as { rows: number; bytes: number };
  return { dir, rows, bytes };
}

/**
 * The process's peak RSS in bytes at `[0]`, sampled every 5 ms by a thread of
 * its own (so it also sees the synchronous stages that keep the main thread
 * busy). Set `[0]` to the current RSS to start a new measurement.
 */
export function peakRss(): Float64Array {
  const peak = new Float64Array(new SharedArrayBuffer(8));
  new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, 5);`,
    { eval: true, workerData: peak.buffer },
  ).unref();
  return peak;
}
