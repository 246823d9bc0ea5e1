import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AgendaItemSchema, CreateAgendaItemSchema, IdParamsSchema, IdSchema, ReorderAgendaSchema, UpdateAgendaItemSchema } from '@e-cabinet/protocol';
import type { FastifyInstance } from 'fastify';
import type { UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { toObjectId } from '../http/ids.ts';
import { broadcastChange } from './broadcast.ts';
import { canEditDetails } from './participants.ts';
import { errorResponses } from '../http/error-responses.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const ItemParams = Type.Object({ id: IdSchema, itemId: IdSchema }, { additionalProperties: false });
const AgendaListSchema = Type.Object({ items: Type.Array(AgendaItemSchema) });

async function editable(app: FastifyInstance, meetingId: string, user: UserDoc) {
  const access = await app.meetings.access(toObjectId(meetingId), user);
  if (!canEditDetails(access.meeting.status, access.role)) throw new AppError(access.role === 'secretary' ? 'MEETING_NOT_EDITABLE' : 'FORBIDDEN');
  return access;
}

/** The agenda of one meeting: read by every participant, edited by its secretary in draft. */
const agendaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireUser);

  app.get('/:id/agenda', { schema: { tags: ['agenda'], summary: 'Agenda items in order', params: IdParamsSchema, response: { 200: AgendaListSchema, ...errors } } }, async (request) => {
    const { meeting } = await app.meetings.access(toObjectId(request.params.id), request.user!);
    return { items: await app.agenda.list(meeting._id) };
  });

  app.post('/:id/agenda', { schema: { tags: ['agenda'], summary: 'Add an item at the end', params: IdParamsSchema, body: CreateAgendaItemSchema, response: { 201: AgendaListSchema, ...errors } } }, async (request, reply) => {
    const { meeting } = await editable(app, request.params.id, request.user!);
    const item = await app.agenda.create(meeting, request.body);
    await app.audit.append({ actorId: request.user!._id.toHexString(), action: 'agenda.item.created', target: item._id.toHexString(), data: { meetingId: meeting._id.toHexString(), title: item.title } });
    broadcastChange(app, await app.meetings.bump(meeting._id), 'agenda');
    return reply.status(201).send({ items: await app.agenda.list(meeting._id) });
  });

  app.patch('/:id/agenda/:itemId', { schema: { tags: ['agenda'], summary: 'Edit an item', params: ItemParams, body: UpdateAgendaItemSchema, response: { 200: AgendaListSchema, ...errors } } }, async (request) => {
    const { meeting } = await editable(app, request.params.id, request.user!);
    await app.agenda.update(meeting, toObjectId(request.params.itemId), request.body);
    await app.audit.append({ actorId: request.user!._id.toHexString(), action: 'agenda.item.updated', target: request.params.itemId, data: { meetingId: meeting._id.toHexString(), fields: Object.keys(request.body) } });
    broadcastChange(app, await app.meetings.bump(meeting._id), 'agenda');
    return { items: await app.agenda.list(meeting._id) };
  });

  app.delete('/:id/agenda/:itemId', { schema: { tags: ['agenda'], summary: 'Remove an item without documents', params: ItemParams, response: { 200: AgendaListSchema, ...errors } } }, async (request) => {
    const { meeting } = await editable(app, request.params.id, request.user!);
    await app.agenda.remove(meeting, toObjectId(request.params.itemId));
    await app.audit.append({ actorId: request.user!._id.toHexString(), action: 'agenda.item.deleted', target: request.params.itemId, data: { meetingId: meeting._id.toHexString() } });
    broadcastChange(app, await app.meetings.bump(meeting._id), 'agenda');
    return { items: await app.agenda.list(meeting._id) };
  });

  app.put('/:id/agenda/order', { schema: { tags: ['agenda'], summary: 'Reorder all items', params: IdParamsSchema, body: ReorderAgendaSchema, response: { 200: AgendaListSchema, ...errors } } }, async (request) => {
    const { meeting } = await editable(app, request.params.id, request.user!);
    await app.agenda.reorder(meeting, request.body.itemIds);
    await app.audit.append({ actorId: request.user!._id.toHexString(), action: 'agenda.reordered', target: meeting._id.toHexString(), data: { itemIds: request.body.itemIds } });
    broadcastChange(app, await app.meetings.bump(meeting._id), 'agenda');
    return { items: await app.agenda.list(meeting._id) };
  });
};

export default agendaRoutes;
