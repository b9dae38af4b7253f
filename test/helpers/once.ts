import { expect } from 'vitest';

/**
 * Under mutation testing (`EF_ONCE_PER_TEST=1`, set by
 * vitest.mutation.config.ts) every test computes the value again: StrykerJS
 * runs, for a mutant, only the tests that reached its code, so a test that
 * reads a value another test computed must reach that code itself, or the
 * mutants it would kill are reported as surviving.
 */
const PER_TEST = process.env.EF_ONCE_PER_TEST === '1';

/**
 * A value computed by the first test that asks for it, then shared by the
 * file's other tests (computed again in each test under mutation testing,
 * above). Used instead of `beforeAll` and module-scope setup so that mutation
 * testing can tell which test reached which code (code run while a file sets
 * up counts as reached by every test).
 */
export function once<T>(make: () => T): () => T {
  let done = false;
  let owner: string | undefined;
  let value: T;
  return () => {
    const test = PER_TEST ? (expect.getState().currentTestName ?? '') : undefined;
    if (!done || test !== owner) {
      value = make();
      done = true;
      owner = test;
    }
    return value;
  };
}
