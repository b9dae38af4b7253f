// Training on a profile whose numbers overflow what the fit can sum: a
// DataError naming the profile, the week and the column, whatever the kind;
// never an untyped error from the solver, nor a model its own save refuses.
import { describe, expect, it } from 'vitest';
import { DataError, dailyFromRows, trainModels, validateModel, type DailyRowInput } from '../../src/index.js';
import { simpleRows } from '../helpers/synthetic.js';

function rowsWith(engagement: number): DailyRowInput[] {
  const rows = simpleRows(12, '2024-01-01', '2024-10-31');
  // One profile posts twice in the week ending 2024-03-10 with an engagement near the double's limit.
  rows.push({ date: '2024-03-05', profile_id: 'profile-000', followers: 100, posts: 1, engagement, reach: 10, impressions: 10 });
  rows.push({ date: '2024-03-06', profile_id: 'profile-000', followers: 100, posts: 1, engagement, reach: 10, impressions: 10 });
  return rows;
}

describe('training on numbers that overflow', () => {
  const daily = dailyFromRows(rowsWith(1e308), { onError: 'skip' });
  for (const model of [undefined, 'ridge', 'linear', 'naive', 'window-average'] as const) {
    it(`is a DataError naming the profile and the week (${model ?? 'the default model'})`, () => {
      const train = () => trainModels(daily, { preset: 'corrected', cutoff: '2024-09-30', calibrationWeeks: 4, ...(model ? { model: { kind: model } } : {}) });
      let error: unknown;
      try {
        train();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).code).toBe('unforecastable');
      expect((error as DataError).message).toMatch(/^<weekly> \(column '[a-z_0-9]+'\): profile "profile-000", week ending 2024-\d\d-\d\d: .* beyond 2\^53/);
    });
  }

  it('trains as before on large numbers within range, and the model saves', () => {
    const trained = trainModels(dailyFromRows(rowsWith(1e9)), { preset: 'corrected', cutoff: '2024-09-30', calibrationWeeks: 4 });
    expect(() => validateModel(JSON.parse(JSON.stringify(trained.model)))).not.toThrow();
  });
});
