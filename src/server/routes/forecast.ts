import type { FastifyPluginAsync } from 'fastify';
import { predictRows } from '../../predict.js';
import { checkBodyShape, checkRowShape, ColumnarForecastBody, type SchemaError } from '../body-check.js';
import type { DailyRowInput } from '../../schema.js';
import { HttpError, schemaHttpError } from '../http-errors.js';
import { errorSchema, forecastBodySchema, forecastResponseSchema } from '../schemas.js';
import type { RouteContext } from './context.js';

/** The forecast route's path. */
export const FORECAST_ROUTE = '/v1/forecast';

type ForecastBody = { rows: DailyRowInput[]; asOf?: string; intervals?: number[]; profiles?: string[] };

/** `POST /v1/forecast`: forecasts for the profiles of the rows sent. */
export const forecastRoutes: FastifyPluginAsync<RouteContext> = async (app, { slot, metrics, limits }) => {
  const errors = { 400: errorSchema, 413: errorSchema, 415: errorSchema, 422: errorSchema };
  app.post<{ Body: ForecastBody | ColumnarForecastBody }>(
    FORECAST_ROUTE,
    {
      schema: { summary: 'Forecasts for the profiles of the rows sent', body: forecastBodySchema, response: { 200: forecastResponseSchema, ...errors } },
      // The schema describes the body (OpenAPI); it is checked by hand, the rows in the pass that reads them (body-check.ts).
      // A body read into columns was checked as it was read.
      validatorCompiler: () => {
        const validate = (body: unknown): boolean => {
          const error = body instanceof ColumnarForecastBody ? null : checkBodyShape(body);
          validate.errors = error ? [error] : null;
          return error === null;
        };
        validate.errors = null as SchemaError[] | null;
        return validate;
      },
    },
    // A plain function that sends, not an async one: no promise per request.
    (request, reply) => {
      const loaded = slot.current; // one model for the whole answer, even if a reload swaps it meanwhile
      let body = request.body;
      let answer: ReturnType<typeof predictRows> | null = null;
      if (body instanceof ColumnarForecastBody) {
        const { rows, fields } = body;
        // Rows read into columns: answered from them when within the limits and the prediction succeeds; any
        // refusal is left to the general path below, on the parsed body, which names it as it always has.
        if (rows.length <= limits.maxRows && rows.profileCount <= limits.maxProfiles) {
          try {
            answer = predictRows(loaded.model, rows, optionsOf(fields));
          } catch {
            answer = null;
          } finally {
            rows.release();
          }
        }
        if (answer === null) body = body.parsed() as ForecastBody;
      }
      if (answer === null) answer = predictObjects(loaded.model, body as ForecastBody);
      const { predictions, skipped } = answer;
      metrics.forecasts.inc(predictions.length);
      metrics.profiles.inc(predictions.length / 4);
      void reply.send({ model: { id: loaded.id, preset: loaded.model.preset, version: loaded.model.library.version }, predictions, skipped });
    },
  );

  /** The body's options for `predict`. */
  const optionsOf = ({ asOf, intervals, profiles }: Omit<ForecastBody, 'rows'>) => ({
    ...(asOf ? { asOf } : {}),
    ...(intervals ? { intervals } : {}),
    ...(profiles ? { profiles } : {}),
  });

  /** Forecasts for a body of row objects, each row checked as the schema and the library check it, in one pass. */
  const predictObjects = (model: typeof slot.current.model, body: ForecastBody): ReturnType<typeof predictRows> => {
    const { rows } = body;
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
    return predictRows(model, rows, optionsOf(body), check);
  };
  // Another method on the route: 405 with Allow, not 404 (the route exists).
  app.route({
    method: ['GET', 'PUT', 'DELETE', 'PATCH'],
    url: FORECAST_ROUTE,
    schema: { hide: true },
    handler: async (request, reply) => {
      void reply.code(405).header('allow', 'POST');
      return { error: 'method_not_allowed', message: `${request.method} /v1/forecast: use POST` };
    },
  });
};
