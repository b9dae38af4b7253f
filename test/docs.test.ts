// The docs name files that exist: every `src/…`, `test/…`, `examples/…`,
// `bench/…` and `scripts/…` path in README.md and docs/*.md (the API
// reference aside) is in the repository.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

describe('the docs', () => {
  it('name only files that exist', () => {
    const docs = [
      'README.md',
      ...readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join('docs', f)),
    ];
    const missing: string[] = [];
    let named = 0;
    for (const doc of docs) {
      const text = readFileSync(join(root, doc), 'utf8');
      for (const m of text.matchAll(/`((?:src|test|examples|bench|scripts)\/[\w./-]+\.(?:ts|mjs|py))`/g)) {
        named++;
        if (!existsSync(join(root, m[1]!))) missing.push(`${doc}: ${m[1]}`);
      }
    }
    expect(named).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('show the overrides danfojs-node needs to install offline, as package.json has them', () => {
    const text = readFileSync(join(root, 'docs', 'getting-started.md'), 'utf8');
    const block = /```json\n"overrides": (\{[^`]*\})\n```/.exec(text);
    expect(block, 'docs/getting-started.md shows an "overrides" block').not.toBeNull();
    const shown = JSON.parse(block![1]!) as Record<string, string>;
    const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).overrides as Record<string, string>;
    expect(Object.keys(shown).sort()).toEqual(['@tensorflow/tfjs-node', 'xlsx']);
    for (const [name, version] of Object.entries(shown)) expect(ours[name], name).toBe(version);
  });
});
