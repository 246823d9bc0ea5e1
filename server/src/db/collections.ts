import type { Binary, Db, ObjectId } from 'mongodb';
import type { Locale, MeetingKind, MeetingRole, MeetingStatus, Role, RsvpResponse, UnitKind } from '@e-cabinet/protocol';

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

/** One failed sign-in. */
export interface LoginAttemptDoc {
  _id: ObjectId;
  /** Lower-cased username, whether or not such a user exists. */
  key: string;
  at: Date;
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

export interface ParticipantDoc {
  userId: ObjectId | null;
  unitId: ObjectId | null;
  role: MeetingRole;
  substituteFor?: ObjectId | null;
}

export interface MeetingDoc {
  _id: ObjectId;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineLink: string | null;
  participants: ParticipantDoc[];
  returnComment: string | null;
  createdBy: ObjectId;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  /** Grows by one with every change broadcast to the meeting's room. */
  seq: number;
}

export interface AgendaItemDoc {
  _id: ObjectId;
  meetingId: ObjectId;
  order: number;
  title: string;
  description: string;
  presenterId: ObjectId | null;
  durationMinutes: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DocumentDoc {
  _id: ObjectId;
  meetingId: ObjectId;
  itemId: ObjectId;
  title: string;
  access: 'all' | 'selected';
  allowedUserIds: ObjectId[];
  confidential: boolean;
  currentVersionId: ObjectId;
  currentVersion: number;
  versionCount: number;
  createdBy: ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export interface DocumentVersionDoc {
  _id: ObjectId;
  documentId: ObjectId;
  meetingId: ObjectId;
  version: number;
  filename: string;
  originalType: string;
  originalFileId: ObjectId;
  originalSize: number;
  originalSha256: string;
  /** The PDF readers get: rewritten with object streams (and converted, for office files). */
  pdfFileId: ObjectId;
  pdfSize: number;
  pdfSha256: string;
  pageCount: number;
  uploadedBy: ObjectId;
  uploadedAt: Date;
}

export interface DocumentReadDoc {
  /** `<documentId>:<userId>` */
  _id: string;
  documentId: ObjectId;
  meetingId: ObjectId;
  userId: ObjectId;
  version: number;
  firstOpenedAt: Date;
  lastOpenedAt: Date;
}

export interface RsvpDoc {
  /** `<meetingId>:<userId>` */
  _id: string;
  meetingId: ObjectId;
  userId: ObjectId;
  response: RsvpResponse;
  substituteUserId: ObjectId | null;
  note: string;
  at: Date;
}

export interface NotificationDoc {
  _id: ObjectId;
  userId: ObjectId;
  kind: string;
  meetingId: ObjectId | null;
  title: string;
  createdAt: Date;
  readAt: Date | null;
  /** Makes a retried fan-out idempotent. */
  dedupeKey: string;
}

export interface OutboxDoc {
  _id: ObjectId;
  /** Idempotency: the same message is enqueued once. */
  key: string;
  kind: 'email';
  payload: Record<string, unknown>;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * One stored Yjs update of a collab doc, or a snapshot that merged earlier records. Written only
 * by inserts (FerretDB's guarded updates are not atomic); compaction inserts the snapshot first,
 * then deletes the records it merged, so a crash in between leaves duplicates, never a gap.
 */
export interface YjsUpdateDoc {
  _id: ObjectId;
  /** The doc's canonical name, e.g. `ann:<meetingId>:<versionId>:shared` (see `parseDocName`). */
  docName: string;
  kind: 'update' | 'snapshot';
  /** A Yjs v1 update; for a snapshot, the whole state (`Y.encodeStateAsUpdate`). */
  update: Binary;
  at: Date;
  /** For a snapshot: how many records it replaced. */
  merged?: number;
}

/** Typed handles on the collections, so a misspelt name is a compile error. */
export function collections(db: Db) {
  return {
    users: db.collection<UserDoc>('users'),
    units: db.collection<UnitDoc>('units'),
    sessions: db.collection<SessionDoc>('sessions'),
    loginAttempts: db.collection<LoginAttemptDoc>('loginAttempts'),
    auditLog: db.collection<AuditDoc>('auditLog'),
    meetings: db.collection<MeetingDoc>('meetings'),
    agendaItems: db.collection<AgendaItemDoc>('agendaItems'),
    documents: db.collection<DocumentDoc>('documents'),
    documentVersions: db.collection<DocumentVersionDoc>('documentVersions'),
    documentReads: db.collection<DocumentReadDoc>('documentReads'),
    rsvps: db.collection<RsvpDoc>('rsvps'),
    notifications: db.collection<NotificationDoc>('notifications'),
    outbox: db.collection<OutboxDoc>('outbox'),
    yjsUpdates: db.collection<YjsUpdateDoc>('yjsUpdates'),
  };
}
export type Collections = ReturnType<typeof collections>;
