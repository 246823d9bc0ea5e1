import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, LiveStateSchema } from '@e-cabinet/protocol';
import { toObjectId } from '../http/ids.ts';
import { errorResponses } from '../http/error-responses.ts';

const errors = errorResponses(400, 401, 404);

/** The live state over HTTP, for a client that resyncs without its socket (the same as `live:sync`). */
const liveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireUser);

  app.get('/:id/live', { schema: { tags: ['live'], summary: 'The live state of a meeting I take part in', params: IdParamsSchema, response: { 200: LiveStateSchema, ...errors } } }, async (request) =>
    app.live.state(toObjectId(request.params.id), request.user!),
  );
};

export default liveRoutes;
