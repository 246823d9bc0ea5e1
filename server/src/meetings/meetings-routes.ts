import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateMeetingSchema,
  IdParamsSchema,
  MeetingListQuerySchema,
  MeetingListSchema,
  MeetingSchema,
  RsvpEntrySchema,
  RsvpSchema,
  TransitionBodySchema,
  TransitionParamsSchema,
  UpdateMeetingSchema,
} from '@e-cabinet/protocol';
import { AppError } from '../http/app-error.ts';
import { toObjectId } from '../http/ids.ts';
import { distributePublished } from '../distribution/distribute.ts';
import { broadcastChange } from './broadcast.ts';
import { isOrganiser } from './participants.ts';
import { errorResponses } from '../http/error-responses.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

const meetingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireUser);

  app.get('/', { schema: { tags: ['meetings'], summary: 'My meetings', querystring: MeetingListQuerySchema, response: { 200: MeetingListSchema, ...errors } } }, async (request) => ({
    items: await app.meetings.list(request.user!, request.query.scope ?? 'all'),
  }));

  app.post('/', { schema: { tags: ['meetings'], summary: 'Create a draft meeting (secretariat)', body: CreateMeetingSchema, response: { 201: MeetingSchema, ...errors } } }, async (request, reply) => {
    const user = request.user!;
    if (user.role !== 'secretary' && user.role !== 'admin') throw new AppError('FORBIDDEN');
    const doc = await app.meetings.create(request.body, user);
    await app.audit.append({ actorId: user._id.toHexString(), action: 'meeting.created', target: doc._id.toHexString(), data: { title: doc.title } });
    return reply.status(201).send(await app.meetings.toMeeting(doc, 'secretary', user));
  });

  app.get('/:id', { schema: { tags: ['meetings'], summary: 'A meeting I take part in', params: IdParamsSchema, response: { 200: MeetingSchema, ...errors } } }, async (request) => {
    const { meeting, role } = await app.meetings.access(toObjectId(request.params.id), request.user!);
    return app.meetings.toMeeting(meeting, role, request.user!);
  });

  app.patch('/:id', { schema: { tags: ['meetings'], summary: 'Edit a draft', params: IdParamsSchema, body: UpdateMeetingSchema, response: { 200: MeetingSchema, ...errors } } }, async (request) => {
    const user = request.user!;
    const access = await app.meetings.access(toObjectId(request.params.id), user);
    const after = await app.meetings.update(access, request.body, user);
    await app.audit.append({ actorId: user._id.toHexString(), action: 'meeting.updated', target: after._id.toHexString(), data: { fields: Object.keys(request.body) } });
    broadcastChange(app, after, request.body.participants ? 'participants' : 'details');
    return app.meetings.toMeeting(after, access.role, user);
  });

  app.post(
    '/:id/transitions/:transition',
    {
      schema: { tags: ['meetings'], summary: 'Submit, approve, return, publish, start, end or close', params: TransitionParamsSchema, body: TransitionBodySchema, response: { 200: MeetingSchema, ...errors } },
      // The body is optional (only `return` needs a comment): no body means an empty one.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const user = request.user!;
      const access = await app.meetings.access(toObjectId(request.params.id), user);
      // Closing needs signed minutes; the result package goes out once it is closed.
      if (request.params.transition === 'close' && access.role === 'secretary' && access.meeting.status === 'ended') await app.conclusions.assertCloseable(access.meeting._id);
      const after = await app.meetings.transition(access, request.params.transition, request.body.comment);
      await app.audit.append({ actorId: user._id.toHexString(), action: `meeting.${request.params.transition}`, target: after._id.toHexString(), data: { from: access.meeting.status, to: after.status, ...(request.body.comment ? { comment: request.body.comment } : {}) } });
      broadcastChange(app, after, 'status');
      // Live clients follow the room's numbered events; start and end are part of that stream.
      if (after.status === 'live' || after.status === 'ended') void app.live.publish(after._id, { meeting: true });
      if (after.status === 'closed') {
        // A failure here is retried at start-up; the meeting is closed either way.
        await app.conclusions.submitResult(after._id, user._id.toHexString()).catch((err: unknown) => request.log.error({ err }, 'minutes: result package not submitted'));
      }
      if (request.params.transition === 'publish') {
        const sent = await distributePublished(app, after);
        await app.audit.append({ actorId: user._id.toHexString(), action: 'meeting.distributed', target: after._id.toHexString(), data: sent });
      }
      return app.meetings.toMeeting(after, access.role, user);
    },
  );

  app.post('/:id/rsvp', { schema: { tags: ['meetings'], summary: 'Answer the invitation', params: IdParamsSchema, body: RsvpSchema, response: { 200: RsvpEntrySchema, ...errors } } }, async (request) => {
    const user = request.user!;
    const access = await app.meetings.access(toObjectId(request.params.id), user);
    const { entry, meeting } = await app.meetings.rsvp(access, user, request.body);
    await app.audit.append({ actorId: user._id.toHexString(), action: 'meeting.rsvp', target: meeting._id.toHexString(), data: { response: entry.response, substituteUserId: entry.substituteUserId } });
    if (meeting.seq !== access.meeting.seq) broadcastChange(app, meeting, 'participants');
    return entry;
  });

  app.get('/:id/rsvps', { schema: { tags: ['meetings'], summary: 'Answers to the invitation (organisers)', params: IdParamsSchema, response: { 200: Type.Object({ items: Type.Array(RsvpEntrySchema) }), ...errors } } }, async (request) => {
    const { meeting, role } = await app.meetings.access(toObjectId(request.params.id), request.user!);
    if (!isOrganiser(role)) throw new AppError('FORBIDDEN');
    return { items: await app.meetings.rsvps(meeting._id) };
  });
};

export default meetingsRoutes;
