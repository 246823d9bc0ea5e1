import type { FastifyInstance } from 'fastify';
import type { ObjectId } from 'mongodb';
import { DisconnectReason, rooms } from '@e-cabinet/protocol';
import { collections } from '../db/collections.ts';

/**
 * Ends a user's sessions in the database, then tells their open sockets and disconnects them,
 * Socket.io and collab (closed with SESSION_REVOKED) alike.
 * With `exceptSessionId` the current device stays signed in.
 */
export async function revokeUserSessions(app: FastifyInstance, userId: ObjectId, opts: { exceptSessionId?: string } = {}): Promise<void> {
  if (opts.exceptSessionId) {
    const others = await collections(app.db)
      .sessions.find({ userId, _id: { $ne: opts.exceptSessionId } }, { projection: { _id: 1 } })
      .toArray();
    await app.sessions.deleteForUser(userId, opts.exceptSessionId);
    app.collab.closeUserSessions(userId.toHexString(), { exceptSessionId: opts.exceptSessionId });
    for (const { _id } of others) {
      app.io.in(rooms.session(_id)).emit('session:ended', { reason: DisconnectReason.SESSION_REVOKED });
      app.io.in(rooms.session(_id)).disconnectSockets(true);
    }
    return;
  }
  await app.sessions.deleteForUser(userId);
  app.collab.closeUserSessions(userId.toHexString());
  const room = rooms.user(userId.toHexString());
  app.io.in(room).emit('session:ended', { reason: DisconnectReason.SESSION_REVOKED });
  app.io.in(room).disconnectSockets(true);
}

/** Ends one session (sign-out): its sockets and collab connections close at once. */
export async function endSession(app: FastifyInstance, sessionId: string): Promise<void> {
  await app.sessions.delete(sessionId);
  app.io.in(rooms.session(sessionId)).emit('session:ended', { reason: DisconnectReason.SESSION_REVOKED });
  app.io.in(rooms.session(sessionId)).disconnectSockets(true);
  app.collab.closeSession(sessionId);
}
