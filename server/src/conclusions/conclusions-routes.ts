import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, MinutesSchema, MinutesVersionParamsSchema, MinutesVersionSchema } from '@e-cabinet/protocol';
import { errorResponses } from '../http/error-responses.ts';
import { toObjectId } from '../http/ids.ts';
import { serveFile } from '../documents/serve-file.ts';
import type { MinutesFileKind } from './conclusions-service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** `/api/meetings/:id/minutes`: the draft, the approved versions, their PDFs and signing. */
const conclusionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireUser);

  app.get('/:id/minutes', { schema: { tags: ['minutes'], summary: 'The minutes draft and the approved versions (participants)', params: IdParamsSchema, response: { 200: MinutesSchema, ...errors } } }, async (request) => {
    const access = await app.meetings.access(toObjectId(request.params.id), request.user!);
    return app.conclusions.view(access);
  });

  app.post(
    '/:id/minutes/approve',
    { schema: { tags: ['minutes'], summary: 'Approve the conclusions as a new version (the chair); its PDFs are generated in the background', params: IdParamsSchema, response: { 202: MinutesVersionSchema, ...errors } } },
    async (request, reply) => {
      const access = await app.meetings.access(toObjectId(request.params.id), request.user!);
      return reply.status(202).send(await app.conclusions.approve(access, request.user!));
    },
  );

  app.post(
    '/:id/minutes/versions/:n/sign',
    { schema: { tags: ['minutes'], summary: 'Sign the minutes and the notice of the latest version (the chair)', params: MinutesVersionParamsSchema, response: { 200: MinutesVersionSchema, ...errors } } },
    async (request) => {
      const access = await app.meetings.access(toObjectId(request.params.id), request.user!);
      return app.conclusions.sign(access, request.user!, request.params.n);
    },
  );

  for (const [kind, name] of [['minutes', 'minutes.pdf'], ['notice', 'notice.pdf']] as [MinutesFileKind, string][]) {
    app.route({
      method: ['GET', 'HEAD'],
      url: `/:id/minutes/versions/:n/${name}`,
      schema: { tags: ['minutes'], summary: `The ${kind === 'minutes' ? 'minutes' : 'conclusion notice'} PDF of a version, signed once signed (participants)`, params: MinutesVersionParamsSchema },
      handler: async (request, reply) => {
        const access = await app.meetings.access(toObjectId(request.params.id), request.user!);
        const { file, filename } = await app.conclusions.file(access, request.params.n, kind);
        return serveFile(request, reply, app.conclusions.bucket, { fileId: file.fileId, size: file.size, sha256: file.sha256, contentType: 'application/pdf', filename, download: false });
      },
    });
  }
};

export default conclusionsRoutes;
