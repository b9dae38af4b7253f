import { designFeatures } from '../design.js';
import { fitLinearHead, LOG_JITTER, logHeadFromSums } from '../estimators.js';
import { applyHead } from '../linear.js';
import { checkFactor, checkLinearHead, type LogLinearKindHead, type ModelKindDefinition } from './kind.js';

/**
 * `log-linear` (the corrected preset's default): least squares on log1p of
 * the target, mapped back by e^p · factor − 1 (`BackTransform`).
 */
export const logLinearKind: ModelKindDefinition<LogLinearKindHead> = {
  name: 'log-linear',
  logScale: true,
  design: (spec) => ({ features: designFeatures(spec.features ?? 'robust', true), standardized: true }),
  fit: (spec, { x, target, rows }) => fitLinearHead(x, target, rows, true, spec.correction ?? 'absolute') as LogLinearKindHead,
  sums: {
    transform: Math.log1p,
    solve: (sums, spec, x, target, rows) => logHeadFromSums(sums, x, target, rows, spec.correction ?? 'absolute') as LogLinearKindHead,
  },
  // In an engine: on log1p of the target, with a negligible ridge (as `fitLinearHead`).
  engineFit: (spec) => ({ scale: 'log', lambda: LOG_JITTER, correction: spec.correction ?? 'absolute' }),
  apply: (head, x) => Math.exp(applyHead(head, x)) * head.factor - 1,
  checkHead(head, p, target, fail) {
    checkLinearHead(head, p, target, fail);
    checkFactor(head, target, fail);
  },
};
