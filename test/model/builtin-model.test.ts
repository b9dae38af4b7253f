import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURES, StandardScaler, TARGETS, loadBuiltinModel, predict, predictFeatures, resampleWeekly, dailyFromRows } from '../../src/index.js';
import { REFERENCE, close, hasReference } from '../helpers/reference.js';
import { skipUnless } from '../helpers/skip.js';

describe('the built-in model', () => {
  it('is a valid notebook-preset model with 21 features and 4 heads', () => {
    const model = loadBuiltinModel();
    expect(model.preset).toBe('notebook');
    expect(model.features).toEqual(FEATURES);
    expect(model.inputScaling).toBe('none');
    for (const t of TARGETS) expect(model.models[t].coef).toHaveLength(21);
    // The published 7-day model leans on the leaking monthly average (Q2).
    expect(model.models.engagement_future_7d.coef[20]).toBeGreaterThan(0.9);
  });

  it('predicts from daily rows with no training', () => {
    const rows = [];
    for (let d = 1; d <= 28; d++) {
      const date = `2024-09-${String(d).padStart(2, '0')}`;
      rows.push({ date, profile_id: 'p', followers: 5000 + d, posts: d % 3 === 0 ? 1 : 0, engagement: d % 3 === 0 ? 150 : 0, reach: d % 3 === 0 ? 900 : 0, impressions: d % 3 === 0 ? 1100 : 0 });
    }
    const preds = predict(loadBuiltinModel(), rows);
    expect(preds.map((p) => p.future_period)).toEqual(TARGETS.map((t) => `predicted_${t}`));
    expect(preds[0]!.date).toBe('2024-09-29');
    expect(preds.map((p) => p.prediction_date)).toEqual(['2024-10-06', '2024-10-13', '2024-10-20', '2024-10-27']);
    // The same as the heads applied to the latest week's features, clipped at 0.
    const weekly = resampleWeekly(dailyFromRows(rows));
    const last = weekly.length - 1;
    const direct = predictFeatures(loadBuiltinModel(), FEATURES.map((f) => weekly.column(f)[last]!));
    TARGETS.forEach((t, h) => expect(preds[h]!.predicted_engagement).toBeCloseTo(Math.max(0, direct[t]), 9));
  });
});

describe.skipIf(skipUnless(hasReference, '../shared/reference (the published models)'))('the built-in model against the published pickles', () => {
  const seed = hasReference ? JSON.parse(readFileSync(`${REFERENCE}seed-models.json`, 'utf8')) : null;

  it("matches scikit-learn's predictions on the published examples", () => {
    const model = loadBuiltinModel();
    expect(seed.examples.length).toBeGreaterThan(0);
    for (const example of seed.examples) {
      const got = predictFeatures(model, example.features);
      for (const t of TARGETS) {
        if (!close(got[t], example.predictions[t], 1e-9, 1e-9)) expect.fail(`${t}: got ${got[t]}, want ${example.predictions[t]}`);
      }
    }
  });

  it("holds the published scaler (its transform matches scikit-learn's)", () => {
    const scaler = new StandardScaler(loadBuiltinModel().scaler);
    expect(Array.from(scaler.nSamplesSeen)).toEqual(seed.scaler.n_samples_seen);
    for (const example of seed.examples) {
      const scaled = scaler.transform(example.features);
      example.scaled.forEach((v: number, j: number) => expect(close(scaled[j]!, v, 1e-12, 1e-15)).toBe(true));
    }
  });
});
