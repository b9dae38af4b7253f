import { describe, expect, it } from 'vitest';
import { fitLeastSquares, fitScaler, regressionMetrics } from '../../src/index.js';
import { isConstantFeature } from '../../src/model/scaler.js';
import { rng } from '../helpers/synthetic.js';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('fitLeastSquares', () => {
  it('recovers an exact linear relation with intercept, for several targets at once', () => {
    const r = rng(3);
    const n = 200;
    const x1 = Float64Array.from({ length: n }, () => r() * 1e6);
    const x2 = Float64Array.from({ length: n }, () => r() * 10);
    const y1 = x1.map((v, i) => 2 + 3 * v - x2[i]!);
    const y2 = x1.map((v, i) => -5 + 1e-4 * v + 7 * x2[i]!);
    const fit = fitLeastSquares([x1, x2], [y1, y2], all(n));
    expect(fit.rank).toBe(2);
    expect(fit.coef[0]![0]).toBeCloseTo(3, 10);
    expect(fit.coef[0]![1]).toBeCloseTo(-1, 8);
    expect(fit.intercept[0]).toBeCloseTo(2, 5);
    expect(fit.coef[1]![0]).toBeCloseTo(1e-4, 12);
    expect(fit.coef[1]![1]).toBeCloseTo(7, 8);
    expect(fit.intercept[1]).toBeCloseTo(-5, 5);
  });

  it('gives the minimum-norm answer for collinear features', () => {
    // x2 = 2·x1 and y = 1 + 3·x1: every b with b1 + 2·b2 = 3 fits; the shortest is (0.6, 1.2).
    const x1 = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const x2 = x1.map((v) => 2 * v);
    const y = x1.map((v) => 1 + 3 * v);
    const fit = fitLeastSquares([x1, x2], [y], all(6));
    expect(fit.rank).toBe(1);
    expect(fit.coef[0]![0]).toBeCloseTo(0.6, 10);
    expect(fit.coef[0]![1]).toBeCloseTo(1.2, 10);
    expect(fit.intercept[0]).toBeCloseTo(1, 10);
  });

  it('treats a singular value under max(n, p) · ε · the largest as 0, though it is over min(n, p) · ε · the largest', () => {
    // Two columns equal but for a difference of about 1e-14 of their spread: the small singular value of the
    // scaled design is about 1e-14, between 2 · ε (6e-16) and 1000 · ε (3e-13) times the largest (√2).
    const r = rng(12);
    const n = 1000;
    const x1 = Float64Array.from({ length: n }, () => r());
    const x2 = x1.map((v) => v + 3e-14 * r());
    const y = x1.map((v) => 1 + 3 * v);
    const fit = fitLeastSquares([x1, x2], [y], all(n));
    expect(fit.rank).toBe(1);
    // The minimum-norm answer splits the coefficient between the two (near) copies.
    expect(fit.coef[0]![0]).toBeCloseTo(1.5, 6);
    expect(fit.coef[0]![1]).toBeCloseTo(1.5, 6);
  });

  it('gives a constant feature coefficient 0', () => {
    const x1 = Float64Array.from([1, 2, 3, 4]);
    const x2 = Float64Array.from([5, 5, 5, 5]);
    const y = Float64Array.from([3, 5, 7, 9]);
    const fit = fitLeastSquares([x1, x2], [y], all(4));
    expect(fit.rank).toBe(1);
    expect(fit.coef[0]![0]).toBeCloseTo(2, 12);
    expect(fit.coef[0]![1]).toBe(0);
    expect(fit.intercept[0]).toBeCloseTo(1, 12);
  });

  it('fits only the given rows, and refuses none', () => {
    const x = Float64Array.from([1, 2, 3, 100]);
    const y = Float64Array.from([2, 4, 6, -1]);
    const fit = fitLeastSquares([x], [y], Int32Array.from([0, 1, 2]));
    expect(fit.coef[0]![0]).toBeCloseTo(2, 12);
    expect(() => fitLeastSquares([x], [y], new Int32Array(0))).toThrow(/no rows/);
  });

  it('solves a noisy problem as the normal equations do when well conditioned', () => {
    const r = rng(11);
    const n = 500;
    const xs = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => r()));
    const y = Float64Array.from({ length: n }, (_, i) => 1 + xs[0]![i]! - 2 * xs[1]![i]! + 0.5 * xs[2]![i]! + (r() - 0.5));
    const fit = fitLeastSquares(xs, [y], all(n));
    // Residuals are orthogonal to every centered column at the optimum.
    const pred = y.map((_, i) => fit.intercept[0]! + xs.reduce((s, c, j) => s + fit.coef[0]![j]! * c[i]!, 0));
    const res = y.map((v, i) => v - pred[i]!);
    expect(Math.abs(res.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
    for (const c of xs) expect(Math.abs(c.reduce((s, v, i) => s + v * res[i]!, 0))).toBeLessThan(1e-9);
  });
});

describe('fitScaler', () => {
  it('uses the population standard deviation and ignores NaN', () => {
    const s = fitScaler([
      [1, 1],
      [2, NaN],
      [3, 3],
      [4, NaN],
    ]);
    expect(Array.from(s.mean)).toEqual([2.5, 2]);
    expect(s.var[0]).toBeCloseTo(1.25, 15);
    expect(s.scale[0]).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(Array.from(s.nSamplesSeen)).toEqual([4, 2]);
    expect(Array.from(s.transform([4, 3]))).toEqual([1.5 / Math.sqrt(1.25), 1]);
  });

  it("gives near-constant features scale 1 by scikit-learn's threshold, not only exact zeros", () => {
    const exact = fitScaler([[5], [5], [5]]);
    expect(exact.scale[0]).toBe(1);
    const near = fitScaler([[1e10], [1e10 + 2e-6]]); // scikit-learn: var_ 9.1e-13, scale_ 1
    expect(near.var[0]).toBeGreaterThan(0);
    expect(near.scale[0]).toBe(1);
    expect(isConstantFeature(near.var[0]!, near.mean[0]!, 2)).toBe(true);
    const small = fitScaler([[1e-10], [3e-10]]);
    expect(small.scale[0]).toBeCloseTo(1e-10, 20); // tiny but real spread is kept
  });

  it('round-trips through JSON', () => {
    const s = fitScaler([
      [1, 2],
      [3, 5],
    ]);
    expect(s.toJSON()).toEqual({ features: ['x0', 'x1'], mean: [2, 3.5], var: [1, 2.25], scale: [1, 1.5], nSamplesSeen: [2, 2] });
  });
});

describe('regressionMetrics', () => {
  it('computes MAE, MSE, RMSE and R² as scikit-learn does', () => {
    const m = regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8]);
    expect(m.MAE).toBeCloseTo(0.5, 15);
    expect(m.MSE).toBeCloseTo(0.375, 15);
    expect(m.RMSE).toBeCloseTo(Math.sqrt(0.375), 15);
    expect(m.R2).toBeCloseTo(0.9486081370449679, 15);
    expect(regressionMetrics([1, 1], [1, 1]).R2).toBe(1);
    expect(regressionMetrics([1, 1], [1, 2]).R2).toBe(0);
    expect(regressionMetrics([1], [2]).R2).toBeNaN();
  });

  it('gives NaN for no rows and refuses lengths that differ', () => {
    expect(regressionMetrics([], [])).toEqual({ MAE: Number.NaN, MSE: Number.NaN, RMSE: Number.NaN, R2: Number.NaN });
    expect(() => regressionMetrics([1, 2], [1])).toThrow('regressionMetrics: 2 actual values but 1 predictions');
    // One row: errors are defined, R² is not.
    expect(regressionMetrics([4], [1])).toEqual({ MAE: 3, MSE: 9, RMSE: 3, R2: Number.NaN });
  });
});
