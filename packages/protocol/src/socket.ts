import { Type, type Static } from 'typebox';
import type { Ack } from './errors.ts';
import type { DisconnectReason } from './close-codes.ts';
import type { MeetingStatus, MeetingSummary, Notification } from './schemas/meetings.ts';
import { IdSchema } from './schemas/common.ts';

/** What the client sends in `io(url, { auth })`. The session itself travels in the cookie. */
export const HandshakeAuthSchema = Type.Object({
  protocolVersion: Type.Integer({ minimum: 1 }),
});
export type HandshakeAuth = Static<typeof HandshakeAuthSchema>;

export const PingPayloadSchema = Type.Object({ sentAt: Type.Number() }, { additionalProperties: false });
export type PingPayload = Static<typeof PingPayloadSchema>;

export const MeetingRefSchema = Type.Object({ meetingId: IdSchema }, { additionalProperties: false });
export type MeetingRef = Static<typeof MeetingRefSchema>;

/** What changed in a meeting; clients refetch that part. `seq` grows by one per change. */
export interface MeetingChangedPayload {
  meetingId: string;
  seq: number;
  what: 'details' | 'status' | 'agenda' | 'documents' | 'participants';
  status: MeetingStatus;
}

/** What the presenter is showing; followers jump to it. `documentId: null` means nobody presents. */
export interface PresenterState {
  meetingId: string;
  presenterId: string | null;
  presenterName: string | null;
  documentId: string | null;
  page: number;
  /** Grows with every change, so a follower can ignore an older state that arrives late. */
  at: number;
}

export const PresenterUpdateSchema = Type.Object(
  { meetingId: IdSchema, documentId: IdSchema, page: Type.Integer({ minimum: 1, maximum: 100000 }) },
  { additionalProperties: false },
);
export type PresenterUpdate = Static<typeof PresenterUpdateSchema>;

export interface SessionEndedPayload {
  reason: DisconnectReason;
}

/** Events the server emits. One map for both ends, so a renamed event breaks the build. */
export interface ServerToClientEvents {
  'session:ended': (payload: SessionEndedPayload) => void;
  /** To a user's room: a meeting they take part in was published (or they were added to one). */
  'meeting:published': (payload: { meeting: MeetingSummary }) => void;
  /** To a meeting's room. */
  'meeting:changed': (payload: MeetingChangedPayload) => void;
  /** To a user's room. */
  'notification:new': (payload: Notification) => void;
  /** To a meeting's room: the presenter moved (or stopped). */
  'presenter:state': (payload: PresenterState) => void;
}

/** Commands the client sends. Every one answers through its ack, never silence. */
export interface ClientToServerEvents {
  'sys:ping': (payload: PingPayload, ack: (res: Ack<{ serverTime: number }>) => void) => void;
  /** Follow a meeting's changes; refused (NOT_FOUND) unless the caller takes part in it. */
  'meeting:join': (payload: MeetingRef, ack: (res: Ack<{ seq: number; presenter: PresenterState | null }>) => void) => void;
  'meeting:leave': (payload: MeetingRef, ack: (res: Ack) => void) => void;
  /** Chair, secretary or an agenda item's presenter shows a document page to followers. */
  'presenter:update': (payload: PresenterUpdate, ack: (res: Ack<{ state: PresenterState }>) => void) => void;
  'presenter:stop': (payload: MeetingRef, ack: (res: Ack) => void) => void;
}

/** Between server processes (Redis adapter, later). */
export interface InterServerEvents {
  'session:revoke': (payload: { userId: string }) => void;
}

/** What the server keeps on each socket after the handshake. */
export interface SocketData {
  userId: string;
  sessionId: string;
  locale: 'vi' | 'en';
}

/** Room names, built in one place so server code never types them by hand. */
export const rooms = {
  user: (userId: string) => `user:${userId}` as const,
  /** One per sign-in, so one device can be signed out without the others. */
  session: (sessionId: string) => `session:${sessionId}` as const,
  meeting: (meetingId: string) => `meeting:${meetingId}` as const,
};
