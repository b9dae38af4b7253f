// Where a model's error above the oracle's comes from, on the quality
// backtests' data: the forecasts grouped by what the generator did before the
// origin (the engagement rate moved by more than e^0.4 in the last 4 or 13
// weeks: a regime change, or not) and by the posting rate, each group with
// its share of the forecasts, WAPE ÷ the oracle's, and its share of the excess
// (of the model's absolute error minus the oracle's, summed over all forecasts).
//
//   npx tsx scripts/oracle-gap.ts [--kind dynamic] [--seeds 1,2,3] [--model log-linear]
//
// Reads the data scripts/forecast-quality.ts leaves under .bench-cache/ (17,000 profiles).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDay } from '../src/calendar.js';
import { backtest, loadDaily } from '../src/index.js';
import { qualityData, truthOf } from './oracle.js';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'dynamic' },
    seeds: { type: 'string', default: '1,2,3' },
    model: { type: 'string', default: 'log-linear' },
    profiles: { type: 'string', default: '17000' },
  },
});
const profiles = Number(values.profiles);
const lines: string[] = ['| seed | group | forecasts | share | WAPE ÷ oracle | share of the excess |', '| --- | --- | ---: | ---: | ---: | ---: |'];
for (const seed of values.seeds!.split(',').map(Number)) {
  const { dir, options } = qualityData(profiles, values.kind!, seed);
  if (!existsSync(join(dir, 'done'))) throw new Error(`${dir}: run scripts/forecast-quality.ts first`);
  const daily = await loadDaily(dir);
  const truth = truthOf(options);
  const groups = new Map<string, { model: number; oracle: number; n: number }>();
  const total = { n: 0 };
  const add = (group: string, model: number, oracle: number) => {
    let g = groups.get(group);
    if (!g) groups.set(group, (g = { model: 0, oracle: 0, n: 0 }));
    g.model += model;
    g.oracle += oracle;
    g.n++;
  };
  backtest(daily, {
    models: [values.model as never],
    notebook: false,
    origins: 4,
    step: 6,
    onForecast: ({ profileId, origin, horizon, actual, forecasts }) => {
      const f = forecasts[values.model!];
      if (f === undefined) return;
      const o = parseDay(origin);
      const now = truth.stateAt(profileId, o)!;
      const moved = (weeks: number) => {
        const then = truth.stateAt(profileId, o - 7 * weeks);
        return then === null ? null : Math.abs(Math.log(now.engagementRate / then.engagementRate)) > 0.4;
      };
      const m4 = moved(4);
      const m13 = moved(13);
      const rate = now.postsPerDay;
      const e = Math.abs(actual - f);
      const eo = Math.abs(actual - truth.forecast(profileId, origin, horizon));
      total.n++;
      add('all', e, eo);
      add(m4 === null ? 'rate known < 4 weeks' : m4 ? 'rate moved > e^0.4 in the last 4 weeks' : 'rate steady over the last 4 weeks', e, eo);
      add(m13 === null ? 'rate known < 13 weeks' : m13 ? 'rate moved > e^0.4 in the last 13 weeks' : 'rate steady over the last 13 weeks', e, eo);
      add(rate < 0.15 ? 'posts < 0.15 a day' : rate < 0.4 ? 'posts 0.15–0.4 a day' : 'posts ≥ 0.4 a day', e, eo);
    },
  });
  const all = groups.get('all')!;
  const order = (g: string) =>
    ['all', '4 weeks', '13 weeks', 'a day'].findIndex((k) => g === k || g.endsWith(k)) * 10 + (/steady|< 0.15/.test(g) ? 0 : /moved|0.15–0.4/.test(g) ? 1 : 2);
  for (const [group, g] of [...groups].sort((a, b) => order(a[0]) - order(b[0]))) {
    lines.push(
      `| ${seed} | ${group} | ${g.n} | ${((100 * g.n) / total.n).toFixed(1)} % | ${(g.model / g.oracle).toFixed(3)} | ${((100 * (g.model - g.oracle)) / (all.model - all.oracle)).toFixed(0)} % |`,
    );
  }
  console.error(`${values.kind} seed ${seed}: done`);
}
console.log(`\`npx tsx scripts/oracle-gap.ts --kind ${values.kind} --seeds ${values.seeds} --model ${values.model}\`\n`);
console.log(lines.join('\n'));
