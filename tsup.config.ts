import { defineConfig } from 'tsup';

/** The library's entries: the main one and the subpath exports (package.json "exports"). */
const LIBRARY = {
  index: 'src/index.ts',
  calendar: 'src/calendar.ts',
  generate: 'src/generate.ts',
  server: 'src/server/index.ts',
  duckdb: 'src/engines/duckdb.ts',
  postgres: 'src/engines/postgres.ts',
};

export default defineConfig([
  {
    // The library and its subpath exports (package.json "exports"), ESM, with
    // the command line: the CLI shares the library's chunks instead of
    // carrying a copy of it (its shebang is the first line of src/cli/main.ts).
    entry: { ...LIBRARY, cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: { entry: LIBRARY },
    sourcemap: true,
    // Maps to the TypeScript lines (stack traces under --enable-source-maps), without a copy of the sources in each.
    esbuildOptions: (options) => {
      options.sourcesContent = false;
    },
    clean: true,
    shims: true,
    target: 'node20',
  },
  {
    // The same in CommonJS (no CLI: the command is ESM).
    entry: LIBRARY,
    format: ['cjs'],
    // Shared chunks, as in the ESM build: each entry does not carry its own copy of the library.
    splitting: true,
    dts: true,
    sourcemap: true,
    // Maps to the TypeScript lines (stack traces under --enable-source-maps), without a copy of the sources in each.
    esbuildOptions: (options) => {
      options.sourcesContent = false;
    },
    shims: true,
    target: 'node20',
  },
  {
    // The reading thread of the fast path, loaded by path at run time.
    entry: { 'ingest-worker': 'src/io/ingest-worker.ts' },
    format: ['esm'],
    sourcemap: true,
    // Maps to the TypeScript lines (stack traces under --enable-source-maps), without a copy of the sources in each.
    esbuildOptions: (options) => {
      options.sourcesContent = false;
    },
    target: 'node20',
  },
]);
