// @ts-nocheck
import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library and its subpath exports (package.json "exports").
    entry: { index: 'src/index.ts', calendar: 'src/calendar.ts', generate: 'src/generate.ts', server: 'src/server/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    shims: true,
    target: 'node20',
  },
  {
    // The reading thread of the fast path, loaded by path at run time.
    entry: { 'ingest-worker': 'src/io/ingest-worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
  {
    // The command line.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
