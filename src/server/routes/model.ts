import type { FastifyPluginAsync } from 'fastify';
import { VERSION } from '../../version.js';
import { modelInfoSchema } from '../schemas.js';
import type { RouteContext } from './context.js';

/** `GET /v1/model`: the model being served. */
export const modelRoutes: FastifyPluginAsync<RouteContext> = async (app, { slot }) => {
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
};
