// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
let loaded: {
  tf: Tf;
  backend: string;
} | null = null;

/**
 * tfjs, loaded once: `@tensorflow/tfjs-node` when that package is really
 * installed (not an alias of the pure-JS package), else `@tensorflow/tfjs`.
 * @throws {ModelError} when neither is installed.
 */
export function loadTensorflow(): {
  tf: Tf;
  backend: string;
} {
  if (stryMutAct_9fa48("884")) {
    {}
  } else {
    stryCov_9fa48("884");
    if (stryMutAct_9fa48("886") ? false : stryMutAct_9fa48("885") ? true : (stryCov_9fa48("885", "886"), loaded)) return loaded;
    const require = createRequire(import.meta.url);
    let name = stryMutAct_9fa48("887") ? "" : (stryCov_9fa48("887"), '@tensorflow/tfjs');
    try {
      if (stryMutAct_9fa48("888")) {
        {}
      } else {
        stryCov_9fa48("888");
        if (stryMutAct_9fa48("891") ? require('@tensorflow/tfjs-node/package.json').name !== '@tensorflow/tfjs-node' : stryMutAct_9fa48("890") ? false : stryMutAct_9fa48("889") ? true : (stryCov_9fa48("889", "890", "891"), require('@tensorflow/tfjs-node/package.json').name === (stryMutAct_9fa48("892") ? "" : (stryCov_9fa48("892"), '@tensorflow/tfjs-node')))) name = stryMutAct_9fa48("893") ? "" : (stryCov_9fa48("893"), '@tensorflow/tfjs-node');
      }
    } catch {
      // not installed: the pure-JS package below
    }
    let tf: Tf;
    // The pure-JS package prints a banner suggesting tfjs-node when its backend starts: not ours to print.
    const {
      log,
      warn
    } = console;
    console.log = console.warn = () => {};
    try {
      if (stryMutAct_9fa48("894")) {
        {}
      } else {
        stryCov_9fa48("894");
        tf = require(name);
        tf.tidy(stryMutAct_9fa48("895") ? () => undefined : (stryCov_9fa48("895"), () => tf.zeros(stryMutAct_9fa48("896") ? [] : (stryCov_9fa48("896"), [1]))));
      }
    } catch (error) {
      if (stryMutAct_9fa48("897")) {
        {}
      } else {
        stryCov_9fa48("897");
        throw new ModelError(stryMutAct_9fa48("898") ? `` : (stryCov_9fa48("898"), `the 'mlp' model needs the optional peer dependency @tensorflow/tfjs (npm install @tensorflow/tfjs): ${(error as Error).message.split(stryMutAct_9fa48("899") ? "" : (stryCov_9fa48("899"), '\n'))[0]}`));
      }
    } finally {
      if (stryMutAct_9fa48("900")) {
        {}
      } else {
        stryCov_9fa48("900");
        console.log = log;
        console.warn = warn;
      }
    }
    loaded = stryMutAct_9fa48("901") ? {} : (stryCov_9fa48("901"), {
      tf,
      backend: name
    });
    return loaded;
  }
}

/** A seeded sample of at most `max` row numbers from `rows`, in their order. */
function sample(rows: ArrayLike<number>, max: number, seed: number): Int32Array {
  if (stryMutAct_9fa48("902")) {
    {}
  } else {
    stryCov_9fa48("902");
    if (stryMutAct_9fa48("906") ? rows.length > max : stryMutAct_9fa48("905") ? rows.length < max : stryMutAct_9fa48("904") ? false : stryMutAct_9fa48("903") ? true : (stryCov_9fa48("903", "904", "905", "906"), rows.length <= max)) return Int32Array.from(rows);
    let s = stryMutAct_9fa48("909") ? seed >>> 0 && 1 : stryMutAct_9fa48("908") ? false : stryMutAct_9fa48("907") ? true : (stryCov_9fa48("907", "908", "909"), seed >>> 0 || 1);
    const picked = new Uint8Array(rows.length);
    let left = max;
    while (stryMutAct_9fa48("912") ? left <= 0 : stryMutAct_9fa48("911") ? left >= 0 : stryMutAct_9fa48("910") ? false : (stryCov_9fa48("910", "911", "912"), left > 0)) {
      if (stryMutAct_9fa48("913")) {
        {}
      } else {
        stryCov_9fa48("913");
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        const k = stryMutAct_9fa48("914") ? (s >>> 0) * rows.length : (stryCov_9fa48("914"), (s >>> 0) % rows.length);
        if (stryMutAct_9fa48("917") ? false : stryMutAct_9fa48("916") ? true : stryMutAct_9fa48("915") ? picked[k] : (stryCov_9fa48("915", "916", "917"), !picked[k])) {
          if (stryMutAct_9fa48("918")) {
            {}
          } else {
            stryCov_9fa48("918");
            picked[k] = 1;
            stryMutAct_9fa48("919") ? left++ : (stryCov_9fa48("919"), left--);
          }
        }
      }
    }
    const out = new Int32Array(max);
    let o = 0;
    for (let k = 0; stryMutAct_9fa48("922") ? k >= rows.length : stryMutAct_9fa48("921") ? k <= rows.length : stryMutAct_9fa48("920") ? false : (stryCov_9fa48("920", "921", "922"), k < rows.length); stryMutAct_9fa48("923") ? k-- : (stryCov_9fa48("923"), k++)) if (stryMutAct_9fa48("925") ? false : stryMutAct_9fa48("924") ? true : (stryCov_9fa48("924", "925"), picked[k])) out[stryMutAct_9fa48("926") ? o-- : (stryCov_9fa48("926"), o++)] = rows[k]!;
    return out;
  }
}

/**
 * Fits the network on the standardized design columns `x` (all finite) at
 * `rows`, predicting log1p(target). Trains synchronously (Adam steps on the
 * CPU backend) and returns plain weights.
 */
export function fitMlpHead(x: readonly ArrayLike<number>[], target: ArrayLike<number>, rows: ArrayLike<number>, options: MlpOptions = {}): MlpHead {
  if (stryMutAct_9fa48("927")) {
    {}
  } else {
    stryCov_9fa48("927");
    const {
      tf
    } = loadTensorflow();
    const hidden = stryMutAct_9fa48("928") ? options.hidden && [32, 16] : (stryCov_9fa48("928"), options.hidden ?? (stryMutAct_9fa48("929") ? [] : (stryCov_9fa48("929"), [32, 16])));
    const epochs = stryMutAct_9fa48("930") ? options.epochs && 6 : (stryCov_9fa48("930"), options.epochs ?? 6);
    const batchSize = stryMutAct_9fa48("931") ? options.batchSize && 512 : (stryCov_9fa48("931"), options.batchSize ?? 512);
    const seed = stryMutAct_9fa48("932") ? options.seed && 1 : (stryCov_9fa48("932"), options.seed ?? 1);
    const chosen = sample(rows, stryMutAct_9fa48("933") ? options.maxRows && 200_000 : (stryCov_9fa48("933"), options.maxRows ?? 200_000), seed);
    const n = chosen.length;
    const p = x.length;
    const xs = new Float32Array(stryMutAct_9fa48("934") ? n / p : (stryCov_9fa48("934"), n * p));
    const ys = new Float32Array(n);
    for (let k = 0; stryMutAct_9fa48("937") ? k >= n : stryMutAct_9fa48("936") ? k <= n : stryMutAct_9fa48("935") ? false : (stryCov_9fa48("935", "936", "937"), k < n); stryMutAct_9fa48("938") ? k-- : (stryCov_9fa48("938"), k++)) {
      if (stryMutAct_9fa48("939")) {
        {}
      } else {
        stryCov_9fa48("939");
        const i = chosen[k]!;
        for (let j = 0; stryMutAct_9fa48("942") ? j >= p : stryMutAct_9fa48("941") ? j <= p : stryMutAct_9fa48("940") ? false : (stryCov_9fa48("940", "941", "942"), j < p); stryMutAct_9fa48("943") ? j-- : (stryCov_9fa48("943"), j++)) xs[stryMutAct_9fa48("944") ? k * p - j : (stryCov_9fa48("944"), (stryMutAct_9fa48("945") ? k / p : (stryCov_9fa48("945"), k * p)) + j)] = x[j]![i]!;
        ys[k] = Math.log1p(target[i]!);
      }
    }
    const widths = stryMutAct_9fa48("946") ? [] : (stryCov_9fa48("946"), [p, ...hidden, 1]);
    const vars = stryMutAct_9fa48("947") ? widths.map((out, l) => ({
      w: tf.variable(tf.randomNormal([widths[l]!, out], 0, Math.sqrt(2 / widths[l]!), 'float32', seed + l)),
      b: tf.variable(tf.zeros([out]))
    })) : (stryCov_9fa48("947"), widths.slice(1).map(stryMutAct_9fa48("948") ? () => undefined : (stryCov_9fa48("948"), (out, l) => stryMutAct_9fa48("949") ? {} : (stryCov_9fa48("949"), {
      w: tf.variable(tf.randomNormal(stryMutAct_9fa48("950") ? [] : (stryCov_9fa48("950"), [widths[l]!, out]), 0, Math.sqrt(stryMutAct_9fa48("951") ? 2 * widths[l]! : (stryCov_9fa48("951"), 2 / widths[l]!)), stryMutAct_9fa48("952") ? "" : (stryCov_9fa48("952"), 'float32'), stryMutAct_9fa48("953") ? seed - l : (stryCov_9fa48("953"), seed + l))),
      b: tf.variable(tf.zeros(stryMutAct_9fa48("954") ? [] : (stryCov_9fa48("954"), [out])))
    }))));
    const forward = (input: Tf): Tf => {
      if (stryMutAct_9fa48("955")) {
        {}
      } else {
        stryCov_9fa48("955");
        let h = input;
        vars.forEach((v, l) => {
          if (stryMutAct_9fa48("956")) {
            {}
          } else {
            stryCov_9fa48("956");
            h = tf.add(tf.matMul(h, v.w), v.b);
            if (stryMutAct_9fa48("960") ? l >= vars.length - 1 : stryMutAct_9fa48("959") ? l <= vars.length - 1 : stryMutAct_9fa48("958") ? false : stryMutAct_9fa48("957") ? true : (stryCov_9fa48("957", "958", "959", "960"), l < (stryMutAct_9fa48("961") ? vars.length + 1 : (stryCov_9fa48("961"), vars.length - 1)))) h = tf.relu(h);
          }
        });
        return h;
      }
    };
    const optimizer = tf.train.adam(stryMutAct_9fa48("962") ? options.learningRate && 0.005 : (stryCov_9fa48("962"), options.learningRate ?? 0.005));
    const xAll = tf.tensor2d(xs, stryMutAct_9fa48("963") ? [] : (stryCov_9fa48("963"), [n, p]));
    const yAll = tf.tensor2d(ys, stryMutAct_9fa48("964") ? [] : (stryCov_9fa48("964"), [n, 1]));
    let order = Int32Array.from(stryMutAct_9fa48("965") ? {} : (stryCov_9fa48("965"), {
      length: n
    }), stryMutAct_9fa48("966") ? () => undefined : (stryCov_9fa48("966"), (_, k) => k));
    let s = seed;
    for (let epoch = 0; stryMutAct_9fa48("969") ? epoch >= epochs : stryMutAct_9fa48("968") ? epoch <= epochs : stryMutAct_9fa48("967") ? false : (stryCov_9fa48("967", "968", "969"), epoch < epochs); stryMutAct_9fa48("970") ? epoch-- : (stryCov_9fa48("970"), epoch++)) {
      if (stryMutAct_9fa48("971")) {
        {}
      } else {
        stryCov_9fa48("971");
        // A seeded shuffle per epoch.
        for (let k = stryMutAct_9fa48("972") ? n + 1 : (stryCov_9fa48("972"), n - 1); stryMutAct_9fa48("975") ? k <= 0 : stryMutAct_9fa48("974") ? k >= 0 : stryMutAct_9fa48("973") ? false : (stryCov_9fa48("973", "974", "975"), k > 0); stryMutAct_9fa48("976") ? k++ : (stryCov_9fa48("976"), k--)) {
          if (stryMutAct_9fa48("977")) {
            {}
          } else {
            stryCov_9fa48("977");
            s = (stryMutAct_9fa48("978") ? Math.imul(s, 1103515245) - 12345 : (stryCov_9fa48("978"), Math.imul(s, 1103515245) + 12345)) >>> 0;
            const j = stryMutAct_9fa48("979") ? s * (k + 1) : (stryCov_9fa48("979"), s % (stryMutAct_9fa48("980") ? k - 1 : (stryCov_9fa48("980"), k + 1)));
            const t = order[k]!;
            order[k] = order[j]!;
            order[j] = t;
          }
        }
        for (let from = 0; stryMutAct_9fa48("983") ? from >= n : stryMutAct_9fa48("982") ? from <= n : stryMutAct_9fa48("981") ? false : (stryCov_9fa48("981", "982", "983"), from < n); stryMutAct_9fa48("984") ? from -= batchSize : (stryCov_9fa48("984"), from += batchSize)) {
          if (stryMutAct_9fa48("985")) {
            {}
          } else {
            stryCov_9fa48("985");
            tf.tidy(() => {
              if (stryMutAct_9fa48("986")) {
                {}
              } else {
                stryCov_9fa48("986");
                const idx = tf.tensor1d(order.subarray(from, stryMutAct_9fa48("987") ? Math.max(n, from + batchSize) : (stryCov_9fa48("987"), Math.min(n, stryMutAct_9fa48("988") ? from - batchSize : (stryCov_9fa48("988"), from + batchSize)))), stryMutAct_9fa48("989") ? "" : (stryCov_9fa48("989"), 'int32'));
                const xb = tf.gather(xAll, idx);
                const yb = tf.gather(yAll, idx);
                optimizer.minimize(stryMutAct_9fa48("990") ? () => undefined : (stryCov_9fa48("990"), () => tf.losses.meanSquaredError(yb, forward(xb))));
              }
            });
          }
        }
      }
    }
    order = new Int32Array(0);
    const layers: DenseLayer[] = vars.map(stryMutAct_9fa48("991") ? () => undefined : (stryCov_9fa48("991"), v => stryMutAct_9fa48("992") ? {} : (stryCov_9fa48("992"), {
      weights: v.w.arraySync() as number[][],
      bias: v.b.arraySync() as number[]
    })));
    const fitted = tf.tidy(stryMutAct_9fa48("993") ? () => undefined : (stryCov_9fa48("993"), () => forward(xAll).dataSync() as Float32Array));
    xAll.dispose();
    yAll.dispose();
    vars.forEach(v => {
      if (stryMutAct_9fa48("994")) {
        {}
      } else {
        stryCov_9fa48("994");
        v.w.dispose();
        v.b.dispose();
      }
    });
    optimizer.dispose();
    return stryMutAct_9fa48("995") ? {} : (stryCov_9fa48("995"), {
      layers,
      factor: backTransformFactor(ys, fitted, stryMutAct_9fa48("996") ? options.correction && 'absolute' : (stryCov_9fa48("996"), options.correction ?? (stryMutAct_9fa48("997") ? "" : (stryCov_9fa48("997"), 'absolute'))))
    });
  }
}

/** The network's output (log1p scale) for one standardized feature row. */
export function applyMlp(head: MlpHead, x: ArrayLike<number>): number {
  if (stryMutAct_9fa48("998")) {
    {}
  } else {
    stryCov_9fa48("998");
    let input: ArrayLike<number> = x;
    for (let l = 0; stryMutAct_9fa48("1001") ? l >= head.layers.length : stryMutAct_9fa48("1000") ? l <= head.layers.length : stryMutAct_9fa48("999") ? false : (stryCov_9fa48("999", "1000", "1001"), l < head.layers.length); stryMutAct_9fa48("1002") ? l-- : (stryCov_9fa48("1002"), l++)) {
      if (stryMutAct_9fa48("1003")) {
        {}
      } else {
        stryCov_9fa48("1003");
        const {
          weights,
          bias
        } = head.layers[l]!;
        const out = new Float64Array(bias.length);
        for (let o = 0; stryMutAct_9fa48("1006") ? o >= bias.length : stryMutAct_9fa48("1005") ? o <= bias.length : stryMutAct_9fa48("1004") ? false : (stryCov_9fa48("1004", "1005", "1006"), o < bias.length); stryMutAct_9fa48("1007") ? o-- : (stryCov_9fa48("1007"), o++)) {
          if (stryMutAct_9fa48("1008")) {
            {}
          } else {
            stryCov_9fa48("1008");
            let v = bias[o]!;
            for (let i = 0; stryMutAct_9fa48("1011") ? i >= input.length : stryMutAct_9fa48("1010") ? i <= input.length : stryMutAct_9fa48("1009") ? false : (stryCov_9fa48("1009", "1010", "1011"), i < input.length); stryMutAct_9fa48("1012") ? i-- : (stryCov_9fa48("1012"), i++)) stryMutAct_9fa48("1013") ? v -= input[i]! * weights[i]![o]! : (stryCov_9fa48("1013"), v += stryMutAct_9fa48("1014") ? input[i]! / weights[i]![o]! : (stryCov_9fa48("1014"), input[i]! * weights[i]![o]!));
            out[o] = (stryMutAct_9fa48("1017") ? l < head.layers.length - 1 || v < 0 : stryMutAct_9fa48("1016") ? false : stryMutAct_9fa48("1015") ? true : (stryCov_9fa48("1015", "1016", "1017"), (stryMutAct_9fa48("1020") ? l >= head.layers.length - 1 : stryMutAct_9fa48("1019") ? l <= head.layers.length - 1 : stryMutAct_9fa48("1018") ? true : (stryCov_9fa48("1018", "1019", "1020"), l < (stryMutAct_9fa48("1021") ? head.layers.length + 1 : (stryCov_9fa48("1021"), head.layers.length - 1)))) && (stryMutAct_9fa48("1024") ? v >= 0 : stryMutAct_9fa48("1023") ? v <= 0 : stryMutAct_9fa48("1022") ? true : (stryCov_9fa48("1022", "1023", "1024"), v < 0)))) ? 0 : v;
          }
        }
        input = out;
      }
    }
    return input[0]!;
  }
}