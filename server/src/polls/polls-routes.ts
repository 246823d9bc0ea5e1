import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreatePollSchema, IdParamsSchema, PollDetailSchema, PollListSchema, PollParamsSchema, PollSchema, PollVotersSchema, UpdatePollSchema } from '@e-cabinet/protocol';
import { Type } from 'typebox';
import { toObjectId } from '../http/ids.ts';
import { errorResponses } from '../http/error-responses.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/**
 * Polls of a meeting over HTTP: listed for every participant (drafts for the chair and
 * secretary only), prepared and edited as drafts by them. Opening, closing and voting are socket
 * commands (`poll:open`, `poll:close`, `poll:vote`).
 */
const pollsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireUser);

  app.get('/:id/polls', { schema: { tags: ['polls'], summary: 'Polls of a meeting', params: IdParamsSchema, response: { 200: PollListSchema, ...errors } } }, async (request) => ({
    polls: await app.polls.list(toObjectId(request.params.id), request.user!),
  }));

  app.post('/:id/polls', { schema: { tags: ['polls'], summary: 'Prepare a poll on an agenda item (draft)', params: IdParamsSchema, body: CreatePollSchema, response: { 201: PollSchema, ...errors } } }, async (request, reply) =>
    reply.status(201).send(await app.polls.drafts.create(toObjectId(request.params.id), request.user!, request.body)),
  );

  app.get('/:id/polls/:pollId', { schema: { tags: ['polls'], summary: 'A poll, with my ballots in it (and who voted what, once a named poll is closed)', params: PollParamsSchema, response: { 200: PollDetailSchema, ...errors } } }, async (request) =>
    app.polls.get(toObjectId(request.params.id), toObjectId(request.params.pollId), request.user!),
  );

  app.get(
    '/:id/polls/:pollId/voters',
    { schema: { tags: ['polls'], summary: 'Who voted what in a closed named poll (not sent with the result: fetched when shown)', params: PollParamsSchema, response: { 200: PollVotersSchema, ...errors } } },
    async (request) => app.polls.voters(toObjectId(request.params.id), toObjectId(request.params.pollId), request.user!),
  );

  app.patch('/:id/polls/:pollId', { schema: { tags: ['polls'], summary: 'Edit a draft poll', params: PollParamsSchema, body: UpdatePollSchema, response: { 200: PollSchema, ...errors } } }, async (request) =>
    app.polls.drafts.update(toObjectId(request.params.id), toObjectId(request.params.pollId), request.user!, request.body),
  );

  app.delete('/:id/polls/:pollId', { schema: { tags: ['polls'], summary: 'Delete a draft poll', params: PollParamsSchema, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    await app.polls.drafts.remove(toObjectId(request.params.id), toObjectId(request.params.pollId), request.user!);
    return reply.status(204).send(null);
  });
};

export default pollsRoutes;
