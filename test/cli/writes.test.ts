// A failed write never reports success: no exit 0, no partial file, no crash.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDaily } from '../../src/generate.js';
import { dailyFromRows, resampleWeekly, writeWeeklyCsv, WriteError } from '../../src/index.js';
import { CLI, requireBuiltCli, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { UNPRIVILEGED, unprivilegedCannotRead } from '../helpers/unprivileged.js';

const dir = tempDir('ef-writes-');
const data = join(dir, 'data');
const cli = (...args: string[]) => runCli(dir, ...args);

beforeAll(async () => {
  requireBuiltCli();
  await generateDaily({ profiles: 20, from: '2024-01-01', to: '2024-06-30', seed: 2 }, data);
});

describe('failed writes', () => {
  it('exit 1 naming the file when --out is an existing folder, and leave the folder as it was', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    for (const args of [
      ['predict', '--data', data, '--out', folder],
      ['weekly', '--data', data, '--out', folder],
      ['train', '--data', data, '--cutoff', '2024-05-01', '--out', folder],
    ]) {
      const r = cli(...args, '--quiet');
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toBe(`engagement-forecast: ${folder}: cannot write the file (EISDIR); nothing was written there\n`);
      expect(readdirSync(folder)).toEqual([]);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exit 1 when the output’s folder does not exist, creating nothing; --mkdir creates it', () => {
    const missing = join(dir, 'no-such-folder', 'deeper');
    for (const args of [
      ['predict', '--data', data, '--out', join(missing, 'p.csv')],
      ['weekly', '--data', data, '--out', join(missing, 'w.csv')],
      ['train', '--data', data, '--cutoff', '2024-05-01', '--out', join(missing, 'm.json')],
      ['train', '--data', data, '--cutoff', '2024-05-01', '--out', join(dir, 'm.json'), '--metrics', join(missing, 'metrics.json')],
    ]) {
      const r = cli(...args, '--quiet');
      const file = args[args.length - 1]!;
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toBe(
        `engagement-forecast: ${file}: cannot write the file (the folder ${missing} does not exist; create it, or pass --mkdir); nothing was written there\n`,
      );
      expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    }
    const made = cli('weekly', '--data', data, '--out', join(missing, 'w.csv'), '--mkdir', '--quiet');
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(join(missing, 'w.csv'))).toBe(true);
  });

  it('exit 1 on a full device (/dev/full), for small and large outputs', () => {
    for (const args of [
      ['predict', '--data', data, '--out', '/dev/full'],
      ['weekly', '--data', data, '--out', '/dev/full'],
    ]) {
      const r = cli(...args, '--quiet');
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/\/dev\/full: cannot write the file \(ENOSPC\)/);
    }
  });

  it('leave no model file when the metrics cannot be written', () => {
    const folder = join(dir, 'metrics-folder');
    mkdirSync(folder);
    const r = cli('train', '--data', data, '--cutoff', '2024-05-01', '--out', join(dir, 'm.json'), '--metrics', folder, '--quiet');
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'm.json'))).toBe(false);
  });

  it.skipIf(unprivilegedCannotRead(CLI))('exit 1 when the user may not write the folder (checked as an unprivileged user)', () => {
    chmodSync(dir, 0o755);
    const locked = join(dir, 'root-owned');
    mkdirSync(locked, { mode: 0o755 });
    const args = [CLI, 'predict', '--data', data, '--out', join(locked, 'p.csv'), '--quiet'];
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) chmodSync(locked, 0o555);
    const r = asRoot
      ? spawnSync('setpriv', [...UNPRIVILEGED, process.execPath, ...args], { encoding: 'utf8', cwd: '/' })
      : spawnSync(process.execPath, args, { encoding: 'utf8', cwd: '/' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/root-owned\/p\.csv: cannot write the file \(EACCES\)/);
    expect(readdirSync(locked)).toEqual([]);
  });

  it('reject, not crash, when the library writes to a full device', async () => {
    const weekly = resampleWeekly(dailyFromRows([{ date: '2024-01-02', profile_id: 'p', posts: 1, engagement: 1, reach: 1, impressions: 1 }]));
    await expect(writeWeeklyCsv(weekly, '/dev/full')).rejects.toThrow(WriteError);
  });
});
