import { Type, type Static } from 'typebox';
import type { Ack } from './errors.ts';
import type { DisconnectReason } from './close-codes.ts';
import type { MeetingStatus, MeetingSummary, Notification } from './schemas/meetings.ts';
import { IdSchema } from './schemas/common.ts';
import type {
  AttendanceEntry,
  AttendanceRef,
  Floor,
  GiveFloor,
  GrantProxy,
  LiveEvent,
  LiveState,
  MarkAttendance,
  Quorum,
  ReorderSpeakers,
  RevokeProxy,
  SetCurrentItem,
  SetQuorumRule,
  SpeakerRequest,
  SpeakerRequestRef,
} from './schemas/live.ts';
import type {
  BallotAck,
  CastBallot,
  OpenPoll,
  Poll,
  PollOpenedPayload,
  PollProgressPayload,
  PollRef,
  PollResultPayload,
  PollTallyPayload,
} from './schemas/polls.ts';

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
  /** To a meeting's room: a change to the live state (see `LiveEvent` for the seq rules). */
  'live:event': (payload: LiveEvent) => void;
  /** To a meeting's room: a poll opened (the live event with its summary follows). */
  'poll:opened': (payload: PollOpenedPayload) => void;
  /** To a meeting's room, throttled (~250 ms): how many of the eligible have voted. */
  'poll:progress': (payload: PollProgressPayload) => void;
  /** To the chair's and secretary's user rooms, throttled: the running tally, unless hidden until close. */
  'poll:tally': (payload: PollTallyPayload) => void;
  /** To a meeting's room: a poll closed, with its result. */
  'poll:result': (payload: PollResultPayload) => void;
}

/**
 * What a live command answers once its change is stored: the `seq` of the `live:event` that
 * carried it, or null when nothing changed (a repeated check-in, say).
 */
export interface LiveAck {
  seq: number | null;
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
  /**
   * Joins the meeting's room and answers the whole live state. Events that arrive before the
   * answer and have `seq` ≤ `state.seq` are already included in it.
   */
  'live:sync': (payload: MeetingRef, ack: (res: Ack<{ state: LiveState }>) => void) => void;
  /** Chair or secretary, while live: the agenda item under discussion (ends the floor). */
  'live:item:set': (payload: SetCurrentItem, ack: (res: Ack<LiveAck>) => void) => void;
  'live:attendance:checkIn': (payload: AttendanceRef, ack: (res: Ack<LiveAck & { entry: AttendanceEntry }>) => void) => void;
  /** Early leave (or leaving for good); checking in again clears it. */
  'live:attendance:leave': (payload: AttendanceRef, ack: (res: Ack<LiveAck & { entry: AttendanceEntry }>) => void) => void;
  /** Secretary: absent or excused, with an optional reason. */
  'live:attendance:mark': (payload: MarkAttendance, ack: (res: Ack<LiveAck & { entry: AttendanceEntry }>) => void) => void;
  'live:proxy:grant': (payload: GrantProxy, ack: (res: Ack<LiveAck>) => void) => void;
  /** By the principal, the holder or the secretary; a no-op when there is no active proxy. */
  'live:proxy:revoke': (payload: RevokeProxy, ack: (res: Ack<LiveAck>) => void) => void;
  /** Chair or secretary, until the meeting ends. */
  'live:quorum:setRule': (payload: SetQuorumRule, ack: (res: Ack<LiveAck & { quorum: Quorum }>) => void) => void;
  /** Ask to speak on the current item; asking twice keeps the first request. */
  'live:speakers:request': (payload: MeetingRef, ack: (res: Ack<LiveAck & { request: SpeakerRequest }>) => void) => void;
  /** By the requester, or the chair or secretary removing it. */
  'live:speakers:withdraw': (payload: SpeakerRequestRef, ack: (res: Ack<LiveAck>) => void) => void;
  'live:speakers:reorder': (payload: ReorderSpeakers, ack: (res: Ack<LiveAck>) => void) => void;
  /** Chair or secretary; consumes the speaker's queued request for the current item, if any. */
  'live:floor:give': (payload: GiveFloor, ack: (res: Ack<LiveAck & { floor: Floor }>) => void) => void;
  /** Chair, secretary or the speaker. */
  'live:floor:end': (payload: MeetingRef, ack: (res: Ack<LiveAck>) => void) => void;
  /** Chair, while the meeting is live: opens a draft poll (NO_QUORUM unless `override`). */
  'poll:open': (payload: OpenPoll, ack: (res: Ack<LiveAck & { poll: Poll }>) => void) => void;
  /** Chair: closes an open poll; the answer carries the result. Closing a closed poll answers it again. */
  'poll:close': (payload: PollRef, ack: (res: Ack<LiveAck & { poll: Poll }>) => void) => void;
  /**
   * A ballot, acknowledged only once stored durably. Retrying with the same `ballotKey` is safe
   * and answers the same ballot (`retry: true`); see `BallotAck` for refusals.
   */
  'poll:vote': (payload: CastBallot, ack: (res: BallotAck) => void) => void;
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
