import { Type, type Static } from 'typebox';
import type { Ack } from './errors.ts';
import type { DisconnectReason } from './close-codes.ts';

/** What the client sends in `io(url, { auth })`. The session itself travels in the cookie. */
export const HandshakeAuthSchema = Type.Object({
  protocolVersion: Type.Integer({ minimum: 1 }),
});
export type HandshakeAuth = Static<typeof HandshakeAuthSchema>;

export const PingPayloadSchema = Type.Object({ sentAt: Type.Number() }, { additionalProperties: false });
export type PingPayload = Static<typeof PingPayloadSchema>;

export interface SessionEndedPayload {
  reason: DisconnectReason;
}

/** Events the server emits. One map for both ends, so a renamed event breaks the build. */
export interface ServerToClientEvents {
  'session:ended': (payload: SessionEndedPayload) => void;
}

/** Commands the client sends. Every one answers through its ack, never silence. */
export interface ClientToServerEvents {
  'sys:ping': (payload: PingPayload, ack: (res: Ack<{ serverTime: number }>) => void) => void;
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
