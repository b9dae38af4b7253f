// @ts-nocheck
// Retrain the four models from a folder of daily CSVs, print the metrics and
// save a model file.
//
//   npx tsx examples/train-and-save.ts [DATA_DIR] [MODEL_FILE] [CUTOFF]
//
// Without DATA_DIR it first generates two years of synthetic data for 400
// profiles into a temporary folder (the real data is private); without
// MODEL_FILE the model goes there too. That folder is removed on exit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWeekly, saveModel, trainModels, TARGETS } from 'engagement-forecast';
import { generateDaily } from 'engagement-forecast/generate';

const [dataArg, modelArg, cutoff = '2024-07-30'] = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'engagement-forecast-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
let dataDir = dataArg;
if (!dataDir) {
  dataDir = join(work, 'data');
  const g = await generateDaily({ profiles: 400, from: '2023-01-01', to: '2024-12-31', seed: 11 }, dataDir);
  console.log(`generated ${g.rows} daily rows in ${g.files.length} monthly files under ${dataDir}`);
}

// The fast path: weekly sums are built while the files are read (on all cores for large inputs).
const { weekly, report } = await loadWeekly(dataDir, { onError: 'skip' });
console.log(`read ${report.rows} daily rows (${report.skipped} skipped, ${report.missingFollowers} without followers) → ${weekly.length} weekly rows`);

const trained = trainModels(weekly, { cutoff });
for (const warning of trained.warnings) console.log(`note: ${warning}`);
console.log(`\ntrain rows ${trained.rows.train}, test rows ${trained.rows.test} (weeks after ${cutoff})`);
console.table(
  Object.fromEntries([
    ['baseline 7d', { MAE: trained.baseline.MAE, RMSE: trained.baseline.RMSE, R2: trained.baseline.R2 }],
    ...TARGETS.map((t) => [t, { MAE: trained.metrics[t].MAE, RMSE: trained.metrics[t].RMSE, R2: trained.metrics[t].R2 }]),
  ]),
);

const modelFile = modelArg ?? join(work, 'model.json');
await saveModel(trained.model, modelFile);
console.log(`model saved to ${modelFile}${modelArg ? '' : ' (a temporary folder, removed on exit: name MODEL_FILE to keep it)'}`);
