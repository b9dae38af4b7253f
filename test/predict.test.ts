// Step P on literal inputs.
import { describe, expect, it } from 'vitest';
import { TARGETS, loadBuiltinModel, predict, predictFeatures, type DailyRowInput, type EngagementModel, FEATURES } from '../src/index.js';

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

  it('flags an infinite input, treated as missing, and raises a DataError naming the profile for a forecast that would not be finite', () => {
    const base = { followers: 100, reach: 5, impressions: 6 };
    // Engagement in a month with 0 posts: the notebook's monthly average is +Infinity (Q5).
    const noPosts: DailyRowInput[] = [
      { date: '2024-03-04', profile_id: 'ok', posts: 1, engagement: 2, ...base },
      { date: '2024-03-04', profile_id: 'quiet', posts: 0, engagement: 7, ...base },
    ];
    const preds = predict(loadBuiltinModel(), noPosts);
    const quiet = preds.filter((p) => p.profile_id === 'quiet');
    expect(quiet.map((p) => p.non_finite_input)).toEqual([true, true, true, true]);
    expect(preds.filter((p) => p.profile_id === 'ok').map((p) => p.non_finite_input)).toEqual([false, false, false, false]);
    // The infinite monthly average counts as missing: 0, as P5 does for a missing one.
    const x = [...FEATURES].map((f) => (f === 'followers' ? 100 : f === 'reach' ? 5 : f === 'impressions' ? 6 : f === 'engagement' ? 7 : 0));
    const want = predictFeatures(loadBuiltinModel(), x);
    expect(quiet.map((p) => p.predicted_engagement)).toEqual(TARGETS.map((t) => Math.max(0, want[t])));
    // Finite features whose forecast overflows (coefficients of 1e307 on followers of 100).
    const builtin = loadBuiltinModel();
    const huge = {
      ...builtin,
      models: Object.fromEntries(TARGETS.map((t) => [t, { coef: builtin.models[t].coef.map(() => 1e307), intercept: 0 }])) as typeof builtin.models,
    };
    expect(() => predict(huge, noPosts.slice(0, 1))).toThrow(
      /^<input> \(column 'profile_id'\): the engagement_future_7d forecast is (-?Infinity|NaN): the features are too large for the model \(an overflow\): "ok"$/,
    );
    expect(() => predict(loadBuiltinModel(), noPosts.slice(0, 1))).not.toThrow();
  });

  it('bounds the weekly table: far-apart dates are a DataError naming the limit, at once', () => {
    const row = { profile_id: 'p', followers: 1, posts: 1, engagement: 1, reach: 1, impressions: 1 };
    expect(() =>
      predict(loadBuiltinModel(), [
        { date: '0001-01-01', ...row },
        { date: '9999-12-31', ...row },
      ]),
    ).toThrow(/<rows>:1 \(column 'date'\): the date is outside the accepted range 1990-01-01 … 2099-12-31/);
    expect(() =>
      predict(loadBuiltinModel(), [
        { date: '1990-01-01', ...row },
        { date: '2099-12-31', ...row },
      ]),
    ).toThrow(
      // The row past the limit, by its number: of two rows as far apart, the later one (the earliest weeks are kept on a tie).
      /^<rows>:2 \(column 'date'\): the date lies outside the 1100 weeks that hold most of the records of profile "p" \(1990-01-01 … 2011-01-30; limits\.maxWeeksPerProfile\): "2099-12-31"$/,
    );
    // Within configured limits, the same rows are read.
    const wide = predict(
      loadBuiltinModel(),
      [
        { date: '1990-01-01', ...row },
        { date: '2099-12-31', ...row },
      ],
      { limits: { maxWeeksPerProfile: 6000 } },
    );
    expect(wide).toHaveLength(4);
  });
});
