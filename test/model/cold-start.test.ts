// The cold-start heads recomputed from their definition (docs/models.md):
// fitted on the weeks of profiles without a posting history whose 28-day
// target lies on or before the cutoff, log1p target, inputs standardized over
// those rows; calibrated on the windows before the cutoff with scores scaled
// by the forecast; none when a horizon has fewer than 30 rows.
import { describe, expect, it } from 'vitest';
import { dailyFromRows, resampleWeekly, TARGETS } from '../../src/index.js';
import { candidatesOf } from '../../src/model/candidates.js';
import { applyColdStart, COLD_START_FEATURES, fitColdStart, MIN_CALIBRATION_SCORES } from '../../src/model/cold-start.js';
import { designColumns } from '../../src/model/design.js';
import { fitLinearHead } from '../../src/model/estimators.js';
import { scoreQuantiles } from '../../src/model/intervals.js';
import { once } from '../helpers/once.js';
import { newcomers } from '../helpers/synthetic.js';

const DAY = 864e5;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

const weekly = once(() => resampleWeekly(dailyFromRows(newcomers(160)), { preset: 'corrected' }));

describe('fitColdStart', () => {
  it('fits and calibrates as documented', () => {
    const table = weekly();
    const { cold } = candidatesOf(table);
    const cutoffDay = dayOf('2024-06-30');
    const floor = 1.5;
    const weeks = 3;
    const got = fitColdStart(table, cold, cutoffDay, weeks, floor)!;
    expect(got).not.toBeNull();
    const at = (h: number, keep: (d: number) => boolean) =>
      Int32Array.from([...cold.rows.keys()].filter((k) => !Number.isNaN(cold.targets[h]![k]!) && keep(cold.date[k]!)));
    const train = TARGETS.map((_, h) => at(h, (d) => d + 28 <= cutoffDay));
    const { columns } = designColumns(table, COLD_START_FEATURES, cold.rows);
    const union = [...new Set(train.flatMap((t) => [...t]))];
    const mean = columns.map((c) => union.reduce((s, k) => s + c[k]!, 0) / union.length);
    const sd = columns.map((c, j) => Math.sqrt(union.reduce((s, k) => s + (c[k]! - mean[j]!) ** 2, 0) / union.length));
    expect(got.features).toEqual(COLD_START_FEATURES);
    got.scaler.mean.forEach((m, j) => expect(m).toBeCloseTo(mean[j]!, 9));
    got.scaler.scale.forEach((s, j) => expect(s).toBeCloseTo(sd[j]!, 9));
    const z = columns.map((c, j) => c.map((v) => (v - mean[j]!) / sd[j]!));
    const calCut = cutoffDay - 28 - 7 * weeks;
    TARGETS.forEach((t, h) => {
      const head = fitLinearHead(z, cold.targets[h]!, train[h]!, true);
      head.coef.forEach((b, j) => expect(got.models[t].coef[j], `${t} coef ${j}`).toBeCloseTo(b, 6));
      expect(got.models[t].intercept).toBeCloseTo(head.intercept, 6);
      expect(got.models[t].factor).toBeCloseTo(head.factor!, 6);
      const early = fitLinearHead(
        z,
        cold.targets[h]!,
        at(h, (d) => d + 28 <= calCut),
        true,
      );
      const rows = at(h, (d) => d > calCut && d + 7 * (h + 1) <= cutoffDay);
      expect(rows.length).toBeGreaterThan(0);
      const scores = Float64Array.from(rows, (k) => {
        const f = Math.max(
          0,
          applyColdStart(
            early,
            z.map((c) => c[k]!),
          ),
        );
        return Math.abs(cold.targets[h]![k]! - f) / Math.max(floor, f);
      });
      const want = scoreQuantiles(scores);
      expect(got.intervals![t].n).toBe(rows.length);
      got.intervals![t].quantiles.forEach((q, k) => expect(q, `${t} quantile ${k}`).toBeCloseTo(want.quantiles[k]!, 6));
    });
  });

  it('has no calibration of its own below 20 scores a horizon, and says so (2 or 3 scores made the 80% and 95% bounds equal)', () => {
    const table = weekly();
    const { cold } = candidatesOf(table);
    const cutoffDay = dayOf('2024-06-30');
    const calCut = cutoffDay - 28 - 7;
    const scores = TARGETS.map(
      (_, h) =>
        [...cold.rows.keys()].filter((k) => !Number.isNaN(cold.targets[h]![k]!) && cold.date[k]! > calCut && cold.date[k]! + 7 * (h + 1) <= cutoffDay).length,
    );
    expect(Math.min(...scores)).toBeLessThan(MIN_CALIBRATION_SCORES);
    const warnings: string[] = [];
    expect(fitColdStart(table, cold, cutoffDay, 1, 1, warnings)!.intervals).toBeNull();
    expect(warnings).toEqual([
      `no cold-start intervals of their own: ${Math.min(...scores)} calibration scores in a horizon, fewer than ${MIN_CALIBRATION_SCORES}; cold-start forecasts take the main model's interval quantiles, scaled by the forecast`,
    ]);
    // Enough scores: calibrated, no warning.
    const enough: string[] = [];
    expect(fitColdStart(table, cold, cutoffDay, 3, 1, enough)!.intervals).not.toBeNull();
    expect(enough).toEqual([]);
  });

  it('has no intervals without calibration weeks, or with too few rows before them; no heads under 30 train rows a horizon', () => {
    const table = weekly();
    const { cold } = candidatesOf(table);
    const cutoffDay = dayOf('2024-06-30');
    expect(fitColdStart(table, cold, cutoffDay, 0, 1)!.intervals).toBeNull();
    // Calibration windows reaching back past every cold row: nothing to fit the calibration heads on.
    expect(fitColdStart(table, cold, cutoffDay, 20, 1)!.intervals).toBeNull();
    // The horizon with the fewest train rows decides: a cutoff that leaves it exactly 30 fits, one row fewer does not.
    const sundays = [...new Set(cold.date)].sort((a, b) => a - b);
    const trainRows = (cut: number) =>
      Math.min(...TARGETS.map((_, h) => [...cold.rows.keys()].filter((k) => !Number.isNaN(cold.targets[h]![k]!) && cold.date[k]! + 28 <= cut).length));
    const cut = sundays.map((s) => s + 28).find((c) => trainRows(c) >= 30)!;
    expect(fitColdStart(table, cold, cut, 0, 1)).not.toBeNull();
    expect(fitColdStart(table, cold, cut - 7, 0, 1)).toBeNull();
    expect(trainRows(cut - 7)).toBeLessThan(30);
  });

  it('fits heads from exactly 30 train rows a horizon and calibrates from exactly 30 rows before the windows, not 29', () => {
    const table = weekly();
    const { cold } = candidatesOf(table);
    const cutoffDay = dayOf('2024-06-30');
    const weeks = 6;
    const calCut = cutoffDay - 28 - 7 * weeks;
    const every = (k: number) => TARGETS.every((_, h) => !Number.isNaN(cold.targets[h]![k]!));
    const keys = [...cold.rows.keys()];
    // Rows with all four targets: fitted before the calibration windows, or in them.
    const early = keys.filter((k) => every(k) && cold.date[k]! + 28 <= calCut);
    // 20 in the windows: the fewest scores a horizon is calibrated from.
    const inWindows = keys.filter((k) => every(k) && cold.date[k]! > calCut && cold.date[k]! + 28 <= cutoffDay).slice(0, MIN_CALIBRATION_SCORES);
    expect([early.length >= 30, inWindows.length]).toEqual([true, MIN_CALIBRATION_SCORES]);
    // The rows `ks`, the 28-day target of row `no28` (if given) left out.
    const subset = (ks: number[], no28?: number) => {
      const sorted = [...ks].sort((a, b) => a - b);
      return {
        rows: Int32Array.from(sorted, (k) => cold.rows[k]!),
        date: Int32Array.from(sorted, (k) => cold.date[k]!),
        targets: cold.targets.map((t, h) => Float64Array.from(sorted, (k) => (h === 3 && k === no28 ? Number.NaN : t[k]!))),
      };
    };
    // 30 train rows a horizon (10 before the windows, 20 in them): heads; 29: none.
    const thirty = fitColdStart(table, subset([...early.slice(0, 10), ...inWindows]), cutoffDay, weeks, 1);
    expect(thirty).not.toBeNull();
    expect(fitColdStart(table, subset([...early.slice(0, 9), ...inWindows]), cutoffDay, weeks, 1)).toBeNull();
    // 30 rows before the windows: intervals; 29, or 29 for the 28-day horizon and 30 for the 7-day one: none.
    expect(fitColdStart(table, subset([...early.slice(0, 30), ...inWindows]), cutoffDay, weeks, 1)!.intervals).not.toBeNull();
    expect(fitColdStart(table, subset([...early.slice(0, 29), ...inWindows]), cutoffDay, weeks, 1)!.intervals).toBeNull();
    expect(fitColdStart(table, subset([...early.slice(0, 30), ...inWindows], early[0]), cutoffDay, weeks, 1)!.intervals).toBeNull();
    // 19 scores in the windows: none.
    expect(fitColdStart(table, subset([...early.slice(0, 30), ...inWindows.slice(1)]), cutoffDay, weeks, 1)!.intervals).toBeNull();
  });
});
