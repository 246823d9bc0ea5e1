import { ObjectId } from 'mongodb';
import type { Collections } from '../db/collections.ts';

const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
const WINDOW_MS = 60 * 60_000;

/**
 * Per-username failed-login counter. After `maxAttempts` failures the name is locked for 30 s,
 * doubling with each further failure up to 15 minutes. Each failure is its own inserted record
 * and the count is a query: a counter updated in place can lose increments when many attempts
 * race on FerretDB, which would hand a parallel attacker extra guesses. Kept in MongoDB so every
 * server process sees the same count and a restart does not reset it.
 */
export class LoginThrottle {
  constructor(
    private readonly c: Collections,
    private readonly maxAttempts: number,
  ) {}

  private async state(key: string, now: Date): Promise<{ failures: number; lockedMs: number }> {
    const since = new Date(now.getTime() - WINDOW_MS);
    const failures = await this.c.loginAttempts.countDocuments({ key, at: { $gt: since } });
    if (failures < this.maxAttempts) return { failures, lockedMs: 0 };
    const last = await this.c.loginAttempts.find({ key }, { sort: { at: -1 }, limit: 1 }).next();
    const lockMs = Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - this.maxAttempts));
    return { failures, lockedMs: Math.max(0, (last?.at.getTime() ?? 0) + lockMs - now.getTime()) };
  }

  /** Milliseconds until the next attempt is allowed, or 0. */
  async lockedFor(username: string, now = new Date()): Promise<number> {
    return (await this.state(keyOf(username), now)).lockedMs;
  }

  /** Records a failure; returns the lock now in force (0 when still under the limit). */
  async fail(username: string, now = new Date()): Promise<{ failures: number; lockedMs: number }> {
    const key = keyOf(username);
    await this.c.loginAttempts.insertOne({ _id: new ObjectId(), key, at: now });
    return this.state(key, now);
  }

  async reset(username: string): Promise<void> {
    await this.c.loginAttempts.deleteMany({ key: keyOf(username) });
  }
}

function keyOf(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}
