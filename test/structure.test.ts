// The shape of src/: no folder imports one above it, and docs/pipeline.md maps
// every spec step to the one file that does it (which names the step).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipUnless } from './helpers/skip.js';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'src');

/** Layers, bottom up: a file imports only from its own layer or below. */
const LAYERS: [number, RegExp][] = [
  [0, /^(schema|calendar|errors|version)\.ts$/],
  [1, /^frame\//],
  [2, /^features\//],
  [3, /^(io|engines)\//],
  [4, /^model\//],
  [5, /^(predict|generate)\.ts$|^(report|interop|backtest)\//],
  [6, /^server\//],
  [7, /^cli\/|^index\.ts$/],
];

function layerOf(file: string): number | undefined {
  return LAYERS.find(([, re]) => re.test(file))?.[0];
}

function sourceFiles(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const STEPS = [
  ...Array.from({ length: 8 }, (_, i) => `N${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `T${i + 1}`),
  ...Array.from({ length: 7 }, (_, i) => `P${i + 1}`),
];

describe('the shape of src/', () => {
  it('puts every file in a layer, and no import points up the layers', () => {
    const upward: string[] = [];
    for (const file of sourceFiles()) {
      const rel = relative(src, file);
      const layer = layerOf(rel);
      expect(layer, `${rel} is in no layer`).toBeDefined();
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
        const target = relative(src, resolve(dirname(file), m[1]!)).replace(/\.js$/, '.ts');
        const targetLayer = layerOf(target);
        if (targetLayer !== undefined && targetLayer > layer!) upward.push(`${rel} (layer ${layer}) imports ${target} (layer ${targetLayer})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import circle between files (type-only imports included)', () => {
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8');
      const deps = [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) =>
        relative(src, resolve(dirname(file), m[1]!)).replace(/\.js$/, '.ts'),
      );
      graph.set(relative(src, file), deps);
    }
    // Depth-first search; a file met again while still on the path closes a circle.
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      path.push(file);
      for (const dep of graph.get(file) ?? []) {
        if (!graph.has(dep)) continue;
        if (state.get(dep) === 'open') circles.push([...path.slice(path.indexOf(dep)), dep].join(' → '));
        else if (!state.has(dep)) visit(dep);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it('passes the shared layer check (0 upward imports), when ../shared is beside the repository', () => {
    const tool = join(root, '..', 'shared', 'tools', 'check-layers.mjs');
    if (skipUnless(existsSync(tool), 'the shared layer check (../shared/tools/check-layers.mjs)')) return;
    const r = spawnSync(process.execPath, [tool, root], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0 upward imports/m);
  });

  it('maps every spec step to one file in docs/pipeline.md, and that file names the step', () => {
    const doc = readFileSync(join(root, 'docs', 'pipeline.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| ([NTP]\d) \| [^|]+ \| `([^`]+)` \|$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(rows.map(([step]) => step)).toEqual(STEPS);
    for (const [step, file] of rows) {
      const path = join(root, file);
      expect(existsSync(path), `${step}: ${file} does not exist`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${file} does not name ${step}`).toMatch(new RegExp(`\\b${step}\\b`));
    }
  });
});
