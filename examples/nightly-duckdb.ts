// The nightly job of a product, where the rows live: train from a table of
// daily rows in a DuckDB database file, forecast every profile, and write
// the forecasts into a table of the same file. With PostgreSQL it is the
// same code with postgres({ connectionString, table }) as the source.
//
//   npx tsx examples/nightly-duckdb.ts [DATABASE_FILE]
//
// Without DATABASE_FILE it makes one in a temporary folder, with a `daily`
// table of two years of synthetic rows for 300 profiles (removed on exit).
// Needs the optional peer @duckdb/node-api (npm install @duckdb/node-api).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadWeekly, predictInEngine, trainModels } from 'engagement-forecast';
import { duckdb } from 'engagement-forecast/duckdb';
import { generateDaily } from 'engagement-forecast/generate';

const work = mkdtempSync(join(tmpdir(), 'engagement-forecast-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
let database = process.argv[2];
if (!database) {
  database = join(work, 'analytics.duckdb');
  const csv = join(work, 'csv');
  await generateDaily({ profiles: 300, from: '2023-01-01', to: '2024-12-31', seed: 5 }, csv);
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE daily AS SELECT * FROM read_csv($files, header = true, union_by_name = true)`, { files: `${csv}/**/*.csv` });
  connection.closeSync();
  instance.closeSync();
  console.log(`made ${database} with a daily table`);
}

// The rows are checked and summed by segment inside DuckDB; only the segments reach Node.
const daily = duckdb({ database, table: 'daily' });
const { weekly, report } = await loadWeekly(daily, { preset: 'corrected' });
console.log(`read ${report.rows} daily rows (${report.skipped} refused) → ${weekly.length} weekly rows`);
const { model } = trainModels(weekly, { preset: 'corrected' });

// Every profile, as of the last complete week, with intervals, written into `forecasts`: the table is
// replaced as a whole in one transaction, and left as it was if the write fails. The segments come in
// profile order, and Node builds the weekly table of one batch of profiles at a time.
const { written } = await predictInEngine(model, daily, { intervals: [0.8, 0.95], into: 'forecasts', batchProfiles: 100 });
console.log(`${written.rows} forecasts written into ${written.table}`);

// What a dashboard reads the next morning.
const instance = await DuckDBInstance.create(database, { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const rows = await connection.runAndReadAll(
  `SELECT future_period, count(*) AS profiles, round(sum(predicted_engagement)) AS total, count(*) FILTER (WHERE cold_start) AS cold_start
   FROM forecasts GROUP BY future_period ORDER BY min(prediction_date)`,
);
for (const r of rows.getRowObjectsJS())
  console.log(`${r.future_period}: ${r.profiles} profiles, ${r.total} engagement per post in all, ${r.cold_start} from cold start`);
connection.closeSync();
instance.closeSync();
