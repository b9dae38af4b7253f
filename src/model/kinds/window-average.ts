import { ArgumentRangeError } from '../../errors.js';
import type { FeatureKindHead, ModelKindDefinition } from './kind.js';

/** `window-average`: the pooled engagement per post of the last 4 or 13 weeks, for every horizon (a baseline). */
export const windowAverageKind: ModelKindDefinition<FeatureKindHead> = {
  name: 'window-average',
  checkSettings(spec, out, where) {
    const weeks = spec.weeks ?? 13;
    if (weeks !== 4 && weeks !== 13)
      throw new ArgumentRangeError(`${where}: model.weeks must be 4 or 13 for a window average, got ${JSON.stringify(spec.weeks)}`);
    out.weeks = weeks;
  },
  design: (spec) => ({ features: [`engagement_per_post_${spec.weeks ?? 13}w`], standardized: false }),
  checkDesign: (features) => (features.length === 1 ? null : 'a window-average model reads one feature'),
  fit: () => ({}),
  // In an engine: nothing fitted, the one feature is the forecast.
  engineFit: () => ({ scale: 'raw', given: { coef: [1], intercept: 0 } }),
  apply: (_head, x) => x[0]!,
  checkHead: () => {},
  description: (spec) => `window-average ${spec.weeks ?? 13} weeks`,
  tableName: (spec) => `window-average ${spec.weeks ?? 13}w`,
};
