// The network heads: applying one by hand, and what training promises —
// the shapes asked for, the same weights from the same seed, the row cap,
// options that reach the optimizer, and a fit that learns.
import { describe, expect, it } from 'vitest';
import { backTransformFactor } from '../../src/model/estimators.js';
import { applyMlp, batchesOf, fitMlpHead, loadTensorflow, shuffleRows, type MlpHead } from '../../src/model/mlp.js';
import { rng } from '../helpers/synthetic.js';

describe('loadTensorflow', () => {
  it('loads the pure-JS package (tfjs-node here is only an alias of it), silences its banner while loading and puts the console back', () => {
    const { log, warn } = console;
    const first = loadTensorflow();
    expect([console.log, console.warn]).toEqual([log, warn]);
    expect(first.backend).toBe('@tensorflow/tfjs');
    expect(loadTensorflow()).toBe(first);
  });
});

describe('the training loop', () => {
  it('shuffles each epoch by Fisher–Yates with its LCG, a permutation that goes on from the state it returns', () => {
    const order = Int32Array.from({ length: 10 }, (_, k) => k);
    // Worked apart: positions 9 down to 1, each swapped with s mod (k + 1).
    const want = [...order];
    let s = 7;
    for (let k = 9; k > 0; k--) {
      s = Number((BigInt(s) * 1103515245n + 12345n) % 4294967296n);
      const j = s % (k + 1);
      [want[k], want[j]] = [want[j]!, want[k]!];
    }
    const state = shuffleRows(order, 7);
    expect([[...order], state]).toEqual([want, s]);
    expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Two rows from state 0: the first draw is 12345, odd, so position 1 is swapped with itself; from 1 it is 1103527590, even.
    const two = Int32Array.from([0, 1]);
    expect(shuffleRows(two, 0)).toBe(12345);
    expect([...two]).toEqual([0, 1]);
    expect(shuffleRows(two, 1)).toBe(1103527590);
    expect([...two]).toEqual([1, 0]);
    expect(shuffleRows(Int32Array.from([4]), 3)).toBe(3);
  });

  it('cuts the order into consecutive batches of the size asked for, the last shorter, none empty', () => {
    const order = Int32Array.from({ length: 10 }, (_, k) => 10 - k);
    expect([...batchesOf(order, 4)].map((b) => [...b])).toEqual([
      [10, 9, 8, 7],
      [6, 5, 4, 3],
      [2, 1],
    ]);
    expect([...batchesOf(order, 5)].map((b) => [...b])).toEqual([
      [10, 9, 8, 7, 6],
      [5, 4, 3, 2, 1],
    ]);
    expect([...batchesOf(order, 20)].map((b) => [...b])).toEqual([[10, 9, 8, 7, 6, 5, 4, 3, 2, 1]]);
    expect([...batchesOf(new Int32Array(0), 3)]).toEqual([]);
  });
});

describe('applyMlp', () => {
  it('is dense layers with ReLU between them and none after the last', () => {
    const head: MlpHead = {
      layers: [
        {
          weights: [
            [1, -1],
            [2, 1],
          ],
          bias: [0.5, -4],
        }, // 2 → 2
        { weights: [[3], [10]], bias: [-20] }, // 2 → 1
      ],
      factor: 1,
    };
    // x = (1, 2): hidden = (0.5 + 1 + 4, −4 − 1 + 2) = (5.5, −3) → ReLU (5.5, 0); out = −20 + 16.5 = −3.5, not clipped.
    expect(applyMlp(head, [1, 2])).toBe(-3.5);
    // x = (−1, 0): hidden = (−0.5, −3) → (0, 0); out = −20.
    expect(applyMlp(head, [-1, 0])).toBe(-20);
    // Three layers: the middle one is clipped too.
    const deep: MlpHead = {
      layers: [
        { weights: [[1]], bias: [0] },
        { weights: [[-1]], bias: [0] },
        { weights: [[1]], bias: [7] },
      ],
      factor: 1,
    };
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
  const mse = (head: MlpHead) =>
    Array.from(rows).reduce(
      (s, i) =>
        s +
        (applyMlp(
          head,
          x.map((c) => c[i]!),
        ) -
          Math.log1p(target[i]!)) **
          2,
      0,
    ) / rows.length;

  it('gives layers of the widths asked for, the same weights from the same seed and others from another', () => {
    const a = fitMlpHead(x, target, rows, { ...small, seed: 3 });
    expect(a.layers.map((l) => [l.weights.length, l.weights[0]!.length, l.bias.length])).toEqual([
      [3, 5, 5],
      [5, 3, 3],
      [3, 1, 1],
    ]);
    expect(fitMlpHead(x, target, rows, { ...small, seed: 3 })).toEqual(a);
    expect(fitMlpHead(x, target, rows, { ...small, seed: 4 }).layers[0]!.weights).not.toEqual(a.layers[0]!.weights);
    expect(loadTensorflow().backend).toBe('@tensorflow/tfjs');
  });

  it('starts from He-normal weights drawn with seed + layer, zero biases', () => {
    const { tf } = loadTensorflow();
    const start = fitMlpHead(x, target, rows, { ...small, epochs: 0, seed: 3 });
    const widths = [3, 5, 3, 1];
    start.layers.forEach((layer, l) => {
      const drawn = tf.tidy(() => tf.randomNormal([widths[l]!, widths[l + 1]!], 0, Math.sqrt(2 / widths[l]!), 'float32', 3 + l).arraySync());
      expect(layer.weights, `layer ${l}`).toEqual(drawn);
      expect(layer.bias, `layer ${l}`).toEqual(new Array(widths[l + 1]).fill(0));
    });
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
      const fitted = Array.from(rows, (i) =>
        applyMlp(
          head,
          x.map((c) => Math.fround(c[i]!)),
        ),
      );
      const y = Array.from(rows, (i) => Math.fround(Math.log1p(target[i]!)));
      expect(head.factor, String(correction)).toBeCloseTo(backTransformFactor(y, fitted, correction ?? 'absolute'), 4);
    }
  });

  it('trains 32 and 16 hidden units by default, at a learning rate of 0.005, and leaves no tensor behind', () => {
    const { tf } = loadTensorflow();
    const before = tf.memory().numTensors;
    const byDefault = fitMlpHead(x, target, rows, { epochs: 1 });
    expect(tf.memory().numTensors).toBe(before);
    expect(byDefault.layers.map((l) => [l.weights.length, l.weights[0]!.length, l.bias.length])).toEqual([
      [3, 32, 32],
      [32, 16, 16],
      [16, 1, 1],
    ]);
    expect(fitMlpHead(x, target, rows, { ...small, learningRate: 0.005 })).toEqual(fitMlpHead(x, target, rows, small));
    expect(fitMlpHead(x, target, rows, { ...small, learningRate: 0.05 }).layers).not.toEqual(fitMlpHead(x, target, rows, small).layers);
    // A row count that is a multiple of the batch size: no empty last batch (its loss would be NaN).
    const even = fitMlpHead(x, target, rows, { ...small, batchSize: 100 });
    expect(even.layers.flatMap((l) => [...l.weights.flat(), ...l.bias]).filter((v) => !Number.isFinite(v))).toEqual([]);
  });

  it('samples maxRows rows by its seeded xorshift, keeping their order, and trains as on those rows alone', () => {
    // The sample worked apart: xorshift32 from the seed (0 counts as 1), k = s mod rows, each row once, until `count` are picked; in row order.
    const sampleOf = (seed: number, count: number) => {
      const picked = new Set<number>();
      let s = seed || 1;
      while (picked.size < count) {
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        picked.add((s >>> 0) % rows.length);
      }
      return Int32Array.from(
        [...picked].sort((a, b) => a - b),
        (k) => rows[k]!,
      );
    };
    expect(fitMlpHead(x, target, rows, { ...small, maxRows: 120, seed: 5 })).toEqual(fitMlpHead(x, target, sampleOf(5, 120), { ...small, seed: 5 }));
    // A seed of 0 samples as 1, and its weights are as reproducible as any other seed's.
    expect(fitMlpHead(x, target, rows, { ...small, seed: 0 })).toEqual(fitMlpHead(x, target, rows, { ...small, seed: 0 }));
    expect(fitMlpHead(x, target, rows, { ...small, seed: -1 })).toEqual(fitMlpHead(x, target, rows, { ...small, seed: -1 }));
    expect(fitMlpHead(x, target, rows, { ...small, maxRows: 120, seed: 0 })).toEqual(fitMlpHead(x, target, sampleOf(1, 120), { ...small, seed: 0 }));
  });

  it('trains on at most maxRows rows, a seeded sample of them', () => {
    const capped = fitMlpHead(x, target, rows, { ...small, maxRows: 120, seed: 5 });
    expect(fitMlpHead(x, target, rows, { ...small, maxRows: 120, seed: 5 })).toEqual(capped);
    expect(capped.layers).not.toEqual(fitMlpHead(x, target, rows, { ...small, seed: 5 }).layers);
    // A cap at or above the row count changes nothing.
    expect(fitMlpHead(x, target, rows, { ...small, maxRows: 300, seed: 5 })).toEqual(fitMlpHead(x, target, rows, { ...small, seed: 5 }));
  });
});
