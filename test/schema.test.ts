// One validator per option: every entry point that takes the option rejects the same bad values the same way.
import { smallCorrectedModel } from './helpers/corrected.js';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ArgumentTypeError,
  dailyFromRows,
  evaluateModel,
  loadBuiltinModel,
  loadDaily,
  loadWeekly,
  ModelError,
  predict,
  resampleWeekly,
  trainModels,
} from '../src/index.js';
import { testTempDir } from './helpers/tmp.js';

function csv(): string {
  const dir = testTempDir('ef-options-');
  const file = join(dir, 'a.csv');
  writeFileSync(file, 'date,profile_id,followers,posts,engagement,reach,impressions\n2024-03-04,p,1,1,1,1,1\n2024-03-05,p,1,x,1,1,1\n');
  return file;
}

describe('option validators', () => {
  it('rejects an unknown onError in every loader (it never silently skips)', async () => {
    const file = csv();
    await expect(loadDaily(file, { onError: 'skp' as 'skip' })).rejects.toThrow(
      new ArgumentTypeError(`loadDaily: onError must be 'throw' or 'skip', got "skp"`),
    );
    await expect(loadWeekly(file, { onError: 'skp' as 'skip' })).rejects.toThrow(
      new ArgumentTypeError(`loadWeekly: onError must be 'throw' or 'skip', got "skp"`),
    );
    await expect(loadWeekly(file, { onError: 'skp' as 'skip', workers: 2 })).rejects.toThrow(ArgumentTypeError);
    expect(() => dailyFromRows([], { onError: 'skp' as 'skip' })).toThrow(ArgumentTypeError);
  });

  it('rejects bad workers and presets alike', async () => {
    const file = csv();
    await expect(loadWeekly(file, { workers: 0 })).rejects.toThrow('loadWeekly: workers must be a positive integer, got 0');
    await expect(loadWeekly(file, { preset: 'fancy' as 'notebook' })).rejects.toThrow(ArgumentTypeError);
    await expect(loadWeekly(file, { preset: 'corrected', workers: 0 })).rejects.toThrow(ArgumentTypeError);
    expect(() => resampleWeekly(dailyFromRows([]), { preset: 'fancy' as 'notebook' })).toThrow("resampleWeekly: preset must be 'notebook' or 'corrected'");
  });

  it('rejects a date that is not a real YYYY-MM-DD day in training and prediction alike', () => {
    const weekly = resampleWeekly(dailyFromRows([{ date: '2024-03-04', profile_id: 'p', posts: 1, engagement: 1, reach: 1, impressions: 1 }]));
    expect(() => trainModels(weekly, { cutoff: '2024-02-30' })).toThrow(
      new ArgumentTypeError('trainModels: cutoff must be a day that exists, got "2024-02-30" (2024-02 has 29 days)'),
    );
    expect(() => predict(loadBuiltinModel(), [], { since: '2024-2-3' })).toThrow(ArgumentTypeError);
  });

  it('raises a preset mismatch as a ModelError wherever it is found', () => {
    const weekly = resampleWeekly(dailyFromRows([{ date: '2024-03-04', profile_id: 'p', posts: 1, engagement: 1, reach: 1, impressions: 1 }]));
    const model = smallCorrectedModel();
    expect(() => predict(model, weekly)).toThrow(ModelError);
    expect(() => evaluateModel(model, weekly)).toThrow(ModelError);
  });
});
