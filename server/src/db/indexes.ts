import type { Db } from 'mongodb';
import { collections } from './collections.ts';

/**
 * Every index the code relies on, created idempotently at start-up. No TTL indexes (FerretDB):
 * expired sessions are filtered by query and swept by the app.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  const c = collections(db);
  await Promise.all([
    c.users.createIndex({ username: 1 }, { unique: true, name: 'username_unique' }),
    c.users.createIndex({ unitId: 1 }, { name: 'unit' }),
    c.units.createIndex({ code: 1 }, { unique: true, name: 'code_unique' }),
    c.units.createIndex({ parentId: 1 }, { name: 'parent' }),
    c.sessions.createIndex({ userId: 1 }, { name: 'user' }),
    c.sessions.createIndex({ expiresAt: 1 }, { name: 'expiry' }),
    c.auditLog.createIndex({ seq: 1 }, { unique: true, name: 'seq_unique' }),
    c.auditLog.createIndex({ action: 1, seq: -1 }, { name: 'action_seq' }),
  ]);
}
