// Mutation testing: `npm run mutation` (a script, not part of `npm test`).
// Results and the review of survivors: docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/features/**/*.ts', 'src/model/**/*.ts', '!src/model/builtin-figures.ts', 'src/predict.ts', 'src/io/csv.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // A mutant that loops for ever is stopped at 1.5 × its tests' own time + 5 s.
  timeoutMS: 5000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
