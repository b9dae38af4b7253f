// fitScaler's inputs and options, and StandardScaler's checks, each with its
// message; the scaler fitted with a cutoff is the one training fits.
import { describe, expect, it } from 'vitest';
import { FEATURES, StandardScaler, dailyFromRows, fitScaler, resampleWeekly, trainModels } from '../../src/index.js';
import { once } from '../helpers/once.js';
import { simpleRows } from '../helpers/synthetic.js';

const weekly = once(() => resampleWeekly(dailyFromRows(simpleRows(10, '2024-01-01', '2024-09-30', 13))));

describe('fitScaler on a weekly table', () => {
  it('with a cutoff is the scaler trainModels fits on its train rows', () => {
    const s = fitScaler(weekly(), { cutoff: '2024-07-28' });
    expect(s.toJSON()).toEqual(trainModels(weekly(), { cutoff: '2024-07-28' }).model.scaler);
    expect(s.features).toEqual(FEATURES);
    expect(s.toJSON()).not.toEqual(fitScaler(weekly(), { cutoff: '2024-05-26' }).toJSON());
  });

  it('fits the named features at the given rows, or every row', () => {
    const rows = Int32Array.from([0, 2, 4, 6, 8, 10]);
    const s = fitScaler(weekly(), { features: ['posts', 'engagement'], rows });
    const posts = Array.from(rows, (i) => weekly().column('posts')[i]!);
    const mean = posts.reduce((a, b) => a + b, 0) / posts.length;
    expect(s.features).toEqual(['posts', 'engagement']);
    expect(s.mean[0]).toBeCloseTo(mean, 12);
    expect(s.var[0]).toBeCloseTo(posts.reduce((a, v) => a + (v - mean) ** 2, 0) / posts.length, 9);
    expect(s.nSamplesSeen[0]).toBe(6);
    const all = fitScaler(weekly(), { features: ['posts'] });
    expect(all.nSamplesSeen[0]).toBe(weekly().length);
    expect(fitScaler(weekly()).features).toEqual(FEATURES);
  });

  it('refuses options that do not go together, and other inputs', () => {
    expect(() => fitScaler(weekly(), { cutoff: '2024-07-28', rows: [1] })).toThrow('fitScaler: give either rows or cutoff, not both');
    expect(() => fitScaler(weekly(), { cutoff: '2024-07-28', features: ['posts'] })).toThrow(
      'fitScaler: with cutoff, the scaler is fitted on the model features',
    );
    expect(() => fitScaler(weekly(), { cutoff: '2024-7-28' })).toThrow(/^fitScaler: cutoff /);
    expect(() => fitScaler('table' as never)).toThrow('fitScaler: expected a WeeklyFrame or an array of feature rows');
    expect(() => fitScaler([[1, 2], [3]])).toThrow('fitScaler: row 1 has 1 values, expected 2');
    expect(fitScaler([]).features).toEqual([]);
  });

  it('names its features and fits the given rows of a matrix', () => {
    const s = fitScaler(
      [
        [1, 10],
        [2, 20],
        [9, 90],
      ],
      { features: ['a', 'b'], rows: [0, 1] },
    );
    expect(s.toJSON()).toEqual({ features: ['a', 'b'], mean: [1.5, 15], var: [0.25, 25], scale: [0.5, 5], nSamplesSeen: [2, 2] });
  });
});

describe('StandardScaler', () => {
  const state = { features: ['a', 'b'], mean: [1, 2], var: [4, 9], scale: [2, 3], nSamplesSeen: [5, 5] };
  it('checks its state and the rows it transforms', () => {
    expect(Array.from(new StandardScaler(state).transform([5, 8]))).toEqual([2, 2]);
    expect(Array.from(new StandardScaler({ ...state, mean: Float64Array.from([1, 2]) as unknown as number[] }).mean)).toEqual([1, 2]);
    expect(() => new StandardScaler({ ...state, var: 'x' as unknown as number[] })).toThrow("StandardScaler: 'var' must be an array");
    expect(() => new StandardScaler({ ...state, scale: [1] })).toThrow("StandardScaler: 'scale' has 1 values for 2 features");
    expect(() => new StandardScaler({ ...state, nSamplesSeen: [1, 2, 3] })).toThrow("StandardScaler: 'nSamplesSeen' has 3 values for 2 features");
    expect(() => new StandardScaler(state).transform([1])).toThrow('StandardScaler.transform: expected 2 values, got 1');
  });
});
