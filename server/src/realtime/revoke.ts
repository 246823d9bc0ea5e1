import type { FastifyInstance } from 'fastify';
import type { ObjectId } from 'mongodb';
import { DisconnectReason, rooms } from '@e-cabinet/protocol';
import { collections } from '../db/collections.ts';

/** Tells the Socket.io clients in a room that their session ended, then disconnects them. */
function endSockets(app: FastifyInstance, room: string): void {
  app.io.in(room).emit('session:ended', { reason: DisconnectReason.SESSION_REVOKED });
  app.io.in(room).disconnectSockets(true);
}

/**
 * Ends a user's sessions in the database, then tells their open sockets and disconnects them,
 * Socket.io and collab (closed with SESSION_REVOKED) alike.
 * With `exceptSessionId` the current device stays signed in. Without it (deactivation, or an
 * admin's password reset), the user's record changed too: cached rolls are built again.
 * Socket commands of this process are refused from here on, even from a socket that has not
 * been disconnected yet (`SocketAuthCache`).
 */
export async function revokeUserSessions(app: FastifyInstance, userId: ObjectId, opts: { exceptSessionId?: string } = {}): Promise<void> {
  const except = opts.exceptSessionId;
  // With an exception the user's room cannot be used, so each other session's room is.
  const others = except ? await collections(app.db).sessions.find({ userId, _id: { $ne: except } }, { projection: { _id: 1 } }).toArray() : [];
  await app.sessions.deleteForUser(userId, except);
  app.socketAuth.forgetUser(userId.toHexString(), except);
  if (!except) app.live.usersChanged();
  app.collab.closeUserSessions(userId.toHexString(), { exceptSessionId: except });
  if (!except) return endSockets(app, rooms.user(userId.toHexString()));
  for (const { _id } of others) endSockets(app, rooms.session(_id));
}

/** Ends one session (sign-out): its sockets and collab connections close at once. */
export async function endSession(app: FastifyInstance, sessionId: string): Promise<void> {
  await app.sessions.delete(sessionId);
  app.socketAuth.forgetSession(sessionId);
  endSockets(app, rooms.session(sessionId));
  app.collab.closeSession(sessionId);
}
