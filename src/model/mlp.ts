import { createRequire } from 'node:module';
import { ModelError } from '../errors.js';
import { backTransformFactor, type BackTransform } from './estimators.js';

/*
 * A small neural network per horizon: standardized design → 32 ReLU → 16
 * ReLU → log1p(target), trained with Adam on @tensorflow/tfjs (an optional
 * peer dependency, loaded only here). @tensorflow/tfjs-node is used when it
 * is installed, the pure-JS backend otherwise. The fitted weights are plain
 * numbers: prediction runs in plain JavaScript (`applyMlp`) and never loads
 * tfjs.
 */

/** One dense layer: `out[o] = bias[o] + Σ_i in[i] · weights[i][o]`. */
export interface DenseLayer {
  weights: number[][];
  bias: number[];
}

/** A fitted network: ReLU between layers, none after the last; ŷ = e^output · `factor` − 1 (see `BackTransform`). */
export interface MlpHead {
  layers: DenseLayer[];
  factor: number;
}

/** Options of the network's training. */
export interface MlpOptions {
  /** Hidden layer widths. Default [32, 16]. */
  hidden?: number[];
  /** Passes over the (sub-sampled) train rows. Default 6. */
  epochs?: number;
  /** Rows per step. Default 512. */
  batchSize?: number;
  /** Adam's learning rate. Default 0.005. */
  learningRate?: number;
  /** At most this many train rows (a fixed-seed sample beyond). Default 200,000. */
  maxRows?: number;
  /** Seed of the weights' initialization and the sample. Default 1. */
  seed?: number;
  /** How the log-scale output is mapped back. Default `absolute`. */
  correction?: BackTransform;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Tf = any;

let loaded: { tf: Tf; backend: string } | null = null;

/**
 * tfjs, loaded once: `@tensorflow/tfjs-node` when that package is really
 * installed (not an alias of the pure-JS package), else `@tensorflow/tfjs`.
 * @throws {@link ModelError} when neither is installed.
 */
export function loadTensorflow(): { tf: Tf; backend: string } {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  let name = '@tensorflow/tfjs';
  try {
    if (require('@tensorflow/tfjs-node/package.json').name === '@tensorflow/tfjs-node') name = '@tensorflow/tfjs-node';
  } catch {
    // not installed: the pure-JS package below
  }
  let tf: Tf;
  // The pure-JS package prints a banner suggesting tfjs-node when its backend starts: not ours to print.
  const { log, warn } = console;
  console.log = console.warn = () => {};
  try {
    tf = require(name);
    tf.tidy(() => tf.zeros([1]));
  } catch (error) {
    throw new ModelError(
      `the 'mlp' model needs the optional peer dependency @tensorflow/tfjs (npm install @tensorflow/tfjs): ${(error as Error).message.split('\n')[0]}`,
    );
  } finally {
    console.log = log;
    console.warn = warn;
  }
  loaded = { tf, backend: name };
  return loaded;
}

/** A seeded sample of at most `max` row numbers from `rows`, in their order. */
function sample(rows: ArrayLike<number>, max: number, seed: number): Int32Array {
  if (rows.length <= max) return Int32Array.from(rows);
  let s = seed >>> 0 || 1;
  const picked = new Uint8Array(rows.length);
  let left = max;
  while (left > 0) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const k = (s >>> 0) % rows.length;
    if (!picked[k]) {
      picked[k] = 1;
      left--;
    }
  }
  const out = new Int32Array(max);
  let o = 0;
  for (let k = 0; k < rows.length; k++) if (picked[k]) out[o++] = rows[k]!;
  return out;
}

/**
 * An epoch's seeded shuffle of `order`, in place (Fisher–Yates, from the last
 * position down, drawing with the LCG `s = (s × 1103515245 + 12345) mod 2³²`
 * and `j = s mod (k + 1)`). Returns the generator's state for the next epoch.
 */
export function shuffleRows(order: Int32Array, state: number): number {
  let s = state;
  for (let k = order.length - 1; k > 0; k--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (k + 1);
    const t = order[k]!;
    order[k] = order[j]!;
    order[j] = t;
  }
  return s;
}

/** The consecutive batches of `order`, `size` rows each but the last (views, not copies). */
export function* batchesOf(order: Int32Array, size: number): Generator<Int32Array> {
  for (let from = 0; from < order.length; from += size) yield order.subarray(from, Math.min(order.length, from + size));
}

/**
 * Fits the network on the standardized design columns `x` (all finite) at
 * `rows`, predicting log1p(target). Trains synchronously (Adam steps on the
 * CPU backend) and returns plain weights.
 */
export function fitMlpHead(x: readonly ArrayLike<number>[], target: ArrayLike<number>, rows: ArrayLike<number>, options: MlpOptions = {}): MlpHead {
  const { tf } = loadTensorflow();
  const hidden = options.hidden ?? [32, 16];
  const epochs = options.epochs ?? 6;
  const batchSize = options.batchSize ?? 512;
  const seed = options.seed ?? 1;
  const chosen = sample(rows, options.maxRows ?? 200_000, seed);
  const n = chosen.length;
  const p = x.length;
  const xs = new Float32Array(n * p);
  const ys = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const i = chosen[k]!;
    for (let j = 0; j < p; j++) xs[k * p + j] = x[j]![i]!;
    ys[k] = Math.log1p(target[i]!);
  }
  const widths = [p, ...hidden, 1];
  // tfjs takes a seed of 0 for none (Math.random): a layer whose seed + l is 0 draws from 2³² instead.
  const layerSeed = (l: number): number => seed + l || 0x1_0000_0000;
  // Inside tidy: the initial values are released once the variables hold them.
  const vars: { w: Tf; b: Tf }[] = tf.tidy(() =>
    widths.slice(1).map((out, l) => ({
      w: tf.variable(tf.randomNormal([widths[l]!, out], 0, Math.sqrt(2 / widths[l]!), 'float32', layerSeed(l))),
      b: tf.variable(tf.zeros([out])),
    })),
  );
  const forward = (input: Tf): Tf => {
    let h = input;
    vars.forEach((v, l) => {
      h = tf.add(tf.matMul(h, v.w), v.b);
      if (l < vars.length - 1) h = tf.relu(h);
    });
    return h;
  };
  const optimizer = tf.train.adam(options.learningRate ?? 0.005);
  const xAll = tf.tensor2d(xs, [n, p]);
  const yAll = tf.tensor2d(ys, [n, 1]);
  const order = Int32Array.from({ length: n }, (_, k) => k);
  let s = seed;
  for (let epoch = 0; epoch < epochs; epoch++) {
    s = shuffleRows(order, s);
    for (const batch of batchesOf(order, batchSize)) {
      tf.tidy(() => {
        const idx = tf.tensor1d(batch, 'int32');
        const xb = tf.gather(xAll, idx);
        const yb = tf.gather(yAll, idx);
        optimizer.minimize(() => tf.losses.meanSquaredError(yb, forward(xb)));
      });
    }
  }
  const layers: DenseLayer[] = vars.map((v) => ({ weights: v.w.arraySync() as number[][], bias: v.b.arraySync() as number[] }));
  const fitted = tf.tidy(() => forward(xAll).dataSync() as Float32Array);
  xAll.dispose();
  yAll.dispose();
  vars.forEach((v) => {
    v.w.dispose();
    v.b.dispose();
  });
  optimizer.dispose();
  return { layers, factor: backTransformFactor(ys, fitted, options.correction ?? 'absolute') };
}

/** The network's output (log1p scale) for one standardized feature row. */
export function applyMlp(head: MlpHead, x: ArrayLike<number>): number {
  let input: ArrayLike<number> = x;
  for (let l = 0; l < head.layers.length; l++) {
    const { weights, bias } = head.layers[l]!;
    const out = new Float64Array(bias.length);
    for (let o = 0; o < bias.length; o++) {
      let v = bias[o]!;
      for (let i = 0; i < input.length; i++) v += input[i]! * weights[i]![o]!;
      out[o] = l < head.layers.length - 1 && v < 0 ? 0 : v;
    }
    input = out;
  }
  return input[0]!;
}
