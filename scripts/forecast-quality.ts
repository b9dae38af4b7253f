// The backtests of docs/forecast-quality.md: generated data of the real shape
// (two years, ~3M daily rows), stationary and with dynamics, several seeds;
// each model beside the naive forecast and window averages, and the notebook
// preset honest and as it scores itself; and every model's WAPE over that of
// an oracle which knows the generator's state at each origin (scripts/oracle.ts).
//
//   npx tsx scripts/forecast-quality.ts [--profiles 17000] [--seeds 1,2,3] [--models LIST] [--origins 4] [--step 6] [--out reports/quality]
//   npx tsx scripts/forecast-quality.ts --seeds 1 --models mlp --no-notebook --name mlp
// Models: a kind, or kind:setting with a design (core, robust, full) or a back-transform (smearing, absolute).
//
// Data is generated once per (profiles, dynamics, seed) under .bench-cache/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backtest, loadDaily, type BacktestResult } from '../src/index.js';
import { generateDaily } from '../src/generate.js';
import { qualityData, truthOf } from './oracle.js';

const { values } = parseArgs({
  options: {
    profiles: { type: 'string', default: '17000' },
    seeds: { type: 'string', default: '1,2,3' },
    models: { type: 'string', default: 'log-linear,log-linear:core,log-linear:full,log-linear:smearing,linear,ridge' },
    origins: { type: 'string', default: '4' },
    step: { type: 'string', default: '6' },
    kinds: { type: 'string', default: 'stationary,dynamic' },
    out: { type: 'string', default: 'reports/quality' },
    notebook: { type: 'boolean', default: true },
    name: { type: 'string', default: '' },
  },
  allowNegative: true,
});
const profiles = Number(values.profiles);
mkdirSync(values.out!, { recursive: true });
for (const kind of values.kinds!.split(',')) {
  for (const seed of values.seeds!.split(',').map(Number)) {
    const { dir, options } = qualityData(profiles, kind, seed);
    if (!existsSync(join(dir, 'done'))) {
      await generateDaily(options, dir);
      writeFileSync(join(dir, 'done'), '');
    }
    const daily = await loadDaily(dir);
    const truth = truthOf(options);
    // `kind`, or `kind:setting:…` with a design (core, robust, full) or a back-transform (smearing, absolute).
    const chosen = values.models!.split(',').map((m) => {
      const [kind, ...settings] = m.split(':');
      const spec: Record<string, string> = { kind: kind! };
      for (const s of settings) spec[['core', 'robust', 'full'].includes(s) ? 'features' : 'correction'] = s;
      return spec;
    });
    const models = [...chosen, 'naive', { kind: 'window-average' as const, weeks: 4 as const }, { kind: 'window-average' as const, weeks: 13 as const }];
    const t = Date.now();
    // Sums of absolute errors per horizon: each model's and the oracle's, over the same forecasts, and of the actuals.
    const H = [7, 14, 21, 28];
    const abs: Record<string, number[]> = {};
    const oracleAbs = H.map(() => 0);
    const actualSum = H.map(() => 0);
    const result: BacktestResult = backtest(daily, {
      models: models as never,
      notebook: values.notebook!,
      origins: Number(values.origins),
      step: Number(values.step),
      onForecast: ({ profileId, origin, horizon, actual, forecasts }) => {
        const h = H.indexOf(horizon);
        const oracle = truth.forecast(profileId, origin, horizon);
        if (!Number.isFinite(oracle)) throw new Error(`no truth for ${profileId} by ${origin}`);
        oracleAbs[h]! += Math.abs(actual - oracle);
        actualSum[h]! += Math.abs(actual);
        for (const [model, f] of Object.entries(forecasts)) (abs[model] ??= H.map(() => 0))[h]! += Math.abs(actual - f);
      },
    });
    // WAPE ÷ the oracle's WAPE, per model and horizon; each model's WAPE as the table gives it (checked).
    const oracle = {
      WAPE: Object.fromEntries(H.map((h, k) => [`${h}d`, oracleAbs[k]! / actualSum[k]!])),
      ratio: Object.fromEntries(Object.entries(abs).map(([model, a]) => [model, Object.fromEntries(H.map((h, k) => [`${h}d`, a[k]! / oracleAbs[k]!]))])),
    };
    for (const row of result.table) {
      const mine = abs[row.model]![H.indexOf(row.horizon)]! / actualSum[H.indexOf(row.horizon)]!;
      if (Math.abs(mine - row.WAPE) > 1e-9 * row.WAPE) throw new Error(`${row.model} ${row.horizon} d: WAPE ${mine} here, ${row.WAPE} in the table`);
    }
    const file = join(values.out!, `${kind}-${seed}${values.name ? `-${values.name}` : ''}.json`);
    writeFileSync(file, JSON.stringify({ kind, seed, profiles, dailyRows: daily.length, seconds: (Date.now() - t) / 1000, ...result, oracle }, null, 1));
    console.log(`${kind} seed ${seed}: ${daily.length} daily rows, ${((Date.now() - t) / 1000).toFixed(0)} s → ${file}`);
  }
}
