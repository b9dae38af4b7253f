// Where a model's error above the oracle's comes from, on the quality
// backtests' data: the forecasts grouped by what the generator did before the
// origin (the engagement rate moved by more than e^0.4 in the last 4 or 13
// weeks: a regime change, or not) and by the posting rate, each group with
// its share of the forecasts, WAPE ÷ the oracle's, and its share of the excess
// (of the model's absolute error minus the oracle's, summed over all forecasts).
//
//   npx tsx scripts/oracle-gap.ts [--kind dynamic] [--seeds 1,2,3] [--model log-linear] [--top 15 --horizon 21]
//
// With --top N: also the N forecasts at that horizon (days) whose error most
// exceeds the oracle's, each with its share of the horizon's excess and how
// far the profile's rate moved in the 4 weeks before the origin; and each
// origin's WAPE ÷ the oracle's and share of the excess.
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
    top: { type: 'string', default: '0' },
    horizon: { type: 'string', default: '21' },
  },
});
const profiles = Number(values.profiles);
const top = Number(values.top);
const topLines: string[] = [];
const lines: string[] = ['| seed | group | forecasts | share | WAPE ÷ oracle | share of the excess |', '| --- | --- | ---: | ---: | ---: | ---: |'];
for (const seed of values.seeds!.split(',').map(Number)) {
  const { dir, options } = qualityData(profiles, values.kind!, seed);
  if (!existsSync(join(dir, 'done'))) throw new Error(`${dir}: run scripts/forecast-quality.ts first`);
  const daily = await loadDaily(dir);
  const truth = truthOf(options);
  const groups = new Map<string, { model: number; oracle: number; n: number }>();
  const total = { n: 0 };
  // The forecasts at --horizon, for --top.
  const atHorizon: { profileId: string; origin: string; actual: number; forecast: number; oracle: number; moved: number | null }[] = [];
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
      const oracle = truth.forecast(profileId, origin, horizon);
      const eo = Math.abs(actual - oracle);
      if (top > 0 && horizon === Number(values.horizon)) {
        const then = truth.stateAt(profileId, o - 28);
        atHorizon.push({ profileId, origin, actual, forecast: f, oracle, moved: then === null ? null : Math.log(now.engagementRate / then.engagementRate) });
      }
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
  if (top > 0) {
    const excessOf = (x: (typeof atHorizon)[number]) => Math.abs(x.actual - x.forecast) - Math.abs(x.actual - x.oracle);
    const excess = atHorizon.reduce((s, x) => s + excessOf(x), 0);
    topLines.push(
      `\nSeed ${seed}, ${values.horizon} days: the ${top} forecasts (of ${atHorizon.length}) whose error most exceeds the oracle's\n`,
      '| profile | origin | actual | forecast | oracle | share of the excess | log rate change, 4 weeks before the origin |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    );
    let shown = 0;
    for (const x of [...atHorizon].sort((a, b) => excessOf(b) - excessOf(a)).slice(0, top)) {
      shown += excessOf(x);
      topLines.push(
        `| ${x.profileId.slice(0, 8)}… | ${x.origin} | ${x.actual.toFixed(0)} | ${x.forecast.toFixed(0)} | ${x.oracle.toFixed(0)} | ${((100 * excessOf(x)) / excess).toFixed(1)} % | ${x.moved === null ? '' : x.moved.toFixed(2)} |`,
      );
    }
    topLines.push(
      `\nTogether: ${((100 * shown) / excess).toFixed(1)} % of the excess.\n`,
      '| origin | WAPE ÷ oracle | share of the excess |',
      '| --- | ---: | ---: |',
    );
    const byOrigin = new Map<string, { model: number; oracle: number; excess: number }>();
    for (const x of atHorizon) {
      let g = byOrigin.get(x.origin);
      if (!g) byOrigin.set(x.origin, (g = { model: 0, oracle: 0, excess: 0 }));
      g.model += Math.abs(x.actual - x.forecast);
      g.oracle += Math.abs(x.actual - x.oracle);
      g.excess += excessOf(x);
    }
    for (const [origin, g] of [...byOrigin].sort())
      topLines.push(`| ${origin} | ${(g.model / g.oracle).toFixed(3)} | ${((100 * g.excess) / excess).toFixed(1)} % |`);
  }
  console.error(`${values.kind} seed ${seed}: done`);
}
console.log(
  `\`npx tsx scripts/oracle-gap.ts --kind ${values.kind} --seeds ${values.seeds} --model ${values.model}${top > 0 ? ` --top ${top} --horizon ${values.horizon}` : ''}\`\n`,
);
console.log(lines.join('\n'));
if (topLines.length > 0) console.log(topLines.join('\n'));
