// Step P on literal inputs.
import { describe, expect, it } from 'vitest';
import { TARGETS, loadBuiltinModel, predict, predictFeatures, type DailyRowInput, type EngagementModel } from '../src/index.js';

const rows: DailyRowInput[] = [
  { date: '2024-03-04', profile_id: 'p', followers: 100, posts: 1, engagement: 10, reach: 50, impressions: 60 },
  { date: '2024-03-12', profile_id: 'p', followers: 101, posts: 2, engagement: 30, reach: 70, impressions: 80 },
];

/** The built-in model with every coefficient 0 and these intercepts: forecasts are the intercepts. */
function constantModel(intercepts: number[]): EngagementModel {
  const base = loadBuiltinModel();
  const models = Object.fromEntries(TARGETS.map((t, h) => [t, { coef: base.models[t].coef.map(() => 0), intercept: intercepts[h]! }]));
  return { ...base, models: models as EngagementModel['models'] };
}

describe('predict (P)', () => {
  it('clips a negative forecast to 0 (P6), and only that', () => {
    const preds = predict(constantModel([-5, 3.5, -0.25, 0]), rows);
    expect(preds.map((p) => p.predicted_engagement)).toEqual([0, 3.5, 0, 0]);
    // predictFeatures gives the heads' values before P6.
    const raw = predictFeatures(constantModel([-5, 3.5, -0.25, 0]), new Array(21).fill(1));
    expect(TARGETS.map((t) => raw[t])).toEqual([-5, 3.5, -0.25, 0]);
  });

  it("dates the forecasts from the profile's latest week (P4, P7)", () => {
    const preds = predict(constantModel([1, 2, 3, 4]), rows);
    expect(preds.map((p) => [p.profile_id, p.date, p.future_period, p.prediction_date])).toEqual([
      ['p', '2024-03-17', 'predicted_engagement_future_7d', '2024-03-24'],
      ['p', '2024-03-17', 'predicted_engagement_future_14d', '2024-03-31'],
      ['p', '2024-03-17', 'predicted_engagement_future_21d', '2024-04-07'],
      ['p', '2024-03-17', 'predicted_engagement_future_28d', '2024-04-14'],
    ]);
  });
});
