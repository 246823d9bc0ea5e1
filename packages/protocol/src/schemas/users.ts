import { Type, type Static } from 'typebox';
import { DateTimeSchema, IdSchema, LiteralUnion, NonBlank, PasswordSchema } from './common.ts';
import { LOCALES } from '../locale.ts';

/** Global roles. Meeting roles (chair, member, observer…) are per meeting and live elsewhere. */
export const Role = {
  admin: 'admin',
  secretary: 'secretary',
  chair: 'chair',
  delegate: 'delegate',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);
export const RoleSchema = LiteralUnion(['admin', 'secretary', 'chair', 'delegate'] as const satisfies readonly Role[]);

export const LocaleSchema = LiteralUnion(LOCALES);

export const UsernameSchema = Type.String({
  minLength: 3,
  maxLength: 64,
  pattern: '^[a-z0-9][a-z0-9._-]*$',
  description: 'Lowercase letters, digits, dot, dash and underscore',
});

export const UserSchema = Type.Object(
  {
    id: IdSchema,
    username: Type.String(),
    fullName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    title: Type.Union([Type.String(), Type.Null()]),
    role: RoleSchema,
    unitId: Type.Union([IdSchema, Type.Null()]),
    active: Type.Boolean(),
    locale: LocaleSchema,
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  }
);
export type User = Static<typeof UserSchema>;

const EmailSchema = Type.String({ maxLength: 254, format: 'email' });

export const CreateUserSchema = Type.Object(
  {
    username: UsernameSchema,
    fullName: NonBlank(120),
    email: Type.Optional(Type.Union([EmailSchema, Type.Null()])),
    title: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
    role: RoleSchema,
    unitId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    password: PasswordSchema,
  },
  { additionalProperties: false },
);
export type CreateUser = Static<typeof CreateUserSchema>;

export const UpdateUserSchema = Type.Object(
  {
    fullName: Type.Optional(NonBlank(120)),
    email: Type.Optional(Type.Union([EmailSchema, Type.Null()])),
    title: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
    role: Type.Optional(RoleSchema),
    unitId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUser = Static<typeof UpdateUserSchema>;

export const ResetPasswordSchema = Type.Object({ newPassword: PasswordSchema }, { additionalProperties: false });
export type ResetPassword = Static<typeof ResetPasswordSchema>;

export const UserListQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    unitId: Type.Optional(IdSchema),
    role: Type.Optional(RoleSchema),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuerySchema>;

export const UserListSchema = Type.Object({ items: Type.Array(UserSchema) });
export type UserList = Static<typeof UserListSchema>;

export const DirectorySchema = Type.Object({
  users: Type.Array(
    Type.Object({ id: IdSchema, fullName: Type.String(), title: Type.Union([Type.String(), Type.Null()]), unitId: Type.Union([IdSchema, Type.Null()]), role: RoleSchema }),
  ),
  units: Type.Array(Type.Object({ id: IdSchema, name: Type.String(), code: Type.String(), parentId: Type.Union([IdSchema, Type.Null()]) })),
});
export type Directory = Static<typeof DirectorySchema>;
