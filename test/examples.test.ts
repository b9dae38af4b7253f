// The examples run as they are (against the built package, as a user's code would).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDaily } from '../src/generate.js';
import { PREDICTION_FLAGS, TARGETS, loadBuiltinModel, loadDaily, loadWeekly, predict, trainModels } from '../src/index.js';
import { testTempDir } from './helpers/tmp.js';

const root = new URL('..', import.meta.url).pathname;

function example(name: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `examples/${name}`, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('examples', () => {
  it('demo.ts forecasts every sample profile with the built-in model, and prints those forecasts', async () => {
    const r = example('demo.ts');
    expect(r.code, r.stderr).toBe(0);
    // The numbers it prints are the library's forecasts for the sample data.
    const daily = await loadDaily(join(root, 'examples', 'data'));
    const predictions = predict(loadBuiltinModel(), daily);
    expect(r.stdout).toContain(
      `Read ${daily.length} daily rows of ${daily.profileIds.length} profiles from 4 files (${daily.report.missingFollowers} rows without a followers count).`,
    );
    for (let k = 0; k < predictions.length; k += 4) {
      const four = predictions.slice(k, k + 4);
      const line = `${four[0]!.profile_id.slice(0, 12)}…  ${four[0]!.date} ${four.map((p) => p.predicted_engagement.toFixed(1).padStart(10)).join(' ')}`;
      // Each profile's line shows the flags its forecasts carry.
      const flags = PREDICTION_FLAGS.filter((f) => four.some((p) => p[f])).join(' ');
      expect(r.stdout).toContain(`${line}  ${flags}\n`);
    }
    expect(r.stdout).toContain(`\n${predictions.length} forecasts (engagement per post) for ${daily.profileIds.length} profiles.`);
    const flagged = PREDICTION_FLAGS.map((f) => [f, predictions.filter((p) => p[f]).length] as const).filter(([, n]) => n > 0);
    expect(flagged.length).toBeGreaterThan(0);
    expect(r.stdout).toContain(`Flagged: ${flagged.map(([f, n]) => `${n} ${f}`).join(', ')} (of ${predictions.length} forecasts).`);
  });

  it('train-and-save.ts retrains, prints metrics and saves a model', async () => {
    const r = example('train-and-save.ts');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/baseline 7d/);
    expect(r.stdout).toMatch(/engagement_future_28d/);
    expect(r.stdout).toMatch(/model saved to .*model\.json/);
    // Fixed seed: the same training here gives the counts it must print.
    const data = join(testTempDir('ef-example-'), 'data');
    await generateDaily({ profiles: 400, from: '2023-01-01', to: '2024-12-31', seed: 11 }, data);
    const { weekly, report } = await loadWeekly(data, { onError: 'skip' });
    const trained = trainModels(weekly, { cutoff: '2024-07-30' });
    expect(r.stdout).toContain(`read ${report.rows} daily rows (0 skipped, ${report.missingFollowers} without followers) → ${weekly.length} weekly rows\n`);
    expect(r.stdout).toContain(`train rows ${trained.rows.train}, test rows ${trained.rows.test} (weeks after 2024-07-30)\n`);
  });

  it("nightly-duckdb.ts trains from a DuckDB table and writes every profile's forecasts into it, as the library forecasts them", async () => {
    const r = example('nightly-duckdb.ts');
    expect(r.code, r.stderr).toBe(0);
    // The same rows read by the library's own reader: the same model, the same forecasts.
    const data = join(testTempDir('ef-example-'), 'data');
    await generateDaily({ profiles: 300, from: '2023-01-01', to: '2024-12-31', seed: 5 }, data);
    const { weekly, report } = await loadWeekly(data, { preset: 'corrected' });
    const { model } = trainModels(weekly, { preset: 'corrected' });
    const predictions = predict(model, await loadDaily(data), { intervals: [0.8, 0.95] });
    expect(r.stdout).toContain(`read ${report.rows} daily rows (0 refused) → ${weekly.length} weekly rows\n`);
    expect(r.stdout).toContain(`${predictions.length} forecasts written into forecasts\n`);
    for (const t of TARGETS) {
      const of = predictions.filter((p) => p.future_period === `predicted_${t}`);
      const total = Math.round(of.reduce((sum, p) => sum + p.predicted_engagement, 0));
      expect(r.stdout).toContain(
        `predicted_${t}: ${of.length} profiles, ${total} engagement per post in all, ${of.filter((p) => p.cold_start).length} from cold start\n`,
      );
    }
  });

  it('predict-profile.ts forecasts one profile from JSON, and prints those forecasts', () => {
    const r = example('predict-profile.ts');
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(readFileSync(join(root, 'examples', 'profile.json'), 'utf8'));
    for (const f of predict(loadBuiltinModel(), rows)) {
      expect(r.stdout).toContain(
        `  ${f.future_period.replace('predicted_engagement_future_', '+').padEnd(5)} on ${f.prediction_date}: ${f.predicted_engagement.toFixed(1)} engagement per post\n`,
      );
    }
  });

  it('service.ts embeds the service: 200 for good rows, 400 naming the bad row, a flagged infinite input, 422 for a profile with no rows', () => {
    const r = example('service.ts');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^rows → 200 \{"model":\{"id":"[0-9a-f]{16}","preset":"notebook","version":"[^"]+"\},"predictions":\[\{"profile_id":/m);
    expect(r.stdout).toMatch(
      /^bad row → 400 \{"error":"bad_row","message":"rows\[4\]\.posts: posts is not a non-negative number: \\"two\\"","row":4,"field":"posts"\}$/m,
    );
    expect(r.stdout).toMatch(/^broken JSON → 400 \{"error":"bad_json"/m);
    expect(r.stdout).toMatch(/^engagement with no post in the month → 200 \{"profile_id":"no-posts",.*"non_finite_input":true\}$/m);
    expect(r.stdout).toMatch(/^an unknown profile named → 422 \{"error":"no_rows_for_profile","message":"predict: no rows for profile 'nobody'"\}$/m);
    expect(r.stdout).toMatch(/^readiness: 200, model [0-9a-f]{16}$/m);
  });

  it('compare-to-baseline.ts compares each horizon with the baseline, printing the trained figures', async () => {
    const r = example('compare-to-baseline.ts');
    expect(r.code, r.stderr).toBe(0);
    // Its data is generated with a fixed seed: the same training here gives the numbers it must print.
    const data = join(testTempDir('ef-example-'), 'data');
    await generateDaily({ profiles: 600, from: '2023-01-01', to: '2024-12-31', seed: 5 }, data);
    const { metrics, baseline, rows } = trainModels((await loadWeekly(data)).weekly, { cutoff: '2024-07-30' });
    expect(r.stdout).toContain(`test weeks after 2024-07-30: ${rows.test} rows (baseline: ${baseline.testRows})\n`);
    expect(r.stdout).toContain(`baseline 7d: RMSE ${baseline.RMSE.toFixed(1)}, R² ${baseline.R2.toFixed(3)}\n`);
    for (const target of TARGETS) {
      const line = r.stdout.split('\n').find((l) => l.startsWith(`${target.replace('engagement_future_', '')} `));
      expect(line, target).toMatch(
        new RegExp(` ${metrics[target].RMSE.toFixed(1).replace('.', '\\.')} .* ${metrics[target].R2.toFixed(3).replace('.', '\\.')}$`),
      );
    }
  });
});
