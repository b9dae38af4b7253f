import { watchFile, unwatchFile } from 'node:fs';
import fastifySwagger from '@fastify/swagger';
import underPressure from '@fastify/under-pressure';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ArgumentTypeError, DataError, ModelError, isArgumentError } from '../errors.js';
import { predict } from '../predict.js';
import type { DailyRowInput } from '../schema.js';
import { VERSION } from '../version.js';
import { DEFAULT_SERVICE_LIMITS, type ServiceLimits } from './limits.js';
import { ServiceMetrics } from './metrics.js';
import { loadModelFrom, ModelSlot, type LoadedModel, type ModelSource } from './model-slot.js';
import { errorSchema, forecastBodySchema, forecastResponseSchema, modelInfoSchema, statusSchema } from './schemas.js';

/** Options of `createServer`. */
export interface ServerOptions {
  /** A model file to serve; without it, the built-in pretrained models. */
  model?: string;
  /** Request limits; any not given take `DEFAULT_SERVICE_LIMITS`. */
  limits?: Partial<ServiceLimits>;
  /** Fastify's logger: `false` (the default: quiet), `true` (JSON lines at info), or pino options. One line per request, with its request id. */
  logger?: FastifyServerOptions['logger'];
  /** Reload the model when its file changes (checked every `watchIntervalMs`, default 1000). Default false. */
  watch?: boolean;
  watchIntervalMs?: number;
  /**
   * Load shedding (`@fastify/under-pressure`): 503 with `Retry-After` when the
   * event loop lags more than `maxEventLoopDelay` ms (default 1000) or memory
   * passes `maxHeapUsedBytes` / `maxRssBytes`; `false` to turn it off.
   */
  underPressure?: false | { maxEventLoopDelay?: number; maxHeapUsedBytes?: number; maxRssBytes?: number; retryAfter?: number; sampleInterval?: number };
  /** Node's default process metrics in /metrics too (CPU, memory, event loop). Default true. */
  processMetrics?: boolean;
}

/** A running (or ready to listen) prediction service. */
export interface ForecastServer {
  /** The Fastify instance: `app.inject()` for tests, `app.listen()` to serve. */
  readonly app: FastifyInstance;
  /** The model being served now. */
  readonly model: LoadedModel;
  /** Reads the model file again and swaps it in if valid; a bad file keeps the old model (and is logged). */
  reload(): Promise<{ ok: boolean; id: string; error?: string }>;
  /** Readiness goes to 503 (the process is about to stop); requests are still served. */
  drain(): void;
  /** Whether `drain()` was called. */
  readonly draining: boolean;
  /** Stops watching, waits for in-flight requests, closes the server. */
  close(): Promise<void>;
}

function checkLimits(limits: Partial<ServiceLimits> | undefined): ServiceLimits {
  const l = { ...DEFAULT_SERVICE_LIMITS, ...limits };
  for (const key of ['maxRows', 'maxProfiles', 'bodyLimit'] as const) {
    if (!Number.isInteger(l[key]) || l[key] < 1) throw new ArgumentTypeError(`createServer: limits.${key} must be a positive integer, got ${JSON.stringify(l[key])}`);
  }
  return l;
}

/** An error answer: status, a short code, a sentence, and where in the request when known. */
class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly where: { row?: number; field?: string; profile?: string } = {},
  ) {
    super(message);
  }
}

/** The JSON body of an error answer. */
function errorBody(e: HttpError): Record<string, unknown> {
  return { error: e.code, message: e.message, ...e.where };
}

/** What a Fastify or library error means for the caller. */
function httpErrorOf(error: FastifyError | Error): HttpError {
  if (error instanceof HttpError) return error;
  const fe = error as FastifyError & { validation?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] };
  if (fe.validation && fe.validation.length > 0) {
    const v = fe.validation[0]!;
    const m = /^\/rows\/(\d+)(?:\/([^/]+))?/.exec(v.instancePath);
    const missing = v.params?.missingProperty as string | undefined;
    const field = m?.[2] ?? missing ?? (v.instancePath.split('/').filter(Boolean)[0] || undefined);
    const where: { row?: number; field?: string } = {};
    if (m) where.row = Number(m[1]);
    if (field) where.field = field;
    const place = m ? `rows[${m[1]}]${field ? `.${field}` : ''}` : v.instancePath ? v.instancePath.slice(1).replace(/\//g, '.') : field ? field : 'body';
    return new HttpError(400, 'bad_request', `${place} ${v.message ?? 'is invalid'}`, where);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported_media_type', 'send the request body as application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'payload_too_large', fe.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'bad_json', fe.message);
    default:
      break;
  }
  if (fe.statusCode === 400 && /JSON/i.test(fe.message)) return new HttpError(400, 'bad_json', `the body is not valid JSON: ${fe.message}`);
  if (error instanceof DataError) {
    if (error.code === 'unforecastable' || error.code === 'span_limit') {
      // A profile the model cannot answer for: a forecast that would not be finite, or records spanning too many weeks.
      return new HttpError(422, 'unforecastable', `profile ${JSON.stringify(error.value ?? '')}: ${error.reason}`, { profile: error.value ?? '' });
    }
    const where: { row?: number; field?: string } = {};
    if (error.line > 0) where.row = error.line - 1;
    if (error.column) where.field = error.column;
    return new HttpError(400, 'bad_row', error.line > 0 ? `rows[${error.line - 1}]${error.column ? `.${error.column}` : ''}: ${error.reason}${error.value === undefined ? '' : `: ${JSON.stringify(error.value)}`}` : error.message, where);
  }
  if (error instanceof ModelError) return new HttpError(422, 'model_cannot_answer', error.message);
  if (isArgumentError(error)) {
    if (error.code === 'no_rows_for_profile') return new HttpError(422, 'no_rows_for_profile', error.message);
    return new HttpError(400, 'bad_request', error.message);
  }
  if (fe.statusCode === 503) return new HttpError(503, 'under_pressure', fe.message); // load shedding: Retry-After is already set
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return new HttpError(fe.statusCode, 'bad_request', fe.message);
  return new HttpError(500, 'internal_error', 'internal error (logged on the server)');
}

/**
 * The prediction service as a Fastify app, not yet listening: `POST
 * /v1/forecast`, `GET /v1/model`, `/healthz`, `/readyz`, `/metrics` and
 * `/openapi.json` (docs/service.md). Requests and responses are validated
 * and serialized from the JSON schemas that also make the OpenAPI document.
 *
 * @example
 * const server = await createServer({ model: 'model.json', logger: true });
 * await server.app.listen({ host: '127.0.0.1', port: 8080 });
 * process.on('SIGHUP', () => void server.reload());
 * @throws {ModelError} when the model file cannot be used.
 */
export async function createServer(options: ServerOptions = {}): Promise<ForecastServer> {
  const limits = checkLimits(options.limits);
  const source: ModelSource = options.model === undefined ? { builtin: true } : { file: options.model };
  const slot = new ModelSlot(await loadModelFrom(source), source);
  const metrics = new ServiceMetrics(options.processMetrics ?? true);
  metrics.setModel(slot.current);
  let draining = false;

  const app = Fastify({
    logger: options.logger ?? false,
    // One log line per request, written by the onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: limits.bodyLimit,
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
    ajv: { customOptions: { allErrors: false, coerceTypes: false, removeAdditional: false } },
  });
  // JSON only: any other body type is a 415.
  app.removeContentTypeParser(['text/plain']);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'engagement-forecast', version: VERSION, description: 'Forecasts of Instagram engagement per post 7, 14, 21 and 28 days ahead.' },
    },
  });
  if (options.underPressure !== false) {
    const up = options.underPressure ?? {};
    await app.register(underPressure, {
      maxEventLoopDelay: up.maxEventLoopDelay ?? 1000,
      ...(up.maxHeapUsedBytes ? { maxHeapUsedBytes: up.maxHeapUsedBytes } : {}),
      ...(up.maxRssBytes ? { maxRssBytes: up.maxRssBytes } : {}),
      retryAfter: up.retryAfter ?? 10,
      ...(up.sampleInterval ? { sampleInterval: up.sampleInterval } : {}),
      message: 'the service is under pressure; retry later',
      exposeStatusRoute: false,
    });
  }

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    request.log.info({ method: request.method, url: request.url, route, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 }, 'request');
  });
  app.setErrorHandler((error, request, reply) => {
    const e = httpErrorOf(error as Error);
    if (e.statusCode >= 500) request.log.error({ err: error }, 'internal error');
    void reply.code(e.statusCode).type('application/json').send(errorBody(e));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });

  const errors = { 400: errorSchema, 413: errorSchema, 415: errorSchema, 422: errorSchema };
  app.post<{ Body: { rows: DailyRowInput[]; asOf?: string; intervals?: number[]; profiles?: string[] } }>(
    '/v1/forecast',
    { schema: { summary: 'Forecasts for the profiles of the rows sent', body: forecastBodySchema, response: { 200: forecastResponseSchema, ...errors } } },
    async (request) => {
      const { rows, asOf, intervals, profiles } = request.body;
      if (rows.length > limits.maxRows) throw new HttpError(413, 'too_many_rows', `${rows.length} rows in one request; the limit is ${limits.maxRows}`);
      const ids = new Set<string>();
      for (const r of rows) ids.add(r.profile_id);
      if (ids.size > limits.maxProfiles) throw new HttpError(413, 'too_many_profiles', `${ids.size} profiles in one request; the limit is ${limits.maxProfiles}`);
      const loaded = slot.current; // one model for the whole answer, even if a reload swaps it meanwhile
      const predictions = predict(loaded.model, rows, { ...(asOf ? { asOf } : {}), ...(intervals ? { intervals } : {}), ...(profiles ? { profiles } : {}) });
      metrics.forecasts.inc(predictions.length);
      metrics.profiles.inc(predictions.length / 4);
      return { model: { id: loaded.id, preset: loaded.model.preset, version: loaded.model.library.version }, predictions };
    },
  );
  app.get('/v1/model', { schema: { summary: 'The model being served', response: { 200: modelInfoSchema } } }, async () => {
    const { model, id, sha256, source, loadedAt } = slot.current;
    return {
      id,
      sha256,
      source,
      loadedAt,
      preset: model.preset,
      formatVersion: model.formatVersion,
      estimator: model.estimator ?? { kind: 'linear' },
      features: model.features,
      description: model.description,
      intervals: Boolean(model.intervals),
      training: model.training,
      metrics: model.metrics,
      modelLibraryVersion: model.library.version,
      libraryVersion: VERSION,
    };
  });
  app.get('/healthz', { schema: { summary: 'Liveness', response: { 200: statusSchema } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { summary: 'Readiness: 200 while a model is loaded and the server is not draining', response: { 200: statusSchema, 503: statusSchema } } }, async (_request, reply) => {
    if (draining) return reply.code(503).send({ status: 'draining' });
    return { status: 'ready' };
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    void reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const reload = async (): Promise<{ ok: boolean; id: string; error?: string }> => {
    const r = await slot.reload();
    if (r.ok) {
      metrics.reloads.inc({ result: 'ok' });
      metrics.setModel(r.model);
      app.log.info({ model: r.model.id, source: r.model.source, changed: r.changed }, 'model reloaded');
      return { ok: true, id: r.model.id };
    }
    metrics.reloads.inc({ result: 'failed' });
    app.log.error(`model reload failed, still serving ${slot.current.id}: ${r.error}`);
    return { ok: false, id: slot.current.id, error: r.error };
  };
  let watching: string | null = null;
  if (options.watch && 'file' in source) {
    watching = source.file;
    watchFile(watching, { interval: options.watchIntervalMs ?? 1000, persistent: false }, (now, before) => {
      if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) void reload();
    });
  }
  await app.ready();
  return {
    app,
    get model() {
      return slot.current;
    },
    reload,
    drain() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    async close() {
      if (watching) unwatchFile(watching);
      draining = true;
      await app.close();
    },
  };
}
