// Finding the files to read: links are followed, nothing is skipped without a word.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/io/files.js';
import { loadDaily } from '../../src/index.js';
import { testTempDir } from '../helpers/tmp.js';
import { UNPRIVILEGED, unprivilegedCannotRead } from '../helpers/unprivileged.js';

const CSV = 'date,profile_id,followers,posts,engagement,reach,impressions\n2024-01-02,p,1,1,1,1,1\n';

describe('finding the daily files', () => {
  it('follows a link to a folder of CSVs, and a linked CSV beside a real one', async () => {
    const dir = testTempDir('ef-files-');
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'a.csv'), CSV);
    writeFileSync(join(dir, 'elsewhere.csv'), CSV.replace(',p,', ',q,'));
    mkdirSync(join(dir, 'data'));
    symlinkSync(join(dir, 'real'), join(dir, 'data', 'linked-folder'));
    symlinkSync(join(dir, 'elsewhere.csv'), join(dir, 'data', 'link.csv'));
    writeFileSync(join(dir, 'data', 'b.csv'), CSV.replace(',p,', ',r,'));
    symlinkSync(join(dir, 'data'), join(dir, 'data', 'loop')); // a link back: read once
    expect(await discoverFiles([join(dir, 'data')])).toEqual([
      join(dir, 'data', 'b.csv'),
      join(dir, 'data', 'link.csv'),
      join(dir, 'data', 'linked-folder', 'a.csv'),
    ]);
    symlinkSync(join(dir, 'real'), join(dir, 'only-a-link'));
    expect((await loadDaily(join(dir, 'only-a-link'))).profileIds).toEqual(['p']);
  });

  it('refuses a FIFO at once instead of waiting on it', async () => {
    const dir = testTempDir('ef-files-');
    const fifo = join(dir, 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await expect(loadDaily(fifo)).rejects.toThrow(`${fifo}: not a regular file or folder (a FIFO, socket or device cannot be read as data)`);
    await expect(loadDaily(dir)).rejects.toThrow(`${fifo}: not a regular file`);
  });

  it.skipIf(unprivilegedCannotRead(new URL('../../dist/index.js', import.meta.url).pathname))(
    'says which folder cannot be read, as a DataError (checked as an unprivileged user)',
    () => {
      const dir = testTempDir('ef-files-');
      chmodSync(dir, 0o755);
      mkdirSync(join(dir, 'data', 'locked'), { recursive: true });
      writeFileSync(join(dir, 'data', 'a.csv'), CSV);
      chmodSync(join(dir, 'data'), 0o755);
      chmodSync(join(dir, 'data', 'locked'), 0o000);
      const script = `import('${new URL('../../dist/index.js', import.meta.url).pathname}').then((m) => m.loadDaily(${JSON.stringify(join(dir, 'data'))})).then(() => console.log('read'), (e) => console.log(e.name + ': ' + e.message))`;
      // Root reads any folder: run as 'nobody' when we are root.
      const asRoot = process.getuid?.() === 0;
      const r = asRoot
        ? spawnSync('setpriv', [...UNPRIVILEGED, process.execPath, '-e', script], { encoding: 'utf8' })
        : spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      chmodSync(join(dir, 'data', 'locked'), 0o755);
      expect(r.stdout.trim(), r.stderr).toBe(`DataError: ${join(dir, 'data', 'locked')}: cannot read the folder (EACCES)`);
    },
  );
});
