import { Type, type Static } from 'typebox';
import { DateTimeSchema, IdSchema, LiteralUnion, NonBlank } from './common.ts';

export const DocumentVersionSchema = Type.Object({
  id: IdSchema,
  version: Type.Integer({ minimum: 1 }),
  filename: Type.String(),
  /** Content type of the file as uploaded (PDF, Word, Excel, PowerPoint). */
  originalType: Type.String(),
  originalSize: Type.Integer(),
  originalSha256: Type.String(),
  pdfSize: Type.Integer(),
  pdfSha256: Type.String(),
  pageCount: Type.Integer(),
  uploadedBy: IdSchema,
  uploadedAt: DateTimeSchema,
});
export type DocumentVersion = Static<typeof DocumentVersionSchema>;

export const DOCUMENT_ACCESS = ['all', 'selected'] as const;
export const DocumentSchema = Type.Object({
  id: IdSchema,
  meetingId: IdSchema,
  itemId: IdSchema,
  title: Type.String(),
  access: LiteralUnion(DOCUMENT_ACCESS),
  /** Users who may read it when access is `selected` (visible to the secretariat only). */
  allowedUserIds: Type.Array(IdSchema),
  confidential: Type.Boolean(),
  /**
   * Whether readers may take a copy away: the file itself (never for confidential documents)
   * and their annotated copy (watermarked when the document is confidential).
   */
  allowDownload: Type.Boolean(),
  current: DocumentVersionSchema,
  versionCount: Type.Integer(),
  /** For the caller: when they last opened it, and whether a newer version came after. */
  myLastOpenedAt: Type.Union([DateTimeSchema, Type.Null()]),
  changedSinceRead: Type.Boolean(),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
});
export type MeetingDocument = Static<typeof DocumentSchema>;
export const DocumentListSchema = Type.Object({ items: Type.Array(DocumentSchema) });
export const DocumentVersionListSchema = Type.Object({ items: Type.Array(DocumentVersionSchema) });

/** Query string of an upload; the body is the raw file bytes. */
export const UploadQuerySchema = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 255 }),
    title: Type.Optional(NonBlank(300)),
  },
  { additionalProperties: false },
);
export type UploadQuery = Static<typeof UploadQuerySchema>;

export const UpdateDocumentSchema = Type.Object(
  {
    title: Type.Optional(NonBlank(300)),
    access: Type.Optional(LiteralUnion(DOCUMENT_ACCESS)),
    allowedUserIds: Type.Optional(Type.Array(IdSchema, { maxItems: 2000 })),
    confidential: Type.Optional(Type.Boolean()),
    /** Omitted while making a document confidential: it becomes false. */
    allowDownload: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDocument = Static<typeof UpdateDocumentSchema>;

/** The annotation layers an annotated copy can carry. */
export const ANNOTATION_LAYERS = ['private', 'shared'] as const;
export type AnnotationLayer = (typeof ANNOTATION_LAYERS)[number];

/**
 * Query of `GET /api/documents/:id/annotated`: `layers` is a comma list of `private` (the
 * caller's own notes) and `shared`, default both; `version` defaults to the current one.
 */
export const AnnotatedExportQuerySchema = Type.Object(
  {
    layers: Type.Optional(Type.String({ pattern: '^(private|shared)(,(private|shared))?$', maxLength: 14 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type AnnotatedExportQuery = Static<typeof AnnotatedExportQuerySchema>;

export const ReadReportSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      documentId: IdSchema,
      title: Type.String(),
      version: Type.Integer(),
      readers: Type.Array(Type.Object({ userId: IdSchema, name: Type.String(), openedAt: DateTimeSchema, version: Type.Integer() })),
      notOpened: Type.Array(Type.Object({ userId: IdSchema, name: Type.String() })),
    }),
  ),
});
export type ReadReport = Static<typeof ReadReportSchema>;
