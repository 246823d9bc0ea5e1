import type { Db, ObjectId } from 'mongodb';
import type { Locale, Role, UnitKind } from '@e-cabinet/protocol';

export interface UserDoc {
  _id: ObjectId;
  username: string;
  fullName: string;
  email: string | null;
  title: string | null;
  role: Role;
  unitId: ObjectId | null;
  active: boolean;
  locale: Locale;
  passwordHash: string;
  /** Name and username without diacritics, for accent-insensitive search. */
  search: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface UnitDoc {
  _id: ObjectId;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: ObjectId | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SessionDoc {
  /** SHA-256 of the cookie token: a leaked database does not hand out live sessions. */
  _id: string;
  userId: ObjectId;
  createdAt: Date;
  expiresAt: Date;
  ip: string;
  userAgent: string;
}

export interface LoginAttemptDoc {
  /** Lower-cased username, whether or not such a user exists. */
  _id: string;
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export interface AuditDoc {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  target: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Typed handles on the collections, so a misspelt name is a compile error. */
export function collections(db: Db) {
  return {
    users: db.collection<UserDoc>('users'),
    units: db.collection<UnitDoc>('units'),
    sessions: db.collection<SessionDoc>('sessions'),
    loginAttempts: db.collection<LoginAttemptDoc>('loginAttempts'),
    auditLog: db.collection<AuditDoc>('auditLog'),
  };
}
export type Collections = ReturnType<typeof collections>;
