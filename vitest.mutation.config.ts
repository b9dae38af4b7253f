import { defineConfig } from 'vitest/config';

// The tests mutation testing runs (`npm run mutation`): those that exercise
// src/ in-process. Tests of the built package (the CLI, examples, the tarball),
// of outside tools (pandas, Chromium) and of danfo interop cannot see a mutant
// of src/, the calendar is not mutated, and the fast path's reading threads
// of src/ or only repeat what these check, and would make every run slower.
// The service's tests are left out too: src/server is not mutated, and their
// setup (a trained model, a server) would make every mutant they reach static;
// so are those of src/io/files.ts (not mutated; one of them runs the built package).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/cli/**',
      'test/io/fast-path.test.ts',
      'test/calendar.test.ts',
      'test/examples.test.ts',
      'test/package.test.ts',
      'test/cross-check.test.ts',
      'test/report/**',
      'test/interop/**',
      'test/io/ingest-protocol.test.ts',
      'test/structure.test.ts',
      'test/server/**',
      'test/io/files.test.ts',
    ],
    // The fuzz test with fewer cases than in `npm test` (60): it runs for every mutant of the readers.
    // Shared setups (test/helpers/once.ts) computed again in each test that reads them.
    env: { EF_FUZZ_RUNS: '20', EF_ONCE_PER_TEST: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
