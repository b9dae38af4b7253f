import { designFeatures } from '../design.js';
import { fitLinearHead } from '../estimators.js';
import { applyHead } from '../linear.js';
import { checkLinearHead, type LinearKindHead, type ModelKindDefinition } from './kind.js';

/**
 * The largest condition number κ of the standardized design at which `linear` is solved from its normal equations
 * in an engine: their solution then stays within about κ²·ε ≤ 9e-10 (of the largest coefficient) of the QR fit
 * `trainModels` makes. Past it, `trainInEngine` refuses (a QR needs the rows; `trainModels` has them). The
 * corrected preset's design measured 150–600 on the tests' data.
 */
const ENGINE_MAX_CONDITION = 2000;

/** `linear`: least squares per horizon on the standardized design (minimum-norm when rank deficient). */
export const linearKind: ModelKindDefinition<LinearKindHead> = {
  name: 'linear',
  design: (spec) => ({ features: designFeatures(spec.features ?? 'robust', false), standardized: true }),
  fit: (_spec, { x, target, rows }) => fitLinearHead(x, target, rows, false) as LinearKindHead,
  engineFit: () => ({ scale: 'raw', lambda: 0, maxCondition: ENGINE_MAX_CONDITION }),
  apply: (head, x) => applyHead(head, x),
  checkHead: checkLinearHead,
};
