/**
 * Whether to skip tests that need something outside the repository, saying
 * why on stderr. Under `EF_REQUIRE_ALL=1` (set by `.ci/run`) a missing
 * requirement fails the run instead: CI always runs everything.
 */
// @ts-nocheck

export function skipUnless(available: boolean, what: string): boolean {
  if (available) return false;
  if (process.env.EF_REQUIRE_ALL === '1') throw new Error(`EF_REQUIRE_ALL=1 but ${what} is missing: install it (see .ci/run)`);
  process.stderr.write(`skipped: ${what} is not available here\n`);
  return true;
}
