import type { FastifyPluginAsync } from 'fastify';
import type { RouteContext } from './context.js';

/** `GET /metrics` (Prometheus) and `GET /openapi.json`, both left out of the OpenAPI document. */
export const metricsRoutes: FastifyPluginAsync<RouteContext> = async (app, { metrics }) => {
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    void reply.type(metrics.registry.contentType);
    return metrics.text();
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
