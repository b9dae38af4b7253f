// The package says Node ≥ 20: every package it installs for its users (the
// lock file's production tree) must say so too, or npm warns EBADENGINE on
// every install (cookie@2 through fastify's light-my-request did).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Whether an `engines.node` range admits Node 20.x (the forms the tree uses: `>=N`, `^N`, `N.x`, `*`, alternatives joined by `||`). */
function admits20(range: string): boolean {
  return range.split('||').some((alternative) => {
    const r = alternative.trim().replace(/\.x$/, '');
    if (r === '*' || r === '') return true;
    const atLeast = /^>=\s*(\d+)(\.\d+)*(\.x)?$/.exec(r);
    if (atLeast) return Number(atLeast[1]) <= 20;
    const caret = /^\^(\d+)(\.\d+)*$/.exec(r);
    if (caret) return Number(caret[1]) === 20;
    throw new Error(`an engines range this test does not read: ${range}`);
  });
}

describe('the installed tree', () => {
  it('reads the ranges it meets', () => {
    expect([admits20('>=18'), admits20('>=22'), admits20('^16 || ^18 || >=20'), admits20('>= 10.x'), admits20('^22'), admits20('*')]).toEqual([
      true,
      false,
      true,
      true,
      false,
      true,
    ]);
  });

  it('runs on Node 20: no production dependency asks for a later one', () => {
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean; peer?: boolean; engines?: unknown; version?: string }>;
    };
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=20');
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && !p.dev && !p.devOptional && !p.optional && !p.peer)
      .map(([path, p]) => [path, p.engines && typeof p.engines === 'object' ? (p.engines as { node?: string }).node : undefined] as const)
      .filter(([, node]) => node !== undefined && !admits20(node))
      .map(([path, node]) => `${path} (node ${node})`);
    expect(refused).toEqual([]);
  });
});
