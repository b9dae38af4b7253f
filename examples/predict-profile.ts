// Forecast one profile from its recent daily rows (JSON), with the built-in
// pretrained models — what a backend does per request.
//
//   npx tsx examples/predict-profile.ts [ROWS_JSON]
import { readFileSync } from 'node:fs';
import { DataError, loadBuiltinModel, predict, type DailyRowInput } from 'engagement-forecast';

const file = process.argv[2] ?? new URL('./profile.json', import.meta.url).pathname;
const rows = JSON.parse(readFileSync(file, 'utf8')) as DailyRowInput[];
const model = loadBuiltinModel(); // load once, reuse for every request

try {
  const started = performance.now();
  const forecasts = predict(model, rows);
  const micros = ((performance.now() - started) * 1000).toFixed(0);
  console.log(`${rows.length} daily rows of profile ${rows[0]?.profile_id}, latest week ending ${forecasts[0]?.date} (${micros} µs):`);
  for (const f of forecasts) {
    console.log(
      `  ${f.future_period.replace('predicted_engagement_future_', '+').padEnd(5)} on ${f.prediction_date}: ${f.predicted_engagement.toFixed(1)} engagement per post`,
    );
  }
} catch (error) {
  if (error instanceof DataError) {
    console.error(`bad input: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
}
