import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiErrorSchema, AuditListQuerySchema, AuditListSchema, AuditVerifySchema } from '@e-cabinet/protocol';

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireRole('admin'));

  app.get('/', { schema: { tags: ['audit'], summary: 'Audit entries, newest first', querystring: AuditListQuerySchema, response: { 200: AuditListSchema, 401: ApiErrorSchema, 403: ApiErrorSchema } } }, async (request) => ({
    items: await app.audit.list({ before: request.query.before, limit: request.query.limit ?? 50, action: request.query.action }),
  }));

  app.get('/verify', { schema: { tags: ['audit'], summary: 'Check the hash chain end to end', response: { 200: AuditVerifySchema, 401: ApiErrorSchema, 403: ApiErrorSchema } } }, async () => app.audit.verify());
};

export default auditRoutes;
