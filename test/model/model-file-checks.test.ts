// validateModel, check by check: each case breaks one field of a valid model
// and must get its own whole message; the valid models of every kind pass.
import { describe, expect, it } from 'vitest';
import { FEATURES, ModelError, TARGETS, loadBuiltinModel, saveModel, validateModel } from '../../src/index.js';
import { COLD_START_FEATURES } from '../../src/model/cold-start.js';
import { MODEL_KINDS } from '../../src/model/model-file.js';
import { smallCorrectedModel } from '../helpers/corrected.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const grid = () => ({ n: 40, quantiles: Array.from({ length: 201 }, (_, k) => k / 100) });
const byTarget = <T>(make: (t: string) => T) => Object.fromEntries(TARGETS.map((t) => [t, make(t)]));

/** The small corrected model as JSON, with cold-start heads and their intervals. */
function corrected(): Json {
  const m = JSON.parse(JSON.stringify(smallCorrectedModel()));
  m.coldStart = {
    features: [...COLD_START_FEATURES],
    scaler: { features: [...COLD_START_FEATURES], mean: [0, 1, 2], var: [1, 1, 1], scale: [1, 2, 3], nSamplesSeen: [9, 9, 9] },
    models: byTarget(() => ({ coef: [0.1, 0.2, 0.3], intercept: 1, factor: 1.1 })),
    intervals: byTarget(grid),
  };
  return m;
}

/** A two-layer network over the corrected model's 16 features. */
function mlp(): Json {
  const m = corrected();
  m.estimator = { kind: 'mlp' };
  m.models = byTarget(() => ({
    layers: [
      { weights: m.features.map(() => [0.1, -0.1]), bias: [0, 0] },
      { weights: [[1], [2]], bias: [0.5] },
    ],
    factor: 1,
  }));
  return m;
}

function messageOf(m: unknown): string {
  try {
    validateModel(m);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as Error).message;
  }
  return '(no error)';
}

const kinds = MODEL_KINDS.join(', ');
const targets = TARGETS.join(', ');
const [t7, t14, t21, t28] = TARGETS;

const cases: [string, () => Json, (m: Json) => void, string][] = [
  ['not an object', corrected, (m) => Object.keys(m).forEach((k) => delete m[k]), 'not an engagement-forecast model file (no formatVersion)'],
  [
    'format 1 with the corrected preset',
    () => JSON.parse(JSON.stringify(loadBuiltinModel())),
    (m) => (m.preset = 'corrected'),
    "format 1 models are notebook-preset least squares; a 'corrected' model is written as format 2",
  ],
  ['no features', corrected, (m) => (m.features = []), 'features must be a list of corrected-preset columns (or log1p(column)); see docs/features.md'],
  [
    'an unknown column',
    corrected,
    (m) => (m.features[2] = 'log1p(likes_13w)'),
    'features must be a list of corrected-preset columns (or log1p(column)); see docs/features.md',
  ],
  [
    'a feature not a string',
    corrected,
    (m) => (m.features[0] = 3),
    'features must be a list of corrected-preset columns (or log1p(column)); see docs/features.md',
  ],
  [
    'features not a list',
    corrected,
    (m) => (m.features = 'weeks_since_post'),
    'features must be a list of corrected-preset columns (or log1p(column)); see docs/features.md',
  ],
  ['no estimator', corrected, (m) => delete m.estimator, `estimator.kind must be a model kind (${kinds})`],
  ['an unknown kind', corrected, (m) => (m.estimator.kind = 'forest'), `estimator.kind must be a model kind (${kinds})`],
  ['a naive model of two features', corrected, (m) => (m.estimator.kind = 'naive'), 'a naive model reads one feature'],
  ['a window-average model of two features', corrected, (m) => (m.estimator.kind = 'window-average'), 'a window-average model reads one feature'],
  ['format 2 with the notebook preset', corrected, (m) => (m.preset = 'notebook'), 'format 2 models are corrected-preset models'],
  ['cold start not an object', corrected, (m) => (m.coldStart = 'yes'), 'coldStart.features must be a list of corrected-preset columns'],
  ['cold-start features not a list', corrected, (m) => (m.coldStart.features = 'followers'), 'coldStart.features must be a list of corrected-preset columns'],
  [
    'a cold-start feature unknown',
    corrected,
    (m) => (m.coldStart.features[1] = 'log1p(likes)'),
    'coldStart.features must be a list of corrected-preset columns',
  ],
  ['a cold-start feature not a string', corrected, (m) => (m.coldStart.features[1] = null), 'coldStart.features must be a list of corrected-preset columns'],
  ['no cold-start scaler', corrected, (m) => delete m.coldStart.scaler, 'coldStart.scaler must hold 3 finite means and positive scales'],
  ['cold-start means too few', corrected, (m) => m.coldStart.scaler.mean.pop(), 'coldStart.scaler must hold 3 finite means and positive scales'],
  ['cold-start scales too few', corrected, (m) => m.coldStart.scaler.scale.pop(), 'coldStart.scaler must hold 3 finite means and positive scales'],
  ['a cold-start scale of 0', corrected, (m) => (m.coldStart.scaler.scale[2] = 0), 'coldStart.scaler must hold 3 finite means and positive scales'],
  ['a cold-start mean missing', corrected, (m) => (m.coldStart.scaler.mean[1] = null), 'coldStart.scaler must hold 3 finite means and positive scales'],
  ['no cold-start heads', corrected, (m) => delete m.coldStart.models, `coldStart.models.${t7} must be a log-linear head of 3 coefficients`],
  ['a cold-start head missing', corrected, (m) => delete m.coldStart.models[t21], `coldStart.models.${t21} must be a log-linear head of 3 coefficients`],
  [
    'cold-start coefficients not a list',
    corrected,
    (m) => (m.coldStart.models[t14].coef = 1),
    `coldStart.models.${t14} must be a log-linear head of 3 coefficients`,
  ],
  [
    'cold-start coefficients too few',
    corrected,
    (m) => m.coldStart.models[t14].coef.pop(),
    `coldStart.models.${t14} must be a log-linear head of 3 coefficients`,
  ],
  [
    'a cold-start coefficient missing',
    corrected,
    (m) => (m.coldStart.models[t14].coef[0] = null),
    `coldStart.models.${t14} must be a log-linear head of 3 coefficients`,
  ],
  [
    'a cold-start intercept missing',
    corrected,
    (m) => (m.coldStart.models[t28].intercept = null),
    `coldStart.models.${t28} must be a log-linear head of 3 coefficients`,
  ],
  [
    'a cold-start factor missing',
    corrected,
    (m) => delete m.coldStart.models[t28].factor,
    `coldStart.models.${t28} must be a log-linear head of 3 coefficients`,
  ],
  ['a cold-start factor of 0', corrected, (m) => (m.coldStart.models[t28].factor = 0), `coldStart.models.${t28} must be a log-linear head of 3 coefficients`],
  [
    'cold-start intervals not an object',
    corrected,
    (m) => (m.coldStart.intervals = 'wide'),
    `coldStart.intervals.${t7} must hold n > 0 and 201 finite non-negative quantiles in increasing order`,
  ],
  [
    'a cold-start horizon without scores',
    corrected,
    (m) => (m.coldStart.intervals[t21].n = 0),
    `coldStart.intervals.${t21} must hold n > 0 and 201 finite non-negative quantiles in increasing order`,
  ],
  [
    'a cold-start grid too short',
    corrected,
    (m) => m.coldStart.intervals[t21].quantiles.pop(),
    `coldStart.intervals.${t21} must hold n > 0 and 201 finite non-negative quantiles in increasing order`,
  ],
  [
    'a cold-start quantile below 0',
    corrected,
    (m) => (m.coldStart.intervals[t28].quantiles[0] = -0.5),
    `coldStart.intervals.${t28} must hold n > 0 and 201 finite non-negative quantiles in increasing order`,
  ],
  ['intervals not an object', corrected, (m) => (m.intervals = [1]), 'intervals must be a calibration object (or null)'],
  ['no interval horizons', corrected, (m) => delete m.intervals.horizons, 'intervals must be a calibration object (or null)'],
  ['an interval floor as text', corrected, (m) => (m.intervals.floor = '1'), 'intervals must be a calibration object (or null)'],
  ['an interval floor of 0', corrected, (m) => (m.intervals.floor = 0), 'intervals must be a calibration object (or null)'],
  [
    'a horizon with a count as text',
    corrected,
    (m) => (m.intervals.horizons[t14].n = '40'),
    `intervals.horizons.${t14} must hold n > 0 and 201 finite non-negative quantiles in increasing order`,
  ],
  [
    'a horizon without quantiles',
    corrected,
    (m) => delete m.intervals.horizons[t28].quantiles,
    `intervals.horizons.${t28} must hold n > 0 and 201 finite non-negative quantiles in increasing order`,
  ],
  [
    'a quantile missing',
    corrected,
    (m) => (m.intervals.horizons[t28].quantiles[7] = null),
    `intervals.horizons.${t28} must hold n > 0 and 201 finite non-negative quantiles in increasing order`,
  ],
  ['no heads', corrected, (m) => (m.models = null), 'the models are missing'],
  ['a head missing', corrected, (m) => delete m.models[t21], `the model for ${t21} is missing`],
  ['coefficients too few', corrected, (m) => m.models[t7].coef.pop(), `${t7}.coef must be 16 finite numbers`],
  ['a coefficient missing', corrected, (m) => (m.models[t7].coef[15] = null), `${t7}.coef must be 16 finite numbers`],
  ['an intercept missing', corrected, (m) => (m.models[t14].intercept = null), `${t14}.intercept must be a finite number`],
  ['a log-linear factor of 0', corrected, (m) => (m.models[t21].factor = 0), `${t21}.factor must be a finite positive number`],
  ['a log-linear factor missing', corrected, (m) => delete m.models[t21].factor, `${t21}.factor must be a finite positive number`],
  ['unknown input scaling', corrected, (m) => (m.inputScaling = 'minmax'), "inputScaling must be 'none' or 'standard'"],
  ['no scaler', corrected, (m) => delete m.scaler, 'the scaler is missing'],
  ['scaler variances too few', corrected, (m) => m.scaler.var.pop(), 'scaler.var must be 16 numbers'],
  ['scaler counts not a list', corrected, (m) => (m.scaler.nSamplesSeen = 9), 'scaler.nSamplesSeen must be 16 numbers'],
  ['a mean missing under standard scaling', corrected, (m) => (m.scaler.mean[4] = null), 'scaler.mean must be finite numbers when inputScaling is standard'],
  [
    'a scale missing under standard scaling',
    corrected,
    (m) => (m.scaler.scale[4] = null),
    'scaler.scale must be finite positive numbers when inputScaling is standard',
  ],
  [
    'a negative scale under standard scaling',
    corrected,
    (m) => (m.scaler.scale[4] = -1),
    'scaler.scale must be finite positive numbers when inputScaling is standard',
  ],
  ['another library', corrected, (m) => (m.library.name = 'other'), 'library must name engagement-forecast and its version'],
  ['a version as a number', corrected, (m) => (m.library.version = 3), 'library must name engagement-forecast and its version'],
  ['metrics not an object', corrected, (m) => (m.metrics = [1]), 'metrics must be an object per target, or null'],
  ['a metric as text', corrected, (m) => (m.metrics[t28].MAE = 'low'), `metrics.${t28}.MAE must be a number or null`],
  ['a horizon without metrics', corrected, (m) => delete m.metrics[t14], `metrics.${t14} must be an object of numbers (MAE, MSE, RMSE, R2)`],
  ['a baseline without test rows', corrected, (m) => (m.baseline = { MAE: 1, RMSE: 1, R2: 0, trainRows: 4 }), 'baseline.testRows must be a number or null'],
  ['training as text', corrected, (m) => (m.training = 'yes'), 'training must be an object, or null'],
  ['a training end not a date', corrected, (m) => (m.training.to = '2024-13-01'), 'training.to must be a date written YYYY-MM-DD'],
  ['a training start missing', corrected, (m) => delete m.training.from, 'training.from must be a date written YYYY-MM-DD'],
  ['training rows as text', corrected, (m) => (m.training.rows = 'many'), 'training.rows must be an object'],
  ['a gap count as text', corrected, (m) => (m.training.rows.gap = 'four'), 'training.rows.gap must be a number or null'],
  ['calibration counts missing', corrected, (m) => delete m.training.rows.calibration, `training.rows.calibration must be an object of numbers (${targets})`],
  ['a test count as text', corrected, (m) => (m.training.rows.test[t7] = 'few'), `training.rows.test.${t7} must be a number or null`],
  [
    'notebook row counts missing one',
    () => ({
      ...JSON.parse(JSON.stringify(loadBuiltinModel())),
      training: { cutoff: '2024-01-01', from: '2023-01-01', to: '2024-02-01', rows: { weekly: 1 } },
    }),
    () => {},
    'training.rows.afterTargetDrop must be a number or null',
  ],
  ['an mlp without layers', mlp, (m) => (m.models[t7].layers = []), `${t7}.layers must be a list of dense layers`],
  ['an mlp layer of the wrong height', mlp, (m) => m.models[t7].layers[0].weights.pop(), `${t7}.layers[0] must have 16 rows of weights and a bias`],
  ['an mlp layer without a bias', mlp, (m) => delete m.models[t14].layers[1].bias, `${t14}.layers[1] must have 2 rows of weights and a bias`],
  ['an mlp weight missing', mlp, (m) => (m.models[t14].layers[1].weights[1][0] = null), `${t14}.layers[1] must hold finite numbers`],
  ['an mlp row of the wrong width', mlp, (m) => m.models[t14].layers[0].weights[3].pop(), `${t14}.layers[0] must hold finite numbers`],
  ['an mlp bias missing', mlp, (m) => (m.models[t14].layers[0].bias[1] = null), `${t14}.layers[0] must hold finite numbers`],
  ['an mlp of two outputs', mlp, (m) => m.models[t21].layers.pop(), `${t21}: the last layer must have one output`],
  ['an mlp factor of 0', mlp, (m) => (m.models[t28].factor = 0), `${t28}.factor must be a finite positive number`],
  // Values of the right look but the wrong type, and blocks of the wrong kind: each check is strict on its own.
  ['a cold-start scale as text', corrected, (m) => (m.coldStart.scaler.scale[0] = '1'), 'coldStart.scaler must hold 3 finite means and positive scales'],
  ['a cold-start mean as text', corrected, (m) => (m.coldStart.scaler.mean[0] = '0'), 'coldStart.scaler must hold 3 finite means and positive scales'],
  ['a cold-start scaler as a list', corrected, (m) => (m.coldStart.scaler = [1, 2, 3]), 'coldStart.scaler must hold 3 finite means and positive scales'],
  ['cold-start heads as text', corrected, (m) => (m.coldStart.models = 'linear'), `coldStart.models.${t7} must be a log-linear head of 3 coefficients`],
  [
    'a cold-start coefficient as text',
    corrected,
    (m) => (m.coldStart.models[t14].coef[2] = '0.3'),
    `coldStart.models.${t14} must be a log-linear head of 3 coefficients`,
  ],
  [
    'a cold-start intercept as text',
    corrected,
    (m) => (m.coldStart.models[t14].intercept = '1'),
    `coldStart.models.${t14} must be a log-linear head of 3 coefficients`,
  ],
  [
    'a cold-start factor as text',
    corrected,
    (m) => (m.coldStart.models[t14].factor = '1.1'),
    `coldStart.models.${t14} must be a log-linear head of 3 coefficients`,
  ],
  [
    'a cold-start head as a list',
    corrected,
    (m) => (m.coldStart.models[t7] = [0.1, 0.2, 0.3]),
    `coldStart.models.${t7} must be a log-linear head of 3 coefficients`,
  ],
  [
    'a cold-start quantile as text',
    corrected,
    (m) => (m.coldStart.intervals[t7].quantiles[5] = '0.05'),
    `coldStart.intervals.${t7} must hold n > 0 and 201 finite non-negative quantiles in increasing order`,
  ],
  [
    'a quantile as text',
    corrected,
    (m) => (m.intervals.horizons[t7].quantiles[3] = '0.03'),
    `intervals.horizons.${t7} must hold n > 0 and 201 finite non-negative quantiles in increasing order`,
  ],
  ['interval horizons as a list', corrected, (m) => (m.intervals.horizons = [grid()]), `intervals must be a calibration object (or null)`],
  ['the estimator as a list', corrected, (m) => (m.estimator = ['linear']), `estimator.kind must be a model kind (${kinds})`],
  ['heads as a list', corrected, (m) => (m.models = [1, 2, 3, 4]), 'the models are missing'],
  ['a head as a list', corrected, (m) => (m.models[t7] = [0.1]), `the model for ${t7} is missing`],
  ['a coefficient as text', corrected, (m) => (m.models[t7].coef[0] = '0.1'), `${t7}.coef must be 16 finite numbers`],
  ['an intercept as text', corrected, (m) => (m.models[t14].intercept = '1'), `${t14}.intercept must be a finite number`],
  ['a log-linear factor as text', corrected, (m) => (m.models[t21].factor = '1'), `${t21}.factor must be a finite positive number`],
  ['a scaler as a list', corrected, (m) => (m.scaler = [1]), 'the scaler is missing'],
  ['a scaler mean as text', corrected, (m) => (m.scaler.mean[0] = '0'), 'scaler.mean must be 16 numbers'],
  ['a library of null', corrected, (m) => (m.library = null), 'library must name engagement-forecast and its version'],
  ['a library as a list', corrected, (m) => (m.library = ['engagement-forecast']), 'library must name engagement-forecast and its version'],
  ['a horizon of metrics as null', corrected, (m) => (m.metrics[t7] = null), `metrics.${t7} must be an object of numbers (MAE, MSE, RMSE, R2)`],
  ['training as a list', corrected, (m) => (m.training = []), 'training must be an object, or null'],
  ['an mlp layer as a list', mlp, (m) => (m.models[t7].layers[0] = [1, 2]), `${t7}.layers[0] must have 16 rows of weights and a bias`],
  ['an mlp layer of null', mlp, (m) => (m.models[t7].layers[1] = null), `${t7}.layers[1] must have 2 rows of weights and a bias`],
  ['an mlp weight row as a number', mlp, (m) => (m.models[t7].layers[1].weights[0] = 1), `${t7}.layers[1] must hold finite numbers`],
  ['an mlp weight as text', mlp, (m) => (m.models[t7].layers[1].weights[0][0] = '1'), `${t7}.layers[1] must hold finite numbers`],
  ['an mlp bias as text', mlp, (m) => (m.models[t7].layers[1].bias[0] = '0.5'), `${t7}.layers[1] must hold finite numbers`],
  ['an mlp factor as text', mlp, (m) => (m.models[t7].factor = '1'), `${t7}.factor must be a finite positive number`],
  ['an mlp weight missing in a wide row', mlp, (m) => (m.models[t7].layers[0].weights[2][1] = null), `${t7}.layers[0] must hold finite numbers`],
  [
    'a mean of NaN under standard scaling',
    corrected,
    (m) => (m.scaler.mean[2] = Number.NaN),
    'scaler.mean must be finite numbers when inputScaling is standard',
  ],
  [
    'a scale of Infinity under standard scaling',
    corrected,
    (m) => (m.scaler.scale[2] = Number.POSITIVE_INFINITY),
    'scaler.scale must be finite positive numbers when inputScaling is standard',
  ],
  [
    'a format-1 model with an estimator and a broken head',
    () => JSON.parse(JSON.stringify(loadBuiltinModel())),
    (m) => {
      m.estimator = { kind: 'naive' };
      m.models[t7].coef.pop();
    },
    `${t7}.coef must be 21 finite numbers`,
  ],
  [
    'format-1 features out of order',
    () => JSON.parse(JSON.stringify(loadBuiltinModel())),
    (m) => m.features.reverse(),
    `features must be the 21 model features in order (${FEATURES.join(', ')})`,
  ],
  [
    'format-1 features one short',
    () => JSON.parse(JSON.stringify(loadBuiltinModel())),
    (m) => m.features.pop(),
    `features must be the 21 model features in order (${FEATURES.join(', ')})`,
  ],
  [
    'format-1 features not a list',
    () => JSON.parse(JSON.stringify(loadBuiltinModel())),
    (m) => (m.features = 'all'),
    `features must be the 21 model features in order (${FEATURES.join(', ')})`,
  ],
  [
    'format-1 features with one changed',
    () => JSON.parse(JSON.stringify(loadBuiltinModel())),
    (m) => (m.features[20] = 'likes'),
    `features must be the 21 model features in order (${FEATURES.join(', ')})`,
  ],
  ['mlp layers as an object', mlp, (m) => (m.models[t7].layers = { 0: m.models[t7].layers[0] }), `${t7}.layers must be a list of dense layers`],
];

describe('validateModel, check by check', () => {
  it('passes the valid models: corrected with cold start and intervals, without them, an mlp, a naive model, the built-in model', () => {
    expect(messageOf(corrected())).toBe('(no error)');
    expect(messageOf({ ...corrected(), coldStart: null, intervals: null })).toBe('(no error)');
    // The optional blocks, null or absent.
    expect(messageOf({ ...corrected(), metrics: null, baseline: null, training: null })).toBe('(no error)');
    const without = corrected();
    for (const key of ['metrics', 'baseline', 'training', 'coldStart', 'intervals']) delete without[key];
    expect(messageOf(without)).toBe('(no error)');
    const withBaseline = { ...corrected(), baseline: { MAE: 1, RMSE: 2, R2: 0.5, trainRows: 4, testRows: null } };
    expect(messageOf(withBaseline)).toBe('(no error)');
    expect(validateModel(withBaseline).baseline).toEqual({ MAE: 1, RMSE: 2, R2: 0.5, trainRows: 4, testRows: Number.NaN });
    const noColdIntervals = corrected();
    noColdIntervals.coldStart.intervals = null;
    expect(messageOf(noColdIntervals)).toBe('(no error)');
    expect(messageOf(mlp())).toBe('(no error)');
    const naive = {
      ...corrected(),
      estimator: { kind: 'naive' },
      features: ['last_engagement_per_post'],
      scaler: { features: ['last_engagement_per_post'], mean: [2], var: [4], scale: [2], nSamplesSeen: [9] },
      models: byTarget(() => ({})),
    };
    expect(messageOf(naive)).toBe('(no error)');
    expect(messageOf({ ...naive, estimator: { kind: 'window-average' } })).toBe('(no error)');
    expect(messageOf(JSON.parse(JSON.stringify(loadBuiltinModel())))).toBe('(no error)');
  });

  it('refuses what is not an object, and names saveModel when it refuses there', async () => {
    for (const value of [null, 3, 'model', [corrected()]]) expect(messageOf(value), JSON.stringify(value)).toBe('model: not a model: expected a JSON object');
    const broken = corrected();
    delete broken.scaler;
    await expect(saveModel(broken, '/nonexistent-dir/model.json')).rejects.toThrow('saveModel: the scaler is missing');
  });

  it('keeps cold-start heads without intervals, a scaler left unapplied as it is, and a field named like a target', () => {
    const noIntervals = corrected();
    delete noIntervals.coldStart.intervals;
    expect(messageOf(noIntervals)).toBe('(no error)');
    // Under inputScaling 'none' the scaler is not applied: its values need not be usable.
    const naive = {
      ...corrected(),
      estimator: { kind: 'naive' },
      features: ['last_engagement_per_post'],
      inputScaling: 'none',
      scaler: { features: ['last_engagement_per_post'], mean: [null], var: [0], scale: [0], nSamplesSeen: [4] },
    };
    naive.models = byTarget(() => ({}));
    expect(messageOf(naive)).toBe('(no error)');
    // An own field named like a target is left as it is (the alias is added only where there is none).
    expect((validateModel({ ...corrected(), [t7]: 'kept' }) as unknown as Record<string, unknown>)[t7]).toBe('kept');
  });

  it.each(cases)('refuses %s', (_, make, change, message) => {
    const m = make();
    change(m);
    expect(messageOf(m)).toBe(`model: ${message}`);
  });
});
