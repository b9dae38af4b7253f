// The corrected preset's estimators against what defines them: the ridge
// solution by its optimality conditions, sums over row sets by their union,
// the weighted median by its definition, the back-transform by the error it
// minimizes, the log-linear head by least squares on log1p of the target.
import { describe, expect, it } from 'vitest';
import { fitLeastSquares } from '../../src/index.js';
import { backTransformFactor, fitLinearHead, fitRidgeHead, LOG_JITTER, NormalSums, weightedMedian } from '../../src/model/estimators.js';
import { applyColdStart } from '../../src/model/cold-start.js';
import { applyEstimator } from '../../src/model/model-file.js';
import { rng } from '../helpers/synthetic.js';

/** Three columns over n rows (more than one block of 4,096), a noisy linear target, and rows 0, 2, 4, … */
function problem(n: number, seed: number) {
  const r = rng(seed);
  const x = [0, 1, 2].map((j) => Float64Array.from({ length: n }, () => (j + 1) * (r() - 0.3)));
  const y = Float64Array.from({ length: n }, (_, i) => 4 + 2 * x[0]![i]! - 3 * x[1]![i]! + 0.5 * x[2]![i]! + (r() - 0.5));
  const rows = Int32Array.from({ length: Math.ceil(n / 2) }, (_, k) => 2 * k);
  return { x, y, rows };
}

/** Σ r and Σ x_j·r of the residuals r = y − b − xβ over the rows. */
function residualSums(x: Float64Array[], y: ArrayLike<number>, rows: Int32Array, head: { coef: ArrayLike<number>; intercept: number }) {
  const sums = new Float64Array(x.length + 1);
  for (const i of rows) {
    let fit = head.intercept;
    for (let j = 0; j < x.length; j++) fit += head.coef[j]! * x[j]![i]!;
    const res = y[i]! - fit;
    sums[0]! += res;
    for (let j = 0; j < x.length; j++) sums[j + 1]! += x[j]![i]! * res;
  }
  return sums;
}

describe('ridge heads', () => {
  it('meet the optimality conditions: Σ residual = 0 and Σ x_j·residual = λ·n·β_j, over the given rows only', () => {
    const { x, y, rows } = problem(9000, 5);
    for (const lambda of [0.01, 0.5, 3]) {
      const head = fitRidgeHead(x, y, rows, lambda);
      const sums = residualSums(x, y, rows, head);
      expect(Math.abs(sums[0]!)).toBeLessThan(1e-6);
      for (let j = 0; j < 3; j++) expect(sums[j + 1]!).toBeCloseTo(lambda * rows.length * head.coef[j]!, 5);
      // Shrunk: a larger penalty gives a shorter coefficient vector.
      expect(head.coef.filter((c) => !Number.isFinite(c))).toEqual([]);
    }
    const norm = (l: number) => Math.hypot(...fitRidgeHead(x, y, rows, l).coef);
    expect(norm(3)).toBeLessThan(norm(0.5));
    expect(norm(0.5)).toBeLessThan(norm(0.01));
  });

  it('apply the target transform before summing', () => {
    const { x, rows } = problem(300, 6);
    const y = Float64Array.from({ length: 300 }, (_, i) => Math.exp(1 + x[0]![i]!) - 1);
    const transformed = fitRidgeHead(x, y, rows, 0.1, Math.log1p);
    const direct = fitRidgeHead(x, y.map(Math.log1p), rows, 0.1);
    expect(transformed.coef).toEqual(direct.coef);
    expect(transformed.intercept).toBe(direct.intercept);
    expect(transformed.coef[0]).not.toBeCloseTo(fitRidgeHead(x, y, rows, 0.1).coef[0]!, 3);
  });
});

describe('normal sums', () => {
  it('over two row sets added are the sums over both, field by field, and solve the same', () => {
    const { x, y } = problem(10_000, 7);
    const a = Int32Array.from({ length: 4500 }, (_, k) => 2 * k);
    const b = Int32Array.from({ length: 4500 }, (_, k) => 2 * k + 1);
    const both = Int32Array.from([...a, ...b]);
    const sumA = new NormalSums(3).add(x, y, a);
    const sumB = new NormalSums(3).add(x, y, b);
    const whole = new NormalSums(3).add(x, y, both);
    const plus = sumA.plus(sumB);
    expect(plus.n).toBe(9000);
    expect(plus.sy).toBeCloseTo(whole.sy, 6);
    for (const key of ['sx', 'sxy', 'sxx'] as const) {
      expect(plus[key].length).toBe(whole[key].length);
      plus[key].forEach((v, k) => expect(v, `${key}[${k}]`).toBeCloseTo(whole[key][k]!, 6));
    }
    // Adding rows to existing sums is the same as summing them at once.
    const added = new NormalSums(3).add(x, y, a).add(x, y, b);
    expect(added.n).toBe(9000);
    const s1 = plus.solve(0.2);
    const s2 = added.solve(0.2);
    s1.coef.forEach((c, j) => expect(c).toBeCloseTo(s2.coef[j]!, 9));
    expect(s1.intercept).toBeCloseTo(s2.intercept, 9);
    // The sums themselves, against a direct loop: Σx_j, Σy, Σx_j·y, Σx_j·x_q (upper triangle).
    const direct = { sx: [0, 0, 0], sy: 0, sxy: [0, 0, 0], sxx: new Array(9).fill(0) as number[] };
    for (const i of a) {
      direct.sy += y[i]!;
      for (let j = 0; j < 3; j++) {
        direct.sx[j]! += x[j]![i]!;
        direct.sxy[j]! += x[j]![i]! * y[i]!;
        for (let q = j; q < 3; q++) direct.sxx[j * 3 + q]! += x[j]![i]! * x[q]![i]!;
      }
    }
    expect(sumA.sy).toBeCloseTo(direct.sy, 6);
    for (let j = 0; j < 3; j++) {
      expect(sumA.sx[j]).toBeCloseTo(direct.sx[j]!, 6);
      expect(sumA.sxy[j]).toBeCloseTo(direct.sxy[j]!, 6);
    }
    for (let k = 0; k < 9; k++) expect(sumA.sxx[k], `sxx[${k}]`).toBeCloseTo(direct.sxx[k]!, 6);
  });
});

describe('the weighted median', () => {
  it('is the smallest value with at least half the weight at or below it, ties and all', () => {
    const r = rng(8);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(r() * 40);
      const values = Float64Array.from({ length: n }, () => Math.floor(r() * (trial % 3 === 0 ? 4 : 100)));
      const weights = Float64Array.from({ length: n }, () => (trial % 5 === 0 ? 1 : 0.1 + r() * 3));
      const pairs = [...values].map((v, k) => [v, weights[k]!] as const).sort((p, q) => p[0] - q[0]);
      const total = pairs.reduce((s, p) => s + p[1], 0);
      let running = 0;
      let want = Number.NaN;
      for (const [v, w] of pairs) {
        running += w;
        if (running >= total / 2) {
          want = v;
          break;
        }
      }
      expect(weightedMedian(values, weights), `trial ${trial}: ${pairs.map((p) => p.join(':')).join(' ')}`).toBe(want);
    }
  });

  it('reads the weights: a heavy value wins', () => {
    expect(weightedMedian(Float64Array.from([1, 2, 3]), Float64Array.from([1, 1, 5]))).toBe(3);
    expect(weightedMedian(Float64Array.from([3, 1, 2]), Float64Array.from([1, 5, 1]))).toBe(1);
    expect(weightedMedian(Float64Array.from([3, 1, 2]), Float64Array.from([1, 1, 1]))).toBe(2);
    expect(weightedMedian(Float64Array.from([7]), Float64Array.from([2]))).toBe(7);
  });
});

describe('the back-transform factor', () => {
  const r = rng(9);
  const predicted = Float64Array.from({ length: 301 }, () => 1 + 4 * r());
  const y = predicted.map((p) => p + (r() - 0.4) * 1.5);
  const absoluteError = (c: number) => y.reduce((s, v, k) => s + Math.abs(Math.exp(v) - c * Math.exp(predicted[k]!)), 0);

  it('absolute: no factor nearby gives a smaller Σ |(y + 1) − c·e^p|', () => {
    const c = backTransformFactor(y, predicted, 'absolute');
    for (const step of [1e-3, 1e-2, 0.1]) {
      expect(absoluteError(c)).toBeLessThanOrEqual(absoluteError(c * (1 + step)));
      expect(absoluteError(c)).toBeLessThanOrEqual(absoluteError(c * (1 - step)));
    }
  });

  it('smearing: the mean of e^(y − p); 1 with no rows', () => {
    const mean = y.reduce((s, v, k) => s + Math.exp(v - predicted[k]!), 0) / y.length;
    expect(backTransformFactor(y, predicted, 'smearing')).toBeCloseTo(mean, 12);
    expect(backTransformFactor(y, predicted, 'smearing')).not.toBeCloseTo(backTransformFactor(y, predicted, 'absolute'), 3);
    expect(backTransformFactor([], [], 'smearing')).toBe(1);
    expect(backTransformFactor([], [], 'absolute')).toBe(1);
  });
});

describe('linear heads', () => {
  it('on the raw target are least squares over the given rows', () => {
    const { x, y, rows } = problem(500, 10);
    const head = fitLinearHead(x, y, rows, false);
    const ls = fitLeastSquares(x, [y], rows);
    expect(head.coef).toEqual(Array.from(ls.coef[0]!));
    expect(head.intercept).toBe(ls.intercept[0]);
    expect(head.factor).toBeUndefined();
  });

  it('on log1p of the target are least squares on log1p (up to the tiny ridge), with the chosen back-transform over the same rows', () => {
    const { x, rows } = problem(600, 11);
    const r = rng(12);
    const y = Float64Array.from({ length: 600 }, (_, i) => Math.exp(2 + x[0]![i]! - x[1]![i]! + (r() - 0.5)) - 1);
    const logY = y.map(Math.log1p);
    const ls = fitLeastSquares(x, [logY], rows);
    for (const correction of ['absolute', 'smearing'] as const) {
      const head = fitLinearHead(x, y, rows, true, correction);
      head.coef.forEach((c, j) => expect(c).toBeCloseTo(ls.coef[0]![j]!, 4));
      expect(head.intercept).toBeCloseTo(ls.intercept[0]!, 4);
      const fitted = Array.from(rows, (i) => head.intercept + head.coef.reduce((s, c, j) => s + c * x[j]![i]!, 0));
      expect(head.factor).toBeCloseTo(
        backTransformFactor(
          Array.from(rows, (i) => logY[i]!),
          fitted,
          correction,
        ),
        12,
      );
    }
    expect(fitLinearHead(x, y, rows, true).factor).toBe(fitLinearHead(x, y, rows, true, 'absolute').factor);
    expect(LOG_JITTER).toBeLessThan(1e-5);
  });
});

describe('a forecast from a head, worked out by hand', () => {
  const x = [1, 2];
  const head = { coef: [0.5, -1], intercept: 3 }; // 3 + 0.5 · 1 − 1 · 2 = 1.5
  it('applies each kind of head', () => {
    expect(applyEstimator('naive', {}, x)).toBe(1);
    expect(applyEstimator('window-average', {}, x)).toBe(1);
    expect(applyEstimator('linear', head, x)).toBe(1.5);
    expect(applyEstimator('ridge', head, x)).toBe(1.5);
    expect(applyEstimator('log-linear', { ...head, factor: 2 }, x)).toBe(Math.exp(1.5) * 2 - 1);
    expect(applyColdStart({ ...head, factor: 2 }, x)).toBe(Math.exp(1.5) * 2 - 1);
    // Hidden layer: [1·1 + 2·0, 1·(−1) + 2·1 − 2] = [1, −1] → ReLU [1, 0]; output 0.5 · 1 + 0.25 · 0 − 1 = −0.5 (no ReLU after the last layer).
    const layers = [
      {
        weights: [
          [1, -1],
          [0, 1],
        ],
        bias: [0, -2],
      },
      { weights: [[0.5], [0.25]], bias: [-1] },
    ];
    expect(applyEstimator('mlp', { layers, factor: 3 }, x)).toBe(Math.exp(-0.5) * 3 - 1);
  });
});

describe('centeredCondition', () => {
  it("is the centered design's condition number (its singular values' ratio), past any limit when singular", async () => {
    const { SingularValueDecomposition, Matrix } = await import('ml-matrix');
    const { centeredCondition } = await import('../../src/model/sql-design.js');
    const { x, y, rows } = problem(5000, 17);
    // A fourth column close to a mix of the first two: a large, finite condition number.
    const r = rng(3);
    const near = Float64Array.from(x[0]!, (v, i) => v + 0.5 * x[1]![i]! + 1e-3 * (r() - 0.5));
    for (const columns of [x, [...x, near]]) {
      const sums = new NormalSums(columns.length).add(columns, y, rows);
      const centered = new Matrix(Array.from(rows, (i) => columns.map((c) => c[i]! - Array.from(rows, (k) => c[k]!).reduce((a, b) => a + b, 0) / rows.length)));
      const s = new SingularValueDecomposition(centered).diagonal;
      const want = Math.max(...s) / Math.min(...s);
      expect(Math.abs(centeredCondition(sums) - want) / want).toBeLessThan(1e-6);
    }
    // Collinear columns: Infinity, or at least past any limit a fit would keep to.
    expect(centeredCondition(new NormalSums(2).add([x[0]!, Float64Array.from(x[0]!, (v) => 2 * v)], y, rows))).toBeGreaterThan(1e8);
  });
});
