import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const HealthSchema = Type.Object({ status: Type.String() });

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', { schema: { tags: ['ops'], summary: 'The process is up', response: { 200: HealthSchema } }, logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get(
    '/readyz',
    { schema: { tags: ['ops'], summary: 'The database answers', response: { 200: HealthSchema, 503: HealthSchema } }, logLevel: 'warn' },
    async (_request, reply) => {
      try {
        await app.db.command({ ping: 1 }, { timeoutMS: 2000 });
        return { status: 'ok' };
      } catch {
        return reply.status(503).send({ status: 'database unreachable' });
      }
    },
  );
};

export default healthRoutes;
