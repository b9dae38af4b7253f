// npm run bench -- [--rows 1e6|1e7|3.3e7|1e8] [--seed N] [--workers N] [--no-write]
//
// Generates (or reuses, cached by parameters under .bench-cache/) realistic
// daily data of the given size, then times each stage of the training flow
// (the fast path, then loadDaily → resampleWeekly → trainModels on the same
// files) and of prediction, with rows/s and peak RSS, prints a table, and
// records it in docs/benchmarks.md with the scaling table over every size
// recorded there. Runs against the built package (dist/), with --expose-gc
// so that the heap of one flow is collected before the next.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDaily, loadWeekly, predict, predictFiles, resampleWeekly, trainModels, type DailyRowInput } from 'engagement-forecast';
import { benchData, peakRss, ROWS_PER_PROFILE } from './common.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1e6' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench -- [--rows 1e6|1e7|3.3e7|1e8] [--seed N] [--workers N] [--no-write]');
  process.exit(0);
}
const rowsWanted = Number(values.rows);
const seed = Number(values.seed);
if (!(rowsWanted >= 1000)) throw new Error(`--rows must be a number of at least 1000, got ${values.rows}`);
const profiles = Math.max(1, Math.round(rowsWanted / ROWS_PER_PROFILE));
const root = new URL('..', import.meta.url).pathname;

const peak = peakRss();

interface StageResult {
  stage: string;
  seconds: number;
  rows: number;
  peakMB: number;
}
const results: StageResult[] = [];
const mb = (bytes: number) => bytes / 1048576;

/** Times `work`, recording rows/s and the peak RSS seen while it ran. */
async function stage<T>(name: string, work: () => T | Promise<T>, rows: (out: T) => number): Promise<T> {
  peak[0] = process.memoryUsage.rss();
  const t = performance.now();
  const out = await work();
  const seconds = (performance.now() - t) / 1000;
  peak[0] = Math.max(peak[0]!, process.memoryUsage.rss());
  results.push({ stage: name, seconds, rows: rows(out), peakMB: mb(peak[0]!) });
  console.error(`  ${name}: ${seconds.toFixed(2)} s`);
  return out;
}

// 1. Data.
const data = await benchData(profiles, seed);
const dataDir = data.dir;
console.error(`data: ${data.rows} rows, ${(data.bytes / 1e9).toFixed(2)} GB in ${dataDir}`);

// 2. The training flow: files → weekly table → four models + metrics.
const workers = values.workers ? Number(values.workers) : undefined;
const flowStart = performance.now();
let flowPeak = process.memoryUsage.rss();
const track = () => (flowPeak = Math.max(flowPeak, peak[0]!));
let weeklyStarted = 0;
peak[0] = process.memoryUsage.rss();
const t0 = performance.now();
const loaded = await loadWeekly(dataDir, {
  ...(workers ? { workers } : {}),
  onProgress: (e) => {
    if (e.stage === 'weekly' && !weeklyStarted) {
      weeklyStarted = performance.now();
      results.push({ stage: 'load: read + sum per week (N1–N3)', seconds: (weeklyStarted - t0) / 1000, rows: data.rows, peakMB: mb(peak[0]!) });
      track();
      peak[0] = process.memoryUsage.rss();
    }
  },
});
const { report } = loaded;
let { weekly } = loaded;
results.push({ stage: 'weekly table (N2–N6)', seconds: (performance.now() - weeklyStarted) / 1000, rows: weekly.length, peakMB: mb(peak[0]!) });
track();
console.error(`  load + weekly: ${((performance.now() - t0) / 1000).toFixed(2)} s (${report.rows} rows, ${weekly.length} weeks)`);

peak[0] = process.memoryUsage.rss();
const stageStart = performance.now();
let lastMark = stageStart;
const cut = (name: string, rows: number) => {
  const now = performance.now();
  results.push({ stage: name, seconds: (now - lastMark) / 1000, rows, peakMB: mb(peak[0]!) });
  track();
  peak[0] = process.memoryUsage.rss();
  lastMark = now;
};
const trained = trainModels(weekly, {
  onProgress: (e) => {
    if (e.stage === 'scaler') cut('features + row selection (N7–N8, T1–T3)', weekly.length);
    if (e.stage === 'metrics') cut('train four models (T4–T6)', e.rows ?? 0);
  },
});
cut('test metrics + baseline (T7–T8)', trained.rows.test);
results[results.length - 2]!.rows = trained.rows.train;
const flowSeconds = (performance.now() - flowStart) / 1000;
track();
console.error(`  training flow: ${flowSeconds.toFixed(2)} s`);
const weeklyRows = weekly.length;
weekly = null as never; // released before the next flow
const collect = () => (globalThis as { gc?: () => void }).gc?.();
collect();

// 2b. The same flow through the documented steps: loadDaily keeps the daily rows (compact columns).
const path: StageResult[] = [];
let pathPeak = process.memoryUsage.rss();
const pathStart = performance.now();
const pathStage = async <T>(name: string, work: () => T | Promise<T>, rows: (out: T) => number): Promise<T> => {
  peak[0] = process.memoryUsage.rss();
  const t = performance.now();
  const out = await work();
  const seconds = (performance.now() - t) / 1000;
  peak[0] = Math.max(peak[0]!, process.memoryUsage.rss());
  pathPeak = Math.max(pathPeak, peak[0]!);
  path.push({ stage: name, seconds, rows: rows(out), peakMB: mb(peak[0]!) });
  console.error(`  ${name}: ${seconds.toFixed(2)} s`);
  return out;
};
let daily = await pathStage(
  'loadDaily (N1: daily rows as compact columns)',
  () => loadDaily(dataDir, workers ? { workers } : {}),
  (d) => d.length,
);
const dailyMB = mb(
  ['profile', 'day', 'followers', 'posts', 'engagement', 'reach', 'impressions'].reduce(
    (s, c) => s + (daily as unknown as Record<string, ArrayBufferView>)[c]!.byteLength,
    0,
  ),
);
let weekly2 = await pathStage(
  'resampleWeekly (N2–N6)',
  () => resampleWeekly(daily),
  (w) => w.length,
);
await pathStage(
  'trainModels (N7–N8, T1–T8)',
  () => trainModels(weekly2),
  () => weekly2.length,
);
const pathSeconds = (performance.now() - pathStart) / 1000;
console.error(`  loadDaily → resampleWeekly → trainModels: ${pathSeconds.toFixed(2)} s (${(pathSeconds / flowSeconds).toFixed(2)} × the fast path)`);
daily = null as never;
weekly2 = null as never;
collect();

// 3. Prediction: every profile from its last four months of daily rows.
const monthFiles = listFiles(dataDir)
  .map((f) => ({ f, key: /ig_data_(\d\d)-(\d{4})_u\.csv$/.exec(f) }))
  .filter((x) => x.key)
  .sort((a, b) => Number(a.key![2]) * 12 + Number(a.key![1]) - (Number(b.key![2]) * 12 + Number(b.key![1])))
  .slice(-4)
  .map((x) => x.f);
const fast = await stage(
  'batch predict from the last 4 monthly files (predictFiles: fast path + P)',
  () => predictFiles(trained.model, monthFiles, workers ? { workers } : {}),
  (p) => p.predictions.length / 4,
);
const batchSeconds = results[results.length - 1]!.seconds;
const recent = await stage(
  'load last 4 months, daily rows (N1)',
  () => loadDaily(monthFiles),
  (d) => d.length,
);
const preds = await stage(
  'batch predict, all profiles (P)',
  () => predict(trained.model, recent),
  (p) => p.length / 4,
);
console.error(`  ${preds.length / 4} profiles predicted`);
if (preds.length !== fast.predictions.length || preds.some((p, i) => JSON.stringify(p) !== JSON.stringify(fast.predictions[i])))
  throw new Error('predictFiles and predict over loadDaily disagree');

// 4. Single-profile latency: 120 daily rows of one profile, loaded model.
const counts = new Map<number, number>();
for (const p of recent.profile) counts.set(p, (counts.get(p) ?? 0) + 1);
const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
const one = recent
  .filterRows((i) => recent.profile[i] === busiest)
  .toRecords()
  .slice(-120) as unknown as DailyRowInput[];
for (let i = 0; i < 500; i++) predict(trained.model, one);
const times = new Float64Array(10000);
for (let i = 0; i < times.length; i++) {
  const t = performance.now();
  predict(trained.model, one);
  times[i] = performance.now() - t;
}
times.sort();
const p50 = times[5000]!;
const p99 = times[9900]!;

// 5. Report.
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, ${process.platform}`;
const command = `npm run bench -- --rows ${values.rows}${values.workers ? ` --workers ${values.workers}` : ''}${values.seed !== '1' ? ` --seed ${values.seed}` : ''}`;
const lines = [
  `| stage | wall s | rows | rows/s | peak RSS MB |`,
  `| --- | ---: | ---: | ---: | ---: |`,
  ...results.map(
    (r) =>
      `| ${r.stage} | ${r.seconds.toFixed(2)} | ${r.rows.toLocaleString('en-US')} | ${r.rows && r.seconds > 0 ? Math.round(r.rows / r.seconds).toLocaleString('en-US') : '—'} | ${r.peakMB.toFixed(0)} |`,
  ),
  `| **whole training flow (files → four models + metrics)** | **${flowSeconds.toFixed(2)}** | ${data.rows.toLocaleString('en-US')} | ${Math.round(data.rows / flowSeconds).toLocaleString('en-US')} | **${mb(flowPeak).toFixed(0)}** |`,
];
const pathLines = [
  `| stage | wall s | rows | rows/s | peak RSS MB |`,
  `| --- | ---: | ---: | ---: | ---: |`,
  ...path.map(
    (r) =>
      `| ${r.stage} | ${r.seconds.toFixed(2)} | ${r.rows.toLocaleString('en-US')} | ${r.rows && r.seconds > 0 ? Math.round(r.rows / r.seconds).toLocaleString('en-US') : '—'} | ${r.peakMB.toFixed(0)} |`,
  ),
  `| **loadDaily → resampleWeekly → trainModels** | **${pathSeconds.toFixed(2)}** | ${data.rows.toLocaleString('en-US')} | ${Math.round(data.rows / pathSeconds).toLocaleString('en-US')} | **${mb(pathPeak).toFixed(0)}** |`,
];
const readStage = results.find((r) => r.stage.startsWith('load: read'))!;
const figures = {
  rows: data.rows,
  flowSeconds,
  flowPeakMB: mb(flowPeak),
  readRowsPerSecond: data.rows / readStage.seconds,
  pathSeconds,
  pathPeakMB: mb(pathPeak),
  batchSeconds,
  date: new Date().toISOString().slice(0, 10),
};
const summary = [
  `Data: ${data.rows.toLocaleString('en-US')} daily rows (${(data.bytes / 1e9).toFixed(2)} GB of CSV, 24 monthly files), ${profiles.toLocaleString('en-US')} generated profiles (${recent.profileIds.length.toLocaleString('en-US')} seen in the last four months), ${weeklyRows.toLocaleString('en-US')} weekly rows, ${trained.rows.train.toLocaleString('en-US')} train / ${trained.rows.test.toLocaleString('en-US')} test rows.`,
  '',
  ...lines,
  '',
  `The same training flow through the documented steps, on the same files, after the first flow's memory was collected (the daily frame takes ${dailyMB.toFixed(0)} MB):`,
  '',
  ...pathLines,
  '',
  `loadDaily → resampleWeekly → trainModels / the fast path: **${(pathSeconds / flowSeconds).toFixed(2)}** × the time, ${(pathPeak / flowPeak).toFixed(2)} × the peak RSS. Batch predict from the files: ${batchSeconds.toFixed(2)} s in all.`,
  '',
  `Single-profile predict, 120 daily rows as objects, loaded model, 10,000 calls: p50 ${(p50 * 1000).toFixed(0)} µs, p99 ${(p99 * 1000).toFixed(0)} µs.`,
  `Peak RSS of the process over the whole run: ${mb(process.resourceUsage().maxRSS * 1024).toFixed(0)} MB (Node's default heap settings).`,
];
console.log(`\n${command}\n${machine}\n\n${summary.join('\n')}\n`);

if (!values['no-write']) {
  const path = join(root, 'docs', 'benchmarks.md');
  const start = `<!-- bench:${values.rows} -->`;
  const end = `<!-- /bench:${values.rows} -->`;
  const section = `${start}\n## ${values.rows} rows\n\n\`${command}\` — ${new Date().toISOString().slice(0, 10)}, ${machine}.\n\n${summary.join('\n')}\n<!-- bench-data ${JSON.stringify(figures)} -->\n${end}`;
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  // Keep the text before the first section and after the last; sections are sorted by size.
  const firstMarker = doc.search(/<!-- bench:/);
  const preface = (firstMarker < 0 ? doc : doc.slice(0, firstMarker)).trimEnd();
  const sections = new Map<string, string>();
  let after = '';
  for (const m of doc.matchAll(/<!-- bench:([^ ]+) -->[\s\S]*?<!-- \/bench:\1 -->/g)) {
    sections.set(m[1]!, m[0]);
    after = doc.slice(m.index! + m[0].length).trim();
  }
  sections.set(values.rows!, section);
  const ordered = [...sections.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, text]) => text);
  const scaling = scalingSection(ordered);
  const withScaling = /<!-- scaling -->[\s\S]*?<!-- \/scaling -->/.test(preface)
    ? preface.replace(/<!-- scaling -->[\s\S]*?<!-- \/scaling -->/, scaling)
    : `${preface}\n\n${scaling}`;
  writeFileSync(path, `${withScaling}\n\n${ordered.join('\n\n')}\n${after ? `\n${after}\n` : ''}`);
  console.error(`recorded in docs/benchmarks.md`);
}
process.exit(0);

/** The scaling table and chart over every size recorded (from each section's bench-data). */
function scalingSection(sections: string[]): string {
  type Figures = typeof figures;
  const rows = sections
    .map((text) => /<!-- bench-data (\{.*\}) -->/.exec(text))
    .filter((m) => m)
    .map((m) => JSON.parse(m![1]!) as Figures);
  const table = [
    '| daily rows | whole flow, s | peak RSS, MB | rows/s (flow) | reading, rows/s | loadDaily → resampleWeekly → trainModels, s | its peak RSS, MB | ratio | batch predict, s | measured |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (f) =>
        `| ${f.rows.toLocaleString('en-US')} | ${f.flowSeconds.toFixed(1)} | ${f.flowPeakMB.toFixed(0)} | ${Math.round(f.rows / f.flowSeconds).toLocaleString('en-US')} | ${Math.round(f.readRowsPerSecond).toLocaleString('en-US')} | ${f.pathSeconds.toFixed(1)} | ${f.pathPeakMB.toFixed(0)} | ${(f.pathSeconds / f.flowSeconds).toFixed(2)} | ${f.batchSeconds.toFixed(2)} | ${f.date} |`,
    ),
  ];
  // A text chart: time and peak RSS of the fast path per size, bars scaled to the largest.
  const maxS = Math.max(...rows.map((f) => f.flowSeconds));
  const maxM = Math.max(...rows.map((f) => f.flowPeakMB));
  const bar = (v: number, max: number) => '█'.repeat(Math.max(1, Math.round((v / max) * 40)));
  const chart = rows.map(
    (f) =>
      `${(f.rows / 1e6).toFixed(1).padStart(6)}M rows  time ${bar(f.flowSeconds, maxS).padEnd(40)} ${f.flowSeconds.toFixed(1)} s\n${' '.repeat(14)}RSS  ${bar(f.flowPeakMB, maxM).padEnd(40)} ${(f.flowPeakMB / 1024).toFixed(2)} GB`,
  );
  return [
    '<!-- scaling -->',
    '## Scaling',
    '',
    'The whole training flow (fast path) by size, and the same flow through loadDaily → resampleWeekly → trainModels, from the sections below (each `npm run bench -- --rows N` rewrites this table):',
    '',
    ...table,
    '',
    '```text',
    ...chart,
    '```',
    '<!-- /scaling -->',
  ].join('\n');
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.name.endsWith('.csv')) out.push(p);
  }
  return out;
}
