import { readFileSync, writeFileSync } from 'node:fs';
import { smallCorrectedModel } from '../helpers/corrected.js';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  FORMAT_VERSION,
  ModelError,
  VERSION,
  dailyFromRows,
  loadBuiltinModel,
  loadModel,
  predict,
  resampleWeekly,
  saveModel,
  trainModels,
  validateModel,
  type TrainResult,
} from '../../src/index.js';
import { simpleRows } from '../helpers/synthetic.js';
import { once } from '../helpers/once.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('ef-model-');
let trained: TrainResult;

// Set up by the first test (not in beforeAll): see helpers/once.ts.
beforeEach(
  once(() => {
    trained = trainModels(resampleWeekly(dailyFromRows(simpleRows(12, '2024-01-01', '2024-10-31'))), { cutoff: '2024-07-30' });
  }),
);

async function rejects(path: string, pattern: RegExp): Promise<void> {
  await expect(loadModel(path)).rejects.toSatisfy((e: unknown) => e instanceof ModelError && pattern.test((e as Error).message));
}

describe('model files', () => {
  it('save and load round-trip, keeping what the model knows about its training', async () => {
    const path = join(dir, 'model.json');
    await saveModel(trained.model, path);
    const loaded = await loadModel(path);
    expect(loaded).toEqual(trained.model);
    expect(loaded.formatVersion).toBe(FORMAT_VERSION);
    expect(loaded.library.version).toBe(VERSION);
    expect(loaded.training!.cutoff).toBe('2024-07-30');
    expect(loaded.training!.rows.train).toBe(trained.rows.train);
    expect(loaded.metrics!.engagement_future_7d.RMSE).toBe(trained.metrics.engagement_future_7d.RMSE);
  });

  it('keeps NaN metrics through JSON', async () => {
    const model = { ...trained.model, metrics: { ...trained.model.metrics!, engagement_future_7d: { MAE: 1, MSE: 1, RMSE: 1, R2: Number.NaN } } };
    const path = join(dir, 'nan.json');
    await saveModel(model, path);
    expect((await loadModel(path)).metrics!.engagement_future_7d.R2).toBeNaN();
  });

  it('says clearly what is wrong with a bad file', async () => {
    const good = readFileSync(join(dir, 'model.json'), 'utf8');
    const write = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    await rejects(join(dir, 'missing.json'), /cannot read the model file \(ENOENT\)/);
    await rejects(write('truncated.json', good.slice(0, good.length / 2)), /not valid JSON.*truncated/);
    await rejects(write('array.json', '[1,2]'), /not a model/);
    await rejects(write('other.json', '{"weights": []}'), /no formatVersion/);
    const obj = JSON.parse(good);
    await rejects(write('future.json', JSON.stringify({ ...obj, formatVersion: 99 })), /format version 99 is not supported/);
    await rejects(write('preset.json', JSON.stringify({ ...obj, preset: 'fancy' })), /unknown preset "fancy"/);
    await rejects(write('features.json', JSON.stringify({ ...obj, features: obj.features.slice(1) })), /features must be the 21 model features/);
    const shortCoef = { ...obj, models: { ...obj.models, engagement_future_14d: { coef: [1, 2], intercept: 0 } } };
    await rejects(write('coef.json', JSON.stringify(shortCoef)), /engagement_future_14d\.coef must be 21 finite numbers/);
    const noHead = { ...obj, models: { engagement_future_7d: obj.models.engagement_future_7d } };
    await rejects(write('heads.json', JSON.stringify(noHead)), /engagement_future_14d is missing/);
    await rejects(write('scaler.json', JSON.stringify({ ...obj, scaler: { ...obj.scaler, mean: [] } })), /scaler\.mean must be 21 numbers/);
  });

  it('refuses to predict with a model of another preset than the table', () => {
    const weekly = resampleWeekly(dailyFromRows(simpleRows(1, '2024-09-01', '2024-09-20')));
    const model = smallCorrectedModel();
    expect(() => predict(model, weekly)).toThrow(/trained with the 'corrected' preset but the weekly table was built with 'notebook'/);
    expect(() => validateModel({ ...loadBuiltinModel(), inputScaling: 'weird' })).toThrow(ModelError);
  });
});

describe('model heads', () => {
  it('are readable as model.models[target] and as model[target], without writing the alias to files', async () => {
    const model = trained.model as unknown as Record<string, unknown>;
    expect(model.engagement_future_21d).toBe(trained.model.models.engagement_future_21d);
    expect(JSON.parse(JSON.stringify(trained.model)).engagement_future_21d).toBeUndefined();
    const builtin = loadBuiltinModel() as unknown as Record<string, { coef: number[] }>;
    expect(builtin.engagement_future_7d!.coef).toHaveLength(21);
    const path = join(dir, 'alias.json');
    await saveModel(trained.model, path);
    expect(((await loadModel(path)) as unknown as Record<string, unknown>).engagement_future_28d).toEqual(trained.model.models.engagement_future_28d);
  });

  it('refuses models that load but cannot forecast', () => {
    const good = JSON.parse(JSON.stringify(loadBuiltinModel()));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a model as parsed JSON, edited by hand
    const cases: [string, (m: any) => void, RegExp][] = [
      [
        'standard scaling with scale 0',
        (m) => Object.assign(m, { inputScaling: 'standard', scaler: { ...m.scaler, scale: m.scaler.scale.map(() => 0) } }),
        /scaler\.scale must be finite positive numbers/,
      ],
      [
        'standard scaling with null scale',
        (m) => Object.assign(m, { inputScaling: 'standard', scaler: { ...m.scaler, scale: m.scaler.scale.map(() => null) } }),
        /scaler\.scale must be finite positive/,
      ],
      ['features as one joined string', (m) => (m.features = [m.features.join(',')]), /features must be the 21 model features/],
      ['metrics of the wrong shape', (m) => (m.metrics = { engagement_future_7d: 'good' }), /metrics\.engagement_future_7d must be an object of numbers/],
      ['training without dates', (m) => (m.training = { cutoff: 'soon', from: '2024-01-01', to: '2024-02-01', rows: {} }), /training\.cutoff must be a date/],
      [
        'training rows missing',
        (m) => (m.training = { cutoff: '2024-01-01', from: '2024-01-01', to: '2024-02-01', rows: { train: 'many' } }),
        /training\.rows\.weekly must be a number/,
      ],
      ['no description', (m) => delete m.description, /description must be a string/],
    ];
    for (const [name, change, message] of cases) {
      const m = JSON.parse(JSON.stringify(good));
      change(m);
      expect(() => validateModel(m), name).toThrow(ModelError);
      expect(() => validateModel(m), name).toThrow(message);
    }
  });

  it('reads metrics nested 10,000 deep as a ModelError, not a RangeError', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10000; i++) deep = { x: deep };
    const m = { ...JSON.parse(JSON.stringify(loadBuiltinModel())), metrics: deep };
    expect(() => validateModel(m)).toThrow(ModelError);
    const path = join(dir, 'deep.json');
    writeFileSync(path, `${JSON.stringify(loadBuiltinModel()).slice(0, -1)},"metrics":${'{"x":'.repeat(10000)}1${'}'.repeat(10000)}}`);
    await rejects(path, /metrics/);
  });

  it('checks a model again when it was changed after its first forecast', () => {
    const model = JSON.parse(JSON.stringify(trained.model));
    const rows = simpleRows(2, '2024-09-01', '2024-09-30');
    expect(predict(model, rows).length).toBeGreaterThan(0);
    model.models.engagement_future_7d.coef[3] = Number.NaN;
    expect(() => predict(model, rows)).toThrow(/engagement_future_7d\.coef must be 21 finite numbers/);
    model.models.engagement_future_7d.coef[3] = 0;
    model.inputScaling = 'standard';
    model.scaler.scale[0] = 0;
    expect(() => predict(model, rows)).toThrow(/scaler\.scale must be finite positive/);
  });
});
