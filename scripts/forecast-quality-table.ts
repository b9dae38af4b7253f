// Markdown tables of the backtests written by scripts/forecast-quality.ts:
//   npx tsx scripts/forecast-quality-table.ts [reports/quality]
// Per data kind: WAPE and WAPE relative to naive per model, horizon and seed;
// interval coverage; and the notebook, honest and leaky.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BacktestResult } from '../src/index.js';

type Run = BacktestResult & { kind: string; seed: number; profiles: number; dailyRows: number; seconds: number };
const dir = process.argv[2] ?? 'reports/quality';
const runs: Run[] = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Run);
const H = [7, 14, 21, 28];
const f = (v: number | undefined, d: number) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));
for (const kind of ['stationary', 'dynamic']) {
  const mine = runs.filter((r) => r.kind === kind);
  const seeds = [...new Set(mine.map((r) => r.seed))].sort();
  const models = [...new Set(mine.flatMap((r) => r.table.map((t) => t.model)))];
  console.log(`\n### ${kind[0]!.toUpperCase()}${kind.slice(1)} data\n`);
  console.log(`${seeds.map((s) => { const r = mine.find((x) => x.seed === s)!; return `seed ${s}: ${r.dailyRows.toLocaleString('en-US')} daily rows, ${r.profiles.toLocaleString('en-US')} profiles, origins ${r.origins.join(', ')}; scored ${H.map((h) => r.scored[`${h}d`]).join('/')} forecasts (7/14/21/28 d)`; }).join('  \n')}\n`);
  console.log(`WAPE relative to naive (WAPE in brackets), per seed:\n`);
  console.log(`| model | ${H.map((h) => `${h} d`).join(' | ')} |\n| --- | ${H.map(() => '---').join(' | ')} |`);
  for (const model of models) {
    const cells = H.map((h) =>
      seeds
        .map((s) => mine.filter((x) => x.seed === s).flatMap((x) => x.table).find((t) => t.model === model && t.horizon === h))
        .map((t) => (t ? `${f(t.relativeWAPE, 3)} (${f(t.WAPE, 3)})` : '·'))
        .join('<br>'),
    );
    console.log(`| ${model} | ${cells.join(' | ')} |`);
  }
  console.log(`\nObserved coverage of the 80% / 95% intervals, per seed:\n`);
  console.log(`| model | ${H.map((h) => `${h} d`).join(' | ')} |\n| --- | ${H.map(() => '---').join(' | ')} |`);
  for (const model of models) {
    const rows = seeds.map((s) => mine.filter((x) => x.seed === s).flatMap((x) => x.table));
    if (!rows.some((t) => t.some((x) => x.model === model && Object.keys(x.coverage).length))) continue;
    const cells = H.map((h) => rows.map((t) => t.find((x) => x.model === model && x.horizon === h)).map((x) => (x && x.coverage['80'] !== undefined ? `${f(x.coverage['80']! * 100, 1)} / ${f(x.coverage['95']! * 100, 1)}` : '·')).join('<br>'));
    console.log(`| ${model} | ${cells.join(' | ')} |`);
  }
}
