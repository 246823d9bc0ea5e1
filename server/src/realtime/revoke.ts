import type { FastifyInstance } from 'fastify';
import type { ObjectId } from 'mongodb';
import { DisconnectReason, rooms } from '@e-cabinet/protocol';
import { collections } from '../db/collections.ts';

/**
 * Ends a user's sessions in the database, then tells their open sockets and disconnects them.
 * With `exceptSessionId` the current device stays signed in.
 */
export async function revokeUserSessions(app: FastifyInstance, userId: ObjectId, opts: { exceptSessionId?: string } = {}): Promise<void> {
  if (opts.exceptSessionId) {
    const others = await collections(app.db)
      .sessions.find({ userId, _id: { $ne: opts.exceptSessionId } }, { projection: { _id: 1 } })
      .toArray();
    await app.sessions.deleteForUser(userId, opts.exceptSessionId);
    for (const { _id } of others) {
      app.io.in(rooms.session(_id)).emit('session:ended', { reason: DisconnectReason.SESSION_REVOKED });
      app.io.in(rooms.session(_id)).disconnectSockets(true);
    }
    return;
  }
  await app.sessions.deleteForUser(userId);
  const room = rooms.user(userId.toHexString());
  app.io.in(room).emit('session:ended', { reason: DisconnectReason.SESSION_REVOKED });
  app.io.in(room).disconnectSockets(true);
}
