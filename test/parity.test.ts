// The golden case: what the original pandas + scikit-learn notebooks produce on
// 300 synthetic profiles (test/fixtures/parity-300, in the repository).
import { beforeEach, describe, expect, it } from 'vitest';
import {
  FEATURES,
  TARGETS,
  fitScaler,
  loadBuiltinModel,
  loadDaily,
  predict,
  resampleWeekly,
  trainModels,
  type DailyFrame,
  type TrainResult,
  type WeeklyFrame,
} from '../src/index.js';
import { GOLDEN, close, expectClose, num, readCsvRecords, readText } from './helpers/reference.js';
import { expectWeeklyMatchesCsv } from './helpers/weekly-match.js';
import { once } from './helpers/once.js';

const dir = GOLDEN;

describe('parity with the notebooks (parity-300)', () => {
  let daily: DailyFrame;
  let weekly: WeeklyFrame<'notebook'>;
  let trained: TrainResult;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reference's JSON summary
  let summary: any;

  // Set up by the first test (not in beforeAll): see helpers/once.ts.
  beforeEach(
    once(async () => {
      daily = await loadDaily(`${dir}input`);
      weekly = resampleWeekly(daily, { preset: 'notebook' });
      trained = trainModels(weekly, { cutoff: '2024-07-30' });
      summary = JSON.parse(readText(`${dir}expected/train_summary.json`));
    }),
  );

  it('reads every daily row', () => {
    expect(daily.length).toBe(summary.rows.daily);
    expect(daily.report.skipped).toBe(0);
    expect(daily.report.files).toHaveLength(24);
  });

  it('builds the weekly table (N1–N8) exactly', () => {
    expectWeeklyMatchesCsv(weekly, `${dir}expected/weekly_all.csv`);
  });

  it('keeps the same rows after T1 as weekly.csv', () => {
    const want = readCsvRecords(`${dir}expected/weekly.csv`);
    const t = TARGETS.map((name) => weekly.column(name));
    const kept = weekly.toRecords().filter((_, i) => t.every((c) => !Number.isNaN(c[i]!)));
    expect(kept.map((r) => `${r.profile_id} ${r.date}`)).toEqual(want.map((r) => `${r.profile_id} ${r.date}`));
  });

  it('counts rows along T1–T5', () => {
    expect(trained.rows.afterTargetDrop).toBe(summary.rows.weekly_with_targets);
    expect(trained.rows.afterZeroDrop).toBe(summary.rows.after_zero_drop);
    expect(trained.rows.train).toBe(summary.rows.train);
    expect(trained.rows.test).toBe(summary.rows.test);
    expect(trained.rows.trainBeforeMissingDrop).toBe(summary.baseline_7d.train_rows);
    expect(trained.rows.testBeforeMissingDrop).toBe(summary.baseline_7d.test_rows);
  });

  it('fits the scaler as StandardScaler does (T4), in training and alone', () => {
    for (const scaler of [trained.model.scaler, fitScaler(weekly, { cutoff: '2024-07-30' }).toJSON()]) {
      expect(scaler.features).toEqual(FEATURES);
      expectClose('mean', scaler.mean, summary.scaler.mean, 1e-6);
      expectClose('scale', scaler.scale, summary.scaler.scale, 1e-6);
      expect(scaler.nSamplesSeen).toEqual(summary.scaler.n_samples_seen);
    }
  });

  it('fits the four models (T6)', () => {
    for (const target of TARGETS) {
      expectClose(`${target}.coef`, trained.model.models[target].coef, summary.models[target].coef, 1e-6);
      expectClose(`${target}.intercept`, [trained.model.models[target].intercept], [summary.models[target].intercept], 1e-6);
    }
  });

  it('scores the test rows (T7) and the baseline (T8)', () => {
    for (const target of TARGETS) {
      const m = trained.metrics[target];
      const w = summary.metrics[target];
      expectClose(`${target} metrics`, [m.MAE, m.MSE, m.RMSE, m.R2], [w.MAE, w.MSE, w.RMSE, w.R2], 1e-6);
    }
    const b = trained.baseline;
    const w = summary.baseline_7d;
    expectClose('baseline', [b.MAE, b.RMSE, b.R2], [w.MAE, w.RMSE, w.R2], 1e-6);
  });

  for (const [file, which] of [
    ['predictions.csv', 'trained'],
    ['predictions_seed_models.csv', 'built-in'],
  ] as const) {
    it(`predicts (P1–P7) with the ${which} models`, () => {
      const model = which === 'trained' ? trained.model : loadBuiltinModel();
      const got = predict(model, daily, { since: '2024-09-01' });
      const want = readCsvRecords(`${dir}expected/${file}`);
      expect(got.length).toBe(want.length);
      want.forEach((w, i) => {
        const g = got[i]!;
        expect([g.profile_id, g.date, g.future_period, g.prediction_date]).toEqual([w.profile_id, w.date, w.future_period, w.prediction_date]);
        if (!close(g.predicted_engagement, num(w.predicted_engagement!), 1e-6)) {
          expect.fail(`${file} row ${i + 2}: got ${g.predicted_engagement}, want ${w.predicted_engagement}`);
        }
      });
    });
  }
});
