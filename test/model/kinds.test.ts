// The model-kind registry: a kind is one object, and a kind registered from
// outside the library trains, saves, loads, predicts and backtests by name.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  backtest,
  dailyFromRows,
  loadModel,
  MODEL_KINDS,
  ModelError,
  predict,
  registerModelKind,
  resampleWeekly,
  saveModel,
  trainModels,
  type ModelKindDefinition,
} from '../../src/index.js';
import { modelKindNames } from '../../src/model/kinds/registry.js';
import { simpleRows } from '../helpers/synthetic.js';

/**
 * A toy kind: the last week's engagement per post times a factor per
 * horizon, fitted as Σ target / Σ feature over the train rows.
 */
const scaledNaive: ModelKindDefinition<{ scale: number }> = {
  name: 'scaled-naive',
  design: () => ({ features: ['last_engagement_per_post'], standardized: false }),
  fit: (_spec, { x, target, rows }) => {
    let num = 0;
    let den = 0;
    for (const k of rows) {
      num += target[k]!;
      den += x[0]![k]!;
    }
    return { scale: den > 0 ? num / den : 1 };
  },
  apply: (head, x) => head.scale * x[0]!,
  checkHead: (head, _p, target, fail) => {
    if (typeof head.scale !== 'number' || !Number.isFinite(head.scale)) fail(`${target}.scale must be a finite number`);
  },
};

const daily = dailyFromRows(simpleRows(12, '2024-01-01', '2024-10-31'));
const dir = mkdtempSync(join(tmpdir(), 'ef-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('model kinds', () => {
  it('lists the built-in kinds in the registry, in their order', () => {
    expect(modelKindNames().slice(0, MODEL_KINDS.length)).toEqual([...MODEL_KINDS]);
  });

  it('refuses a kind without a name, a taken name, or a missing method', () => {
    expect(() => registerModelKind({ ...scaledNaive, name: 'linear' })).toThrow(/'linear' is already registered/);
    expect(() => registerModelKind({ ...scaledNaive, name: '' })).toThrow(TypeError);
    const { fit: _fit, ...noFit } = scaledNaive;
    expect(() => registerModelKind({ ...noFit, name: 'no-fit' } as unknown as ModelKindDefinition)).toThrow(/'no-fit' has no fit\(\)/);
    expect(modelKindNames()).not.toContain('no-fit');
  });

  it('trains, saves, loads, predicts and backtests a kind registered from outside', async () => {
    expect(() => trainModels(daily, { preset: 'corrected', cutoff: '2024-09-30', model: 'scaled-naive' })).toThrow(
      /model must be one of linear, log-linear, ridge, mlp, naive, window-average \(/,
    );
    registerModelKind(scaledNaive);
    expect(modelKindNames()).toContain('scaled-naive');

    const trained = trainModels(daily, { preset: 'corrected', cutoff: '2024-09-30', calibrationWeeks: 4, model: 'scaled-naive' });
    const { model } = trained;
    expect(model.estimator).toEqual({ kind: 'scaled-naive' });
    expect(model.features).toEqual(['last_engagement_per_post']);
    expect(model.description).toMatch(/^scaled-naive per horizon/);
    // The fitted scales are the kind's own fit over the rows the training chose.
    const scales = Object.values(model.models).map((h) => (h as unknown as { scale: number }).scale);
    expect(scales.every((s) => Number.isFinite(s) && s > 0 && s !== 1)).toBe(true);

    const path = join(dir, 'scaled.json');
    await saveModel(model, path);
    const loaded = await loadModel(path);
    const weekly = resampleWeekly(daily, { preset: 'corrected' });
    const last = weekly.column('last_engagement_per_post');
    const forecasts = predict(loaded, daily, { asOf: '2024-10-27', intervals: [0.8] });
    expect(forecasts).toEqual(predict(model, daily, { asOf: '2024-10-27', intervals: [0.8] }));
    // Each forecast is the scale of its horizon times the origin week's feature.
    const date = weekly.column('date');
    for (const f of forecasts.filter((p) => !p.cold_start)) {
      const k = weekly.profileIds.indexOf(f.profile_id);
      let row = weekly.offsets[k]!;
      while (date[row]! < Date.parse(`${f.date}T00:00:00Z`) / 86_400_000) row++;
      const h = [
        'predicted_engagement_future_7d',
        'predicted_engagement_future_14d',
        'predicted_engagement_future_21d',
        'predicted_engagement_future_28d',
      ].indexOf(f.future_period);
      expect(f.predicted_engagement).toBeCloseTo(Math.max(0, scales[h]! * last[row]!), 9);
    }

    const result = backtest(daily, { models: ['scaled-naive'], origins: 2, step: 4, calibrationWeeks: 4 });
    expect(new Set(result.table.map((r) => r.model))).toEqual(new Set(['scaled-naive', 'naive']));
  });

  it("checks a stored head with the kind's own check", async () => {
    if (!modelKindNames().includes('scaled-naive')) registerModelKind(scaledNaive);
    const { model } = trainModels(daily, { preset: 'corrected', cutoff: '2024-09-30', calibrationWeeks: 0, model: 'scaled-naive' });
    const broken = JSON.parse(JSON.stringify(model));
    broken.models.engagement_future_14d.scale = 'x';
    const path = join(dir, 'broken.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, JSON.stringify(broken));
    await expect(loadModel(path)).rejects.toThrow(new ModelError(`${path}: engagement_future_14d.scale must be a finite number`));
  });
});
