import type { FastifyPluginAsync } from 'fastify';
import { predictRows } from '../../predict.js';
import { checkBodyShape, checkRowShape, type SchemaError } from '../body-check.js';
import type { DailyRowInput } from '../../schema.js';
import { HttpError, schemaHttpError } from '../http-errors.js';
import { errorSchema, forecastBodySchema, forecastResponseSchema } from '../schemas.js';
import type { RouteContext } from './context.js';

/** `POST /v1/forecast`: forecasts for the profiles of the rows sent. */
export const forecastRoutes: FastifyPluginAsync<RouteContext> = async (app, { slot, metrics, limits }) => {
  const errors = { 400: errorSchema, 413: errorSchema, 415: errorSchema, 422: errorSchema };
  app.post<{ Body: { rows: DailyRowInput[]; asOf?: string; intervals?: number[]; profiles?: string[] } }>(
    '/v1/forecast',
    {
      schema: { summary: 'Forecasts for the profiles of the rows sent', body: forecastBodySchema, response: { 200: forecastResponseSchema, ...errors } },
      // The schema describes the body (OpenAPI); it is checked by hand, the rows in the pass that reads them (body-check.ts).
      validatorCompiler: () => {
        const validate = (body: unknown): boolean => {
          const error = checkBodyShape(body);
          validate.errors = error ? [error] : null;
          return error === null;
        };
        validate.errors = null as SchemaError[] | null;
        return validate;
      },
    },
    // A plain function that sends, not an async one: no promise per request.
    (request, reply) => {
      const { rows, asOf, intervals, profiles } = request.body;
      if (rows.length > limits.maxRows) throw new HttpError(413, 'too_many_rows', `${rows.length} rows in one request; the limit is ${limits.maxRows}`);
      const ids = new Set<string>();
      let lastId = '';
      // Each row: the schema's checks, then the library's, in one pass; and the profiles counted on the way.
      const check = (row: unknown, index: number): void => {
        const error = checkRowShape(row, index);
        if (error) throw schemaHttpError(error);
        // A profile's rows mostly come together: comparing with the last id is cheaper than hashing each one.
        const id = (row as DailyRowInput).profile_id;
        if (id === lastId) return;
        lastId = id;
        ids.add(id);
        if (ids.size > limits.maxProfiles) {
          for (const r of rows) if (typeof r?.profile_id === 'string') ids.add(r.profile_id);
          throw new HttpError(413, 'too_many_profiles', `${ids.size} profiles in one request; the limit is ${limits.maxProfiles}`);
        }
      };
      const loaded = slot.current; // one model for the whole answer, even if a reload swaps it meanwhile
      const { predictions, skipped } = predictRows(
        loaded.model,
        rows,
        {
          ...(asOf ? { asOf } : {}),
          ...(intervals ? { intervals } : {}),
          ...(profiles ? { profiles } : {}),
        },
        check,
      );
      metrics.forecasts.inc(predictions.length);
      metrics.profiles.inc(predictions.length / 4);
      void reply.send({ model: { id: loaded.id, preset: loaded.model.preset, version: loaded.model.library.version }, predictions, skipped });
    },
  );
  // Another method on the route: 405 with Allow, not 404 (the route exists).
  app.route({
    method: ['GET', 'PUT', 'DELETE', 'PATCH'],
    url: '/v1/forecast',
    schema: { hide: true },
    handler: async (request, reply) => {
      void reply.code(405).header('allow', 'POST');
      return { error: 'method_not_allowed', message: `${request.method} /v1/forecast: use POST` };
    },
  });
};
