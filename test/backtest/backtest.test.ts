// The rolling-origin backtest and the scoring of forecasts made elsewhere.
import { describe, expect, it } from 'vitest';
import { backtest, dailyFromRows, predict, resampleWeekly, scoreForecasts, trainModels, type DailyRowInput, type Prediction } from '../../src/index.js';
import { generateDailyRows } from '../../src/generate.js';
import { NOTEBOOK, NOTEBOOK_LEAKY } from '../../src/backtest/backtest.js';
import { once } from '../helpers/once.js';

const rows = [...generateDailyRows({ profiles: 150, from: '2023-06-01', to: '2024-12-31', seed: 11, dynamics: true })] as unknown as DailyRowInput[];
const daily = dailyFromRows(rows);

describe('backtest', () => {
  // Run by the first test that needs it (not while the file is collected): see helpers/once.ts.
  const result = once(() => backtest(daily, { origins: 3, step: 4, notebook: true, models: ['log-linear', 'naive', { kind: 'window-average', weeks: 4 }] }));

  it('forecasts from each origin with what was known then, every model on the same forecasts', () => {
    // The data ends on Tuesday 31 December: the last complete week ends on 29 December, and the
    // last origin is 28 days before it. Origins are 4 weeks apart.
    expect(result().origins).toEqual(['2024-10-06', '2024-11-03', '2024-12-01']);
    const models = [...new Set(result().table.map((r) => r.model))];
    expect(models).toEqual(['log-linear', 'naive', 'window-average 4w', NOTEBOOK, NOTEBOOK_LEAKY]);
    for (const h of [7, 14, 21, 28]) {
      const ns = result()
        .table.filter((r) => r.horizon === h)
        .map((r) => r.n);
      expect(new Set(ns).size, `${h}d`).toBe(1);
      expect(ns[0]).toBe(result().scored[`${h}d`]);
      expect(ns[0]).toBeGreaterThan(50);
    }
    for (const r of result().table.filter((x) => x.model === 'naive')) expect(r.relativeWAPE).toBe(1);
    // Intervals were calibrated and scored for the corrected models; the notebook has none.
    expect(Object.keys(result().table.find((r) => r.model === 'log-linear')!.coverage)).toEqual(['80', '95']);
    expect(result().table.find((r) => r.model === NOTEBOOK)!.coverage).toEqual({});
  });

  it('hands over every forecast it scores: the table is their sums', () => {
    const seen: { origin: string; horizon: number; actual: number; forecasts: Record<string, number>; profileId: string }[] = [];
    const again = backtest(daily, { origins: 2, step: 4, models: ['log-linear', 'naive'], onForecast: (f) => seen.push(f) });
    for (const row of again.table) {
      const mine = seen.filter((f) => f.horizon === row.horizon);
      expect(mine.length).toBe(row.n);
      const abs = mine.reduce((s, f) => s + Math.abs(f.actual - f.forecasts[row.model]!), 0);
      const actual = mine.reduce((s, f) => s + Math.abs(f.actual), 0);
      expect(abs / actual).toBeCloseTo(row.WAPE, 12);
    }
    expect(new Set(seen.map((f) => f.origin))).toEqual(new Set(again.origins));
    expect(seen.every((f) => daily.profileIds.includes(f.profileId))).toBe(true);
  });

  it("scores the origin's forecasts of a model as predict gives them, as of that origin", () => {
    // The first origin, 7-day horizon, by hand: train at the origin, predict as of it, score what happened.
    const origin = result().origins[0]!;
    const model = trainModels(daily, { preset: 'corrected', cutoff: origin, model: 'naive' }).model;
    const preds = predict(model, rows, { asOf: origin }).filter((p) => p.future_period.endsWith('_7d') && !(p.no_recent_posts && p.predicted_engagement === 0));
    const one = backtest(daily, { origins: 1, last: origin, models: ['naive'] });
    const scored = scoreForecasts(preds, daily);
    const row = one.table.find((r) => r.horizon === 7)!;
    expect(row.n).toBe(scored.scores.predicted_engagement_future_7d!.n);
    expect(row.WAPE).toBeCloseTo(scored.scores.predicted_engagement_future_7d!.WAPE, 12);
  });

  it('refuses what it cannot do honestly', () => {
    expect(() => backtest(resampleWeekly(daily) as never)).toThrow(/DailyFrame or a corrected-preset WeeklyFrame/);
    expect(() => backtest(resampleWeekly(daily, { preset: 'corrected' }), { notebook: true })).toThrow(/rebuilt as of each origin/);
    expect(() => backtest(daily, { origins: 0 })).toThrow(/origins must be a positive integer/);
  });
});

describe('scoreForecasts', () => {
  it('scores forecasts against the 7 days ending on their prediction date, hand-worked', () => {
    const actual: DailyRowInput[] = [
      { date: '2024-03-11', profile_id: 'a', posts: 1, engagement: 10, reach: 1, impressions: 1 },
      { date: '2024-03-17', profile_id: 'a', posts: 1, engagement: 30, reach: 1, impressions: 1 }, // a: 20 per post in the week to 17 March
      { date: '2024-03-17', profile_id: 'b', posts: 2, engagement: 100, reach: 1, impressions: 1 }, // b: 50
      { date: '2024-03-24', profile_id: 'b', posts: 0, engagement: 0, reach: 1, impressions: 1 }, // no post: not scored
    ];
    const base = {
      date: '2024-03-10',
      future_period: 'predicted_engagement_future_7d',
      prediction_date: '2024-03-17',
      partial_week: false,
      no_recent_posts: false,
      clipped: false,
      imputed: false,
      cold_start: false,
      non_finite_input: false,
    };
    const forecasts: Prediction[] = [
      { ...base, profile_id: 'a', predicted_engagement: 25, lo_80: 15, hi_80: 35 },
      { ...base, profile_id: 'b', predicted_engagement: 40, lo_80: 30, hi_80: 45 },
      {
        ...base,
        profile_id: 'b',
        future_period: 'predicted_engagement_future_14d',
        prediction_date: '2024-03-24',
        predicted_engagement: 1,
        lo_80: 0,
        hi_80: 2,
      },
    ];
    const naive: Prediction[] = [
      { ...base, profile_id: 'a', predicted_engagement: 10 },
      { ...base, profile_id: 'b', predicted_engagement: 50 },
    ];
    const { scores, unscored } = scoreForecasts(forecasts, actual, { naive });
    const s = scores.predicted_engagement_future_7d!;
    expect(unscored).toBe(1);
    expect(s.n).toBe(2);
    expect(s.MAE).toBe(7.5); // |25 − 20| and |40 − 50|
    expect(s.WAPE).toBeCloseTo(15 / 70, 15);
    expect(s.relativeWAPE).toBeCloseTo(15 / 10, 15); // naive: |10 − 20| + 0
    expect(s.bias).toBe(-2.5);
    expect(s.coverage).toEqual({ '80': 0.5 });
    expect(s.width).toEqual({ '80': 17.5 });
  });
});
