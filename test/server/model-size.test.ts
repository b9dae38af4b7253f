// A model file too large to parse without stalling the service is refused
// (at start and on reload, the old model kept), and GET /v1/model never
// returns a description of unbounded size.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinModel, saveModel } from '../../src/index.js';
import { createServer, DEFAULT_SERVICE_LIMITS } from '../../src/server/index.js';
import { tempDir } from '../helpers/tmp.js';

describe('the size of the model', () => {
  const dir = tempDir('ef-model-size-');

  it('has a default cap of 16 MiB on the model file', () => {
    expect(DEFAULT_SERVICE_LIMITS.maxModelBytes).toBe(16 * 1024 * 1024);
  });

  it('refuses a file over limits.maxModelBytes at start, and on reload keeps the model it has', async () => {
    const file = join(dir, 'model.json');
    await saveModel(loadBuiltinModel(), file);
    const size = statSync(file).size;
    await expect(createServer({ model: file, limits: { maxModelBytes: size - 1 } })).rejects.toThrow(
      `${file}: the model file is ${size} bytes, more than the service reads (limits.maxModelBytes = ${size - 1})`,
    );
    const server = await createServer({ model: file, limits: { maxModelBytes: size + 100 } });
    const before = server.model.id;
    await saveModel({ ...loadBuiltinModel(), description: 'x'.repeat(200) }, file);
    const r = await server.reload();
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/more than the service reads/);
    expect(server.model.id).toBe(before);
    await server.close();
  });

  it('answers GET /v1/model with at most 1,000 characters of description', async () => {
    const file = join(dir, 'long.json');
    await saveModel({ ...loadBuiltinModel(), description: `start ${'y'.repeat(100_000)}` }, file);
    const server = await createServer({ model: file });
    const info = (await server.app.inject('/v1/model')).json();
    expect(info.description.length).toBe(1000);
    expect(info.description.startsWith('start yyy')).toBe(true);
    expect(info.description.endsWith('…')).toBe(true);
    await server.close();
  });

  it('checks the option', async () => {
    await expect(createServer({ limits: { maxModelBytes: 0 } })).rejects.toThrow('createServer: limits.maxModelBytes must be a positive integer, got 0');
  });
});
