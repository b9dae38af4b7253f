// Interval calibration by hand: the quantile grid, the conformal level, the
// bounds, the coverage option and its labels.
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../../src/index.js';
import {
  calibrationComplete,
  checkIntervals,
  conformalMultiplier,
  coverageLabel,
  intervalBounds,
  scoreQuantiles,
  type IntervalCalibration,
} from '../../src/model/intervals.js';

describe('scoreQuantiles', () => {
  it('sorts the scores in place and reads 201 levels by linear interpolation', () => {
    const scores = Float64Array.from([10, 0, 30, 20]);
    const grid = scoreQuantiles(scores);
    expect(Array.from(scores)).toEqual([0, 10, 20, 30]);
    expect(grid.n).toBe(4);
    expect(grid.quantiles).toHaveLength(201);
    // Level k/200 sits at (k/200)·3 between the sorted scores.
    expect(grid.quantiles[0]).toBe(0);
    expect(grid.quantiles[100]).toBe(15);
    expect(grid.quantiles[50]).toBe(7.5);
    expect(grid.quantiles[199]).toBeCloseTo(29.85, 12);
    expect(grid.quantiles[200]).toBe(30);
    const one = scoreQuantiles(Float64Array.from([4]));
    expect(new Set(one.quantiles)).toEqual(new Set([4]));
    const none = scoreQuantiles(new Float64Array(0));
    expect(none.n).toBe(0);
    expect(none.quantiles.filter((q) => !Number.isNaN(q))).toEqual([]);
  });
});

describe('conformalMultiplier', () => {
  const grid = { n: 9, quantiles: Array.from({ length: 201 }, (_, k) => k) };
  it('reads level ⌈(n + 1)·p⌉ / n off the grid, interpolated, capped at the largest score', () => {
    // n = 9, p = 0.5: ⌈5⌉ / 9 = 0.5556 → grid position 111.11.
    expect(conformalMultiplier(grid, 0.5)).toBeCloseTo((5 / 9) * 200, 9);
    // p = 0.8: ⌈8⌉ / 9 → 177.78.
    expect(conformalMultiplier(grid, 0.8)).toBeCloseTo((8 / 9) * 200, 9);
    // p = 0.95: ⌈9.5⌉ = 10 > 9: the largest score.
    expect(conformalMultiplier(grid, 0.95)).toBe(200);
    // A grid that is not linear: interpolated between neighbours.
    const squares = { n: 3, quantiles: Array.from({ length: 201 }, (_, k) => k * k) };
    // ⌈4·0.6⌉ / 3 = 1 → the last value.
    expect(conformalMultiplier(squares, 0.6)).toBe(40000);
    // ⌈4·0.4⌉ / 3 = 2/3 → position 133.33, between 133² and 134².
    expect(conformalMultiplier(squares, 0.4)).toBeCloseTo(133 ** 2 + (134 ** 2 - 133 ** 2) / 3, 6);
  });
});

describe('intervalBounds', () => {
  it('are forecast ± multiplier·scale, the lower one at least 0', () => {
    expect(intervalBounds(10, 2, 3)).toEqual([4, 16]);
    expect(intervalBounds(5, 2, 3)).toEqual([0, 11]);
    expect(intervalBounds(6, 2, 3)).toEqual([0, 12]);
  });
});

describe('checkIntervals', () => {
  it('takes coverages or percentages, rounded, sorted and unique; none when absent', () => {
    expect(checkIntervals(undefined, 'x')).toEqual([]);
    expect(checkIntervals([0.95, 80, 0.8, 95], 'x')).toEqual([0.8, 0.95]);
    expect(checkIntervals([97.5], 'x')).toEqual([0.975]);
    expect(checkIntervals([0.1234567], 'x')).toEqual([0.123457]);
    expect(checkIntervals([10, 0.015], 'x')).toEqual([0.015, 0.1]);
  });

  it('refuses a value between 1 and 10: neither a coverage nor a percentage anyone means (1.5 is not 1.5 %)', () => {
    for (const bad of [1.5, 5, 9.99]) {
      expect(() => checkIntervals([bad], 'predict'), String(bad)).toThrow(
        `predict: interval coverage ${bad} is ambiguous: write a coverage between 0 and 1 (0.8) or a percentage from 10 to 100 (80); for ${bad} %, write ${bad / 100}`,
      );
    }
  });

  it('refuses what is not a coverage, naming the call and the value', () => {
    expect(() => checkIntervals([], 'predict')).toThrow('predict: intervals must be a non-empty list of coverages such as [0.8, 0.95]');
    expect(() => checkIntervals(0.8, 'predict')).toThrow('predict: intervals must be a non-empty list of coverages such as [0.8, 0.95]');
    for (const bad of [0, 1, 100, -5, '80', '0.5', null]) {
      expect(() => checkIntervals([0.5, bad], 'predict'), String(bad)).toThrow(
        `predict: each interval coverage must be between 0 and 1 (or 10 and 100 as a percentage), got ${JSON.stringify(bad)}`,
      );
    }
  });
});

describe('coverageLabel and calibrationComplete', () => {
  it('label 0.8 as 80 and 0.975 as 97.5', () => {
    expect([0.8, 0.95, 0.975, 0.5, 0.123457].map(coverageLabel)).toEqual(['80', '95', '97.5', '50', '12.35']);
  });

  it('call a calibration complete when every horizon has scores', () => {
    const horizons = Object.fromEntries(TARGETS.map((t) => [t, { n: 3, quantiles: [] as number[] }])) as IntervalCalibration['horizons'];
    const c = {
      method: 'split-conformal, |actual - forecast| / profile scale',
      scale: 'engagement_per_post_13w',
      floor: 1,
      from: '2024-01-07',
      to: '2024-02-04',
      horizons,
    } as IntervalCalibration;
    expect(calibrationComplete(c)).toBe(true);
    expect(calibrationComplete({ ...c, horizons: { ...horizons, [TARGETS[2]]: { n: 0, quantiles: [] } } })).toBe(false);
    const missing = { ...horizons } as Record<string, unknown>;
    delete missing[TARGETS[3]];
    expect(calibrationComplete({ ...c, horizons: missing as IntervalCalibration['horizons'] })).toBe(false);
  });
});
