import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiErrorSchema, CreateUnitSchema, IdParamsSchema, UnitListSchema, UnitSchema, UpdateUnitSchema } from '@e-cabinet/protocol';
import { toObjectId } from '../http/ids.ts';
import { toUnit } from './units-service.ts';
import { errorResponses } from '../http/error-responses.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** Everyone signed in can read the organisation tree (to pick participants); admins change it. */
const unitsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { onRequest: app.requireUser, schema: { tags: ['units'], summary: 'List units', response: { 200: UnitListSchema, 401: ApiErrorSchema } } }, async () => ({
    items: await app.units.list(),
  }));

  app.post('/', { onRequest: app.requireRole('admin'), schema: { tags: ['units'], summary: 'Create a unit', body: CreateUnitSchema, response: { 201: UnitSchema, ...errors } } }, async (request, reply) => {
    const unit = toUnit(await app.units.create(request.body));
    await app.audit.append({ actorId: request.user!._id.toHexString(), action: 'unit.created', target: unit.id, data: { code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId } });
    return reply.status(201).send(unit);
  });

  app.patch(
    '/:id',
    { onRequest: app.requireRole('admin'), schema: { tags: ['units'], summary: 'Edit or deactivate a unit', params: IdParamsSchema, body: UpdateUnitSchema, response: { 200: UnitSchema, ...errors } } },
    async (request) => {
      const { before, after } = await app.units.update(toObjectId(request.params.id), request.body);
      const unit = toUnit(after);
      const changes = Object.fromEntries(Object.keys(request.body).map((k) => [k, (unit as Record<string, unknown>)[k]]));
      const action = before.active && !after.active ? 'unit.deactivated' : 'unit.updated';
      await app.audit.append({ actorId: request.user!._id.toHexString(), action, target: unit.id, data: { code: unit.code, changes } });
      return unit;
    },
  );
};

export default unitsRoutes;
