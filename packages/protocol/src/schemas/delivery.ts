import { Type, type Static } from 'typebox';
import { DateTimeSchema, IdSchema, LiteralUnion, NonBlank } from './common.ts';
import { UnitCodeSchema } from './units.ts';

/**
 * The result package of a closed meeting and its delivery to the document-management system.
 * One package per (meeting, approved conclusions version): it never changes once stored, and
 * every connector sends it with the same idempotency key.
 */

/** An organisation's code (mã định danh, QCVN 102:2016) and name, e.g. 000.00.00.H41. */
export const OrganRefSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
    name: NonBlank(300),
  },
  { additionalProperties: false },
);
export type OrganRef = Static<typeof OrganRefSchema>;

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

const Sha256Schema = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256, 64 lowercase hex characters' });

/** A PDF stored for a package (`app.delivery.storeAttachment`); the bytes stay in GridFS. */
export const ResultAttachmentSchema = Type.Object(
  {
    filename: NonBlank(200),
    contentType: Type.Literal('application/pdf'),
    sha256: Sha256Schema,
    fileId: IdSchema,
    /** e.g. "Biên bản cuộc họp (đã ký số)"; the EDXML attachment description. */
    description: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type ResultAttachment = Static<typeof ResultAttachmentSchema>;

export const ResultPackageSchema = Type.Object(
  {
    meetingId: IdSchema,
    /** The approved conclusions version this package carries. */
    meetingVersion: Type.Integer({ minimum: 1 }),
    /** The meeting's title. */
    title: NonBlank(500),
    sender: OrganRefSchema,
    receivers: Type.Array(OrganRefSchema, { maxItems: 50 }),
    /** Số and ký hiệu of the main document, e.g. 12 and TB-UBND (CodeNumber, CodeNotation). */
    documentNumber: NonBlank(20),
    documentNotation: NonBlank(50),
    /** Tên loại văn bản, e.g. "Thông báo" or "Biên bản". */
    documentType: NonBlank(100),
    /** Trích yếu. */
    subject: NonBlank(1000),
    promulgationPlace: NonBlank(200),
    promulgationDate: DateTimeSchema,
    signer: Type.Object(
      {
        name: NonBlank(200),
        /** Chức vụ, e.g. "Chủ tịch". */
        title: NonBlank(200),
        /** Thẩm quyền ký, e.g. "KT. CHỦ TỊCH"; empty when signing in one's own right. */
        competence: Type.Optional(Type.String({ maxLength: 100 })),
      },
      { additionalProperties: false },
    ),
    startsAt: DateTimeSchema,
    endsAt: DateTimeSchema,
    place: Type.String({ maxLength: 500 }),
    attendance: Type.Object(
      {
        /** Delegates on the roll. */
        expected: Type.Integer({ minimum: 0 }),
        present: Type.Integer({ minimum: 0 }),
        absent: Type.Integer({ minimum: 0 }),
        /** Absent with a reason given (counted in `absent`). */
        excused: Type.Integer({ minimum: 0 }),
        proxies: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    conclusions: Type.Array(
      Type.Object(
        {
          itemId: Type.Union([IdSchema, Type.Null()]),
          title: NonBlank(500),
          conclusion: Type.String({ maxLength: 20000 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
    votes: Type.Array(
      Type.Object(
        {
          itemId: Type.Union([IdSchema, Type.Null()]),
          question: NonBlank(1000),
          inFavour: Type.Integer({ minimum: 0 }),
          against: Type.Integer({ minimum: 0 }),
          /** Không biểu quyết / abstained. */
          notVoting: Type.Integer({ minimum: 0 }),
          passed: Type.Boolean(),
          /** Why, e.g. "Số thành viên tán thành đạt trên 50% tổng số thành viên." */
          outcome: Type.String({ maxLength: 1000 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
    tasks: Type.Array(
      Type.Object(
        {
          description: NonBlank(5000),
          /** The unit in charge (its E-Cabinet unit code): its users are notified. */
          unitCode: UnitCodeSchema,
          unitName: NonBlank(300),
          assignee: Type.Union([Type.Object({ userId: Type.Union([IdSchema, Type.Null()]), name: NonBlank(200) }, { additionalProperties: false }), Type.Null()]),
          deadline: DateTimeSchema,
          priority: LiteralUnion(TASK_PRIORITIES),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
    attachments: Type.Array(ResultAttachmentSchema, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type ResultPackage = Static<typeof ResultPackageSchema>;

export const DELIVERY_CONNECTORS = ['webhook', 'edxml'] as const;
export type DeliveryConnector = (typeof DELIVERY_CONNECTORS)[number];

/**
 * `pending`: waiting for its first or next attempt (or being sent); `delivered`: the receiver
 * accepted it; `dead`: given up (too many failures, or refused for good) until an admin retries.
 */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DeliverySchema = Type.Object({
  id: IdSchema,
  meetingId: IdSchema,
  meetingVersion: Type.Integer(),
  meetingTitle: Type.String(),
  connector: LiteralUnion(DELIVERY_CONNECTORS),
  status: LiteralUnion(DELIVERY_STATUSES),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  /** When the next attempt is due (pending only). */
  nextAttemptAt: Type.Union([DateTimeSchema, Type.Null()]),
  deliveredAt: Type.Union([DateTimeSchema, Type.Null()]),
  idempotencyKey: Type.String(),
  createdAt: DateTimeSchema,
});
export type Delivery = Static<typeof DeliverySchema>;

export const ResultPackageSummarySchema = Type.Object({
  id: Type.String(),
  meetingVersion: Type.Integer(),
  documentNumber: Type.String(),
  documentNotation: Type.String(),
  subject: Type.String(),
  attachments: Type.Array(Type.Object({ filename: Type.String(), sha256: Type.String() })),
  idempotencyKey: Type.String(),
  submittedAt: DateTimeSchema,
  deliveries: Type.Array(DeliverySchema),
});
export type ResultPackageSummary = Static<typeof ResultPackageSummarySchema>;

export const MeetingDeliveriesSchema = Type.Object({ packages: Type.Array(ResultPackageSummarySchema) });
export type MeetingDeliveries = Static<typeof MeetingDeliveriesSchema>;

export const DeliveryListQuerySchema = Type.Object({ status: Type.Optional(LiteralUnion(DELIVERY_STATUSES)) }, { additionalProperties: false });
export const DeliveryListSchema = Type.Object({ items: Type.Array(DeliverySchema) });
export type DeliveryList = Static<typeof DeliveryListSchema>;
