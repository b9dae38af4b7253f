import type { FastifyPluginAsync } from 'fastify';
import { statusSchema } from '../schemas.js';
import type { RouteContext } from './context.js';
import { STORE_RETRY_AFTER_SECONDS } from './profiles.js';

/** `GET /healthz` (liveness) and `GET /readyz` (readiness: 503 once the server drains, or while its store of rows does not answer). */
export const healthRoutes: FastifyPluginAsync<RouteContext> = async (app, { isDraining, profiles }) => {
  // Liveness answers while the process runs, also under pressure: a probe must not kill a busy, healthy process.
  app.get('/healthz', { schema: { summary: 'Liveness', response: { 200: statusSchema } }, config: { pressureHandler: () => undefined } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    {
      schema: {
        summary: 'Readiness: 200 while a model is loaded, the server is not draining, and its store of rows (if any) answers',
        response: { 200: statusSchema, 503: statusSchema },
      },
    },
    async (request, reply) => {
      if (isDraining()) return reply.code(503).send({ status: 'draining' });
      if (profiles) {
        try {
          await profiles.ping();
        } catch (error) {
          request.log.warn((error as Error).message);
          return reply.code(503).header('retry-after', String(STORE_RETRY_AFTER_SECONDS)).send({ status: 'store unavailable' });
        }
      }
      return { status: 'ready' };
    },
  );
};
