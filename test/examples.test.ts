// The examples run as they are (against the built package, as a user's code would).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function example(name: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `examples/${name}`, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('examples', () => {
  it('demo.ts forecasts every sample profile with the built-in model', () => {
    const r = example('demo.ts');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Read \d+ daily rows of \d+ profiles from 4 files/);
    expect(r.stdout).toMatch(/\d+ forecasts \(engagement per post\) for \d+ profiles/);
  });

  it('train-and-save.ts retrains, prints metrics and saves a model', () => {
    const r = example('train-and-save.ts');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/baseline 7d/);
    expect(r.stdout).toMatch(/engagement_future_28d/);
    expect(r.stdout).toMatch(/model saved to .*model\.json/);
  });

  it('predict-profile.ts forecasts one profile from JSON', () => {
    const r = example('predict-profile.ts');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/engagement per post/g)).toHaveLength(4);
  });

  it('http-handler.ts answers 200 for good rows and 400 for bad ones', () => {
    const r = example('http-handler.ts');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/rows → 200 \{"forecasts":/);
    expect(r.stdout).toMatch(/bad row → 400 \{"error":"posts is not a non-negative number","row":4,"field":"posts"/);
    expect(r.stdout).toMatch(/broken JSON → 400/);
  });

  it('compare-to-baseline.ts compares each horizon with the baseline', () => {
    const r = example('compare-to-baseline.ts');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/^(7d|14d|21d|28d) /gm)).toHaveLength(4);
  });
});
