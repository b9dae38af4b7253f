// The command line's outputs on the golden input, compared value by value with
// what the original notebooks produce (test/fixtures/parity-300), at the
// golden case's tolerances.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../../src/index.js';
import { requireBuiltCli, runCli } from '../helpers/cli.js';
import { GOLDEN, expectClose, num, readCsvRecords, readText } from '../helpers/reference.js';
import { tempDir } from '../helpers/tmp.js';
import { expectWeeklyMatchesCsv } from '../helpers/weekly-match.js';

const dir = tempDir('ef-golden-');
const input = join(GOLDEN, 'input');
const cli = (...args: string[]) => runCli(dir, ...args);
const summary = JSON.parse(readText(join(GOLDEN, 'expected', 'train_summary.json')));

function expectPredictionsMatch(csv: string, file: string): void {
  const got = readCsvRecords(csv);
  const want = readCsvRecords(join(GOLDEN, 'expected', file));
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    const g = got[i]!;
    expect([g.profile_id, g.date, g.future_period, g.prediction_date], `${file} row ${i + 2}`).toEqual([
      w.profile_id,
      w.date,
      w.future_period,
      w.prediction_date,
    ]);
    expectClose(`${file} row ${i + 2}`, num(g.predicted_engagement!), num(w.predicted_engagement!), 1e-6);
  });
}

beforeAll(() => {
  requireBuiltCli();
  const t = cli('train', '--data', input, '--cutoff', '2024-07-30', '--out', 'model.json', '--metrics', 'metrics.json', '--quiet');
  expect(t.code, t.stderr).toBe(0);
});

describe('the CLI on the golden input', () => {
  it('weekly writes the weekly table the notebooks build', () => {
    const r = cli('weekly', '--data', input, '--out', 'weekly.csv', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expectWeeklyMatchesCsv(join(dir, 'weekly.csv'), join(GOLDEN, 'expected', 'weekly_all.csv'));
  });

  it("train --metrics writes the notebooks' row counts, test metrics and baseline", () => {
    const metrics = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'));
    expect([metrics.rows.afterTargetDrop, metrics.rows.afterZeroDrop, metrics.rows.train, metrics.rows.test]).toEqual([
      summary.rows.weekly_with_targets,
      summary.rows.after_zero_drop,
      summary.rows.train,
      summary.rows.test,
    ]);
    for (const t of TARGETS) {
      const m = metrics.metrics[t];
      const w = summary.metrics[t];
      expectClose(`${t} metrics`, [m.MAE, m.MSE, m.RMSE, m.R2], [w.MAE, w.MSE, w.RMSE, w.R2], 1e-6);
    }
    const b = metrics.baseline;
    expectClose('baseline', [b.MAE, b.RMSE, b.R2], [summary.baseline_7d.MAE, summary.baseline_7d.RMSE, summary.baseline_7d.R2], 1e-6);
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    for (const t of TARGETS) expectClose(`${t}.coef`, model.models[t].coef, summary.models[t].coef, 1e-6);
  });

  it("predict gives the notebooks' forecasts with the trained model and with the built-in one", () => {
    const trained = cli('predict', '--data', input, '--model', 'model.json', '--since', '2024-09-01', '--out', 'trained.csv', '--quiet');
    expect(trained.code, trained.stderr).toBe(0);
    expectPredictionsMatch(join(dir, 'trained.csv'), 'predictions.csv');
    const builtin = cli('predict', '--data', input, '--builtin', '--since', '2024-09-01', '--quiet');
    expect(builtin.code, builtin.stderr).toBe(0);
    const out = join(dir, 'builtin.csv');
    // stdout, as a pipe would take it.
    writeFileSync(out, builtin.stdout);
    expectPredictionsMatch(out, 'predictions_seed_models.csv');
  });
});
