import type { Collections } from '../db/collections.ts';

const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
const WINDOW_MS = 60 * 60_000;

/**
 * Per-username failed-login counter. After `maxAttempts` failures the name is locked for 30 s,
 * doubling with each further failure up to 15 minutes. Kept in MongoDB so every server process
 * sees the same count and a restart does not reset it.
 */
export class LoginThrottle {
  constructor(
    private readonly c: Collections,
    private readonly maxAttempts: number,
  ) {}

  /** Milliseconds until the next attempt is allowed, or 0. */
  async lockedFor(username: string, now = new Date()): Promise<number> {
    const doc = await this.c.loginAttempts.findOne({ _id: key(username) });
    if (!doc?.lockedUntil) return 0;
    return Math.max(0, doc.lockedUntil.getTime() - now.getTime());
  }

  /** Records a failure; returns the lock now in force (0 when still under the limit). */
  async fail(username: string, now = new Date()): Promise<{ failures: number; lockedMs: number }> {
    const _id = key(username);
    const existing = await this.c.loginAttempts.findOne({ _id });
    const stale = existing && now.getTime() - existing.lastFailureAt.getTime() > WINDOW_MS;
    if (stale) await this.c.loginAttempts.deleteOne({ _id, lastFailureAt: existing.lastFailureAt });
    const doc = await this.c.loginAttempts.findOneAndUpdate(
      { _id },
      { $inc: { failures: 1 }, $set: { lastFailureAt: now }, $setOnInsert: { lockedUntil: null } },
      { upsert: true, returnDocument: 'after' },
    );
    const failures = doc?.failures ?? 1;
    if (failures < this.maxAttempts) return { failures, lockedMs: 0 };
    const lockedMs = Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - this.maxAttempts));
    await this.c.loginAttempts.updateOne({ _id }, { $set: { lockedUntil: new Date(now.getTime() + lockedMs) } });
    return { failures, lockedMs };
  }

  async reset(username: string): Promise<void> {
    await this.c.loginAttempts.deleteOne({ _id: key(username) });
  }
}

function key(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}
