import type { FastifyPluginAsync } from 'fastify';
import { DataError, EngineError } from '../../errors.js';
import type { ProfileRowSource } from '../../features/source.js';
import { predictRows } from '../../predict.js';
import type { DailyRowInput } from '../../schema.js';
import { HttpError } from '../http-errors.js';
import { errorSchema, forecastResponseSchema } from '../schemas.js';
import type { RouteContext } from './context.js';

/** How long a client is asked to wait before it calls again when the store of rows does not answer, in seconds. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** The store could not be read: 503 with `Retry-After` (set by the error handler from the code). */
function storeUnavailable(error: unknown): HttpError {
  const message = error instanceof EngineError ? error.message : `the store of daily rows failed: ${(error as Error).message}`;
  return new HttpError(503, 'store_unavailable', message);
}

/** `GET /v1/profiles/:id/forecast`: the profile's rows read from the store (`ServerOptions.profiles`), forecast as `POST /v1/forecast` does. */
export const profileRoutes: FastifyPluginAsync<RouteContext & { profiles: ProfileRowSource }> = async (app, { slot, metrics, profiles }) => {
  app.get<{ Params: { id: string }; Querystring: { asOf?: string; intervals?: string } }>(
    '/v1/profiles/:id/forecast',
    {
      schema: {
        summary: "Forecasts for one profile, its daily rows read from the service's store",
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 256 } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'forecast as of this day: only rows on or before it are used' },
            intervals: { type: 'string', pattern: '^[0-9.]+(,[0-9.]+){0,7}$', description: 'coverages, comma-separated, e.g. 0.8,0.95' },
          },
        },
        response: { 200: forecastResponseSchema, 400: errorSchema, 404: errorSchema, 422: errorSchema, 503: errorSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { asOf, intervals } = request.query;
      let rows: DailyRowInput[];
      try {
        rows = await profiles.rows(id);
      } catch (error) {
        throw storeUnavailable(error);
      }
      if (rows.length === 0) throw new HttpError(404, 'unknown_profile', `no daily rows of profile ${JSON.stringify(id)} in ${profiles.name}`, { profile: id });
      const loaded = slot.current;
      let answer: ReturnType<typeof predictRows>;
      try {
        answer = predictRows(loaded.model, rows, {
          ...(asOf ? { asOf } : {}),
          ...(intervals ? { intervals: intervals.split(',').map(Number) } : {}),
          profiles: [id],
        });
      } catch (error) {
        // A row of the store that the reader refuses is the store's fault, not the caller's: named by its key.
        if (error instanceof DataError && error.code !== 'unforecastable' && error.line > 0) {
          const row = rows[error.line - 1];
          throw new HttpError(
            422,
            'bad_stored_row',
            `${profiles.name} (profile_id ${JSON.stringify(id)}, date ${JSON.stringify(row?.date ?? '')}): ${error.column ? `${error.column}: ` : ''}${error.reason}${error.value === undefined ? '' : `: ${JSON.stringify(error.value)}`}`,
            { profile: id, ...(error.column ? { field: error.column } : {}) },
          );
        }
        throw error;
      }
      const { predictions, skipped } = answer;
      metrics.forecasts.inc(predictions.length);
      metrics.profiles.inc(predictions.length / 4);
      return { model: { id: loaded.id, preset: loaded.model.preset, version: loaded.model.library.version }, predictions, skipped };
    },
  );
};
