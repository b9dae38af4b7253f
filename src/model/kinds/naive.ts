import type { FeatureKindHead, ModelKindDefinition } from './kind.js';

/** `naive`: the engagement per post of the profile's last week with posts, for every horizon (a baseline). */
export const naiveKind: ModelKindDefinition<FeatureKindHead> = {
  name: 'naive',
  design: () => ({ features: ['last_engagement_per_post'], standardized: false }),
  checkDesign: (features) => (features.length === 1 ? null : 'a naive model reads one feature'),
  fit: () => ({}),
  // In an engine: nothing fitted, the one feature is the forecast.
  engineFit: () => ({ scale: 'raw', given: { coef: [1], intercept: 0 } }),
  apply: (_head, x) => x[0]!,
  checkHead: () => {},
};
