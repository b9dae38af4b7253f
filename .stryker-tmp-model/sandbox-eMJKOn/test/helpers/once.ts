/**
 * A value computed by the first test that asks for it, then shared by the
 * file's other tests. Used instead of `beforeAll` and module-scope setup so
 * that mutation testing can tell which test reached which code (code run while
 * a file sets up counts as reached by every test).
 */
// @ts-nocheck

export function once<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}
