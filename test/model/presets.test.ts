// One object per preset: every preset has one, each trains models of its
// own format that its own checks accept, and an unknown name is refused
// rather than taken for another preset.
import { describe, expect, it } from 'vitest';
import { dailyFromRows, PRESETS, resampleWeekly, trainModels, validateModel } from '../../src/index.js';
import { weeklyColumns } from '../../src/features/weekly-columns.js';
import { presetOf } from '../../src/model/presets.js';
import { simpleRows } from '../helpers/synthetic.js';

describe('presets', () => {
  const daily = dailyFromRows(simpleRows(10, '2024-01-01', '2024-10-31'));

  it('each has one object: its columns, and models of its own format that validate', () => {
    expect(PRESETS).toEqual(['notebook', 'corrected']);
    for (const name of PRESETS) {
      const preset = presetOf(name);
      expect(preset.name).toBe(name);
      expect(preset.columns).toBe(weeklyColumns(name));
      const weekly = resampleWeekly(daily, { preset: name });
      const { model } = trainModels(weekly, { cutoff: '2024-09-30', ...(preset.modelOptions ? { calibrationWeeks: 4 } : {}) });
      expect(model.preset).toBe(name);
      expect(model.formatVersion).toBe(preset.formatVersion);
      expect(validateModel(JSON.parse(JSON.stringify(model)))).toMatchObject({ preset: name, formatVersion: preset.formatVersion });
      // What the preset's objects say its models can do is what they do.
      expect(Boolean(model.intervals)).toBe(preset.noIntervals === null);
      expect(model.coldStart === undefined ? false : true).toBe(preset.coldStart);
      expect(preset.kindOf(model).name).toBe(model.estimator?.kind ?? 'linear');
    }
  });

  it('refuses a name that is no preset, wherever it is given', () => {
    expect(() => presetOf('weekly' as never)).toThrow(/unknown preset 'weekly'/);
    expect(() => resampleWeekly(daily, { preset: 'weekly' as never })).toThrow("resampleWeekly: preset must be 'notebook' or 'corrected', got \"weekly\"");
    expect(() => trainModels(daily, { preset: 'weekly' as never })).toThrow(TypeError);
    const { model } = trainModels(daily, { cutoff: '2024-09-30' });
    expect(() => validateModel({ ...JSON.parse(JSON.stringify(model)), preset: 'weekly' })).toThrow('model: unknown preset "weekly"');
  });
});
