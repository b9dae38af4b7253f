// One model trained at a cutoff, forecasting as of several origins after it
// without refitting — the way a deployed model is used (and the check of
// docs/forecast-quality.md): predict(model, rows, { asOf, intervals }) at
// each origin, scored with scoreForecasts against what happened, beside the
// naive model trained at the same cutoff.
//   npx tsx scripts/forecast-quality-fixed.ts [--cutoff 2024-07-31] [--origins 2024-08-04,2024-09-01,2024-09-29,2024-10-27,2024-11-24] DIR...
import { parseArgs } from 'node:util';
import { loadDaily, predict, scoreForecasts, trainModels, type Prediction } from '../src/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    cutoff: { type: 'string', default: '2024-07-31' },
    origins: { type: 'string', default: '2024-08-04,2024-09-01,2024-09-29,2024-10-27,2024-11-24' },
  },
});
console.log(`| data | horizon | forecasts | WAPE | vs naive | coverage 80 / 95 |\n| --- | ---: | ---: | ---: | ---: | --- |`);
for (const dir of positionals) {
  const daily = await loadDaily(dir);
  const model = trainModels(daily, { preset: 'corrected', cutoff: values.cutoff! }).model;
  const naive = trainModels(daily, { preset: 'corrected', cutoff: values.cutoff!, model: 'naive' }).model;
  const forecasts: Prediction[] = [];
  const baseline: Prediction[] = [];
  for (const asOf of values.origins!.split(',')) {
    // Profiles that have posted by the origin (the naive forecast exists for them).
    forecasts.push(...predict(model, daily, { asOf, intervals: [0.8, 0.95] }).filter((p) => !p.cold_start));
    baseline.push(...predict(naive, daily, { asOf }).filter((p) => !p.cold_start));
  }
  const { scores } = scoreForecasts(forecasts, daily, { naive: baseline });
  for (const [period, s] of Object.entries(scores).sort(([a], [b]) => parseInt(a.replace(/\D/g, ''), 10) - parseInt(b.replace(/\D/g, ''), 10))) {
    console.log(
      `| ${dir.split('/').pop()} | ${period.replace('predicted_engagement_future_', '')} | ${s.n} | ${s.WAPE.toFixed(3)} | ${s.relativeWAPE.toFixed(3)} | ${(s.coverage['80']! * 100).toFixed(1)} / ${(s.coverage['95']! * 100).toFixed(1)} |`,
    );
  }
}
