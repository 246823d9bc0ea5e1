import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DeliveryListQuerySchema, DeliveryListSchema, DeliverySchema, IdParamsSchema, MeetingDeliveriesSchema } from '@e-cabinet/protocol';
import { AppError } from '../http/app-error.ts';
import { toObjectId } from '../http/ids.ts';
import { errorResponses } from '../http/error-responses.ts';
import { isOrganiser } from '../meetings/participants.ts';

/** `GET /api/meetings/:id/deliveries`: the meeting's result packages and their delivery, for its secretary and chair. */
export const meetingDeliveriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireUser);
  app.get(
    '/:id/deliveries',
    { schema: { tags: ['delivery'], summary: 'Result packages of a meeting and their delivery status (secretary, chair)', params: IdParamsSchema, response: { 200: MeetingDeliveriesSchema, ...errorResponses(401, 403, 404) } } },
    async (request) => {
      const { meeting, role } = await app.meetings.access(toObjectId(request.params.id), request.user!);
      if (!isOrganiser(role)) throw new AppError('FORBIDDEN');
      return { packages: await app.delivery.forMeeting(meeting._id) };
    },
  );
};

/** `/api/admin/deliveries`: every delivery (e.g. the dead letters) and the retry of one. */
export const adminDeliveriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireRole('admin'));
  app.get('/', { schema: { tags: ['delivery'], summary: 'Deliveries of result packages, newest first (admin)', querystring: DeliveryListQuerySchema, response: { 200: DeliveryListSchema, ...errorResponses(400, 401, 403) } } }, async (request) => ({
    items: await app.delivery.list(request.query.status),
  }));
  app.post(
    '/:id/retry',
    { schema: { tags: ['delivery'], summary: 'Send a dead or delivered package again, with the same idempotency key (admin)', params: IdParamsSchema, response: { 200: DeliverySchema, ...errorResponses(401, 403, 404, 409, 503) } } },
    async (request) => app.delivery.retry(toObjectId(request.params.id), request.user!._id.toHexString()),
  );
};
