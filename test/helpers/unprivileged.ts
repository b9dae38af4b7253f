import { spawnSync } from 'node:child_process';
import { constants } from 'node:fs';

/** The unprivileged user the tests run a command as when they are root (`nobody`). */
export const UNPRIVILEGED = ['--reuid=65534', '--regid=65534', '--clear-groups'];

/**
 * Why a test cannot run a command from this checkout as the unprivileged
 * user, or null when it can: as root, the command runs as `nobody`, who must
 * be able to read `path` (the built library in the checkout). A checkout in
 * a folder `nobody` cannot enter (a clone in a 0700 temporary folder) is a
 * reason to skip, said on stderr; not being root needs nothing.
 */
export function unprivilegedCannotRead(path: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const probe = `require('node:fs').accessSync(${JSON.stringify(path)}, ${constants.R_OK})`;
  const r = spawnSync('setpriv', [...UNPRIVILEGED, process.execPath, '-e', probe], { encoding: 'utf8', cwd: '/' });
  if (r.status === 0) return null;
  const reason = `the unprivileged user cannot read ${path}: the checkout sits in a folder it cannot enter`;
  process.stderr.write(`skipped: ${reason}\n`);
  return reason;
}
