// The notebook preset's own metrics overstate (its monthly-average feature
// sees the weeks it predicts): wherever they are printed or drawn, one line
// says so and points to the backtest.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetOf } from '../../src/model/presets.js';
import { requireBuiltCli, runCli } from '../helpers/cli.js';
import { GOLDEN } from '../helpers/reference.js';
import { tempDir } from '../helpers/tmp.js';

describe('the notebook metrics caveat', () => {
  const dir = tempDir('ef-caveat-');
  const caveat = presetOf('notebook').metricsCaveat!;

  it('names the leak and the backtest', () => {
    expect(caveat).toMatch(/quirk Q2/);
    expect(caveat).toMatch(/backtest --notebook/);
  });

  it('follows the metrics of train and evaluate, and is in the HTML report; not under corrected-preset metrics', () => {
    requireBuiltCli();
    mkdirSync(join(dir, 'out'), { recursive: true });
    const train = runCli(dir, 'train', '--data', `${GOLDEN}input`, '--cutoff', '2024-07-30', '--out', join(dir, 'out', 'nb.json'), '--quiet');
    expect(train.code, train.stderr).toBe(0);
    expect(train.stdout).toContain(`\n${caveat}\n`);
    const evaluate = runCli(
      dir,
      'evaluate',
      '--data',
      `${GOLDEN}input`,
      '--model',
      join(dir, 'out', 'nb.json'),
      '--report',
      join(dir, 'out', 'r.html'),
      '--quiet',
    );
    expect(evaluate.code, evaluate.stderr).toBe(0);
    expect(evaluate.stdout).toContain(`\n${caveat}\n`);
    expect(readFileSync(join(dir, 'out', 'r.html'), 'utf8')).toContain('id="caveat"');
    const corrected = runCli(
      dir,
      'train',
      '--data',
      `${GOLDEN}input`,
      '--preset',
      'corrected',
      '--cutoff',
      '2024-07-30',
      '--out',
      join(dir, 'out', 'c.json'),
      '--quiet',
    );
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(corrected.stdout).not.toContain(caveat);
  });
});
