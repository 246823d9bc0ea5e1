import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiErrorSchema, IdParamsSchema, NotificationListSchema } from '@e-cabinet/protocol';
import { collections } from '../db/collections.ts';
import { toObjectId } from '../http/ids.ts';
import { toNotification } from './distribute.ts';

const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const c = collections(app.db);

  app.get('/', { schema: { tags: ['notifications'], summary: 'My latest notifications', response: { 200: NotificationListSchema, 401: ApiErrorSchema } } }, async (request) => {
    const userId = request.user!._id;
    const [items, unread] = await Promise.all([c.notifications.find({ userId }, { sort: { createdAt: -1 }, limit: 50 }).toArray(), c.notifications.countDocuments({ userId, readAt: null })]);
    return { items: items.map(toNotification), unread };
  });

  app.post('/:id/read', { schema: { tags: ['notifications'], summary: 'Mark one as read', params: IdParamsSchema, response: { 204: Type.Null(), 401: ApiErrorSchema, 404: ApiErrorSchema } } }, async (request, reply) => {
    // Scoped to the caller: another user's notification id simply matches nothing.
    await c.notifications.updateOne({ _id: toObjectId(request.params.id), userId: request.user!._id, readAt: null }, { $set: { readAt: new Date() } });
    return reply.status(204).send(null);
  });

  app.post('/read-all', { schema: { tags: ['notifications'], summary: 'Mark all as read', response: { 204: Type.Null(), 401: ApiErrorSchema } } }, async (request, reply) => {
    await c.notifications.updateMany({ userId: request.user!._id, readAt: null }, { $set: { readAt: new Date() } });
    return reply.status(204).send(null);
  });
};

export default notificationsRoutes;
