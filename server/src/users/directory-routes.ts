import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiErrorSchema, DirectorySchema } from '@e-cabinet/protocol';

/**
 * Names and titles of active colleagues, for choosing participants, presenters and substitutes.
 * Any signed-in user may read it; no emails or account details.
 */
const directoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { onRequest: app.requireUser, schema: { tags: ['users'], summary: 'Active people and units', response: { 200: DirectorySchema, 401: ApiErrorSchema } } }, async () => {
    const [users, units] = await Promise.all([app.users.list({ active: true }), app.units.list()]);
    return {
      users: users.map((u) => ({ id: u.id, fullName: u.fullName, title: u.title, unitId: u.unitId, role: u.role })),
      units: units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, code: u.code, parentId: u.parentId })),
    };
  });
};

export default directoryRoutes;
