import { designFeatures } from '../design.js';
import { applyMlp, fitMlpHead, type MlpHead, type MlpOptions } from '../mlp.js';
import { checkFactor, finite, type ModelKindDefinition } from './kind.js';

/** `mlp`: a small network per horizon on log1p of the target (tfjs, an optional peer; docs/models.md). */
export const mlpKind: ModelKindDefinition<MlpHead> = {
  name: 'mlp',
  logScale: true,
  checkSettings(spec, out) {
    if (spec.mlp !== undefined) out.mlp = spec.mlp as MlpOptions;
  },
  design: (spec) => ({ features: designFeatures(spec.features ?? 'robust', true), standardized: true }),
  fit: (spec, { x, target, rows, seed }) => fitMlpHead(x, target, rows, { seed, ...(spec.correction ? { correction: spec.correction } : {}), ...spec.mlp }),
  apply: (head, x) => Math.exp(applyMlp(head, x)) * head.factor - 1,
  checkHead(head, p, target, fail) {
    const layers = head.layers;
    let width = p;
    if (!Array.isArray(layers) || layers.length === 0) fail(`${target}.layers must be a list of dense layers`);
    (layers as unknown[]).forEach((layer: unknown, l: number) => {
      const dense = (layer !== null && typeof layer === 'object' && !Array.isArray(layer) ? layer : {}) as Record<string, unknown>;
      if (!Array.isArray(dense.weights) || !Array.isArray(dense.bias) || dense.weights.length !== width)
        fail(`${target}.layers[${l}] must have ${width} rows of weights and a bias`);
      const bias = dense.bias as unknown[];
      const out = bias.length;
      if (!bias.every(finite) || !(dense.weights as unknown[]).every((row) => Array.isArray(row) && row.length === out && row.every(finite)))
        fail(`${target}.layers[${l}] must hold finite numbers`);
      width = out;
    });
    if (width !== 1) fail(`${target}: the last layer must have one output`);
    checkFactor(head, target, fail);
  },
};
