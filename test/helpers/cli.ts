import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The built command line (`npm test`'s pretest builds it). */
export const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

/** Fails clearly when the command line has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first)');
}

/**
 * How long one command may take. Node 20 can deadlock as a process ends, its main thread waiting
 * for a background compile that waits for a garbage collection (nodejs/node#54918, seen here with
 * `gdb`: the command had printed its whole answer and hung in `NodePlatform::DrainTasks`). A command
 * past this is run once more, and fails its test if it hangs again: a hang of the library's own
 * would hang both times.
 */
const CLI_TIMEOUT_MS = 40_000;

/** Runs `engagement-forecast ARGS` as a user would, in `cwd`. */
export function runCli(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: CLI_TIMEOUT_MS, killSignal: 'SIGKILL' });
    if ((r.error as NodeJS.ErrnoException | undefined)?.code !== 'ETIMEDOUT') return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    if (attempt === 2)
      throw new Error(
        `engagement-forecast ${args.join(' ')}: no exit within ${CLI_TIMEOUT_MS / 1000} s, twice; stdout: ${r.stdout.slice(-2000)}; stderr: ${r.stderr.slice(-2000)}`,
      );
    process.stderr.write(`engagement-forecast ${args.join(' ')}: no exit within ${CLI_TIMEOUT_MS / 1000} s; run again (Node's exit deadlock)\n`);
  }
}

/**
 * `spawnSync`'s answer, without blocking the event loop meanwhile: for tests that share their process with a
 * server, whose load shedding would otherwise see the wait as an event-loop delay.
 */
export function spawnAsync(
  command: string,
  args: readonly string[],
  options: { cwd?: string; timeout?: number } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')}: no exit within ${options.timeout ?? CLI_TIMEOUT_MS} ms; stderr: ${stderr.slice(-2000)}`));
    }, options.timeout ?? CLI_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Starts `engagement-forecast serve` on a free port; resolves with its address once listening. */
export function startServe(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string; exit: Promise<number | null> }> {
  requireBuiltCli();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--log-level', 'silent', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stderr: () => err, exit });
      }
    });
  });
}
