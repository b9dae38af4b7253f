import type { FastifyPluginAsync } from 'fastify';
import { VERSION } from '../../version.js';
import { modelInfoSchema } from '../schemas.js';
import type { RouteContext } from './context.js';

/** The most characters of the model's description `GET /v1/model` returns. */
const DESCRIPTION_CHARS = 1000;

/** The description, cut to `DESCRIPTION_CHARS` (an ellipsis last; a surrogate pair never split). */
function shorten(text: string): string {
  if (text.length <= DESCRIPTION_CHARS) return text;
  let end = DESCRIPTION_CHARS - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** `GET /v1/model`: the model being served (its description cut to 1,000 characters). */
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
      // A description is one line; a file may hold any length: the answer stays small.
      description: shorten(model.description),
      intervals: Boolean(model.intervals),
      training: model.training,
      metrics: model.metrics,
      modelLibraryVersion: model.library.version,
      libraryVersion: VERSION,
    };
  });
};
