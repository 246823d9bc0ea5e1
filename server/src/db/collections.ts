import type { Binary, Db, ObjectId } from 'mongodb';
import type { DeliveryConnector, Locale, MeetingKind, MeetingRole, MeetingStatus, QuorumRule, Role, ResultPackage, RsvpResponse, UnitKind } from '@e-cabinet/protocol';
import type { TaskPriority, TaskStatus } from '@e-cabinet/protocol';
import type { PollQuorumAtOpen, PollResult, PollStatus } from '@e-cabinet/protocol';
import type { PollDefinition } from '@e-cabinet/voting';

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
  /** Absent on documents stored before the flag existed: read it with `allowsDownload`. */
  allowDownload?: boolean;
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
  /** The follow-up task it is about (task reminders). */
  taskId?: ObjectId | null;
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
  /** `email` (invitations, notices); `webhook` and `edxml` deliver result packages (`delivery/`). */
  kind: 'email' | 'webhook' | 'edxml';
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

/** The live part of a meeting, one per meeting (`_id` is the meeting's id). */
export interface LiveMeetingDoc {
  _id: ObjectId;
  currentItemId: ObjectId | null;
  quorumRule: QuorumRule;
  floor: { userId: ObjectId; name: string; itemId: ObjectId | null; startedAt: Date; durationSec: number } | null;
  updatedAt: Date;
}

/** One delegate's attendance at one meeting. */
export interface AttendanceDoc {
  /** `<meetingId>:<userId>`: a repeated check-in finds the record instead of adding one. */
  _id: string;
  meetingId: ObjectId;
  userId: ObjectId;
  status: 'present' | 'absent' | 'excused';
  checkedInAt: Date | null;
  leftAt: Date | null;
  late: boolean;
  note: string;
  recordedBy: ObjectId;
  updatedAt: Date;
}

/**
 * A proxy given for one meeting. While active, `principalSlot` and `holderSlot` are
 * `<meetingId>:<userId>` under unique indexes (one proxy given and one held per person);
 * revoking rewrites them to `revoked:<_id>`, which frees both and keeps the record.
 */
export interface ProxyDoc {
  _id: ObjectId;
  meetingId: ObjectId;
  principalId: ObjectId;
  holderId: ObjectId;
  principalName: string;
  holderName: string;
  principalSlot: string;
  holderSlot: string;
  grantedAt: Date;
  grantedBy: ObjectId;
  revokedAt: Date | null;
  revokedBy: ObjectId | null;
  /** `revoked` by someone, or `present` when the principal checked in. */
  revokeReason: 'revoked' | 'present' | null;
}

/** A request to speak on an agenda item. `slot` is unique while queued: one per person and item. */
export interface SpeakerRequestDoc {
  _id: ObjectId;
  meetingId: ObjectId;
  itemId: ObjectId;
  userId: ObjectId;
  name: string;
  requestedAt: Date;
  /** Sort key: the request time in ms, or the position the chair gave it. */
  order: number;
  state: 'queued' | 'withdrawn' | 'spoken';
  slot: string;
  updatedAt: Date;
}

/** A claimed live-event number: the unique `_id` is what makes a meeting's `seq` exclusive. */
export interface LiveSeqDoc {
  /** `<meetingId>:<seq>` */
  _id: string;
  meetingId: ObjectId;
  seq: number;
  at: Date;
}

/**
 * A meeting's result package for one approved conclusions version, stored once: the `_id`
 * `<meetingId>:<version>` is the unique claim, so two different packages for one version cannot
 * both exist. PDFs stay in the `results` GridFS bucket; the package refers to them by id.
 */
export interface ResultPackageDoc {
  _id: string;
  meetingId: ObjectId;
  meetingVersion: number;
  /** The package as submitted, strings NFC-normalised (`ResultPackage` of the protocol). */
  package: ResultPackage;
  /** SHA-256 of the package's canonical JSON: a resubmission with other content is refused. */
  contentSha256: string;
  /** Sent with every attempt by every connector; derived from meeting id and version. */
  idempotencyKey: string;
  /** The connectors configured when it was submitted, one outbox message each. */
  connectors: DeliveryConnector[];
  submittedAt: Date;
  submittedBy: string | null;
  /** Set once the outbox messages exist; null after a crash in between, finished at start-up. */
  enqueuedAt: Date | null;
  /** Set once the units concerned were notified. */
  notifiedAt: Date | null;
}

/** A follow-up task from a meeting (see `tasks/`). Changed only through `TaskStore` (versioned). */
export interface TaskDoc {
  _id: ObjectId;
  meetingId: ObjectId;
  itemId: ObjectId;
  /** The conclusion it came from, until conclusions have ids of their own; free text. */
  conclusionRef: string | null;
  description: string;
  assigneeUnitId: ObjectId;
  assigneeUserId: ObjectId | null;
  deadline: Date;
  priority: TaskPriority;
  status: TaskStatus;
  progress: number;
  doneAt: Date | null;
  result: TaskResultDoc | null;
  createdBy: ObjectId;
  createdAt: Date;
  updatedAt: Date;
  /** Grows by one with every change; a change claims `<taskId>:<version>` in `taskChanges` first. */
  version: number;
}

export interface TaskResultDoc {
  fileId: ObjectId;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: ObjectId;
  uploadedAt: Date;
}

/** One committed change of a task, append-only: the unique `_id` makes the version exclusive; also its history. */
export interface TaskChangeDoc {
  /** `<taskId>:<version>` */
  _id: string;
  taskId: ObjectId;
  version: number;
  kind: 'created' | 'progress' | 'edited' | 'result';
  set: Partial<Omit<TaskDoc, '_id' | 'version'>>;
  note: string;
  by: ObjectId;
  at: Date;
}

/**
 * A reminder claimed by the scheduler: the unique `_id` `<taskId>:<deadline ms>:<kind>` is what
 * makes it go out once, across restarts and processes. `sentAt` stays null until every
 * notification and email is stored; a later tick finishes one a crash left half-done.
 */
export interface TaskReminderDoc {
  _id: string;
  taskId: ObjectId;
  kind: 'due_3d' | 'due_1d' | 'overdue';
  deadline: Date;
  claimedAt: Date;
  sentAt: Date | null;
  recipients: number;
}

/** A poll on an agenda item (see `polls/`). `definition` is a valid `PollDefinition` of `@e-cabinet/voting`. */
export interface PollDoc {
  _id: ObjectId;
  meetingId: ObjectId;
  itemId: ObjectId;
  question: string;
  definition: PollDefinition;
  hideTallyUntilClose: boolean;
  durationSec: number | null;
  status: PollStatus;
  createdBy: ObjectId;
  createdAt: Date;
  updatedAt: Date;
  openedAt: Date | null;
  openedBy: ObjectId | null;
  /** Set at open when the poll has a timer; timers are rescheduled from it at start-up. */
  closesAt: Date | null;
  quorumAtOpen: PollQuorumAtOpen | null;
  closedAt: Date | null;
  /** Null when the timer closed it. */
  closedBy: ObjectId | null;
  /** Stored once, at close, exactly as clients receive it. */
  result: PollResult | null;
  /** Set at close: principals who voted, and who could (present or by proxy, or voted and left). */
  turnout?: { voted: number; eligible: number } | null;
}

/**
 * A named poll's ballot. `_id` `<pollId>:<principalId>` is the claim: one ballot per principal,
 * however many attempts race. `keyHash` (SHA-256 of "m|" + ballotKey) recognises a retry.
 */
export interface BallotDoc {
  _id: string;
  pollId: ObjectId;
  principalId: ObjectId;
  principalName: string;
  voterId: ObjectId;
  voterName: string;
  viaProxy: boolean;
  choice: string[];
  castAt: Date;
  keyHash: string;
}

/**
 * A secret poll's record that a principal voted: no choice, no receipt, no time. `_id`
 * `<pollId>:<principalId>` makes it one per principal; `commit` (SHA-256 of "m|" + ballotKey)
 * recognises a retry and cannot be linked to the receipt without the key, which is never stored.
 */
export interface SecretVoterDoc {
  _id: string;
  pollId: ObjectId;
  principalId: ObjectId;
  principalName: string;
  voterId: ObjectId;
  viaProxy: boolean;
  commit: string;
}

/** One secret ballot in an urn: blank (`r` and `c` null) until filled with a receipt and choice. */
export interface UrnSlot {
  r: string | null;
  c: string[] | null;
}

/**
 * An urn of secret ballots. All of a poll's slots are created blank, in urns of up to 256, when
 * it opens (random ids, no time fields, ever) and filled in place at random positions: neither
 * the urns' order, nor a slot's position, nor any field says when or by whom one was filled.
 */
export interface SecretUrnDoc {
  _id: string;
  pollId: ObjectId;
  slots: UrnSlot[];
}

/** A PDF of a conclusions version, in the `minutes` GridFS bucket. */
export interface MinutesFileDoc {
  fileId: ObjectId;
  sha256: string;
  size: number;
}

/** What the chair approved: the draft, the closed polls and the attendance at that moment. */
export interface MinutesContentDoc {
  items: { itemId: string; title: string; presenter: string; opinions: string; conclusion: string; polls: MinutesPollDoc[] }[];
  closingNote: string;
  chair: MinutesPersonDoc | null;
  secretary: MinutesPersonDoc | null;
  present: MinutesPersonDoc[];
  absent: (MinutesPersonDoc & { excused: boolean; reason: string })[];
  proxies: { from: MinutesPersonDoc; to: MinutesPersonDoc }[];
}

export interface MinutesPersonDoc {
  userId: string;
  name: string;
  title: string;
  unit: string;
}

export interface MinutesPollDoc {
  pollId: string;
  question: string;
  kind: 'yesNoAbstain' | 'single' | 'multiple';
  inFavour: number;
  against: number;
  notVoting: number;
  base: number;
  passed: boolean;
  outcome: string;
}

/**
 * One approved version of a meeting's conclusions (see `conclusions/`). The unique index on
 * (meetingId, version) is the claim that makes a version number exclusive; `content` never
 * changes after the insert. Generation and signing only add files and status.
 */
export interface MinutesVersionDoc {
  _id: ObjectId;
  meetingId: ObjectId;
  version: number;
  approvedAt: Date;
  approvedBy: ObjectId;
  approvedByName: string;
  content: MinutesContentDoc;
  contentSha256: string;
  status: 'generating' | 'ready' | 'signed' | 'failed';
  error: string | null;
  minutesPdf: MinutesFileDoc | null;
  noticePdf: MinutesFileDoc | null;
  signature: MinutesSignatureDoc | null;
  /** Register numbers of the minutes (BB) and the notice (TB), given when the PDFs are first made. */
  numbers?: { minutes: string; notice: string };
}

/** One number of the document register: `_id` `<year>:<code>:<n>` (unique), so no number is given twice. */
export interface RegisterNumberDoc {
  _id: string;
  year: number;
  code: string;
  n: number;
  /** What it numbers, e.g. `minutesVersion:<id>`: a retry after a crash finds its number again. */
  target: string;
  at: Date;
}

export interface MinutesSignatureDoc {
  signedAt: Date;
  signer: { subject: string; serial: string; fingerprintSha256: string };
  signedBy: ObjectId;
  signedByName: string;
  minutes: MinutesFileDoc;
  notice: MinutesFileDoc;
}

/** The claim of one signing: `_id` `<meetingId>:<version>` (unique), so a version is signed once. */
export interface MinutesSignClaimDoc {
  _id: string;
  meetingId: ObjectId;
  version: number;
  signature: MinutesSignatureDoc;
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
    resultPackages: db.collection<ResultPackageDoc>('resultPackages'),
    yjsUpdates: db.collection<YjsUpdateDoc>('yjsUpdates'),
    liveMeetings: db.collection<LiveMeetingDoc>('liveMeetings'),
    attendance: db.collection<AttendanceDoc>('attendance'),
    proxies: db.collection<ProxyDoc>('proxies'),
    speakers: db.collection<SpeakerRequestDoc>('speakers'),
    liveSeq: db.collection<LiveSeqDoc>('liveSeq'),
    tasks: db.collection<TaskDoc>('tasks'),
    taskChanges: db.collection<TaskChangeDoc>('taskChanges'),
    taskReminders: db.collection<TaskReminderDoc>('taskReminders'),
    polls: db.collection<PollDoc>('polls'),
    ballots: db.collection<BallotDoc>('ballots'),
    secretVoters: db.collection<SecretVoterDoc>('secretVoters'),
    secretUrns: db.collection<SecretUrnDoc>('secretUrns'),
    minutesVersions: db.collection<MinutesVersionDoc>('minutesVersions'),
    registerNumbers: db.collection<RegisterNumberDoc>('registerNumbers'),
    minutesSignatures: db.collection<MinutesSignClaimDoc>('minutesSignatures'),
  };
}
export type Collections = ReturnType<typeof collections>;
