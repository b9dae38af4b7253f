import type { FastifyPluginAsync } from 'fastify';
import { statusSchema } from '../schemas.js';
import type { RouteContext } from './context.js';

/** `GET /healthz` (liveness) and `GET /readyz` (readiness: 503 once the server drains). */
export const healthRoutes: FastifyPluginAsync<RouteContext> = async (app, { isDraining }) => {
  // Liveness answers while the process runs, also under pressure: a probe must not kill a busy, healthy process.
  app.get('/healthz', { schema: { summary: 'Liveness', response: { 200: statusSchema } }, config: { pressureHandler: () => undefined } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { schema: { summary: 'Readiness: 200 while a model is loaded and the server is not draining', response: { 200: statusSchema, 503: statusSchema } } },
    async (_request, reply) => {
      if (isDraining()) return reply.code(503).send({ status: 'draining' });
      return { status: 'ready' };
    },
  );
};
