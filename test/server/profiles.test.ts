// GET /v1/profiles/:id/forecast: the profile's rows read from a PostgreSQL
// table (a real server: .ci/run starts one) and forecast as POST /v1/forecast
// forecasts the same rows sent in the body; a store that is down gives 503
// with Retry-After, promptly, and /readyz says so.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresProfiles } from '../../src/engines/postgres.js';
import { dailyFromRows, saveModel, trainModels, type DailyRowInput } from '../../src/index.js';
import { createServer, type ForecastServer } from '../../src/server/index.js';
import { generateDailyRows } from '../../src/generate.js';
import { connect, loadTextTable, POSTGRES_URL, skipPostgres, testSchema } from '../helpers/postgres.js';
import { runCli, startServe } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const skip = skipPostgres();

describe.skipIf(skip)('GET /v1/profiles/:id/forecast', () => {
  const dir = tempDir('ef-profiles-');
  const schema = testSchema('ef profiles');
  const q = (name: string) => `"${schema.replaceAll('"', '""')}"."${name}"`;
  const rows = [...generateDailyRows({ profiles: 30, from: '2024-01-01', to: '2024-11-30', seed: 5 })] as unknown as DailyRowInput[];
  const ids = [...new Set(rows.map((r) => r.profile_id))];
  const of = (id: string) => rows.filter((r) => r.profile_id === id);
  const model = join(dir, 'corrected.json');
  let server: ForecastServer;
  let down: ForecastServer;
  beforeAll(async () => {
    const records = rows.map((r) =>
      ['date', 'profile_id', 'followers', 'posts', 'engagement', 'likes', 'comments', 'reach', 'impressions'].map((k) => String(r[k])),
    );
    await loadTextTable(schema, 'daily', records);
    // One row of another profile that the reader refuses (a count that is no number), and the index a lookup needs.
    const c = await connect();
    await c.query(
      `INSERT INTO ${q('daily')} SELECT date, 'broken', followers, 'many', engagement, likes, comments, reach, impressions FROM ${q('daily')} LIMIT 1`,
    );
    await c.query(`CREATE INDEX ON ${q('daily')} (profile_id)`);
    await c.end();
    await saveModel(trainModels(dailyFromRows(rows), { preset: 'corrected', cutoff: '2024-09-30', calibrationWeeks: 4 }).model, model);
    server = await createServer({ model, profiles: postgresProfiles({ connectionString: POSTGRES_URL, schema, table: 'daily' }) });
    // A store nobody listens on: port 1 of this machine refuses at once.
    down = await createServer({ model, profiles: postgresProfiles({ connectionString: 'postgres://nobody@127.0.0.1:1/none', table: 'daily' }) });
  });
  afterAll(async () => {
    await server?.close();
    await down?.close();
  });

  it('answers what POST /v1/forecast answers for the same rows, with asOf and intervals', async () => {
    for (const id of ids.slice(0, 3)) {
      for (const query of ['', '?asOf=2024-10-15', '?asOf=2024-10-15&intervals=0.8,0.95']) {
        const got = await server.app.inject({ method: 'GET', url: `/v1/profiles/${encodeURIComponent(id)}/forecast${query}` });
        const params = new URLSearchParams(query.slice(1));
        const body = {
          rows: of(id),
          ...(params.get('asOf') ? { asOf: params.get('asOf') } : {}),
          ...(params.get('intervals') ? { intervals: params.get('intervals')!.split(',').map(Number) } : {}),
        };
        const want = await server.app.inject({ method: 'POST', url: '/v1/forecast', payload: body });
        expect(want.statusCode, want.body).toBe(200);
        expect(got.statusCode, got.body).toBe(200);
        expect(got.json()).toEqual(want.json());
        expect(got.json().predictions.length).toBe(4);
      }
    }
  });

  it('answers 404 for a profile with no rows, 422 naming the row for a stored row the reader refuses, 400 for a bad query', async () => {
    const unknown = await server.app.inject({ method: 'GET', url: '/v1/profiles/nobody/forecast' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'unknown_profile', profile: 'nobody' });
    const broken = await server.app.inject({ method: 'GET', url: '/v1/profiles/broken/forecast' });
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ error: 'bad_stored_row', profile: 'broken', field: 'posts' });
    expect(broken.json().message).toContain(`${schema}.daily (profile_id "broken", date "2024-`);
    const bad = await server.app.inject({ method: 'GET', url: `/v1/profiles/${ids[0]}/forecast?asOf=yesterday` });
    expect(bad.statusCode).toBe(400);
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('answers 503 with Retry-After, within seconds, when the store does not answer, and /readyz says so', async () => {
    const t0 = Date.now();
    const r = await down.app.inject({ method: 'GET', url: `/v1/profiles/${ids[0]}/forecast` });
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('5');
    expect(r.json()).toMatchObject({ error: 'store_unavailable' });
    expect(r.json().message).toMatch(/127\.0\.0\.1:1.*table daily/);
    const ready = await down.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'store unavailable' });
    expect(Date.now() - t0).toBeLessThan(10_000);
    // The rows in the body still work: POST needs no store.
    const post = await down.app.inject({ method: 'POST', url: '/v1/forecast', payload: { rows: of(ids[0]!) } });
    expect(post.statusCode).toBe(200);
  });

  it('runs behind the command line: serve --engine postgres --url --schema --table, and refuses the flags without it', async () => {
    const { child, url } = await startServe(['--model', model, '--engine', 'postgres', '--url', POSTGRES_URL, '--schema', schema, '--table', 'daily']);
    try {
      const r = await fetch(`${url}/v1/profiles/${encodeURIComponent(ids[1]!)}/forecast?asOf=2024-10-15`);
      expect(r.status).toBe(200);
      const want = await server.app.inject({ method: 'GET', url: `/v1/profiles/${encodeURIComponent(ids[1]!)}/forecast?asOf=2024-10-15` });
      expect(((await r.json()) as { predictions: unknown }).predictions).toEqual(want.json().predictions);
    } finally {
      child.kill('SIGTERM');
    }
    const usage = runCli(dir, 'serve', '--table', 'daily');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--url, --table and --schema need --engine postgres');
  });
});
