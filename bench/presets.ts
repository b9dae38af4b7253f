// npm run bench:presets -- [--rows 3.3e7] [--seed N] [--rounds 2]
//
// The training flow (files → weekly table → four models + metrics, the fast
// path) with the notebook preset and with the corrected preset's default
// model (intervals calibrated, as trainModels does by default), on the same
// cached data (the data of `npm run bench`), alternated in one run so the
// ratio holds on a noisy machine. Prints wall seconds and peak RSS per run.
import { availableParallelism, cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { loadWeekly, predict, trainModels, type DailyRowInput, type EngagementModel, type Preset } from 'engagement-forecast';
import { generateDailyRows } from 'engagement-forecast/generate';
import { benchData, peakRss, ROWS_PER_PROFILE } from './common.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '3.3e7' }, seed: { type: 'string', default: '1' }, rounds: { type: 'string', default: '2' } },
});
const profiles = Math.max(1, Math.round(Number(values.rows) / ROWS_PER_PROFILE));
const seed = Number(values.seed);
const data = await benchData(profiles, seed);
const dataDir = data.dir;

const peak = peakRss();

let corrected: EngagementModel | null = null;
async function flow(preset: Preset): Promise<{ seconds: number; peakMB: number; weekly: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  peak[0] = process.memoryUsage.rss();
  const t = performance.now();
  const { weekly } = await loadWeekly<Preset>(dataDir, { preset });
  const trained = trainModels(weekly, {});
  const seconds = (performance.now() - t) / 1000;
  if (preset === 'corrected') corrected = trained.model;
  return { seconds, peakMB: peak[0]! / 1048576, weekly: weekly.length };
}

const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`npm run bench:presets -- --rows ${values.rows}\n${machine}\n${data.rows.toLocaleString('en-US')} daily rows\n`);
console.log('| round | preset | wall s | peak RSS MB (process) |\n| --- | --- | ---: | ---: |');
const times: Record<string, number[]> = { notebook: [], corrected: [] };
for (let r = 1; r <= Number(values.rounds); r++) {
  for (const preset of (r % 2 ? ['notebook', 'corrected'] : ['corrected', 'notebook']) as Preset[]) {
    const out = await flow(preset);
    times[preset]!.push(out.seconds);
    console.log(`| ${r} | ${preset} | ${out.seconds.toFixed(2)} | ${out.peakMB.toFixed(0)} |`);
  }
}
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
console.log(`\ncorrected / notebook, mean wall time: ${(mean(times.corrected!) / mean(times.notebook!)).toFixed(2)}`);

// Single-profile latency of the corrected model: 120 daily rows as objects, intervals asked for.
if (corrected) {
  const rows = [...generateDailyRows({ profiles: 50, from: '2024-08-01', to: '2024-11-30', seed: 2 })] as unknown as DailyRowInput[];
  const byId = new Map<string, DailyRowInput[]>();
  for (const r of rows) (byId.get(r.profile_id) ?? byId.set(r.profile_id, []).get(r.profile_id)!).push(r);
  const one = [...byId.values()].sort((a, b) => b.length - a.length)[0]!.slice(-120);
  for (let i = 0; i < 500; i++) predict(corrected, one, { intervals: [0.8, 0.95] });
  const t = new Float64Array(10000);
  for (let i = 0; i < t.length; i++) {
    const s = performance.now();
    predict(corrected, one, { intervals: [0.8, 0.95] });
    t[i] = performance.now() - s;
  }
  t.sort();
  console.log(
    `corrected single-profile predict, ${one.length} daily rows, intervals 80/95, 10,000 calls: p50 ${(t[5000]! * 1000).toFixed(0)} µs, p99 ${(t[9900]! * 1000).toFixed(0)} µs`,
  );
}
process.exit(0);
