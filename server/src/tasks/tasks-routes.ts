import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreateTaskSchema,
  IdParamsSchema,
  TaskDashboardQuerySchema,
  TaskDashboardSchema,
  TaskDetailSchema,
  TaskListQuerySchema,
  TaskListSchema,
  TaskOverviewSchema,
  TaskResultUploadQuerySchema,
  TaskSchema,
  UpdateTaskSchema,
} from '@e-cabinet/protocol';
import type { FastifyInstance } from 'fastify';
import type { ObjectId } from 'mongodb';
import type { UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { errorResponses } from '../http/error-responses.ts';
import { toObjectId } from '../http/ids.ts';
import { serveFile } from '../documents/serve-file.ts';
import { storeResultFile } from './task-result.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422);
const DownloadQuery = Type.Object({ download: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true'), Type.Literal('0'), Type.Literal('false')])) }, { additionalProperties: false });

async function one(app: FastifyInstance, id: ObjectId, user: UserDoc) {
  const access = await app.tasks.access(id, user);
  const [task] = await app.tasks.toTasks([access.task], user);
  return task!;
}

/** `/api/meetings/:id/tasks`: a meeting's tasks, and giving new ones from its conclusions. */
export const meetingTasksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireUser);

  app.post('/:id/tasks', { schema: { tags: ['tasks'], summary: 'Give a follow-up task (the meeting’s chair or secretary, once it is in session or over)', params: IdParamsSchema, body: CreateTaskSchema, response: { 201: TaskSchema, ...errors } } }, async (request, reply) => {
    const user = request.user!;
    const access = await app.meetings.access(toObjectId(request.params.id), user);
    const task = await app.tasks.create(access, request.body, user);
    await app.audit.append({
      actorId: user._id.toHexString(),
      action: 'task.created',
      target: task._id.toHexString(),
      data: { meetingId: task.meetingId.toHexString(), itemId: task.itemId.toHexString(), conclusionRef: task.conclusionRef, unitId: task.assigneeUnitId.toHexString(), userId: task.assigneeUserId?.toHexString() ?? null, deadline: task.deadline.toISOString(), priority: task.priority },
    });
    return reply.status(201).send(await one(app, task._id, user));
  });

  app.get('/:id/tasks', { schema: { tags: ['tasks'], summary: 'The meeting’s tasks I may see (organisers: all)', params: IdParamsSchema, response: { 200: TaskListSchema, ...errors } } }, async (request) => {
    const user = request.user!;
    const access = await app.meetings.access(toObjectId(request.params.id), user);
    return { items: await app.tasks.toTasks(await app.tasks.forMeeting(access, user), user) };
  });
};

/** `/api/tasks`: my tasks, one task, progress, results, the chair's overview and the dashboard. */
export const tasksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireUser);

  app.get('/mine', { schema: { tags: ['tasks'], summary: 'Tasks of my unit and those given to me', querystring: TaskListQuerySchema, response: { 200: TaskListSchema, ...errors } } }, async (request) => {
    const user = request.user!;
    return { items: await app.tasks.toTasks(await app.tasks.mine(user, request.query), user) };
  });

  app.get('/overview', { schema: { tags: ['tasks'], summary: 'Open tasks of the meetings I run that are overdue or due within 3 days (administrators: all)', response: { 200: TaskOverviewSchema, ...errors } } }, async (request) => {
    return app.tasks.overviewOut(request.user!);
  });

  app.get('/dashboard', { schema: { tags: ['tasks'], summary: 'Task counts per unit and overall, over the tasks I can see', querystring: TaskDashboardQuerySchema, response: { 200: TaskDashboardSchema, ...errors } } }, async (request) => {
    return app.tasks.dashboard(request.user!, request.query.unitId ? toObjectId(request.query.unitId) : null);
  });

  app.get('/:id', { schema: { tags: ['tasks'], summary: 'One task with its history', params: IdParamsSchema, response: { 200: TaskDetailSchema, ...errors } } }, async (request) => {
    const user = request.user!;
    return app.tasks.detail(await app.tasks.access(toObjectId(request.params.id), user), user);
  });

  app.patch('/:id', { schema: { tags: ['tasks'], summary: 'Report progress (assignees) or change the task (organisers), on the version last read', params: IdParamsSchema, body: UpdateTaskSchema, response: { 200: TaskSchema, ...errors } } }, async (request) => {
    const user = request.user!;
    const access = await app.tasks.access(toObjectId(request.params.id), user);
    const { task, change } = await app.tasks.update(access, request.body, user);
    // Plain JSON for the hash chain: ids and dates as strings.
    const data = Object.fromEntries(
      Object.entries({ version: task.version, ...change, updatedAt: undefined, note: request.body.note?.normalize('NFC').trim() || undefined })
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v !== null && typeof v === 'object' && 'toHexString' in v ? String(v) : v]),
    );
    await app.audit.append({ actorId: user._id.toHexString(), action: 'task.updated', target: task._id.toHexString(), data });
    return one(app, task._id, user);
  });

  app.route({
    method: 'GET',
    url: '/:id/result',
    schema: { tags: ['tasks'], summary: 'The result document, with HTTP range support', params: IdParamsSchema, querystring: DownloadQuery },
    handler: async (request, reply) => {
      const { task } = await app.tasks.access(toObjectId(request.params.id), request.user!);
      if (!task.result) throw new AppError('TASK_NO_RESULT');
      const r = task.result;
      const download = request.query.download === '1' || request.query.download === 'true' || r.contentType !== 'application/pdf';
      return serveFile(request, reply, app.taskResults, { fileId: r.fileId, size: r.size, sha256: r.sha256, contentType: r.contentType, filename: r.filename, download });
    },
  });

  // The upload's body is the file itself, streamed by the handler, never parsed or buffered.
  await app.register(async (instance) => {
    const uploads = instance.withTypeProvider<TypeBoxTypeProvider>();
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_request, _payload, done) => done(null));

    uploads.post(
      '/:id/result',
      { schema: { tags: ['tasks'], summary: 'Attach the result document (PDF, Word, Excel, PowerPoint); the body is the file', params: IdParamsSchema, querystring: TaskResultUploadQuerySchema, response: { 201: TaskSchema, ...errors } } },
      async (request, reply) => {
        const user = request.user!;
        const { task, organiser, assignee } = await app.tasks.access(toObjectId(request.params.id), user);
        if (!organiser && !assignee) throw new AppError('FORBIDDEN');
        if (task.status === 'cancelled') throw new AppError('TASK_CANCELLED');
        const declared = request.headers['content-length'];
        if (declared && Number(declared) > app.config.uploadLimitBytes) throw new AppError('FILE_TOO_LARGE');
        const stored = await storeResultFile(app.taskResults, request.raw, request.query.filename, app.config.uploadLimitBytes);
        let after;
        try {
          after = await app.tasks.attachResult(task._id, { ...stored, uploadedBy: user._id, uploadedAt: app.tasks.now() });
        } catch (err) {
          await app.taskResults.delete(stored.fileId).catch(() => {});
          throw err;
        }
        await app.audit.append({ actorId: user._id.toHexString(), action: 'task.result_uploaded', target: task._id.toHexString(), data: { version: after.version, filename: stored.filename, sha256: stored.sha256, size: stored.size } });
        return reply.status(201).send(await one(app, task._id, user));
      },
    );
  });
};
