import { Type, type Static } from 'typebox';
import { DateTimeSchema, IdSchema, LiteralUnion, NonBlank } from './common.ts';

export const UnitKind = {
  province: 'province',
  department: 'department',
  commune: 'commune',
  other: 'other',
} as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];
export const UNIT_KINDS = Object.values(UnitKind);

export const UnitKindSchema = LiteralUnion(['province', 'department', 'commune', 'other'] as const satisfies readonly UnitKind[]);

export const UnitSchema = Type.Object(
  {
    id: IdSchema,
    code: Type.String(),
    name: Type.String(),
    kind: UnitKindSchema,
    parentId: Type.Union([IdSchema, Type.Null()]),
    active: Type.Boolean(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  }
);
export type Unit = Static<typeof UnitSchema>;

/** Unit codes follow the administrative style: letters, digits, dot, dash, underscore. */
export const UnitCodeSchema = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' });

export const CreateUnitSchema = Type.Object(
  {
    code: UnitCodeSchema,
    name: NonBlank(200),
    kind: UnitKindSchema,
    parentId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateUnit = Static<typeof CreateUnitSchema>;

export const UpdateUnitSchema = Type.Object(
  {
    code: Type.Optional(UnitCodeSchema),
    name: Type.Optional(NonBlank(200)),
    kind: Type.Optional(UnitKindSchema),
    parentId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUnit = Static<typeof UpdateUnitSchema>;

export const UnitListSchema = Type.Object({ items: Type.Array(UnitSchema) });
export type UnitList = Static<typeof UnitListSchema>;
