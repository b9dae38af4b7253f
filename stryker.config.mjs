// Mutation testing: `npm run mutation` (a script, not part of `npm test`).
// Results and the review of survivors: docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // `related: false`: a mutant of module-level code (a column registry, a
  // constant) runs every test with the mutant active from the start. With
  // vitest's related-file lookup such mutants ran no test at all and were
  // reported as surviving.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/features/**/*.ts', 'src/model/**/*.ts', '!src/model/builtin-figures.ts', 'src/predict.ts', 'src/io/csv.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // A mutant that loops for ever is stopped at 1.5 × its tests' own time + 5 s.
  timeoutMS: 5000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 80, break: 80 },
  // Local caches and scratch space are not copied into the sandbox (the benchmark
  // cache alone can be many gigabytes).
  ignorePatterns: ['.bench-cache', 'scratch', 'reports', 'coverage'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
