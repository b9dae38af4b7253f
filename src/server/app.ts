import { isUtf8 } from 'node:buffer';
import { createHash, timingSafeEqual } from 'node:crypto';
import { watchFile, unwatchFile } from 'node:fs';
import fastifySwagger from '@fastify/swagger';
import underPressure from '@fastify/under-pressure';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ArgumentTypeError } from '../errors.js';
import { VERSION } from '../version.js';
import { errorBody, firstInvalidUtf8, HttpError, httpErrorOf } from './http-errors.js';
import { DEFAULT_SERVICE_LIMITS, DEFAULT_SERVICE_TIMEOUTS, type ServiceLimits, type ServiceTimeouts } from './limits.js';
import { ServiceMetrics } from './metrics.js';
import { workerMetrics } from './cluster-metrics.js';
import { loadModelFrom, ModelSlot, type LoadedModel, type ModelSource } from './model-slot.js';
import { readForecastBody } from './body-check.js';
import { FORECAST_ROUTE, forecastRoutes } from './routes/forecast.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { modelRoutes } from './routes/model.js';
import { profileRoutes, STORE_RETRY_AFTER_SECONDS } from './routes/profiles.js';
import type { ProfileRowSource } from '../features/source.js';
import type { RouteContext } from './routes/context.js';

/** Options of `createServer`. */
export interface ServerOptions {
  /** A model file to serve; without it, the built-in pretrained models. */
  model?: string;
  /** Request limits; any not given take `DEFAULT_SERVICE_LIMITS`. */
  limits?: Partial<ServiceLimits>;
  /** How long to wait for a client; any not given take `DEFAULT_SERVICE_TIMEOUTS`. */
  timeouts?: Partial<ServiceTimeouts>;
  /** Fastify's logger: `false` (the default: quiet), `true` (JSON lines at info), or pino options. One line per request, with its request id. */
  logger?: FastifyServerOptions['logger'];
  /** Called after every reload (by `reload()`, SIGHUP or `watch`), with its outcome. */
  onReload?: (result: { ok: boolean; id: string; error?: string }) => void;
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
  /**
   * A bearer token (at least 16 characters) every request must send
   * (`Authorization: Bearer <token>`), except `/healthz` and `/readyz`;
   * compared in constant time, 401 without it. Default: none (anyone who
   * can reach the port may call). The command line reads it from a file or
   * the environment, never from a flag.
   */
  token?: string;
  /** Origins allowed to call from a browser (CORS), e.g. `['https://app.example.com']`. Default: none (cross-origin requests off). */
  corsOrigins?: readonly string[];
  /**
   * Where the service reads one profile's daily rows for `GET /v1/profiles/:id/forecast`
   * (e.g. `postgresProfiles` of the `postgres` subpath); without it, that route is absent.
   * `/readyz` then also asks it whether it answers. Closed with the server.
   */
  profiles?: ProfileRowSource;
  /** @internal In a worker of `serve --workers N`: `/metrics` answers for every worker (asks the primary). */
  clusterMetrics?: boolean;
}

/** Routes a probe must reach without the token. */
const OPEN_ROUTES = new Set(['/healthz', '/readyz']);

/** What the plain parse gives for text that is not JSON (then parsed the guarded way, for its error). */
const parseFailed = Symbol('not JSON');

/** Whether `header` carries the token, compared in constant time (digests of equal length). */
function hasToken(header: string | undefined, digest: Buffer): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  const sent = createHash('sha256')
    .update(m?.[1] ?? '')
    .digest();
  return timingSafeEqual(sent, digest) && m !== null;
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

function checkTimeouts(timeouts: Partial<ServiceTimeouts> | undefined): ServiceTimeouts {
  const t = { ...DEFAULT_SERVICE_TIMEOUTS, ...timeouts };
  for (const key of ['headersMs', 'requestMs', 'keepAliveMs'] as const) {
    if (!Number.isInteger(t[key]) || t[key] < 1)
      throw new ArgumentTypeError(`createServer: timeouts.${key} must be a positive integer, got ${JSON.stringify(t[key])}`);
  }
  return t;
}

function checkLimits(limits: Partial<ServiceLimits> | undefined): ServiceLimits {
  const l = { ...DEFAULT_SERVICE_LIMITS, ...limits };
  for (const key of ['maxRows', 'maxProfiles', 'bodyLimit', 'maxModelBytes'] as const) {
    if (!Number.isInteger(l[key]) || l[key] < 1)
      throw new ArgumentTypeError(`createServer: limits.${key} must be a positive integer, got ${JSON.stringify(l[key])}`);
  }
  return l;
}

/**
 * The prediction service as a Fastify app, not yet listening: `POST
 * /v1/forecast`, `GET /v1/model`, `/healthz`, `/readyz`, `/metrics` and
 * `/openapi.json`, and with `profiles` `GET /v1/profiles/:id/forecast`
 * (docs/service.md). Requests and responses are validated
 * and serialized from the JSON schemas that also make the OpenAPI document.
 *
 * @example
 * const server = await createServer({ model: 'model.json', logger: true });
 * await server.app.listen({ host: '127.0.0.1', port: 8080 });
 * process.on('SIGHUP', () => void server.reload());
 * @throws `ModelError` (from the main entry) when the model file cannot be used.
 */
export async function createServer(options: ServerOptions = {}): Promise<ForecastServer> {
  const limits = checkLimits(options.limits);
  const timeouts = checkTimeouts(options.timeouts);
  if (options.token !== undefined && (typeof options.token !== 'string' || options.token.length < 16))
    throw new ArgumentTypeError('createServer: token must be at least 16 characters');
  const tokenDigest = options.token === undefined ? null : createHash('sha256').update(options.token).digest();
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const source: ModelSource = options.model === undefined ? { builtin: true } : { file: options.model };
  const slot = new ModelSlot(await loadModelFrom(source, limits.maxModelBytes), source, limits.maxModelBytes);
  const metrics = new ServiceMetrics(options.processMetrics ?? true);
  if (options.clusterMetrics) metrics.cluster = workerMetrics(metrics.registry);
  metrics.setModel(slot.current);
  let draining = false;

  const app = Fastify({
    logger: options.logger ?? false,
    // One log line per request, written by the onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: limits.bodyLimit,
    // Fastify's and Node's defaults let a stalled client hold a socket forever (no request timeout).
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks the header and request timeouts on an interval (30 s by default): often enough to keep to them.
    http: {
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4))),
    },
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
    ajv: { customOptions: { allErrors: false, coerceTypes: false, removeAdditional: false } },
  });
  // JSON only: any other body type is a 415.
  app.removeContentTypeParser(['text/plain']);
  // JSON bodies: checked as UTF-8 before decoding (a decoder would turn every bad byte into U+FFFD and merge
  // distinct ids), then parsed by Fastify's own parser, which refuses prototype keys.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    // Node's check is native; the offset is looked for only in a body that fails it.
    const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
    if (bad >= 0)
      return done(new HttpError(400, 'bad_json', `the body is not valid UTF-8 (byte ${bad} starts no UTF-8 character); send text as UTF-8`), undefined);
    // A forecast's rows read from the bytes into columns, without an object per row, where the body is in the
    // common form (most bodies); any other is parsed below.
    if (request.routeOptions.url === FORECAST_ROUTE && request.method === 'POST') {
      const read = readForecastBody(bytes);
      if (read !== null) return done(null, read);
    }
    const text = bytes.toString('utf8');
    // A prototype key ("__proto__", or "constructor" holding "prototype") is spelled with "proto" or with an escape:
    // text with neither is parsed as it is, without the guarded parser's two scans of the body (a fifth of the time
    // of a large body); anything else, or text that does not parse, goes the guarded way (its errors, its BOM rule).
    if (text.indexOf('proto') < 0 && text.indexOf('\\u') < 0) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = parseFailed;
      }
      if (value !== parseFailed) return done(null, value);
    }
    parseJson(request, text, (error, value) => {
      if (!error) return done(null, value);
      // Plain JSON that the parser refused: a prototype key.
      let plain: boolean;
      try {
        JSON.parse(text);
        plain = true;
      } catch {
        plain = false;
      }
      if (plain)
        return done(
          new HttpError(400, 'bad_json', 'the body has a "__proto__" (or "constructor": { "prototype" }) key, which is refused: rename the key'),
          undefined,
        );
      done(error, undefined);
    });
  });
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

  // Cross-origin calls, for the origins named only: a preflight is answered here, before the token is asked for.
  // (A hook only when origins are named: a hook on every request costs.)
  if (corsOrigins.size > 0) {
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      if (origin === undefined || !corsOrigins.has(origin)) return;
      void reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
        return reply
          .code(204)
          .header('access-control-allow-methods', 'GET, POST')
          .header('access-control-allow-headers', 'authorization, content-type')
          .header('access-control-max-age', '600')
          .send();
      }
    });
  }
  if (tokenDigest) {
    app.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0]!.replace(/\/+$/, '') || '/';
      if (OPEN_ROUTES.has(path) || hasToken(request.headers.authorization, tokenDigest)) return;
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .type('application/json')
        .send({ error: 'unauthorized', message: 'send the service token: Authorization: Bearer <token>' });
    });
  }

  // A callback hook, not an async one: no promise per request.
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    request.log.info(
      { method: request.method, url: request.url, route, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 },
      'request',
    );
    done();
  });
  app.setErrorHandler((error, request, reply) => {
    const e = httpErrorOf(error as Error);
    // The store of rows is down or slow: the caller may try again shortly.
    if (e.code === 'store_unavailable') {
      request.log.warn(e.message);
      void reply.header('retry-after', String(STORE_RETRY_AFTER_SECONDS));
    }
    // Load shedding is the service working as designed: a warning, no stack. Only a bug is an error.
    else if (e.statusCode === 503) request.log.warn('load shed: 503');
    else if (e.statusCode >= 500) request.log.error({ err: error }, 'internal error');
    void reply.code(e.statusCode).type('application/json').send(errorBody(e));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });

  const profiles = options.profiles;
  const context: RouteContext = { slot, metrics, limits, isDraining: () => draining, ...(profiles ? { profiles } : {}) };
  await app.register(forecastRoutes, context);
  if (profiles) await app.register(profileRoutes, { ...context, profiles });
  await app.register(modelRoutes, context);
  await app.register(healthRoutes, context);
  await app.register(metricsRoutes, context);

  const reload = async (): Promise<{ ok: boolean; id: string; error?: string }> => {
    const r = await slot.reload();
    if (r.ok) {
      metrics.reloads.inc({ result: 'ok' });
      metrics.setModel(r.model);
      app.log.info({ model: r.model.id, source: r.model.source, changed: r.changed }, 'model reloaded');
      const done = { ok: true, id: r.model.id };
      options.onReload?.(done);
      return done;
    }
    metrics.reloads.inc({ result: 'failed' });
    app.log.error(`model reload failed, still serving ${slot.current.id}: ${r.error}`);
    const failed = { ok: false, id: slot.current.id, error: r.error };
    options.onReload?.(failed);
    return failed;
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
      await profiles?.close();
    },
  };
}
