// Who may call: an optional bearer token (compared in constant time; 401
// without it), /healthz and /readyz always open; cross-origin requests off
// unless allowed origins are named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/index.js';
import { requireBuiltCli, runCli } from '../helpers/cli.js';

const ROWS = [{ date: '2024-03-04', profile_id: 'p', followers: 100, posts: 1, engagement: 10, reach: 5, impressions: 6 }];

describe('a token', async () => {
  const token = 's3cret-token-0123456789';
  const server = await createServer({ token });
  afterAll(() => server.close());
  const call = (method: 'GET' | 'POST', url: string, authorization?: string) =>
    server.app.inject({
      method,
      url,
      headers: authorization === undefined ? {} : { authorization },
      ...(method === 'POST' ? { payload: { rows: ROWS } } : {}),
    });

  it('is required on the API, /metrics and /openapi.json: 401 with WWW-Authenticate without it or with another', async () => {
    for (const [method, url] of [
      ['POST', '/v1/forecast'],
      ['GET', '/v1/model'],
      ['GET', '/metrics'],
      ['GET', '/openapi.json'],
    ] as const) {
      for (const authorization of [undefined, 'Bearer wrong', `Bearer ${token}x`, `Basic ${token}`, token]) {
        const r = await call(method, url, authorization);
        expect(r.statusCode, `${method} ${url} ${authorization}`).toBe(401);
        expect(r.headers['www-authenticate']).toBe('Bearer');
        expect(r.json()).toEqual({ error: 'unauthorized', message: 'send the service token: Authorization: Bearer <token>' });
        expect(r.body).not.toContain(token);
      }
      expect((await call(method, url, `Bearer ${token}`)).statusCode, `${method} ${url}`).toBe(200);
    }
  });

  it('never reaches the logs, nor does a row', async () => {
    const lines: string[] = [];
    const logged = await createServer({ token, logger: { level: 'debug', stream: { write: (line: string) => void lines.push(line) } } });
    for (const authorization of [`Bearer ${token}`, 'Bearer wrong-token-0123456789']) {
      await logged.app.inject({
        method: 'POST',
        url: '/v1/forecast',
        headers: { authorization },
        payload: { rows: [{ ...ROWS[0]!, profile_id: 'secret-profile-x' }] },
      });
    }
    await logged.close();
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain('wrong-token');
      expect(line).not.toContain('secret-profile-x');
    }
  });

  it('is not asked of /healthz and /readyz', async () => {
    expect((await call('GET', '/healthz')).statusCode).toBe(200);
    expect((await call('GET', '/readyz')).statusCode).toBe(200);
  });

  it('is refused when empty or short', async () => {
    await expect(createServer({ token: '' })).rejects.toThrow('createServer: token must be at least 16 characters');
    await expect(createServer({ token: 'short' })).rejects.toThrow('createServer: token must be at least 16 characters');
  });

  it('comes to serve from a file or the environment, never a flag', () => {
    requireBuiltCli();
    const dir = mkdtempSync(join(tmpdir(), 'ef-token-'));
    writeFileSync(join(dir, 'empty'), '\n');
    // A flag would show in the process list: there is none.
    const flag = runCli(dir, 'serve', '--token', token);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^engagement-forecast: serve: Unknown option '--token'/);
    const empty = runCli(dir, 'serve', '--token-file', join(dir, 'empty'));
    expect([empty.code, empty.stderr.trim()]).toEqual([
      1,
      `engagement-forecast: serve: the token file ${join(dir, 'empty')} must hold a token of at least 16 characters`,
    ]);
    const missing = runCli(dir, 'serve', '--token-file', join(dir, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the token file/);
  });
});

describe('cross-origin requests', () => {
  it('are off by default: no Access-Control-Allow-Origin, and a preflight is not answered with one', async () => {
    const server = await createServer();
    const r = await server.app.inject({ method: 'POST', url: '/v1/forecast', headers: { origin: 'https://example.com' }, payload: { rows: ROWS } });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/v1/forecast',
      headers: { origin: 'https://example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    await server.close();
  });

  it('are allowed for the origins named, and only those', async () => {
    const server = await createServer({ corsOrigins: ['https://app.example.com'] });
    const allowed = await server.app.inject({ method: 'POST', url: '/v1/forecast', headers: { origin: 'https://app.example.com' }, payload: { rows: ROWS } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(allowed.headers.vary).toMatch(/Origin/);
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: '/v1/forecast',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, POST');
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization, content-type');
    const other = await server.app.inject({ method: 'POST', url: '/v1/forecast', headers: { origin: 'https://evil.example' }, payload: { rows: ROWS } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await server.close();
  });
});
