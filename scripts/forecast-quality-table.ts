// Markdown tables of the backtests written by scripts/forecast-quality.ts:
//   npx tsx scripts/forecast-quality-table.ts [reports/quality]
// Per data kind: WAPE relative to naive per model and horizon (mean over the
// seeds, with the range), WAPE, interval coverage, and every seed's figures.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BacktestResult, BacktestRow } from '../src/index.js';

type Oracle = { WAPE: Record<string, number>; ratio: Record<string, Record<string, number>> };
type Run = BacktestResult & { kind: string; seed: number; profiles: number; dailyRows: number; seconds: number; oracle?: Oracle };
const dir = process.argv[2] ?? 'reports/quality';
const runs: Run[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Run);
const H = [7, 14, 21, 28];
const f = (v: number | undefined, d: number) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
const header = `| model | ${H.map((h) => `${h} d`).join(' | ')} |\n| --- | ${H.map(() => '---:').join(' | ')} |`;

for (const kind of ['stationary', 'dynamic']) {
  const mine = runs.filter((r) => r.kind === kind);
  if (!mine.length) continue;
  const seeds = [...new Set(mine.map((r) => r.seed))].sort();
  const models = [...new Set(mine.flatMap((r) => r.table.map((t) => t.model)))];
  // One row per seed: a model run in two files of a seed (the baselines of an extra run) counts once.
  const rowsOf = (model: string, h: number): BacktestRow[] =>
    seeds.flatMap((s) =>
      mine
        .filter((r) => r.seed === s)
        .flatMap((r) => r.table)
        .filter((t) => t.model === model && t.horizon === h)
        .slice(0, 1),
    );
  const summary = (get: (t: BacktestRow) => number, digits: number) => (model: string, h: number) => {
    const v = rowsOf(model, h).map(get).filter(Number.isFinite);
    if (!v.length) return '–';
    return v.length === 1 ? f(v[0], digits) : `${f(mean(v), digits)} (${f(Math.min(...v), digits)}–${f(Math.max(...v), digits)})`;
  };
  const table = (cell: (model: string, h: number) => string, only?: (model: string) => boolean) =>
    [header, ...models.filter((m) => !only || only(m)).map((m) => `| ${m} | ${H.map((h) => cell(m, h)).join(' | ')} |`)].join('\n');
  console.log(`\n### ${kind[0]!.toUpperCase()}${kind.slice(1)} data\n`);
  for (const s of seeds) {
    const runsOfSeed = mine.filter((x) => x.seed === s);
    const r = runsOfSeed[0]!;
    console.log(
      `- seed ${s}: ${r.dailyRows.toLocaleString('en-US')} daily rows, ${r.profiles.toLocaleString('en-US')} profiles; origins ${r.origins.join(', ')}; ${H.map((h) => r.scored[`${h}d`]!.toLocaleString('en-US')).join(' / ')} forecasts scored (7 / 14 / 21 / 28 days); backtest ${runsOfSeed.map((x) => `${x.seconds.toFixed(0)} s (${[...new Set(x.table.map((t) => t.model))].filter((m) => !['naive', 'window-average 4w', 'window-average 13w'].includes(m)).join(', ')})`).join(' + ')}`,
    );
    const cold = runsOfSeed.find((x) => x.coldStart?.length)?.coldStart;
    if (cold)
      console.log(
        `  - cold start (profiles not posted yet, scored apart): ${cold.map((t) => `${t.horizon} d: ${t.n} forecasts, WAPE ${f(t.WAPE, 3)}, coverage ${f(t.coverage['80']! * 100, 1)} / ${f(t.coverage['95']! * 100, 1)}`).join('; ')}`,
      );
  }
  console.log(`\nWAPE relative to naive, mean over the seeds (range):\n\n${table(summary((t) => t.relativeWAPE, 3))}`);
  console.log(`\nWAPE, mean over the seeds (range):\n\n${table(summary((t) => t.WAPE, 3))}`);
  // The oracle (scripts/oracle.ts): each model's WAPE over the oracle's on the same forecasts, per seed.
  const withOracle = mine.filter((r) => r.oracle);
  if (withOracle.length) {
    const ratios = (model: string, h: number) => {
      // One figure a seed, '–' for a seed the model was not run on.
      const v = seeds.map((s) => withOracle.find((r) => r.seed === s && r.oracle!.ratio[model])?.oracle!.ratio[model]![`${h}d`]);
      return v.some((x) => x !== undefined) ? v.map((x) => f(x, 2)).join(' / ') : '–';
    };
    const oracleWape = (h: number) =>
      seeds
        .flatMap((s) =>
          withOracle
            .filter((r) => r.seed === s)
            .slice(0, 1)
            .map((r) => f(r.oracle!.WAPE[`${h}d`], 3)),
        )
        .join(' / ');
    console.log(
      `\nWAPE ÷ the oracle's WAPE, seed by seed (${seeds.join(' / ')}):\n\n${table(ratios)}\n| *the oracle's WAPE* | ${H.map(oracleWape).join(' | ')} |`,
    );
  }
  console.log(`\nBias (mean forecast − actual), mean over the seeds:\n\n${table((m, h) => f(mean(rowsOf(m, h).map((t) => t.bias)), 0))}`);
  const hasIntervals = (m: string) => rowsOf(m, 7).some((t) => t.coverage['80'] !== undefined);
  console.log(
    `\nObserved coverage of the 80% and 95% intervals, %, mean over the seeds (range):\n\n${table((m, h) => `${summary((t) => t.coverage['80']! * 100, 1)(m, h)}<br>${summary((t) => t.coverage['95']! * 100, 1)(m, h)}`, hasIntervals)}`,
  );
  console.log(
    `\nMean width of the 80% interval, relative to the mean actual (engagement per post), mean over the seeds:\n\n${table((m, h) => f(mean(rowsOf(m, h).map((t) => t.width['80']! / (t.MAE / t.WAPE))), 2), hasIntervals)}`,
  );
  console.log(`\n<details><summary>Every seed: WAPE relative to naive, WAPE, MAE, RMSE, R², bias, coverage 80/95</summary>\n`);
  for (const s of seeds) {
    console.log(
      `\nSeed ${s}:\n\n| model | days | rel. WAPE | WAPE | MAE | RMSE | R² | bias | cover 80 | cover 95 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    );
    const seen = new Set<string>();
    for (const t of mine.filter((x) => x.seed === s).flatMap((x) => x.table)) {
      if (seen.has(`${t.model} ${t.horizon}`)) continue;
      seen.add(`${t.model} ${t.horizon}`);
      console.log(
        `| ${t.model} | ${t.horizon} | ${f(t.relativeWAPE, 3)} | ${f(t.WAPE, 4)} | ${f(t.MAE, 1)} | ${f(t.RMSE, 1)} | ${f(t.R2, 3)} | ${f(t.bias, 1)} | ${f((t.coverage['80'] ?? NaN) * 100, 1)} | ${f((t.coverage['95'] ?? NaN) * 100, 1)} |`,
      );
    }
  }
  console.log('\n</details>');
}

// The targets, per seed and horizon, for the corrected preset's default model (the first row of each run, `log-linear`).
console.log(`\n### Targets, per seed and horizon (the default model, \`log-linear\`)\n`);
console.log(
  '| data | seed | days | vs naive | target | vs the better window average | coverage 80 / 95 | within ±2 points |\n| --- | ---: | ---: | ---: | --- | --- | --- | --- |',
);
let misses = 0;
for (const run of runs.filter((r) => r.table.some((t) => t.model === 'log-linear'))) {
  for (const h of H) {
    const m = run.table.find((t) => t.model === 'log-linear' && t.horizon === h)!;
    const wa = Math.min(...run.table.filter((t) => t.model.startsWith('window-average') && t.horizon === h).map((t) => t.WAPE));
    const limit = run.kind === 'stationary' ? 0.8 : 0.9;
    const okNaive = m.relativeWAPE <= limit;
    const okWa = run.kind === 'stationary' ? m.WAPE <= wa : m.WAPE < wa;
    const c80 = m.coverage['80']! * 100;
    const c95 = m.coverage['95']! * 100;
    const okCover = Math.abs(c80 - 80) <= 2 && Math.abs(c95 - 95) <= 2;
    if (!okNaive || !okWa || !okCover) misses++;
    console.log(
      `| ${run.kind} | ${run.seed} | ${h} | ${f(m.relativeWAPE, 3)} | ≤ ${limit.toFixed(2)} ${okNaive ? 'met' : '**missed**'} | ${f(m.WAPE, 3)} vs ${f(wa, 3)} ${okWa ? 'met' : '**missed**'} | ${f(c80, 1)} / ${f(c95, 1)} | ${okCover ? 'met' : '**missed**'} |`,
    );
  }
}
console.log(`\n${misses === 0 ? 'Every target met on every seed and horizon.' : `${misses} seed-horizon cells miss a target.`}`);

// The oracle's targets for the default model: within 5 % of it on stationary data, 15 % on dynamic data.
const oracleRuns = runs.filter((r) => r.oracle?.ratio['log-linear']);
if (oracleRuns.length) {
  console.log(`\n### Against the oracle, per seed and horizon (the default model, \`log-linear\`)\n`);
  console.log('| data | seed | 7 d | 14 d | 21 d | 28 d | target |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  let over = 0;
  for (const run of oracleRuns) {
    const limit = run.kind === 'stationary' ? 1.05 : 1.15;
    const v = H.map((h) => run.oracle!.ratio['log-linear']![`${h}d`]!);
    const missed = v.filter((x) => x > limit).length;
    over += missed;
    console.log(
      `| ${run.kind} | ${run.seed} | ${v.map((x) => f(x, 3)).join(' | ')} | ≤ ${limit.toFixed(2)}: ${missed === 0 ? 'met' : `**missed** at ${missed}`} |`,
    );
  }
  console.log(`\n${over === 0 ? 'Within the oracle targets on every seed and horizon.' : `${over} seed-horizon cells miss the oracle target.`}`);
}
