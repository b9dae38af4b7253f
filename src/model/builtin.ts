import { FEATURES, TARGETS, type TargetName } from '../schema.js';
import { LIBRARY_NAME, VERSION } from '../version.js';
import { BUILTIN_FIGURES } from './builtin-figures.js';
import { FORMAT_VERSION, validateModel, type EngagementModel, type LinearHead } from './model-file.js';

/**
 * The published pretrained models of the original notebook (preset
 * `notebook`), shipped in the package: prediction works with no training.
 * Trained on the real data (137K profiles, 2023-01 to 2024-07-30); the
 * notebook reported test R² 0.88 / 0.86 / 0.86 / 0.84 for 7/14/21/28 days.
 *
 * @example predict(loadBuiltinModel(), rows)
 */
export function loadBuiltinModel(): EngagementModel {
  const models = {} as Record<TargetName, LinearHead>;
  for (const target of TARGETS) {
    const m = BUILTIN_FIGURES.models[target];
    models[target] = { coef: [...m.coef], intercept: m.intercept };
  }
  const s = BUILTIN_FIGURES.scaler;
  return validateModel(
    {
      formatVersion: FORMAT_VERSION,
      library: { name: LIBRARY_NAME, version: VERSION },
      preset: 'notebook',
      features: [...FEATURES],
      inputScaling: 'none',
      scaler: { features: [...s.features], mean: [...s.mean], var: [...s.var], scale: [...s.scale], nSamplesSeen: [...s.nSamplesSeen] },
      models,
      training: null,
      metrics: null,
      baseline: null,
      description: 'built-in: the published pretrained models of the original notebook (real data, cutoff 2024-07-30)',
    },
    'built-in model',
  );
}
