// @ts-nocheck
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The built command line (`npm test`'s pretest builds it). */
export const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

/** Fails clearly when the command line has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first)');
}

/** Runs `engagement-forecast ARGS` as a user would, in `cwd`. */
export function runCli(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
