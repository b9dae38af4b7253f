import { defineConfig } from 'vitest/config';

// The tests mutation testing runs (`npm run mutation`): those that exercise
// src/ in-process. Tests of the built package (the CLI, examples, the tarball),
// of outside tools (pandas, Chromium) and of danfo interop cannot see a mutant
// of src/, the calendar is not mutated, and the fast path's reading threads
// of src/ or only repeat what these check, and would make every run slower.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/cli/**', 'test/io/fast-path.test.ts', 'test/calendar.test.ts', 'test/examples.test.ts', 'test/package.test.ts', 'test/cross-check.test.ts', 'test/report/**', 'test/interop/**', 'test/io/ingest-protocol.test.ts', 'test/structure.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
