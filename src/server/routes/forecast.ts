import type { FastifyPluginAsync } from 'fastify';
import { predictWithSkipped } from '../../predict.js';
import type { DailyRowInput } from '../../schema.js';
import { HttpError } from '../http-errors.js';
import { errorSchema, forecastBodySchema, forecastResponseSchema } from '../schemas.js';
import type { RouteContext } from './context.js';

/** `POST /v1/forecast`: forecasts for the profiles of the rows sent. */
export const forecastRoutes: FastifyPluginAsync<RouteContext> = async (app, { slot, metrics, limits }) => {
  const errors = { 400: errorSchema, 413: errorSchema, 415: errorSchema, 422: errorSchema };
  app.post<{ Body: { rows: DailyRowInput[]; asOf?: string; intervals?: number[]; profiles?: string[] } }>(
    '/v1/forecast',
    { schema: { summary: 'Forecasts for the profiles of the rows sent', body: forecastBodySchema, response: { 200: forecastResponseSchema, ...errors } } },
    async (request) => {
      const { rows, asOf, intervals, profiles } = request.body;
      if (rows.length > limits.maxRows) throw new HttpError(413, 'too_many_rows', `${rows.length} rows in one request; the limit is ${limits.maxRows}`);
      const ids = new Set<string>();
      for (const r of rows) ids.add(r.profile_id);
      if (ids.size > limits.maxProfiles)
        throw new HttpError(413, 'too_many_profiles', `${ids.size} profiles in one request; the limit is ${limits.maxProfiles}`);
      const loaded = slot.current; // one model for the whole answer, even if a reload swaps it meanwhile
      const { predictions, skipped } = predictWithSkipped(loaded.model, rows, {
        ...(asOf ? { asOf } : {}),
        ...(intervals ? { intervals } : {}),
        ...(profiles ? { profiles } : {}),
      });
      metrics.forecasts.inc(predictions.length);
      metrics.profiles.inc(predictions.length / 4);
      return { model: { id: loaded.id, preset: loaded.model.preset, version: loaded.model.library.version }, predictions, skipped };
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
