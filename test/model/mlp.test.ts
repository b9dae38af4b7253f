// The network heads: applying one by hand, and what training promises —
// the shapes asked for, the same weights from the same seed, the row cap,
// options that reach the optimizer, and a fit that learns.
import { describe, expect, it } from 'vitest';
import { backTransformFactor } from '../../src/model/estimators.js';
import { applyMlp, fitMlpHead, loadTensorflow, type MlpHead } from '../../src/model/mlp.js';
import { rng } from '../helpers/synthetic.js';

describe('applyMlp', () => {
  it('is dense layers with ReLU between them and none after the last', () => {
    const head: MlpHead = {
      layers: [
        { weights: [[1, -1], [2, 1]], bias: [0.5, -4] }, // 2 → 2
        { weights: [[3], [10]], bias: [-20] }, // 2 → 1
      ],
      factor: 1,
    };
    // x = (1, 2): hidden = (0.5 + 1 + 4, −4 − 1 + 2) = (5.5, −3) → ReLU (5.5, 0); out = −20 + 16.5 = −3.5, not clipped.
    expect(applyMlp(head, [1, 2])).toBe(-3.5);
    // x = (−1, 0): hidden = (−0.5, −3) → (0, 0); out = −20.
    expect(applyMlp(head, [-1, 0])).toBe(-20);
    // Three layers: the middle one is clipped too.
    const deep: MlpHead = { layers: [{ weights: [[1]], bias: [0] }, { weights: [[-1]], bias: [0] }, { weights: [[1]], bias: [7] }], factor: 1 };
    expect(applyMlp(deep, [2])).toBe(7);
    expect(applyMlp(deep, [-2])).toBe(7);
  });
});

describe('fitMlpHead', () => {
  const r = rng(31);
  const n = 400;
  const x = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => r() * 2 - 1));
  const target = Float64Array.from({ length: n }, (_, i) => Math.expm1(2 + x[0]![i]! - 0.5 * x[1]![i]!));
  const rows = Int32Array.from({ length: 300 }, (_, k) => k);
  const small = { hidden: [5, 3], epochs: 4, batchSize: 50 };
  const mse = (head: MlpHead) => Array.from(rows).reduce((s, i) => s + (applyMlp(head, x.map((c) => c[i]!)) - Math.log1p(target[i]!)) ** 2, 0) / rows.length;

  it('gives layers of the widths asked for, the same weights from the same seed and others from another', () => {
    const a = fitMlpHead(x, target, rows, { ...small, seed: 3 });
    expect(a.layers.map((l) => [l.weights.length, l.weights[0]!.length, l.bias.length])).toEqual([[3, 5, 5], [5, 3, 3], [3, 1, 1]]);
    expect(fitMlpHead(x, target, rows, { ...small, seed: 3 })).toEqual(a);
    expect(fitMlpHead(x, target, rows, { ...small, seed: 4 }).layers[0]!.weights).not.toEqual(a.layers[0]!.weights);
    expect(loadTensorflow().backend).toBe('@tensorflow/tfjs');
  });

  it('learns: more epochs fit log1p of the target better, and no step leaves the starting weights', () => {
    const none = fitMlpHead(x, target, rows, { ...small, epochs: 0 });
    expect(new Set(none.layers.flatMap((l) => l.bias))).toEqual(new Set([0]));
    const still = fitMlpHead(x, target, rows, { ...small, learningRate: 0 });
    expect(still.layers).toEqual(none.layers);
    const trained = fitMlpHead(x, target, rows, { hidden: [16, 8], batchSize: 50, epochs: 60, learningRate: 0.01 });
    expect(mse(trained)).toBeLessThan(mse(none) / 10);
    expect(mse(trained)).toBeLessThan(0.1);
    // One batch of everything against batches of 50: other steps, other weights.
    expect(fitMlpHead(x, target, rows, { ...small, batchSize: 300 }).layers).not.toEqual(fitMlpHead(x, target, rows, small).layers);
  });

  it('maps back with the factor of its own fitted values, absolute by default or smearing', () => {
    for (const correction of [undefined, 'absolute', 'smearing'] as const) {
      const head = fitMlpHead(x, target, rows, { ...small, ...(correction ? { correction } : {}) });
      const fitted = Array.from(rows, (i) => applyMlp(head, x.map((c) => Math.fround(c[i]!))));
      const y = Array.from(rows, (i) => Math.fround(Math.log1p(target[i]!)));
      expect(head.factor, String(correction)).toBeCloseTo(backTransformFactor(y, fitted, correction ?? 'absolute'), 4);
    }
  });

  it('trains on at most maxRows rows, a seeded sample of them', () => {
    const capped = fitMlpHead(x, target, rows, { ...small, maxRows: 120, seed: 5 });
    expect(fitMlpHead(x, target, rows, { ...small, maxRows: 120, seed: 5 })).toEqual(capped);
    expect(capped.layers).not.toEqual(fitMlpHead(x, target, rows, { ...small, seed: 5 }).layers);
    // A cap at or above the row count changes nothing.
    expect(fitMlpHead(x, target, rows, { ...small, maxRows: 300, seed: 5 })).toEqual(fitMlpHead(x, target, rows, { ...small, seed: 5 }));
  });
});
