// Every write goes to a temporary file renamed into place on success; every error reaches the caller.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TextWriter, writeText } from '../../src/io/text-writer.js';
import { loadBuiltinModel, saveModel } from '../../src/index.js';
import { testTempDir } from '../helpers/tmp.js';

describe('TextWriter', () => {
  it('writes the whole text and leaves no temporary file', async () => {
    const dir = testTempDir('ef-writer-');
    const file = join(dir, 'out.txt');
    const line = `${'x'.repeat(99)}\n`;
    await writeText(
      file,
      Array.from({ length: 30000 }, () => line),
    ); // 3 MB: several blocks
    expect(readFileSync(file, 'utf8')).toBe(line.repeat(30000));
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('replaces an existing file only once the new one is complete', async () => {
    const dir = testTempDir('ef-writer-');
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'old\n');
    const writer = new TextWriter(file);
    await writer.write('new\n');
    await writer.flush();
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    await writer.close();
    expect(readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('rejects a write onto a folder, and leaves the folder as it was', async () => {
    const dir = testTempDir('ef-writer-');
    const target = join(dir, 'folder');
    mkdirSync(target);
    await expect(writeText(target, ['text\n'])).rejects.toThrow(/EISDIR|directory/);
    expect(readdirSync(dir)).toEqual(['folder']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('rejects a write into a folder that does not exist', async () => {
    const dir = testTempDir('ef-writer-');
    await expect(writeText(join(dir, 'missing', 'out.txt'), ['text\n'])).rejects.toThrow(/ENOENT/);
  });

  it.skipIf(!existsSync('/dev/full'))('rejects a write to a full device (/dev/full) instead of crashing', async () => {
    await expect(writeText('/dev/full', ['x'.repeat(3 << 20)])).rejects.toThrow(/ENOSPC/);
  });

  it('rejects when a stream fails', async () => {
    const failing = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('disk went away'));
      },
    });
    failing.on('error', () => {});
    const writer = new TextWriter(failing);
    const both = async () => {
      await writer.write('a'.repeat(2 << 20));
      await writer.close();
    };
    await expect(both()).rejects.toThrow('disk went away');
  });

  it('saveModel leaves no partial model file when the write fails', async () => {
    const dir = testTempDir('ef-writer-');
    await expect(saveModel(loadBuiltinModel(), join(dir, 'nope', 'model.json'))).rejects.toThrow(/ENOENT/);
    const folder = join(dir, 'model.json');
    mkdirSync(folder);
    await expect(saveModel(loadBuiltinModel(), folder)).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['model.json']);
  });
});
