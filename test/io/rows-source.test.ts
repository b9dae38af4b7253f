// The source `predict` reads a request's row objects with is made once per
// call: its shape decides whether the call's rows and tables die young.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const source = fileURLToPath(new URL('../../src/io/rows-source.ts', import.meta.url));

describe('rowsWeeklySource', () => {
  it('is an object with fast properties (an object literal with a getter is a dictionary, and kept each call alive past young collections)', () => {
    // V8's own answer, in a process of its own (natives syntax is a flag of the process).
    const script = `
      import { rowsWeeklySource } from ${JSON.stringify(source)};
      const fast = new Function('o', 'return %HasFastProperties(o)');
      const s = rowsWeeklySource([]);
      s.weekly({ preset: 'corrected', onError: 'throw', limits: { firstDay: 0, lastDay: 1e5, maxRecordBytes: 1 << 20, maxWeeksPerProfile: 1100 } });
      process.stdout.write(JSON.stringify({ fast: fast(s), ids: s.profileIds }));`;
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ fast: true, ids: [] });
  });
});
