/**
 * engagement-forecast/server: the prediction service (Fastify). Not loaded
 * by the main entry: `import 'engagement-forecast'` never loads Fastify.
 *
 * @example
 * import { createServer } from 'engagement-forecast/server';
 * const server = await createServer({ model: 'model.json' });
 * await server.app.listen({ port: 8080 });
 * @packageDocumentation
 */
export { createServer, type ServerOptions, type ForecastServer } from './app.js';
export { DEFAULT_SERVICE_LIMITS, DEFAULT_SERVICE_TIMEOUTS, type ServiceLimits, type ServiceTimeouts } from './limits.js';
export { serve, type ServeOptions } from './serve.js';
export type { LoadedModel } from './model-slot.js';
