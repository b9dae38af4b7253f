import { ArgumentRangeError } from '../../errors.js';
import { designFeatures } from '../design.js';
import { fitRidgeHead } from '../estimators.js';
import { applyHead } from '../linear.js';
import { checkLinearHead, type LinearKindHead, type ModelKindDefinition } from './kind.js';

/** The ridge penalty per row when none is given. */
const DEFAULT_LAMBDA = 0.01;

/** `ridge`: least squares with a penalty λ·n·‖β‖² on the standardized design (the intercept unpenalized). */
export const ridgeKind: ModelKindDefinition<LinearKindHead> = {
  name: 'ridge',
  checkSettings(spec, out, where) {
    const lambda = spec.lambda ?? DEFAULT_LAMBDA;
    if (typeof lambda !== 'number' || !(lambda > 0) || !Number.isFinite(lambda))
      throw new ArgumentRangeError(`${where}: model.lambda must be a positive number, got ${JSON.stringify(spec.lambda)}`);
    out.lambda = lambda;
  },
  design: (spec) => ({ features: designFeatures(spec.features ?? 'robust', false), standardized: true }),
  fit: (spec, { x, target, rows }) => fitRidgeHead(x, target, rows, spec.lambda ?? DEFAULT_LAMBDA) as LinearKindHead,
  sums: { solve: (sums, spec) => sums.solve(spec.lambda ?? DEFAULT_LAMBDA) as LinearKindHead },
  engineFit: (spec) => ({ scale: 'raw', lambda: spec.lambda ?? DEFAULT_LAMBDA }),
  apply: (head, x) => applyHead(head, x),
  checkHead: checkLinearHead,
};
