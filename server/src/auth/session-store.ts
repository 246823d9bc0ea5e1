import { createHash, randomBytes } from 'node:crypto';
import type { ObjectId } from 'mongodb';
import type { Collections, SessionDoc } from '../db/collections.ts';

export const SESSION_COOKIE = 'ecab_sid';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Server-side sessions: the cookie holds a random token, the database its hash. */
export class SessionStore {
  constructor(
    private readonly c: Collections,
    private readonly ttlMs: number,
  ) {}

  async create(userId: ObjectId, meta: { ip: string; userAgent: string }): Promise<{ token: string; session: SessionDoc }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session: SessionDoc = {
      _id: hashToken(token),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
      ip: meta.ip,
      userAgent: meta.userAgent.slice(0, 300),
    };
    await this.c.sessions.insertOne(session);
    return { token, session };
  }

  /** The live session for a cookie token, extended when past half its lifetime. */
  async resolve(token: string | undefined): Promise<SessionDoc | null> {
    if (!token || token.length > 100) return null;
    const now = new Date();
    // By _id alone, expiry checked here: FerretDB does not push an `expiresAt` condition down
    // and would scan every session on each request and socket command (measured by the bench).
    const session = await this.c.sessions.findOne({ _id: hashToken(token) });
    if (!session || session.expiresAt.getTime() <= now.getTime()) return null;
    if (session.expiresAt.getTime() - now.getTime() < this.ttlMs / 2) {
      const expiresAt = new Date(now.getTime() + this.ttlMs);
      await this.c.sessions.updateOne({ _id: session._id }, { $set: { expiresAt } });
      session.expiresAt = expiresAt;
    }
    return session;
  }

  async isLive(sessionId: string): Promise<boolean> {
    const session = await this.c.sessions.findOne({ _id: sessionId }, { projection: { expiresAt: 1 } });
    return !!session && session.expiresAt.getTime() > Date.now();
  }

  async delete(sessionId: string): Promise<void> {
    await this.c.sessions.deleteOne({ _id: sessionId });
  }

  async deleteForUser(userId: ObjectId, exceptSessionId?: string): Promise<number> {
    const filter = exceptSessionId ? { userId, _id: { $ne: exceptSessionId } } : { userId };
    const res = await this.c.sessions.deleteMany(filter);
    return res.deletedCount;
  }

  /** No TTL indexes (FerretDB), so expired sessions are swept from time to time. */
  async sweepExpired(): Promise<number> {
    const res = await this.c.sessions.deleteMany({ expiresAt: { $lte: new Date() } });
    return res.deletedCount;
  }
}
