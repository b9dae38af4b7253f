// The package as published: ESM and CommonJS entry points, type declarations,
// the version, and the API reference generated from the JSDoc.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { testTempDir } from './helpers/tmp.js';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('the package', () => {
  it('carries its version in the code', () => {
    expect(api.VERSION).toBe(pkg.version);
  });

  it('exports the pipeline API', () => {
    for (const name of ['loadDaily', 'resampleWeekly', 'fitScaler', 'trainModels', 'predict', 'saveModel', 'loadModel', 'loadBuiltinModel', 'loadWeekly', 'DataError', 'ModelError']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(api.FEATURES).toHaveLength(21);
    expect(api.TARGETS).toEqual(['engagement_future_7d', 'engagement_future_14d', 'engagement_future_21d', 'engagement_future_28d']);
  });

  it('builds ESM, CommonJS and type declarations that load', () => {
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'cli.js', 'ingest-worker.js']) expect(existsSync(join(root, 'dist', file)), file).toBe(true);
    const cjs = createRequire(import.meta.url)(join(root, 'dist', 'index.cjs'));
    expect(cjs.predict(cjs.loadBuiltinModel(), [{ date: '2024-09-02', profile_id: 'a', followers: 10, posts: 1, engagement: 2, reach: 3, impressions: 4 }])).toHaveLength(4);
    const esm = spawnSync(process.execPath, ['--input-type=module', '-e', "import { VERSION } from 'engagement-forecast'; console.log(VERSION)"], { cwd: root, encoding: 'utf8' });
    expect(esm.stdout.trim()).toBe(pkg.version);
    expect(readFileSync(join(root, 'dist', 'index.d.ts'), 'utf8')).toMatch(/declare function trainModels/);
  });

  it('has an API reference in sync with the JSDoc (npm run docs:api)', () => {
    const out = testTempDir('ef-typedoc-');
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--out', out], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const list = (dir: string, base = ''): string[] =>
      readdirSync(join(dir, base), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(dir, join(base, e.name)) : [join(base, e.name)]));
    const fresh = list(out).sort();
    expect(list(join(root, 'docs', 'api')).sort()).toEqual(fresh);
    for (const file of fresh) {
      expect(readFileSync(join(root, 'docs', 'api', file), 'utf8'), `docs/api/${file} is stale: run npm run docs:api`).toBe(readFileSync(join(out, file), 'utf8'));
    }
  });
});
