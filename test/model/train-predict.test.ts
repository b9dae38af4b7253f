import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/calendar.js';
import { DataError, FEATURES, TARGETS, dailyFromRows, loadBuiltinModel, predict, resampleWeekly, trainModels } from '../../src/index.js';
import { once } from '../helpers/once.js';
import { simpleRows } from '../helpers/synthetic.js';

describe('trainModels', () => {
  const daily = dailyFromRows(simpleRows(15, '2024-01-01', '2024-11-30', 5));
  // Built by the first test that needs it (not while the file is collected): see helpers/once.ts.
  const weeklyOnce = once(() => resampleWeekly(daily));

  it('trains four models and a baseline', () => {
    const t = trainModels(weeklyOnce(), { cutoff: '2024-07-30' });
    expect(t.rows.weekly).toBe(weeklyOnce().length);
    expect(t.rows.train).toBeLessThanOrEqual(t.rows.trainBeforeMissingDrop);
    expect(t.rows.train).toBeGreaterThan(100);
    expect(t.model.features).toEqual(FEATURES);
    for (const target of TARGETS) expect(Number.isFinite(t.metrics[target].RMSE)).toBe(true);
    expect(t.baseline.trainRows).toBe(t.rows.trainBeforeMissingDrop);
    expect(t.model.training!.to <= '2024-11-30').toBe(true);
  });

  it('accepts daily rows, and a later cutoff moves rows from test to train', () => {
    const a = trainModels(daily, { cutoff: '2024-06-30' });
    const b = trainModels(weeklyOnce(), { cutoff: '2024-08-31' });
    expect(b.rows.train).toBeGreaterThan(a.rows.train);
    expect(a.rows.train + a.rows.test).toBe(b.rows.train + b.rows.test);
  });

  it('counts and drops +Infinity targets (engagement with 0 posts) instead of fitting on them', () => {
    const rows = simpleRows(6, '2024-01-01', '2024-09-30', 9);
    // A profile posting daily, but for one week (11–17 March) with engagement and no posts.
    for (let d = parseDay('2024-02-01'); d <= parseDay('2024-04-30'); d++) {
      const date = formatDay(d);
      const silent = date >= '2024-03-11' && date <= '2024-03-17';
      rows.push({ date, profile_id: 'zero-posts', followers: 50, posts: silent ? 0 : 1, engagement: silent ? 3 : 4, reach: 9, impressions: 9 });
    }
    const t = trainModels(resampleWeekly(dailyFromRows(rows)), { cutoff: '2024-07-30' });
    expect(t.rows.infiniteTargets).toBe(4); // the four weeks before it
    expect(t.warnings.join(' ')).toMatch(/\+Infinity/);
    for (const target of TARGETS) expect(Number.isFinite(t.model.models[target].intercept)).toBe(true);
  });

  it('rejects a bad cutoff and a cutoff before all data', () => {
    expect(() => trainModels(weeklyOnce(), { cutoff: '30/07/2024' })).toThrow(/cutoff must be a date written YYYY-MM-DD/);
    expect(() => trainModels(weeklyOnce(), { cutoff: '2020-01-01' })).toThrow(/no train rows/);
  });
});

describe('predict', () => {
  const model = loadBuiltinModel();
  const rows = simpleRows(3, '2024-08-01', '2024-11-28', 2);

  it('gives four clipped forecasts per profile from its latest week, even a partial one (Q8)', () => {
    const preds = predict(model, rows);
    expect(preds).toHaveLength(12);
    // 2024-11-28 is a Thursday: its week ends on Sunday 1 December.
    expect(new Set(preds.map((p) => p.date))).toEqual(new Set(['2024-12-01']));
    expect(preds.every((p) => p.predicted_engagement >= 0)).toBe(true);
    expect(preds.map((p) => p.profile_id)).toEqual([
      'profile-000',
      'profile-000',
      'profile-000',
      'profile-000',
      'profile-001',
      'profile-001',
      'profile-001',
      'profile-001',
      'profile-002',
      'profile-002',
      'profile-002',
      'profile-002',
    ]);
  });

  it('filters profiles and dates', () => {
    const preds = predict(model, dailyFromRows(rows), { profiles: ['profile-001'], since: '2024-10-01' });
    expect(preds.map((p) => p.profile_id)).toEqual(Array(4).fill('profile-001'));
    expect(() => predict(model, rows, { profiles: ['nobody'] })).toThrow(/no rows for profile 'nobody'/);
    expect(() => predict(model, rows, { since: 'yesterday' })).toThrow(/since must be a date/);
  });

  it('reports bad rows with their position', () => {
    const bad = [...rows.slice(0, 3), { ...rows[3]!, posts: 'two' }];
    expect(() => predict(model, bad)).toThrow(DataError);
    expect(() => predict(model, bad)).toThrow(/<rows>:4 \(column 'posts'\)/);
    expect(() => predict(model, 'rows.csv' as never)).toThrow(/input must be/);
  });
});
