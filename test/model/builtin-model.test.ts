import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURES, StandardScaler, TARGETS, loadBuiltinModel, predict, predictFeatures, resampleWeekly, dailyFromRows } from '../../src/index.js';
import { REFERENCE, close, expectClose, hasReference } from '../helpers/reference.js';
import { skipUnless } from '../helpers/skip.js';

describe('the built-in model', () => {
  it('is a valid notebook-preset model with 21 features and 4 heads', () => {
    const model = loadBuiltinModel();
    expect(model.preset).toBe('notebook');
    expect(model.features).toEqual(FEATURES);
    expect(model.inputScaling).toBe('none');
    expect(model.scaler.features).toEqual(FEATURES);
    expect(model.description).toBe('built-in: the published pretrained models of the original notebook (real data, cutoff 2024-07-30)');
    for (const t of TARGETS) expect(model.models[t].coef).toHaveLength(21);
    // The published 7-day model leans on the leaking monthly average (Q2).
    expect(model.models.engagement_future_7d.coef[20]).toBeGreaterThan(0.9);
  });

  it('predicts from daily rows with no training', () => {
    const rows = [];
    for (let d = 1; d <= 28; d++) {
      const date = `2024-09-${String(d).padStart(2, '0')}`;
      rows.push({
        date,
        profile_id: 'p',
        followers: 5000 + d,
        posts: d % 3 === 0 ? 1 : 0,
        engagement: d % 3 === 0 ? 150 : 0,
        reach: d % 3 === 0 ? 900 : 0,
        impressions: d % 3 === 0 ? 1100 : 0,
      });
    }
    const preds = predict(loadBuiltinModel(), rows);
    expect(preds.map((p) => p.future_period)).toEqual(TARGETS.map((t) => `predicted_${t}`));
    expect(preds[0]!.date).toBe('2024-09-29');
    expect(preds.map((p) => p.prediction_date)).toEqual(['2024-10-06', '2024-10-13', '2024-10-20', '2024-10-27']);
    // The latest week's 21 features, worked out by hand from the rows (posts on
    // days 3, 6, …, 27; followers 5000 + day, summed per week as Q1 says):
    //   week of 09-29 (23–28): posts 24, 27 → engagement 300, reach 1800, impressions 2200; followers 30153
    //   lag 1, week of 09-22 (16–22): 300, 35133, 1800, 2200
    //   lag 2, week of 09-15 (9–15): 450, 35084, 2700, 3300
    //   lag 3, week of 09-08 (2–8): 300, 35035, 1800, 2200
    //   lag 4, week of 09-01 (1): 0, 5001, 0, 0
    //   monthly average, September: 1350 / 9 posts = 150
    const features = [300, 35133, 1800, 2200, 450, 35084, 2700, 3300, 300, 35035, 1800, 2200, 0, 5001, 0, 0, 30153, 1800, 2200, 300, 150];
    const model = loadBuiltinModel();
    TARGETS.forEach((t, h) => {
      const head = model.models[t];
      const y = features.reduce((s, x, j) => s + head.coef[j]! * x, head.intercept);
      expectClose(t, preds[h]!.predicted_engagement, Math.max(0, y), 1e-12, 1e-9);
    });
    const weekly = resampleWeekly(dailyFromRows(rows));
    expectClose(
      'latest week features',
      FEATURES.map((f) => weekly.column(f)[weekly.length - 1]!),
      features,
      0,
    );
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
      expectClose('scaled', scaled, example.scaled, 1e-12, 1e-15);
    }
  });
});
