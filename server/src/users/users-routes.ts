import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateUserSchema, IdParamsSchema, ResetPasswordSchema, UpdateUserSchema, UserListQuerySchema, UserListSchema, UserSchema } from '@e-cabinet/protocol';
import { toObjectId } from '../http/ids.ts';
import { revokeUserSessions } from '../realtime/revoke.ts';
import { toUser } from './users-service.ts';
import { errorResponses } from '../http/error-responses.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** Admin-only account management. Every change is audited; deactivation ends sessions at once. */
const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireRole('admin'));

  app.get('/', { schema: { tags: ['users'], summary: 'List users', querystring: UserListQuerySchema, response: { 200: UserListSchema, ...errors } } }, async (request) => ({
    items: await app.users.list(request.query),
  }));

  app.post('/', { schema: { tags: ['users'], summary: 'Create a user', body: CreateUserSchema, response: { 201: UserSchema, ...errors } } }, async (request, reply) => {
    const doc = await app.users.create(request.body);
    const user = toUser(doc);
    await app.audit.append({ actorId: request.user!._id.toHexString(), action: 'user.created', target: user.id, data: { username: user.username, role: user.role, unitId: user.unitId } });
    return reply.status(201).send(user);
  });

  app.patch(
    '/:id',
    { schema: { tags: ['users'], summary: 'Edit, deactivate or reactivate a user', params: IdParamsSchema, body: UpdateUserSchema, response: { 200: UserSchema, ...errors } } },
    async (request) => {
      const { before, after } = await app.users.update(toObjectId(request.params.id), request.body, request.user!._id);
      if (before.active && !after.active) await revokeUserSessions(app, after._id);
      const changes = Object.fromEntries(Object.keys(request.body).map((k) => [k, (toUser(after) as Record<string, unknown>)[k]]));
      const action = before.active && !after.active ? 'user.deactivated' : !before.active && after.active ? 'user.reactivated' : 'user.updated';
      await app.audit.append({ actorId: request.user!._id.toHexString(), action, target: after._id.toHexString(), data: { username: after.username, changes } });
      return toUser(after);
    },
  );

  app.post(
    '/:id/reset-password',
    { schema: { tags: ['users'], summary: "Set a new password for a user; ends the user's sessions", params: IdParamsSchema, body: ResetPasswordSchema, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const id = toObjectId(request.params.id);
      await app.users.setPassword(id, request.body.newPassword, '/newPassword');
      if (!id.equals(request.user!._id)) await revokeUserSessions(app, id);
      else await revokeUserSessions(app, id, { exceptSessionId: request.session!._id });
      await app.audit.append({ actorId: request.user!._id.toHexString(), action: 'user.password.reset', target: id.toHexString() });
      return reply.status(204).send(null);
    },
  );
};

export default usersRoutes;
