import { Type, type Static } from 'typebox';
import { DateTimeSchema, IdSchema } from './common.ts';

export const AuditEntrySchema = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  at: DateTimeSchema,
  actorId: Type.Union([IdSchema, Type.Null()]),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
  prevHash: Type.String(),
  hash: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditListQuerySchema = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type AuditListQuery = Static<typeof AuditListQuerySchema>;

export const AuditListSchema = Type.Object({ items: Type.Array(AuditEntrySchema) });

export const AuditVerifySchema = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  /** The first entry whose hash or link does not match, when `ok` is false. */
  brokenAtSeq: Type.Union([Type.Integer(), Type.Null()]),
});
export type AuditVerify = Static<typeof AuditVerifySchema>;
