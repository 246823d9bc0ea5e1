import { ObjectId } from 'mongodb';
import type { Collections, SessionDoc, UserDoc } from '../db/collections.ts';

/**
 * How long a session or user read for a socket command is trusted. Revocations in this process
 * drop entries at once (see `revoke.ts`); this bounds how long one made by another process
 * that could not reach this one (no Redis yet), or a database edit, goes unseen.
 */
export const SOCKET_AUTH_TTL_MS = 30_000;

interface SessionEntry {
  userId: string;
  checkedAt: number;
  /** Expiry in epoch ms; null when the session is gone. */
  expiresAt: Promise<number | null>;
}

interface UserEntry {
  loadedAt: number;
  user: Promise<UserDoc | null>;
}

/**
 * The socket server re-checks, for every command, that the session is live and the user active.
 * Reading both from the database each time cost two reads per ballot; this keeps what was read
 * (at the handshake, then by commands) for SOCKET_AUTH_TTL_MS.
 *
 * Revocation wins immediately in this process: sign-out, password changes and deactivation go
 * through `revoke.ts`, which deletes the sessions in the database and then calls `forgetSession`
 * or `forgetUser` here. An entry is cached from the moment its read starts, so a read that was
 * under way during a revocation is dropped with it and never outlives it.
 */
export class SocketAuthCache {
  /** The clock; tests move it forward instead of waiting. */
  clock: () => number = Date.now;
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly users = new Map<string, UserEntry>();
  private lastSweep = 0;

  constructor(private readonly c: Collections) {}

  /** What the handshake just read: the first commands need no reads. */
  remember(session: Pick<SessionDoc, '_id' | 'expiresAt'>, user: UserDoc): void {
    const now = this.clock();
    const userId = user._id.toHexString();
    this.sessions.set(session._id, { userId, checkedAt: now, expiresAt: Promise.resolve(session.expiresAt.getTime()) });
    if (user.active) this.users.set(userId, { loadedAt: now, user: Promise.resolve(user) });
  }

  /** Whether the socket's session is still live. */
  async sessionLive(sessionId: string, userId: string): Promise<boolean> {
    const cached = this.sessions.get(sessionId);
    const fresh = cached && this.clock() - cached.checkedAt < SOCKET_AUTH_TTL_MS ? cached : this.readSession(sessionId, userId);
    let expiresAt = await fresh.expiresAt;
    // Expired as read earlier: an HTTP request may have extended it since.
    if (fresh === cached && expiresAt !== null && expiresAt <= this.clock()) expiresAt = await this.readSession(sessionId, userId).expiresAt;
    return expiresAt !== null && expiresAt > this.clock();
  }

  /** The user, if they still exist (inactive users are returned, never kept). */
  user(userId: string): Promise<UserDoc | null> {
    const cached = this.users.get(userId);
    if (cached && this.clock() - cached.loadedAt < SOCKET_AUTH_TTL_MS) return cached.user;
    this.sweep();
    const entry: UserEntry = { loadedAt: this.clock(), user: this.c.users.findOne({ _id: new ObjectId(userId) }) };
    this.users.set(userId, entry);
    const drop = () => {
      if (this.users.get(userId) === entry) this.users.delete(userId);
    };
    entry.user.then((u) => {
      if (!u?.active) drop();
    }, drop);
    return entry.user;
  }

  /** One session ended (sign-out). */
  forgetSession(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  /** A user's sessions ended (all but `exceptSessionId`), or their record changed (deactivated). */
  forgetUser(userId: string, exceptSessionId?: string): void {
    this.users.delete(userId);
    for (const [id, e] of this.sessions) if (e.userId === userId && id !== exceptSessionId) this.sessions.delete(id);
  }

  private readSession(sessionId: string, userId: string): SessionEntry {
    this.sweep();
    const entry: SessionEntry = {
      userId,
      checkedAt: this.clock(),
      // By _id alone, like `SessionStore.resolve` (FerretDB would scan on an `expiresAt` condition).
      expiresAt: this.c.sessions.findOne({ _id: sessionId }, { projection: { expiresAt: 1 } }).then((s) => s?.expiresAt.getTime() ?? null),
    };
    this.sessions.set(sessionId, entry);
    const drop = () => {
      if (this.sessions.get(sessionId) === entry) this.sessions.delete(sessionId);
    };
    entry.expiresAt.then((at) => {
      if (at === null) drop();
    }, drop);
    return entry;
  }

  /** Entries of sockets gone quiet or closed go at most one TTL after they were read. */
  private sweep(): void {
    const now = this.clock();
    if (now - this.lastSweep < SOCKET_AUTH_TTL_MS) return;
    this.lastSweep = now;
    for (const [id, e] of this.sessions) if (now - e.checkedAt >= SOCKET_AUTH_TTL_MS) this.sessions.delete(id);
    for (const [id, e] of this.users) if (now - e.loadedAt >= SOCKET_AUTH_TTL_MS) this.users.delete(id);
  }
}
