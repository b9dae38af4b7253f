// The package as published: ESM and CommonJS entry points, type declarations,
// the version, and the API reference generated from the JSDoc.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { tempDir, testTempDir } from './helpers/tmp.js';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('the package', () => {
  it('carries its version in the code', () => {
    expect(api.VERSION).toBe(pkg.version);
  });

  it('exports the pipeline API', () => {
    for (const name of [
      'loadDaily',
      'resampleWeekly',
      'fitScaler',
      'trainModels',
      'predict',
      'saveModel',
      'loadModel',
      'loadBuiltinModel',
      'loadWeekly',
      'DataError',
      'ModelError',
    ]) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(api.FEATURES).toHaveLength(21);
    expect(api.TARGETS).toEqual(['engagement_future_7d', 'engagement_future_14d', 'engagement_future_21d', 'engagement_future_28d']);
  });

  it('builds ESM, CommonJS and type declarations that load', () => {
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'cli.js', 'ingest-worker.js'])
      expect(existsSync(join(root, 'dist', file)), file).toBe(true);
    const cjs = createRequire(import.meta.url)(join(root, 'dist', 'index.cjs'));
    expect(
      cjs.predict(cjs.loadBuiltinModel(), [{ date: '2024-09-02', profile_id: 'a', followers: 10, posts: 1, engagement: 2, reach: 3, impressions: 4 }]),
    ).toHaveLength(4);
    const esm = spawnSync(process.execPath, ['--input-type=module', '-e', "import { VERSION } from 'engagement-forecast'; console.log(VERSION)"], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(esm.stdout.trim()).toBe(pkg.version);
    expect(readFileSync(join(root, 'dist', 'index.d.ts'), 'utf8')).toMatch(/declare function trainModels/);
  });

  it('exports the calendar helpers and the generator at their subpaths', () => {
    const run = (code: string) => spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
    const r = run(
      "import { formatDay } from 'engagement-forecast/calendar'; import { generateDaily } from 'engagement-forecast/generate'; console.log(formatDay(19000), typeof generateDaily)",
    );
    expect(r.stdout.trim(), r.stderr).toBe('2022-01-08 function');
    const cjs = createRequire(import.meta.url);
    expect(cjs(join(root, 'dist', 'calendar.cjs')).formatDay(0)).toBe('1970-01-01');
    expect('generateDaily' in api).toBe(false);
    expect('formatDay' in api).toBe(false);
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
      expect(readFileSync(join(root, 'docs', 'api', file), 'utf8'), `docs/api/${file} is stale: run npm run docs:api`).toBe(
        readFileSync(join(out, file), 'utf8'),
      );
    }
  });
});

describe('the packed tarball', () => {
  const dir = tempDir('ef-pack-');
  let files: string[] = [];
  let packed: { size: number; unpackedSize: number; filename: string };

  beforeAll(() => {
    const r = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout)[0];
    files = info.files.map((f: { path: string }) => f.path);
    packed = { size: info.size, unpackedSize: info.unpackedSize, filename: info.filename };
    mkdirSync(join(dir, 'node_modules', 'engagement-forecast'), { recursive: true });
    const x = spawnSync('tar', ['-xzf', join(dir, packed.filename), '-C', join(dir, 'node_modules', 'engagement-forecast'), '--strip-components=1']);
    expect(x.status, String(x.stderr)).toBe(0);
  });

  it('holds the builds, types, LICENSE, README and docs, and no sources or tests', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/index.d.cts',
      'dist/calendar.js',
      'dist/generate.cjs',
      'dist/cli.js',
      'dist/ingest-worker.js',
      'docs/cli.md',
    ]) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((f) => /^(src|test|bench|examples)\//.test(f))).toEqual([]);
  });

  it('maps a stack trace to the TypeScript lines (source maps without copies of the sources)', () => {
    // The build packed (its dependencies are the repository's).
    const pkg = join(dir, 'node_modules', 'engagement-forecast');
    const script = `import('${pathToFileURL(join(root, 'dist', 'index.js')).href}').then((m) => { try { m.predict(m.loadBuiltinModel(), [{ date: 'x' }]); } catch (e) { console.log(e.stack); } })`;
    const r = spawnSync(process.execPath, ['--enable-source-maps', '-e', script], { encoding: 'utf8' });
    expect(r.stdout, r.stderr).toMatch(/at rejectRow \(.*[/\\]src[/\\]io[/\\]rows\.ts:\d+:\d+\)/);
    const map = JSON.parse(readFileSync(join(pkg, 'dist', 'index.js.map'), 'utf8')) as { sources: string[]; sourcesContent?: unknown };
    expect(map.sources.length).toBeGreaterThan(0);
    for (const source of map.sources) expect(source).toMatch(/^\.\.\/src\/.+\.ts$/);
    expect(map.sourcesContent).toBeUndefined();
  });

  it('builds nothing on install: no prepare or install scripts', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'node_modules', 'engagement-forecast', 'package.json'), 'utf8'));
    for (const script of ['prepare', 'preinstall', 'install', 'postinstall']) expect(manifest.scripts?.[script], script).toBeUndefined();
  });

  it('links only to files in the tarball, or to absolute URLs', () => {
    const broken: string[] = [];
    for (const doc of files.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(dir, 'node_modules', 'engagement-forecast', doc), 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1]!.split('#')[0]!;
        if (link === '' || /^[a-z]+:/.test(link)) continue;
        const target = posix.normalize(posix.join(posix.dirname(doc), link));
        if (!files.includes(target)) broken.push(`${doc} -> ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('type-checks for a consumer under nodenext (ESM and CommonJS), bundler and node10 resolution', () => {
    mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
    symlinkSync(join(root, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'));
    const consumer = [
      "import { loadBuiltinModel, predict, type Prediction, type WeeklyFrame } from 'engagement-forecast';",
      "import { formatDay } from 'engagement-forecast/calendar';",
      "import { generateDaily, type GenerateOptions } from 'engagement-forecast/generate';",
      'const forecasts: Prediction[] = predict(loadBuiltinModel(), []);',
      'const day: string = formatDay(0);',
      "const options: GenerateOptions = { profiles: 1, from: '2024-01-01', to: '2024-01-02' };",
      'export const used: unknown[] = [forecasts, day, options, generateDaily, null as WeeklyFrame | null];',
      '',
    ].join('\n');
    for (const name of ['esm.mts', 'cjs.cts', 'plain.ts']) writeFileSync(join(dir, name), consumer);
    const modes = [
      { moduleResolution: 'nodenext', module: 'nodenext', files: ['esm.mts', 'cjs.cts'] },
      { moduleResolution: 'bundler', module: 'esnext', files: ['plain.ts'] },
      { moduleResolution: 'node10', module: 'commonjs', files: ['plain.ts'] },
    ];
    for (const mode of modes) {
      const config = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          target: 'es2022',
          module: mode.module,
          moduleResolution: mode.moduleResolution,
        },
        files: mode.files,
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
      const r = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
      expect(r.status, `${mode.moduleResolution}: ${r.stdout}${r.stderr}`).toBe(0);
    }
  });

  it('stays small: the size is recorded in docs/benchmarks.md', () => {
    const docs = readFileSync(join(root, 'docs', 'benchmarks.md'), 'utf8');
    const m = /tarball: ([\d.]+) kB packed, ([\d.]+) kB unpacked/.exec(docs);
    expect(m, 'docs/benchmarks.md records the tarball size').not.toBeNull();
    // Within 10% of the recorded figures, and under 1 MB packed.
    expect(packed.size / 1000).toBeLessThan(1000);
    expect(Math.abs(packed.size / 1000 - Number(m![1])) / Number(m![1])).toBeLessThan(0.1);
    expect(Math.abs(packed.unpackedSize / 1000 - Number(m![2])) / Number(m![2])).toBeLessThan(0.1);
  });
});
