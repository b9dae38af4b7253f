// npm run bench:engines -- [--rows 1e6|1e7|3.3e7] [--seed N] [--threads N]
//
// The weekly table and the four models through each engine, on the same
// daily files (generated, or reused from .bench-cache/ as `npm run bench`
// leaves them), each stage in a process of its own so that its peak RSS is
// its own: the JS fast path (`loadWeekly(files)`), DuckDB over the CSV files
// (`loadWeekly(duckdb({ files }))`), DuckDB's bare weekly-sums query on the
// same files (the reference: a GROUP BY with nothing checked and nothing
// brought back), then the same from Parquet with the types DuckDB detects
// (`followers` stays text: the files write `undefined` for a missing value),
// the export timed apart.
// Prints a table with the ratios; runs against the built package (dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { VERSION, loadWeekly, trainModels } from 'engagement-forecast';
import { duckdb } from 'engagement-forecast/duckdb';
import { generateDaily } from 'engagement-forecast/generate';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1e6' },
    seed: { type: 'string', default: '1' },
    threads: { type: 'string' },
    stage: { type: 'string' },
  },
});
const rowsWanted = Number(values.rows);
const seed = Number(values.seed);
const profiles = Math.max(1, Math.round(rowsWanted / 182));
const root = new URL('..', import.meta.url).pathname;
const dataDir = join(root, '.bench-cache', `v${VERSION}-profiles-${profiles}-seed-${seed}-2023-01-01-2024-12-31`);
const parquet = join(root, '.bench-cache', `v${VERSION}-profiles-${profiles}-seed-${seed}.parquet`);
const threads = values.threads ? Number(values.threads) : undefined;

/** Peak RSS, sampled every 5 ms by a thread of its own (it also sees synchronous stages). */
function peakSampler(): () => number {
  const peak = new Float64Array(new SharedArrayBuffer(8));
  const sampler = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; }, 5);`,
    { eval: true, workerData: peak.buffer },
  );
  sampler.unref();
  return () => peak[0]! / 1048576;
}

const STAGES: Record<string, () => Promise<string>> = {
  async js() {
    const { weekly } = await loadWeekly(dataDir);
    trainModels(weekly);
    return `${weekly.length} weekly rows`;
  },
  async 'duckdb csv'() {
    const { weekly } = await loadWeekly(duckdb({ files: dataDir, ...(threads ? { threads } : {}) }));
    trainModels(weekly);
    return `${weekly.length} weekly rows`;
  },
  async 'duckdb parquet'() {
    const { weekly } = await loadWeekly(duckdb({ parquet, ...(threads ? { threads } : {}) }));
    trainModels(weekly);
    return `${weekly.length} weekly rows`;
  },
  async 'bare query csv'() {
    return bare(`read_csv('${dataDir}/**/*.csv*', header = true, union_by_name = true)`);
  },
  async 'bare query parquet'() {
    return bare(`read_parquet('${parquet}')`);
  },
  async 'export parquet'() {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
    const c = await instance.connect();
    await c.run(`COPY (SELECT * FROM read_csv('${dataDir}/**/*.csv*', header = true, union_by_name = true)) TO '${parquet}' (FORMAT parquet)`);
    return `${(statSync(parquet).size / 1e9).toFixed(2)} GB`;
  },
};

/** DuckDB's own weekly sums of the rows, counted in DuckDB: what an engine does at the least. */
async function bare(relation: string): Promise<string> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const c = await instance.connect();
  const r = await c.runAndReadAll(`SELECT count(*) FROM (
      SELECT profile_id, date_trunc('week', CAST(date AS DATE)) AS week, count(*), sum(TRY_CAST(followers AS DOUBLE)), sum(TRY_CAST(posts AS DOUBLE)), sum(TRY_CAST(engagement AS DOUBLE)), sum(TRY_CAST(reach AS DOUBLE)), sum(TRY_CAST(impressions AS DOUBLE))
      FROM ${relation} GROUP BY ALL)`);
  return `${String(r.getRows()[0]![0])} weekly rows`;
}

if (values.stage) {
  const peak = peakSampler();
  const t0 = performance.now();
  const what = await STAGES[values.stage]!();
  console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, peakMB: peak(), what }));
  process.exit(0);
}

if (!existsSync(join(dataDir, '.complete.json'))) {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  console.error(`generating ${profiles} profiles into ${dataDir}`);
  const g = await generateDaily({ profiles, from: '2023-01-01', to: '2024-12-31', seed }, dataDir);
  // The same marker `npm run bench` writes, so that either reuses the other's data.
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dataDir, '.complete.json'), JSON.stringify({ profiles, from: '2023-01-01', to: '2024-12-31', seed, rows: g.rows, bytes: g.bytes }));
}
const csvBytes = readdirSync(dataDir, { recursive: true })
  .map((f) => join(dataDir, String(f)))
  .filter((f) => /\.csv(\.gz)?$/.test(f))
  .reduce((n, f) => n + statSync(f).size, 0);

const results: Record<string, { seconds: number; peakMB: number; what: string }> = {};
for (const stage of ['js', 'bare query csv', 'duckdb csv', 'export parquet', 'bare query parquet', 'duckdb parquet']) {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL(import.meta.url).pathname,
      '--rows',
      String(values.rows),
      '--seed',
      String(seed),
      ...(threads ? ['--threads', String(threads)] : []),
      '--stage',
      stage,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  if (r.status !== 0) throw new Error(`${stage} failed: ${r.stderr}`);
  results[stage] = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  console.error(`  ${stage}: ${results[stage]!.seconds.toFixed(2)} s, peak ${results[stage]!.peakMB.toFixed(0)} MB (${results[stage]!.what})`);
}
const ratio = (a: string, b: string) => (results[a]!.seconds / results[b]!.seconds).toFixed(2);
const rss = (a: string, b: string) => (results[a]!.peakMB / results[b]!.peakMB).toFixed(2);
console.log(`\n\`npm run bench:engines -- --rows ${values.rows}\` — ${new Date().toISOString().slice(0, 10)}, CSV ${(csvBytes / 1e9).toFixed(2)} GB\n`);
console.log('| stage | wall s | peak RSS MB | what |\n| --- | ---: | ---: | --- |');
for (const [stage, r] of Object.entries(results)) console.log(`| ${stage} | ${r.seconds.toFixed(2)} | ${r.peakMB.toFixed(0)} | ${r.what} |`);
console.log(`\nDuckDB over CSV / the JS fast path: ${ratio('duckdb csv', 'js')} × the time, ${rss('duckdb csv', 'js')} × the peak RSS.`);
console.log(`DuckDB over CSV / DuckDB's bare weekly sums of the same files: ${ratio('duckdb csv', 'bare query csv')} × the time.`);
console.log(
  `DuckDB over Parquet / over CSV: ${ratio('duckdb parquet', 'duckdb csv')} × the time; over Parquet / the bare query on Parquet: ${ratio('duckdb parquet', 'bare query parquet')}.`,
);
