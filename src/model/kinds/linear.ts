import { designFeatures } from '../design.js';
import { fitLinearHead } from '../estimators.js';
import { applyHead } from '../linear.js';
import { checkLinearHead, type LinearKindHead, type ModelKindDefinition } from './kind.js';

/** `linear`: least squares per horizon on the standardized design (minimum-norm when rank deficient). */
export const linearKind: ModelKindDefinition<LinearKindHead> = {
  name: 'linear',
  design: (spec) => ({ features: designFeatures(spec.features ?? 'robust', false), standardized: true }),
  fit: (_spec, { x, target, rows }) => fitLinearHead(x, target, rows, false) as LinearKindHead,
  apply: (head, x) => applyHead(head, x),
  checkHead: checkLinearHead,
};
