// The `model` option of trainModels (corrected preset), checked whole: what
// each kind and setting becomes, and the message for each thing refused.
import { describe, expect, it } from 'vitest';
import { checkModelSpec, DEFAULT_CORRECTED_MODEL } from '../../src/model/train-corrected.js';

describe('checkModelSpec', () => {
  it('fills in the defaults of each kind and keeps the settings given', () => {
    expect(checkModelSpec(undefined, 't')).toStrictEqual(DEFAULT_CORRECTED_MODEL);
    expect(checkModelSpec('linear', 't')).toStrictEqual({ kind: 'linear' });
    expect(checkModelSpec('naive', 't')).toStrictEqual({ kind: 'naive' });
    // No key for a setting not given (an mlp without its own options has no \`mlp\` key).
    expect(checkModelSpec('mlp', 't')).toStrictEqual({ kind: 'mlp' });
    expect(checkModelSpec('ridge', 't')).toStrictEqual({ kind: 'ridge', lambda: 0.01 });
    expect(checkModelSpec({ kind: 'ridge', lambda: 2, features: 'core' }, 't')).toStrictEqual({ kind: 'ridge', lambda: 2, features: 'core' });
    expect(checkModelSpec('window-average', 't')).toStrictEqual({ kind: 'window-average', weeks: 13 });
    expect(checkModelSpec({ kind: 'window-average', weeks: 4 }, 't')).toStrictEqual({ kind: 'window-average', weeks: 4 });
    expect(checkModelSpec({ kind: 'mlp', mlp: { epochs: 2 }, correction: 'smearing' }, 't')).toStrictEqual({
      kind: 'mlp',
      mlp: { epochs: 2 },
      correction: 'smearing',
    });
    expect(checkModelSpec({ kind: 'log-linear', correction: 'absolute', features: 'full' }, 't')).toStrictEqual({
      kind: 'log-linear',
      correction: 'absolute',
      features: 'full',
    });
    for (const features of ['core', 'robust', 'full'] as const)
      expect(checkModelSpec({ kind: 'linear', features }, 't')).toStrictEqual({ kind: 'linear', features });
    // Settings of other kinds are not kept.
    expect(checkModelSpec({ kind: 'linear', mlp: { epochs: 2 }, lambda: 3, weeks: 4 } as never, 't')).toStrictEqual({ kind: 'linear' });
  });

  it('refuses, naming the call and the value', () => {
    const kinds = 'linear, log-linear, ridge, mlp, naive, window-average';
    for (const bad of ['forest', null, 3, { kind: 'forest' }, {}]) {
      expect(() => checkModelSpec(bad, 'trainModels'), JSON.stringify(bad)).toThrow(
        `trainModels: model must be one of ${kinds} (or { kind, … }), got ${JSON.stringify(bad)}`,
      );
    }
    expect(() => checkModelSpec({ kind: 'linear', features: 'all' }, 'trainModels')).toThrow(
      `trainModels: model.features must be 'core', 'robust' or 'full', got "all"`,
    );
    for (const lambda of [0, -1, Number.POSITIVE_INFINITY, '1']) {
      expect(() => checkModelSpec({ kind: 'ridge', lambda } as never, 'trainModels'), String(lambda)).toThrow(
        `trainModels: model.lambda must be a positive number, got ${JSON.stringify(lambda)}`,
      );
    }
    for (const weeks of [26, 0]) {
      expect(() => checkModelSpec({ kind: 'window-average', weeks } as never, 'trainModels')).toThrow(
        `trainModels: model.weeks must be 4 or 13 for a window average, got ${weeks}`,
      );
    }
    const correction = (kind: string, value: string) => () => checkModelSpec({ kind, correction: value } as never, 'trainModels');
    expect(correction('linear', 'smearing')).toThrow(
      `trainModels: model.correction is 'smearing' or 'absolute', for log-linear and mlp models, got "smearing"`,
    );
    expect(correction('ridge', 'absolute')).toThrow(`trainModels: model.correction is 'smearing' or 'absolute', for log-linear and mlp models, got "absolute"`);
    expect(correction('log-linear', 'median')).toThrow(
      `trainModels: model.correction is 'smearing' or 'absolute', for log-linear and mlp models, got "median"`,
    );
    expect(correction('mlp', 'median')).toThrow(`trainModels: model.correction is 'smearing' or 'absolute', for log-linear and mlp models, got "median"`);
  });
});
