// predictFiles: predict over files through the fast path gives predict's
// forecasts over loadDaily of the same files, with and without asOf/since.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDaily } from '../src/generate.js';
import { loadBuiltinModel, loadDaily, predict, predictFiles, trainModels } from '../src/index.js';
import { once } from './helpers/once.js';
import { tempDir, testTempDir } from './helpers/tmp.js';

const dir = tempDir('ef-predict-files-');
const data = once(() => generateDaily({ profiles: 80, from: '2024-03-01', to: '2024-08-14', seed: 9 }, dir));

describe('predictFiles', () => {
  it('gives the forecasts of predict over loadDaily, for both presets, with and without asOf and since', async () => {
    await data();
    const daily = await loadDaily(dir);
    const corrected = trainModels(daily, { preset: 'corrected', cutoff: '2024-06-30', calibrationWeeks: 4 }).model;
    const cases = [
      [loadBuiltinModel(), {}],
      [loadBuiltinModel(), { asOf: '2024-07-17', since: '2024-05-01' }],
      [corrected, { intervals: [0.8] }],
      [corrected, { asOf: '2024-07-31', intervals: [0.8, 0.95] }],
    ] as const;
    for (const [model, options] of cases) {
      for (const workers of [1, 2]) {
        const { predictions, report } = await predictFiles(model, dir, { ...options, workers });
        expect(predictions, `${model.preset} ${JSON.stringify(options)}`).toEqual(predict(model, daily, options));
        const inWindow = Array.from(daily.day).filter(
          (d) =>
            (!('since' in options) || d >= Date.parse(`${options.since}T00:00:00Z`) / 864e5) &&
            (!('asOf' in options) || d <= Date.parse(`${options.asOf}T00:00:00Z`) / 864e5),
        ).length;
        expect([report.rows, report.outsideWindow]).toEqual([inWindow, daily.length - inWindow]);
      }
    }
  });

  it('flags a partial last week as predict does, and names a bad file line', async () => {
    const bad = testTempDir('ef-predict-files-bad-');
    const header = 'date,profile_id,followers,posts,engagement,likes,comments,reach,impressions\n';
    // Wednesday 2024-07-10 is the last day: its week (to Sunday the 14th) is partial.
    writeFileSync(join(bad, 'a.csv'), `${header}2024-07-01,p,10,1,5,4,1,7,8\n2024-07-10,p,11,1,9,8,1,7,8\n`);
    const model = loadBuiltinModel();
    const { predictions } = await predictFiles(model, bad);
    expect(predictions).toEqual(predict(model, await loadDaily(bad)));
    expect(predictions.every((p) => p.partial_week)).toBe(true);
    writeFileSync(join(bad, 'b.csv'), `${header}2024-07-11,q,1,x,1,1,0,1,1\n`);
    await expect(predictFiles(model, bad)).rejects.toThrow(`${join(bad, 'b.csv')}:2 (column 'posts')`);
    // Skipped and counted as loadDaily does, with progress as it reads.
    const events: string[] = [];
    const skipped = await predictFiles(model, bad, { onError: 'skip', onProgress: (e) => events.push(e.stage) });
    expect([skipped.report.skipped, skipped.report.rows]).toEqual([1, 2]);
    expect(events).toContain('read');
    expect(skipped.predictions).toEqual(predict(model, await loadDaily(bad, { onError: 'skip' })));
    await expect(predictFiles(model, bad, { asOf: '2024-13-01' })).rejects.toThrow(/^predictFiles: asOf /);
    await expect(predictFiles(model, bad, { since: 'x' })).rejects.toThrow(/^predictFiles: since /);
    await expect(predictFiles(model, bad, { intervals: [0.8] })).rejects.toThrow(/^predictFiles: this model has no interval calibration/);
    // Input limits: checked under its own name, and applied to the files read.
    await expect(predictFiles(model, bad, { limits: { maxWeeksPerProfile: 0 } })).rejects.toThrow(
      'predictFiles: limits.maxWeeksPerProfile must be a positive integer, got 0',
    );
    await expect(predictFiles(model, bad, { limits: { to: '2024-07-05' } })).rejects.toThrow(`${join(bad, 'a.csv')}:3 (column 'date')`);
    writeFileSync(join(bad, 'c.csv'), `${header}1985-06-03,old,10,1,5,4,1,7,8\n`);
    await expect(predictFiles(model, join(bad, 'c.csv'))).rejects.toThrow(/the date is outside the accepted range 1990-01-01/);
    const old = await predictFiles(model, join(bad, 'c.csv'), { limits: { from: '1980-01-01' } });
    expect(old.predictions.map((p) => p.date)).toEqual(['1985-06-09', '1985-06-09', '1985-06-09', '1985-06-09']);
  });
});
