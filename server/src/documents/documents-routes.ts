import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AnnotatedExportQuerySchema, DocumentListSchema, DocumentSchema, DocumentVersionListSchema, IdParamsSchema, IdSchema, ReadReportSchema, UpdateDocumentSchema, UploadQuerySchema } from '@e-cabinet/protocol';
import type { ObjectId } from 'mongodb';
import type { MeetingRole } from '@e-cabinet/protocol';
import type { MeetingDoc, UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { toObjectId } from '../http/ids.ts';
import { broadcastChange } from '../meetings/broadcast.ts';
import { canEditDocuments, isOrganiser } from '../meetings/participants.ts';
import { annotatedCopy } from './annotated-export.ts';
import { allowsDownload } from './documents-service.ts';
import { contentDisposition, serveFile } from './serve-file.ts';
import { errorResponses } from '../http/error-responses.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422);
const ItemParams = Type.Object({ id: IdSchema, itemId: IdSchema }, { additionalProperties: false });
const FileQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })), variant: Type.Optional(Type.Union([Type.Literal('pdf'), Type.Literal('original')])), download: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('true'), Type.Literal('0'), Type.Literal('false')])) },
  { additionalProperties: false },
);

/** One document as the caller sees it, from an access check already made. */
async function one(app: FastifyInstance, access: { meeting: MeetingDoc; role: MeetingRole }, documentId: ObjectId, user: UserDoc) {
  const [found] = await app.documents.list(access.meeting, access.role, user, { documentId });
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

/** Refuses a body announced larger than the limit before reading a byte of it. */
function checkDeclaredLength(app: FastifyInstance, header: string | undefined) {
  if (header && Number(header) > app.config.uploadLimitBytes) throw new AppError('FILE_TOO_LARGE');
}

const documentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireUser);

  // Uploads: the body is the file itself, streamed by the handler, never parsed or buffered.
  await app.register(async (instance) => {
    const uploads = instance.withTypeProvider<TypeBoxTypeProvider>();
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_request, _payload, done) => done(null));

    uploads.post(
      '/meetings/:id/agenda/:itemId/documents',
      { schema: { tags: ['documents'], summary: 'Upload a document (PDF, Word, Excel, PowerPoint) to an agenda item; the body is the file', params: ItemParams, querystring: UploadQuerySchema, response: { 201: DocumentSchema, ...errors } } },
      async (request, reply) => {
        const user = request.user!;
        const access = await app.meetings.access(toObjectId(request.params.id), user);
        const { meeting, role } = access;
        if (!canEditDocuments(meeting.status, role)) throw new AppError(role === 'secretary' ? 'MEETING_NOT_EDITABLE' : 'FORBIDDEN');
        const item = await app.agenda.item(meeting._id, toObjectId(request.params.itemId));
        checkDeclaredLength(app, request.headers['content-length']);
        const { doc, version } = await app.documents.ingest({ meeting, itemId: item._id, filename: request.query.filename, title: request.query.title, body: request.raw, uploader: user });
        await app.audit.append({ actorId: user._id.toHexString(), action: 'document.uploaded', target: doc._id.toHexString(), data: { meetingId: meeting._id.toHexString(), filename: version.filename, sha256: version.originalSha256, pages: version.pageCount, size: version.originalSize } });
        broadcastChange(app, await app.meetings.bump(meeting._id), 'documents');
        return reply.status(201).send(await one(app, access, doc._id, user));
      },
    );

    uploads.post(
      '/documents/:id/versions',
      { schema: { tags: ['documents'], summary: 'Replace a document with a new version; the body is the file', params: IdParamsSchema, querystring: UploadQuerySchema, response: { 201: DocumentSchema, ...errors } } },
      async (request, reply) => {
        const user = request.user!;
        const access = await app.documents.access(toObjectId(request.params.id), user);
        const { doc, meeting, role } = access;
        if (!canEditDocuments(meeting.status, role)) throw new AppError(role === 'secretary' ? 'MEETING_NOT_EDITABLE' : 'FORBIDDEN');
        checkDeclaredLength(app, request.headers['content-length']);
        const { doc: after, version } = await app.documents.ingest({ meeting, itemId: doc.itemId, filename: request.query.filename, body: request.raw, uploader: user, replace: doc });
        await app.audit.append({ actorId: user._id.toHexString(), action: 'document.replaced', target: doc._id.toHexString(), data: { meetingId: meeting._id.toHexString(), version: version.version, sha256: version.originalSha256 } });
        broadcastChange(app, await app.meetings.bump(meeting._id), 'documents');
        return reply.status(201).send(await one(app, access, after._id, user));
      },
    );
  });

  app.get('/meetings/:id/documents', { schema: { tags: ['documents'], summary: 'Documents I may read', params: IdParamsSchema, querystring: Type.Object({ itemId: Type.Optional(IdSchema) }, { additionalProperties: false }), response: { 200: DocumentListSchema, ...errors } } }, async (request) => {
    const { meeting, role } = await app.meetings.access(toObjectId(request.params.id), request.user!);
    return { items: await app.documents.list(meeting, role, request.user!, { itemId: request.query.itemId ? toObjectId(request.query.itemId) : undefined }) };
  });

  app.get('/meetings/:id/reads', { schema: { tags: ['documents'], summary: 'Who opened which document (organisers)', params: IdParamsSchema, response: { 200: ReadReportSchema, ...errors } } }, async (request) => {
    const { meeting, role } = await app.meetings.access(toObjectId(request.params.id), request.user!);
    if (!isOrganiser(role)) throw new AppError('FORBIDDEN');
    return app.documents.readReport(meeting);
  });

  app.get('/documents/:id', { schema: { tags: ['documents'], summary: 'One document', params: IdParamsSchema, response: { 200: DocumentSchema, ...errors } } }, async (request) => {
    const access = await app.documents.access(toObjectId(request.params.id), request.user!);
    return one(app, access, access.doc._id, request.user!);
  });

  app.patch('/documents/:id', { schema: { tags: ['documents'], summary: 'Title, access and confidentiality', params: IdParamsSchema, body: UpdateDocumentSchema, response: { 200: DocumentSchema, ...errors } } }, async (request) => {
    const user = request.user!;
    const access = await app.documents.access(toObjectId(request.params.id), user);
    const { doc, meeting, role } = access;
    if (!canEditDocuments(meeting.status, role)) throw new AppError(role === 'secretary' ? 'MEETING_NOT_EDITABLE' : 'FORBIDDEN');
    await app.documents.update(doc, meeting, request.body);
    await app.audit.append({ actorId: user._id.toHexString(), action: 'document.updated', target: doc._id.toHexString(), data: { meetingId: meeting._id.toHexString(), ...request.body } });
    broadcastChange(app, await app.meetings.bump(meeting._id), 'documents');
    return one(app, access, doc._id, user);
  });

  app.get('/documents/:id/versions', { schema: { tags: ['documents'], summary: 'All versions, newest first', params: IdParamsSchema, response: { 200: DocumentVersionListSchema, ...errors } } }, async (request) => {
    const { doc } = await app.documents.access(toObjectId(request.params.id), request.user!);
    return { items: await app.documents.versions(doc) };
  });

  app.post('/documents/:id/open', { schema: { tags: ['documents'], summary: 'Record that I opened the current version', params: IdParamsSchema, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    const user = request.user!;
    const { doc } = await app.documents.access(toObjectId(request.params.id), user);
    await app.documents.recordOpen(doc, user);
    await app.audit.append({ actorId: user._id.toHexString(), action: 'document.opened', target: doc._id.toHexString(), data: { version: doc.currentVersion } });
    return reply.status(204).send(null);
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/documents/:id/file',
    schema: { tags: ['documents'], summary: 'The file bytes, with HTTP range support', params: IdParamsSchema, querystring: FileQuery },
    handler: async (request, reply) => {
      const user = request.user!;
      const { doc } = await app.documents.access(toObjectId(request.params.id), user);
      const version = await app.documents.version(doc, request.query.version);
      const download = request.query.download === '1' || request.query.download === 'true';
      const original = request.query.variant === 'original';
      // Confidential documents are for reading in the viewer only: no original, no download,
      // whatever allowDownload says (that allows only the watermarked annotated copy).
      if ((doc.confidential || !allowsDownload(doc)) && (original || download)) throw new AppError('DOWNLOAD_DISABLED');
      return serveFile(request, reply, app.documents.bucket, {
        fileId: original ? version.originalFileId : version.pdfFileId,
        size: original ? version.originalSize : version.pdfSize,
        sha256: original ? version.originalSha256 : version.pdfSha256,
        contentType: original ? version.originalType : 'application/pdf',
        filename: original ? version.filename : version.filename.replace(/\.[^.]+$/, '') + '.pdf',
        download,
      });
    },
  });

  app.get(
    '/documents/:id/annotated',
    {
      // A HEAD would make (and log) a whole copy just to drop it.
      exposeHeadRoute: false,
      schema: {
        tags: ['documents'],
        summary: 'My annotated copy: the shared and/or my private marks burnt into the PDF (watermarked when confidential)',
        params: IdParamsSchema,
        querystring: AnnotatedExportQuerySchema,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }), ...errorResponses(400, 401, 403, 404, 413, 503) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const access = await app.documents.access(toObjectId(request.params.id), user);
      const copy = await annotatedCopy(app, access, user, request.query);
      await app.audit.append({
        actorId: user._id.toHexString(),
        action: 'document.exported',
        target: access.doc._id.toHexString(),
        data: { meetingId: access.meeting._id.toHexString(), version: copy.version, layers: copy.layers, watermarked: copy.watermarked },
      });
      return reply
        .headers({
          'content-type': 'application/pdf',
          'content-disposition': contentDisposition(copy.filename, true),
          // Made for this reader at this time (and watermarked so): never reused from a cache.
          'cache-control': 'private, no-store',
        })
        .send(Buffer.from(copy.bytes.buffer, copy.bytes.byteOffset, copy.bytes.byteLength));
    },
  );
};

export default documentsRoutes;
