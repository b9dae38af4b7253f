// The command line with the corrected preset: train, predict as of a day with
// intervals, backtest to a table, a CSV/JSON file and a report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backtest, loadDaily, loadModel, predict } from '../../src/index.js';
import { backtestCsv } from '../../src/backtest/table.js';
import { requireBuiltCli, runCli } from '../helpers/cli.js';
import { readCsvRecords } from '../helpers/reference.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('ef-cli-corrected-');
const data = join(dir, 'data');
const model = join(dir, 'model.json');
const cli = (...args: string[]) => runCli(dir, ...args);

beforeAll(() => {
  requireBuiltCli();
  const g = cli('generate', '--profiles', '150', '--from', '2023-09-01', '--to', '2024-11-30', '--seed', '3', '--dynamics', '--out', data);
  expect(g.code, g.stderr).toBe(0);
});

describe('engagement-forecast with the corrected preset', () => {
  it('trains a corrected model of the kind asked for', async () => {
    const t = cli('train', '--data', data, '--preset', 'corrected', '--model', 'ridge', '--cutoff', '2024-08-31', '--out', model, '--quiet');
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/train rows \d+\/\d+\/\d+\/\d+, test rows \d+\/\d+\/\d+\/\d+ \(7d\/14d\/21d\/28d\); model written to/);
    const m = await loadModel(model);
    expect([m.formatVersion, m.preset, m.estimator!.kind]).toEqual([2, 'corrected', 'ridge']);
    expect(m.intervals).not.toBeNull();
    const inspect = cli('models', 'inspect', model);
    expect(inspect.stdout).toMatch(/estimator \{"kind":"ridge","lambda":0.01\}; intervals calibrated on origins/);
    expect(cli('train', '--data', data, '--model', 'ridge', '--out', join(dir, 'x.json')).code).toBe(2); // --model needs --preset corrected
    expect(cli('train', '--data', data, '--preset', 'corrected', '--model', 'forest', '--out', join(dir, 'x.json')).stderr).toMatch(
      /model must be one of linear, log-linear/,
    );
  });

  it('trains forecasts that aim at the mean with --mean (the smearing back-transform)', async () => {
    const meanModel = join(dir, 'mean.json');
    const t = cli('train', '--data', data, '--preset', 'corrected', '--mean', '--cutoff', '2024-08-31', '--out', meanModel, '--quiet');
    expect(t.code, t.stderr).toBe(0);
    expect((await loadModel(meanModel)).estimator).toEqual({ kind: 'log-linear', correction: 'smearing' });
    const notebook = cli('train', '--data', data, '--mean', '--out', join(dir, 'x.json'));
    expect([notebook.code, notebook.stderr]).toEqual([2, expect.stringMatching(/train: --model, --calibration-weeks and --mean need --preset corrected/)]);
  });

  it("predicts as of a day with intervals: the library's forecasts, as CSV", async () => {
    const p = cli('predict', '--data', data, '--model', model, '--as-of', '2024-10-02', '--intervals', '80,95', '--out', join(dir, 'p.csv'), '--quiet');
    expect(p.code, p.stderr).toBe(0);
    const got = readCsvRecords(join(dir, 'p.csv'));
    const want = predict(await loadModel(model), await loadDaily(data), { asOf: '2024-10-02', intervals: [0.8, 0.95] });
    expect(Object.keys(got[0]!)).toEqual([
      'profile_id',
      'date',
      'future_period',
      'predicted_engagement',
      'prediction_date',
      'partial_week',
      'no_recent_posts',
      'clipped',
      'imputed',
      'cold_start',
      'non_finite_input',
      'lo_80',
      'hi_80',
      'lo_95',
      'hi_95',
    ]);
    expect(got).toHaveLength(want.length);
    got.forEach((r, i) => {
      expect(r.date).toBe('2024-09-29');
      expect(Number(r.predicted_engagement)).toBe(want[i]!.predicted_engagement);
      expect(Number(r.hi_95)).toBe(want[i]!.hi_95);
      expect(r.no_recent_posts).toBe(String(want[i]!.no_recent_posts));
    });
    expect(cli('predict', '--data', data, '--builtin', '--intervals', '80').stderr).toMatch(/no interval calibration/);
    expect(cli('predict', '--data', data, '--model', model, '--intervals', '80,200').code).toBe(2);
  });

  it("backtests: the table on stdout, the same as the library's, written as CSV and as a report", async () => {
    const args = ['--data', data, '--models', 'log-linear,naive,window-average:13', '--origins', '2', '--step', '4', '--notebook'];
    const b = cli('backtest', ...args, '--out', join(dir, 'b.csv'), '--report', join(dir, 'b.html'), '--quiet');
    expect(b.code, b.stderr).toBe(0);
    const lib = backtest(await loadDaily(data), {
      models: ['log-linear', 'naive', { kind: 'window-average', weeks: 13 }],
      origins: 2,
      step: 4,
      notebook: true,
    });
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe(backtestCsv(lib));
    expect(b.stdout.split('\n')[0]).toMatch(/^model\s+days\s+n\s+MAE\s+RMSE\s+WAPE\s+vs naive\s+bias\s+cover 80%\s+cover 95%$/);
    expect(b.stdout).toMatch(/^window-average 13w\s+28\s+\d+/m);
    const html = readFileSync(join(dir, 'b.html'), 'utf8');
    for (const id of ['backtest-wape', 'wape-chart', 'backtest-coverage', 'coverage-chart', 'leakage']) expect(html).toContain(`id="${id}"`);
    const json = cli('backtest', ...args, '--json', '--quiet');
    expect(JSON.parse(json.stdout).table).toHaveLength(5 * 4);
    expect(cli('backtest', '--data', data, '--models', 'forest').code).toBe(2);
    expect(cli('backtest', '--data', data, '--out', 'table.txt').code).toBe(2);
  });
});
