// The prediction service: every endpoint through Fastify's inject, then the
// real process (engagement-forecast serve) for reload, shutdown and workers.
// All traffic stays on 127.0.0.1.
import { get as httpGet } from 'node:http';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyFromRows, predict, saveModel, trainModels, loadBuiltinModel, type DailyRowInput } from '../../src/index.js';
import { createServer, type ForecastServer } from '../../src/server/index.js';
import { errorBody, firstInvalidUtf8, httpErrorOf } from '../../src/server/http-errors.js';
import { generateDailyRows } from '../../src/generate.js';
import { CLI, requireBuiltCli, spawnAsync, startServe } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('ef-service-');
const rows = [...generateDailyRows({ profiles: 60, from: '2024-01-01', to: '2024-11-30', seed: 21 })] as unknown as DailyRowInput[];
const oneProfile = rows.filter((r) => r.profile_id === rows[0]!.profile_id);
const correctedFile = join(dir, 'corrected.json');
let server: ForecastServer;

beforeAll(async () => {
  await saveModel(trainModels(dailyFromRows(rows), { preset: 'corrected', cutoff: '2024-09-30' }).model, correctedFile);
  server = await createServer({ model: correctedFile, limits: { maxRows: 5000, maxProfiles: 20 } });
});
afterAll(() => server?.close());

const post = (payload: unknown, url = '/v1/forecast', headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url, payload: payload as string, headers: { 'content-type': 'application/json', ...headers } });

describe('POST /v1/forecast', () => {
  it("answers the library's forecasts, with intervals and the model's id", async () => {
    const r = await post({ rows: oneProfile, asOf: '2024-10-15', intervals: [0.8, 0.95] });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.model).toEqual({ id: server.model.id, preset: 'corrected', version: server.model.model.library.version });
    expect(body.predictions).toEqual(predict(server.model.model, oneProfile, { asOf: '2024-10-15', intervals: [0.8, 0.95] }));
    expect(Object.keys(body.predictions[0])).toContain('hi_95');
  });

  it('routes alike with a query string or a trailing slash', async () => {
    for (const url of ['/v1/forecast?x=1', '/v1/forecast/', '/v1/forecast/?debug']) expect((await post({ rows: oneProfile }, url)).statusCode, url).toBe(200);
  });

  it('says which row, which field and why for a bad row (400)', async () => {
    const bad = [...oneProfile.slice(0, 3), { ...oneProfile[3]!, posts: 'two' }];
    const r = await post({ rows: bad });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'bad_row', row: 3, field: 'posts' });
    expect(r.json().message).toMatch(/^rows\[3\]\.posts: posts is not a non-negative number: "two"$/);
    const negative = await post({ rows: [{ ...oneProfile[0]!, reach: -1 }] });
    expect(negative.json()).toMatchObject({ error: 'bad_request', row: 0, field: 'reach' });
    const huge = await post({ rows: [{ ...oneProfile[0]!, engagement: 1e308 }] });
    expect([huge.statusCode, huge.json().field]).toEqual([400, 'engagement']);
    const missing = await post({ rows: [{ date: '2024-01-01', profile_id: 'p' }] });
    expect(missing.json()).toMatchObject({ row: 0, field: 'posts' });
    // In the user's words, not the validator's ("must have required property").
    expect(missing.json().message).toBe("rows[0] has no 'posts' (each daily row needs date, profile_id, posts, engagement, reach and impressions)");
    const empty = await post({});
    expect([empty.statusCode, empty.json().message]).toEqual([400, 'the body has no \'rows\': send {"rows": [daily rows]}']);
    expect((await post({ rows: [{ ...oneProfile[0]!, date: '2024-02-30' }] })).json()).toMatchObject({ row: 0, field: 'date' });
  });

  it('gives 400 for malformed JSON, 415 for another content type, 413 past the limits', async () => {
    expect((await post('{"rows": [')).statusCode).toBe(400);
    expect((await post('rows', '/v1/forecast', { 'content-type': 'text/plain' })).statusCode).toBe(415);
    const tooMany = await post({ rows: Array.from({ length: 5001 }, () => oneProfile[0]) });
    expect([tooMany.statusCode, tooMany.json().error]).toEqual([413, 'too_many_rows']);
    const profiles = await post({ rows: Array.from({ length: 21 }, (_, k) => ({ ...oneProfile[0]!, profile_id: `p${k}` })) });
    expect([profiles.statusCode, profiles.json().message]).toEqual([413, '21 profiles in one request; the limit is 20']);
    const small = await createServer({ limits: { bodyLimit: 1000 } });
    const big = await small.app.inject({ method: 'POST', url: '/v1/forecast', payload: { rows: oneProfile.slice(0, 40) } });
    expect(big.statusCode).toBe(413);
    await small.close();
  });

  it('never answers 200 with a null: an infinite input is flagged, a forecast that cannot be finite is a 422 naming the profile', async () => {
    const builtin = await createServer();
    // Engagement in a month with no post: the notebook's monthly average is +Infinity (Q5), treated as missing and flagged.
    const r = await builtin.app.inject({
      method: 'POST',
      url: '/v1/forecast',
      payload: { rows: [{ ...oneProfile[0]!, profile_id: 'zero-posts', posts: 0, engagement: 5 }] },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().predictions.map((p: { non_finite_input: boolean }) => p.non_finite_input)).toEqual([true, true, true, true]);
    expect(r.body).not.toMatch(/null/);
    // Coefficients that overflow any forecast: 422, naming the profile.
    const huge = loadBuiltinModel();
    const file = join(dir, 'huge.json');
    await saveModel(
      {
        ...huge,
        models: Object.fromEntries(Object.entries(huge.models).map(([t, h]) => [t, { coef: h.coef.map(() => 1e306), intercept: 0 }])) as typeof huge.models,
      },
      file,
    );
    const overflowing = await createServer({ model: file });
    const o = await overflowing.app.inject({ method: 'POST', url: '/v1/forecast', payload: { rows: oneProfile } });
    expect(o.statusCode).toBe(422);
    expect(o.json()).toMatchObject({ error: 'unforecastable', profile: oneProfile[0]!.profile_id });
    expect(o.json().message).toMatch(/forecast is (-?Infinity|NaN): the features are too large for the model/);
    await overflowing.close();
    // Intervals of a model without calibration: 422 too.
    expect((await builtin.app.inject({ method: 'POST', url: '/v1/forecast', payload: { rows: oneProfile, intervals: [0.8] } })).statusCode).toBe(422);
    await builtin.close();
  });
});

describe('one rule for a value, in the library and the service', () => {
  const oneRow = (extra: Partial<DailyRowInput>) => oneProfile.map((r, i) => (i === 5 ? { ...r, ...extra } : r));
  it('refuses followers that are a number but not a count, in both', async () => {
    for (const followers of [-5, 1e300, 2 ** 53 + 2]) {
      const rowsWith = oneRow({ followers });
      expect(() => predict(server.model.model, rowsWith), String(followers)).toThrow(/followers is not a count from 0 to 2\^53/);
      expect((await post({ rows: rowsWith })).json(), String(followers)).toMatchObject({ row: 5, field: 'followers' });
    }
  });

  it('keeps fractional posts (pandas reads them too), in both, with the same forecasts', async () => {
    for (const posts of [0.5, 2.25, 5e-324]) {
      const rowsWith = oneRow({ posts });
      const r = await post({ rows: rowsWith, asOf: '2024-10-15' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().predictions, String(posts)).toEqual(predict(server.model.model, rowsWith, { asOf: '2024-10-15' }));
    }
  });
});

describe('the other endpoints', () => {
  it('GET /v1/model says what is loaded', async () => {
    const m = (await server.app.inject('/v1/model')).json();
    expect(m).toMatchObject({ id: server.model.id, preset: 'corrected', formatVersion: 2, intervals: true, source: correctedFile });
    expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.id).toBe(m.sha256.slice(0, 16));
    expect(m.features).toEqual(server.model.model.features);
    expect(m.training.cutoff).toBe('2024-09-30');
  });

  it('GET /healthz and /readyz; readiness is 503 while draining', async () => {
    const s = await createServer();
    expect((await s.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await s.app.inject('/readyz')).statusCode).toBe(200);
    s.drain();
    expect((await s.app.inject('/readyz')).statusCode).toBe(503);
    expect((await s.app.inject('/healthz')).statusCode).toBe(200);
    await s.close();
  });

  it('GET /metrics counts requests by route and status, latency, forecasts, and names the model', async () => {
    const s = await createServer({ processMetrics: false });
    await s.app.inject({ method: 'POST', url: '/v1/forecast', payload: { rows: oneProfile } });
    await s.app.inject({ method: 'POST', url: '/v1/forecast', payload: { rows: [{}] } });
    const text = (await s.app.inject('/metrics')).body;
    expect(text).toContain('ef_http_requests_total{method="POST",route="/v1/forecast",status="200"} 1');
    expect(text).toContain('ef_http_requests_total{method="POST",route="/v1/forecast",status="400"} 1');
    expect(text).toMatch(/ef_http_request_duration_seconds_count\{method="POST",route="\/v1\/forecast"\} 2/);
    expect(text).toContain('ef_forecasts_served_total 4');
    expect(text).toContain(`ef_model_info{id="${s.model.id}",sha256="${s.model.sha256}",preset="notebook",kind="linear",source="builtin"} 1`);
    await s.close();
  });

  it('GET /openapi.json: an OpenAPI 3 document made from the same schemas', async () => {
    const doc = (await server.app.inject('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(['/v1/forecast', '/v1/model', '/healthz', '/readyz']);
    const body = doc.paths['/v1/forecast'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['rows']);
    expect(body.properties.rows.items.required).toContain('engagement');
    expect(Object.keys(doc.paths['/v1/forecast'].post.responses)).toEqual(['200', '400', '413', '415', '422']);
  });

  it('sheds load with 503 and Retry-After when under pressure', async () => {
    const s = await createServer({ underPressure: { maxHeapUsedBytes: 1, retryAfter: 7, sampleInterval: 10 } });
    await new Promise((r) => setTimeout(r, 100));
    const r = await s.app.inject({ method: 'POST', url: '/v1/forecast', payload: { rows: oneProfile } });
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('7');
    await s.close();
  });

  it('logs one JSON line per request, with its request id', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const s = await createServer({ logger: { level: 'info', stream } });
    await s.app.inject('/healthz');
    await s.app.inject({ method: 'POST', url: '/v1/forecast', payload: { rows: [{}] } });
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(2);
    expect(requests.map((r) => [r.url, r.statusCode])).toEqual([
      ['/healthz', 200],
      ['/v1/forecast', 400],
    ]);
    expect(new Set(requests.map((r) => r.reqId)).size).toBe(2);
    expect(lines.filter((l) => /incoming request|request completed/.test(l))).toEqual([]);
    await s.close();
  });

  it('reloads when the model file changes, with watch', async () => {
    const file = join(dir, 'watched.json');
    copyFileSync(correctedFile, file);
    const s = await createServer({ model: file, watch: true, watchIntervalMs: 20 });
    const before = s.model.id;
    await saveModel(loadBuiltinModel(), file);
    await until(async () => s.model.id !== before, 5000);
    expect(s.model.model.preset).toBe('notebook');
    await s.close();
  });

  it('is not loaded by the main entry: importing engagement-forecast loads no Fastify', async () => {
    requireBuiltCli();
    const root = join(CLI, '..', '..');
    const cjs = await spawnAsync(
      process.execPath,
      ['-e', "require('./dist/index.cjs'); console.log(Object.keys(require.cache).filter((k) => /fastify|prom-client/.test(k)).length)"],
      { cwd: root },
    );
    expect(cjs.stdout.trim()).toBe('0');
    const esm = await spawnAsync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { createRequire } from 'node:module'; await import('./dist/index.js'); const r = createRequire(import.meta.url); console.log(Object.keys(r.cache).filter((k) => /fastify/.test(k)).length)",
      ],
      { cwd: root },
    );
    expect(esm.stdout.trim()).toBe('0');
    const server = await spawnAsync(
      process.execPath,
      ['-e', "require('./dist/server.cjs'); console.log(Object.keys(require.cache).some((k) => /node_modules\\/fastify\\//.test(k)))"],
      { cwd: root },
    );
    expect(server.stdout.trim()).toBe('true');
  });
});

/** Waits for `check`; past `ms`, fails with what `context` tells (a server's stderr, say). */
const until = async (check: () => Promise<boolean>, ms = 10_000, context?: () => string): Promise<void> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out${context ? `; ${context()}` : ''}`);
};

describe('engagement-forecast serve', () => {
  it('notes a reload started by --watch on stderr, as one started by SIGHUP', async () => {
    const file = join(dir, 'watched-cli.json');
    copyFileSync(correctedFile, file);
    const s = await startServe(['--model', file, '--watch']);
    await saveModel(loadBuiltinModel(), file);
    await until(async () => /reloaded the model: [0-9a-f]{16}\n/.test(s.stderr()), 8000);
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
  });

  it('reloads on SIGHUP: a bad file keeps the old model and says so in one line; a good one is swapped in', async () => {
    const file = join(dir, 'serving.json');
    copyFileSync(correctedFile, file);
    const s = await startServe(['--model', file]);
    const id = async () => ((await (await fetch(`${s.url}/v1/model`)).json()) as { id: string }).id;
    const first = await id();
    writeFileSync(file, '{"formatVersion": 2, "trunc');
    s.child.kill('SIGHUP');
    await until(async () => /model reload failed/.test(s.stderr()));
    expect(s.stderr().match(/model reload failed, still serving [0-9a-f]{16}: .*serving\.json: not valid JSON.*\n/g)).toHaveLength(1);
    expect(await id()).toBe(first);
    expect(
      (await fetch(`${s.url}/v1/forecast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: oneProfile }) }))
        .status,
    ).toBe(200);
    await saveModel(loadBuiltinModel(), file);
    s.child.kill('SIGHUP');
    await until(async () => (await id()) !== first);
    expect(((await (await fetch(`${s.url}/v1/model`)).json()) as { preset: string }).preset).toBe('notebook');
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
  });

  it('shuts down gracefully on SIGTERM: readiness 503 while draining, in-flight requests finish, exit 0', async () => {
    // The big request keeps the event loop busy for a while: a drain long enough that readiness can be asked during it on a loaded machine.
    const s = await startServe(['--builtin', '--drain-ms', '2000', '--max-rows', '100000', '--body-limit', '50000000']);
    const big = JSON.stringify({
      rows: Array.from({ length: 40 }, (_, k) => rows.map((r) => ({ ...r, profile_id: `${r.profile_id}-${k}` })))
        .flat()
        .slice(0, 60000),
    });
    const inFlight = fetch(`${s.url}/v1/forecast`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    await new Promise((r) => setTimeout(r, 30));
    s.child.kill('SIGTERM');
    await until(
      async () =>
        (await fetch(`${s.url}/readyz`).then(
          (r) => r.status,
          () => 0,
        )) === 503,
      8000,
    );
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { predictions: unknown[] }).predictions.length).toBeGreaterThan(1000);
    expect(await s.exit).toBe(0);
    expect(s.stderr()).toMatch(/SIGTERM: draining for 2000 ms/);
  });

  it('runs as docs/service.md’s systemd unit and container start it: node on the installed command, SIGHUP reloads every worker, SIGTERM stops them all', async () => {
    const doc = readFileSync(new URL('../../docs/service.md', import.meta.url), 'utf8');
    const exec = /^ExecStart=(.*)$/m.exec(doc)![1]!.split(' ');
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(doc)![1]!) as string[];
    // The signalled process is node itself, running the package's bin (package.json "bin"), never npx.
    expect([exec[0], exec[1]!.endsWith('/node_modules/engagement-forecast/dist/cli.js'), exec[2]]).toEqual(['/usr/bin/node', true, 'serve']);
    expect([cmd[0], cmd[1]!.endsWith('/node_modules/engagement-forecast/dist/cli.js'), cmd[2]]).toEqual(['node', true, 'serve']);
    expect(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).bin['engagement-forecast']).toBe('./dist/cli.js');
    // The unit's flags, with the built-in model, this machine's address and a free port.
    const flags = exec.slice(3);
    const value = (name: string) => flags[flags.indexOf(name) + 1]!;
    const s = await startServe(['--builtin', '--workers', value('--workers'), '--drain-ms', '0']);
    await until(async () => (s.stderr().match(/listening on/g) ?? []).length === Number(value('--workers')), 10_000, s.stderr);
    s.child.kill('SIGHUP');
    await until(async () => (s.stderr().match(/reloaded the model/g) ?? []).length === Number(value('--workers')), 10_000, s.stderr);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
  });

  it('runs several workers on one port, and stops them all', async () => {
    const s = await startServe(['--builtin', '--workers', '2']);
    await until(async () => (s.stderr().match(/listening on/g) ?? []).length === 2);
    for (let i = 0; i < 6; i++) expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
  });

  it('counts every worker in /metrics: N requests are N, whichever worker answered each and the scrape', async () => {
    const s = await startServe(['--builtin', '--workers', '2']);
    await until(async () => (s.stderr().match(/listening on/g) ?? []).length === 2);
    // A new connection per request: the cluster hands connections to the workers in turn.
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        httpGet(`${s.url}${path}`, { agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject);
      });
    for (let i = 0; i < 20; i++) {
      const r = await get('/v1/model');
      expect(r.status).toBe(200);
    }
    for (let scrape = 0; scrape < 4; scrape++) {
      const text = (await get('/metrics')).body;
      const count = /^ef_http_requests_total\{method="GET",route="\/v1\/model",status="200"\} (\d+)$/m.exec(text);
      expect(count?.[1], text.slice(0, 400)).toBe('20');
    }
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
  });

  it('refuses bad flags before starting (exit 2)', async () => {
    for (const args of [
      ['--port', '70000'],
      ['--workers', '0'],
      ['--model', 'm.json', '--builtin'],
      ['--log-level', 'loud'],
    ]) {
      const r = await spawnAsync(process.execPath, [CLI, 'serve', ...args], { timeout: 10_000 });
      expect(r.status, args.join(' ')).toBe(2);
    }
  });
});

describe('the service at its edges', () => {
  it('answers 405 with Allow for another method on /v1/forecast', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH'] as const) {
      const r = await server.app.inject({ method, url: '/v1/forecast' });
      expect([r.statusCode, r.headers.allow], method).toEqual([405, 'POST']);
      expect(r.json(), method).toEqual({ error: 'method_not_allowed', message: `${method} /v1/forecast: use POST` });
    }
  });

  it('refuses --json, which serve has no use for (exit 2)', async () => {
    requireBuiltCli();
    const r = await spawnAsync(process.execPath, [CLI, 'serve', '--builtin', '--json'], { timeout: 10_000 });
    expect([r.status, r.stderr.trim()]).toEqual([
      2,
      'engagement-forecast: serve: --json is not an option of serve (its request logs are JSON lines on stdout)',
    ]);
  });

  it('exits 1 with one line when the port is taken, not 70 with a stack', async () => {
    requireBuiltCli();
    const busy = await createServer({ underPressure: false });
    const address = await busy.app.listen({ host: '127.0.0.1', port: 0 });
    const port = new URL(address).port;
    try {
      const r = await spawnAsync(process.execPath, [CLI, 'serve', '--builtin', '--port', port], { timeout: 20_000 });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr.trim()).toBe(`engagement-forecast: serve: cannot listen on 127.0.0.1:${port} (EADDRINUSE: the address is in use)`);
    } finally {
      await busy.close();
    }
  });
});

describe('an unexpected error', () => {
  it('answers 500 with a fixed message: no stack, no path, no message of the bug', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'coef') at /srv/app/node_modules/engagement-forecast/dist/chunk.js:1:2");
    const e = httpErrorOf(bug);
    expect(e.statusCode).toBe(500);
    const body = JSON.stringify(errorBody(e));
    expect(JSON.parse(body)).toEqual({ error: 'internal_error', message: 'internal error (logged on the server)' });
    for (const leak of ['/srv', 'node_modules', 'coef', 'at ', String(bug.stack).split('\n')[1]!.trim()]) expect(body).not.toContain(leak);
  });
});

describe('request bodies the JSON parser would change', () => {
  const body = (id: Buffer) =>
    Buffer.concat([
      Buffer.from('{"rows":[{"date":"2024-11-18","profile_id":"'),
      id,
      Buffer.from('","followers":1,"posts":1,"engagement":1,"reach":1,"impressions":1}]}'),
    ]);

  it('refuses a body that is not valid UTF-8 (two ids would both become p\\ufffd), naming the byte', async () => {
    for (const byte of [0xff, 0xfe]) {
      const r = await post(body(Buffer.from([0x70, byte])));
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json()).toEqual({ error: 'bad_json', message: 'the body is not valid UTF-8 (byte 45 starts no UTF-8 character); send text as UTF-8' });
    }
    expect((await post(body(Buffer.from('pé')))).statusCode).toBe(200);
  });

  it('finds the first byte that starts no UTF-8 character', () => {
    const cases: [number[], number][] = [
      [[0x61, 0xc3, 0xa9], -1],
      [[0xf0, 0x9f, 0x98, 0x80], -1],
      [[0x61, 0xc0, 0xaf], 1], // overlong
      [[0xed, 0xa0, 0x80], 0], // a surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
      [[0x61, 0xe2, 0x82], 1], // cut short
      [[0x80], 0],
    ];
    for (const [bytes, at] of cases) expect(firstInvalidUtf8(Uint8Array.from(bytes)), bytes.join(' ')).toBe(at);
  });

  it('says what is wrong with a __proto__ or constructor.prototype key', async () => {
    const r = await post('{"rows": [], "__proto__": {"x": 1}}');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({
      error: 'bad_json',
      message: 'the body has a "__proto__" (or "constructor": { "prototype" }) key, which is refused: rename the key',
    });
    expect((await post('{"rows": [}')).json().error).toBe('bad_json');
    // Spelled with escapes, nested in a row, or as constructor.prototype: the same answer.
    for (const body of [
      '{"rows": [], "\\u005f_proto__": {"x": 1}}',
      '{"rows": [{"__proto__": {}}]}',
      '{"rows": [], "constructor": {"prototype": {"x": 1}}}',
      '{"rows": [], "constructor": {"\\u0070rototype": {"x": 1}}}',
    ]) {
      const answer = await post(body);
      expect([answer.statusCode, answer.json().message], body).toEqual([400, r.json().message]);
    }
    // A body whose text holds neither "proto" nor an escape is parsed as it is, and answered.
    expect((await post(JSON.stringify({ rows: oneProfile }))).statusCode).toBe(200);
    const bom = await post(`\uFEFF${JSON.stringify({ rows: oneProfile })}`);
    expect(bom.statusCode, bom.body).toBe(200);
  });
});

describe('load shedding', () => {
  it('sheds requests with 503, logged as a warning without a stack, and never sheds /healthz', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => void lines.push(line) };
    const busy = await createServer({ logger: { level: 'info', stream }, processMetrics: false, underPressure: { maxEventLoopDelay: 5, sampleInterval: 10 } });
    try {
      // Block the event loop until the sampler sees the delay, then ask.
      let shed = false;
      for (let attempt = 0; attempt < 20 && !shed; attempt++) {
        const end = Date.now() + 120;
        while (Date.now() < end);
        await new Promise((r) => setTimeout(r, 15));
        shed = (await busy.app.inject({ method: 'GET', url: '/v1/model' })).statusCode === 503;
      }
      expect(shed).toBe(true);
      const end = Date.now() + 120;
      while (Date.now() < end);
      await new Promise((r) => setTimeout(r, 15));
      expect((await busy.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const logged = lines.map((l) => JSON.parse(l) as { level: number; msg: string; err?: unknown });
      expect(logged.filter((l) => l.msg === 'internal error')).toEqual([]);
      expect(logged.some((l) => l.level === 40 && l.msg === 'load shed: 503' && l.err === undefined)).toBe(true);
    } finally {
      await busy.close();
    }
  });
});

describe('asOf far after the rows', () => {
  it('is a 400 about asOf, not a 422 about the records', async () => {
    const r = await post({ rows: oneProfile, asOf: '2099-12-31' });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json()).toMatchObject({ error: 'bad_request' });
    expect(r.json().message).toMatch(/^predict: asOf 2099-12-31 lies more than limits.maxWeeksPerProfile = 1100 weeks after the first record of profile /);
  });

  it('a row with a mistyped year is a 400 naming that row, with asOf or without', async () => {
    const typo = [...oneProfile.slice(0, 7), { ...oneProfile[7]!, date: '2084-02-03' }, ...oneProfile.slice(8)];
    for (const asOf of [undefined, '2084-12-31']) {
      const r = await post({ rows: typo, ...(asOf ? { asOf } : {}) });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json()).toMatchObject({ error: 'bad_row', row: 7, field: 'date' });
      expect(r.json().message).toMatch(/^rows\[7\]\.date: the date lies outside the 1100 weeks that hold most of the records of profile .*: "2084-02-03"$/);
    }
  });
});

describe('profiles without a forecast', () => {
  it('are named in skipped, with why, beside the forecasts of the others', async () => {
    const r = await post({ rows: oneProfile, asOf: '2023-12-01' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ predictions: [], skipped: [{ profile_id: oneProfile[0]!.profile_id, reason: 'no rows on or before 2023-12-01' }] });
    const ok = await post({ rows: oneProfile, asOf: '2024-10-15' });
    expect(ok.json().skipped).toEqual([]);
  });
});
