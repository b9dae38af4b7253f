// Model files edited by hand that would still load and give other numbers:
// each is a ModelError at load, naming what does not fit.
import { describe, expect, it } from 'vitest';
import { ModelError, validateModel } from '../../src/index.js';
import { smallCorrectedModel } from '../helpers/corrected.js';

/** A model file's JSON, loosely typed for editing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hand edits reach anywhere in the file
type Json = Record<string, any>;

/** The small corrected model as its file holds it, edited. */
function edited(edit: (m: Json) => void): Record<string, unknown> {
  const m = JSON.parse(JSON.stringify(smallCorrectedModel()));
  edit(m);
  return m;
}

describe('a hand-edited model file', () => {
  it('loads unedited', () => {
    expect(() =>
      validateModel(
        edited(() => undefined),
        'm.json',
      ),
    ).not.toThrow();
  });

  const cases: [string, (m: Json) => void, string][] = [
    [
      'features reordered, not the scaler’s',
      (m) => void ([m.features[0], m.features[1]] = [m.features[1], m.features[0]]),
      'm.json: features must be scaler.features, in the same order',
    ],
    [
      'estimator.kind changed on log-scale heads',
      (m) => void (m.estimator.kind = 'linear'),
      "m.json: engagement_future_7d has a back-transform factor, which only log-scale kinds' heads have: estimator.kind 'linear' does not match its heads",
    ],
    [
      'an unknown interval scale column',
      (m) => void (m.intervals.scale = 'followers'),
      'm.json: intervals.scale must be \'engagement_per_post_13w\', got "followers"',
    ],
    [
      'an unknown interval method',
      (m) => void (m.intervals.method = 'bootstrap'),
      'm.json: intervals.method must be \'split-conformal, |actual - forecast| / profile scale\', got "bootstrap"',
    ],
    [
      'quantiles out of order',
      (m) => void m.intervals.horizons.engagement_future_14d.quantiles.reverse(),
      'm.json: intervals.horizons.engagement_future_14d must hold n > 0 and 201 finite non-negative quantiles in increasing order',
    ],
  ];
  for (const [what, edit, message] of cases) {
    it(`is a ModelError: ${what}`, () => {
      const model = edited(edit);
      expect(() => validateModel(model, 'm.json')).toThrow(ModelError);
      expect(() => validateModel(model, 'm.json')).toThrow(message);
    });
  }
});
