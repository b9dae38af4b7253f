// The forecast body is checked by hand (body-check.ts), in the pass that reads
// the rows, instead of by Fastify's validator over every row first. The
// answers must not change: each body below, with one fault of every kind the
// schema refuses (and some only the library refuses), gets the same status
// and JSON from the service as from a server validating with the schema. (A
// body with several faults is answered with the first met in reading order,
// docs/service.md; the schema-first server named a schema fault first.)
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDailyRows } from '../../src/generate.js';
import { predictWithSkipped, type DailyRowInput } from '../../src/index.js';
import { createServer, type ForecastServer } from '../../src/server/index.js';
import { errorBody, HttpError, httpErrorOf } from '../../src/server/http-errors.js';
import { forecastBodySchema } from '../../src/server/schemas.js';

const rows = ([...generateDailyRows({ profiles: 3, from: '2024-06-01', to: '2024-08-31', seed: 4 })] as unknown as DailyRowInput[]).slice(0, 40);
const LIMITS = { maxRows: 5000, maxProfiles: 20 };

/** The service as it answered when Fastify validated the body with the schema (Ajv, the service's options). */
async function schemaValidated(): Promise<ReturnType<typeof Fastify>> {
  const app = Fastify({ ajv: { customOptions: { allErrors: false, coerceTypes: false, removeAdditional: false } } });
  const server = await createServer({ limits: LIMITS });
  app.post<{ Body: { rows: DailyRowInput[]; asOf?: string; intervals?: number[]; profiles?: string[] } }>(
    '/v1/forecast',
    { schema: { body: forecastBodySchema } },
    async (request) => {
      const { rows: sent, asOf, intervals, profiles } = request.body;
      if (sent.length > LIMITS.maxRows) throw new HttpError(413, 'too_many_rows', `${sent.length} rows in one request; the limit is ${LIMITS.maxRows}`);
      const ids = new Set(sent.map((r) => r.profile_id));
      if (ids.size > LIMITS.maxProfiles)
        throw new HttpError(413, 'too_many_profiles', `${ids.size} profiles in one request; the limit is ${LIMITS.maxProfiles}`);
      const { predictions, skipped } = predictWithSkipped(server.model.model, sent, {
        ...(asOf ? { asOf } : {}),
        ...(intervals ? { intervals } : {}),
        ...(profiles ? { profiles } : {}),
      });
      return { model: { id: server.model.id, preset: server.model.model.preset, version: server.model.model.library.version }, predictions, skipped };
    },
  );
  app.setErrorHandler((error, _request, reply) => {
    const e = httpErrorOf(error as Error);
    void reply.code(e.statusCode).send(errorBody(e));
  });
  app.addHook('onClose', () => server.close());
  await app.ready();
  return app;
}

/** Bodies with one fault each: every field of a row given each kind of wrong value, the row itself, and the other fields. */
function faultyBodies(): unknown[] {
  const values: unknown[] = [null, true, {}, [], -1, 1e308, 2 ** 53 + 2, 0.5, '', 'x'.repeat(41), 'x'.repeat(257), '2024-1-01', '2024-02-30'];
  values.push('12', 'undefined', '-3', '1e400', '５', 'p\uD800', 12, 'é'.repeat(40), '😀'.repeat(40), '😀'.repeat(41));
  const bodies: unknown[] = [{ rows }];
  for (const field of ['date', 'profile_id', 'followers', 'posts', 'engagement', 'reach', 'impressions']) {
    const missing = rows.map((r, i) => (i === 3 ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== field)) : r));
    bodies.push({ rows: missing });
    for (const value of values) bodies.push({ rows: rows.map((r, i) => (i === 3 ? { ...r, [field]: value } : r)) });
  }
  for (const row of [null, 5, 'x', [], {}]) bodies.push({ rows: rows.map((r, i) => (i === 2 ? row : r)) });
  bodies.push(null, [], 'x', 5, {}, { rows: 5 }, { rows: {} }, { rows: null }, { rows, extra: 1 }, { rows: [] });
  for (const asOf of [5, '2024-1-1', '2024-02-30', '2024-08-15', null]) bodies.push({ rows, asOf });
  for (const intervals of [[], [0], [100], [-1], ['a'], 5, Array(9).fill(0.8), [null], [0.8, 95], [50, 100.5]]) bodies.push({ rows, intervals });
  for (const profiles of [[], [''], [5], 'x', ['x'.repeat(257)], ['nobody'], [rows[0]!.profile_id], ['😀'.repeat(256)]]) bodies.push({ rows, profiles });
  bodies.push({ rows: Array.from({ length: 21 }, (_, k) => ({ ...rows[0]!, profile_id: `p${k}` })) });
  return bodies;
}

describe('the forecast body, checked by hand in one pass', () => {
  let reference: Awaited<ReturnType<typeof schemaValidated>>;
  let service: ForecastServer;
  beforeAll(async () => {
    reference = await schemaValidated();
    service = await createServer({ limits: LIMITS });
  });
  afterAll(async () => {
    await reference.close();
    await service.close();
  });

  it('answers every body as the schema-validating server does: same status, same JSON', async () => {
    const bodies = faultyBodies();
    let refused = 0;
    for (const body of bodies) {
      const payload = JSON.stringify(body);
      const inject = (app: typeof reference) => app.inject({ method: 'POST', url: '/v1/forecast', payload, headers: { 'content-type': 'application/json' } });
      const [want, got] = [await inject(reference), await inject(service.app)];
      expect([got.statusCode, got.json()], payload.slice(0, 300)).toEqual([want.statusCode, want.json()]);
      if (want.statusCode !== 200) refused++;
    }
    // Most of them are faults: the comparison covers the errors, not only the answers.
    expect(refused).toBeGreaterThan(bodies.length * 0.8);
  });
});
