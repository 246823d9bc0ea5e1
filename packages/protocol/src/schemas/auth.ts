import { Type, type Static } from 'typebox';
import { PasswordSchema } from './common.ts';
import { LocaleSchema, UserSchema } from './users.ts';

export const LoginSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type Login = Static<typeof LoginSchema>;

export const MeSchema = Type.Object({ user: UserSchema });
export type Me = Static<typeof MeSchema>;

export const ChangePasswordSchema = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: PasswordSchema },
  { additionalProperties: false },
);
export type ChangePassword = Static<typeof ChangePasswordSchema>;

export const UpdatePreferencesSchema = Type.Object({ locale: LocaleSchema }, { additionalProperties: false });
export type UpdatePreferences = Static<typeof UpdatePreferencesSchema>;
