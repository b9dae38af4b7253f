// Mutation testing: `npm run mutation` (scripts/mutation.mjs, a script, not
// part of `npm test`) runs the groups below one after another, each with its
// own report and incremental file, then scores them together. Results and the
// review of survivors: docs/testing.md.

/** The mutated files, in groups small enough to run (and re-run) one at a time. */
export const GROUPS = {
  features: ['src/features/**/*.ts'],
  'model-files': [
    'src/model/model-file.ts',
    'src/model/kinds/*.ts',
    'src/model/intervals.ts',
    'src/model/design.ts',
    'src/model/candidates.ts',
    'src/model/cold-start.ts',
  ],
  'model-fit': [
    'src/model/estimators.ts',
    'src/model/least-squares.ts',
    'src/model/scaler.ts',
    'src/model/linear.ts',
    'src/model/metrics.ts',
    'src/model/baseline.ts',
    'src/model/builtin.ts',
    'src/model/selection.ts',
  ],
  'model-train': ['src/model/train.ts', 'src/model/train-corrected.ts', 'src/model/mlp.ts'],
  csv: ['src/io/csv.ts'],
  predict: ['src/predict.ts'],
};

const group = process.env.EF_MUTATION_GROUP;
if (group !== undefined && !(group in GROUPS)) throw new Error(`EF_MUTATION_GROUP: no group '${group}' (have: ${Object.keys(GROUPS).join(', ')})`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // `related: false`: a mutant of module-level code (a column registry, a
  // constant) runs every test with the mutant active from the start. With
  // vitest's related-file lookup such mutants ran no test at all and were
  // reported as surviving.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: group ? GROUPS[group] : Object.values(GROUPS).flat(),
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // A mutant that loops for ever is stopped at 1.5 × its tests' own time + 5 s.
  timeoutMS: 5000,
  reporters: group ? ['progress', 'json'] : ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: group ? `reports/mutation/${group}.json` : 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // A group's result is judged with the others (scripts/mutation.mjs), not alone.
  thresholds: { high: 90, low: 80, break: group ? null : 80 },
  // A group re-runs only the mutants whose code or tests changed since its last run.
  incremental: group !== undefined,
  incrementalFile: `reports/mutation/incremental-${group ?? 'all'}.json`,
  // Local caches and scratch space are not copied into the sandbox (the benchmark
  // cache alone can be many gigabytes).
  ignorePatterns: ['.bench-cache', 'scratch', 'reports', 'coverage'],
  tempDirName: `.stryker-tmp${group ? `-${group}` : ''}`,
  cleanTempDir: 'always',
};
