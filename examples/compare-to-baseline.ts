// How much better than the baseline are the four models? Trains on the weeks
// up to the cutoff and compares test RMSE and R² per horizon with the T8
// baseline (least squares on followers, reach and impressions).
//
//   npx tsx examples/compare-to-baseline.ts [DATA_DIR] [CUTOFF]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWeekly, trainModels, TARGETS } from 'engagement-forecast';
import { generateDaily } from 'engagement-forecast/generate';

const [dataArg, cutoff = '2024-07-30'] = process.argv.slice(2);
let dataDir = dataArg;
if (!dataDir) {
  const work = mkdtempSync(join(tmpdir(), 'engagement-forecast-'));
  process.on('exit', () => rmSync(work, { recursive: true, force: true }));
  dataDir = join(work, 'data');
  await generateDaily({ profiles: 600, from: '2023-01-01', to: '2024-12-31', seed: 5 }, dataDir);
}
const { weekly } = await loadWeekly(dataDir);
const { metrics, baseline, rows } = trainModels(weekly, { cutoff });

console.log(`test weeks after ${cutoff}: ${rows.test} rows (baseline: ${baseline.testRows})`);
console.log(`baseline 7d: RMSE ${baseline.RMSE.toFixed(1)}, R² ${baseline.R2.toFixed(3)}\n`);
console.log('horizon   RMSE        vs baseline   R²');
for (const target of TARGETS) {
  const m = metrics[target];
  const change = ((m.RMSE - baseline.RMSE) / baseline.RMSE) * 100;
  console.log(
    `${target.replace('engagement_future_', '').padEnd(9)} ${m.RMSE.toFixed(1).padStart(10)}  ${`${change >= 0 ? '+' : ''}${change.toFixed(1)}%`.padStart(11)}   ${m.R2.toFixed(3)}`,
  );
}
console.log('\n(The baseline predicts the 7-day target only; each horizon is compared with it, as the notebook did.)');
