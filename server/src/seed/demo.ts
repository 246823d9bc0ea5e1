import type { FastifyInstance } from 'fastify';
import { ObjectId } from 'mongodb';
import { DEMO_UNITS, DEMO_USERS, type DemoUser } from './demo-data.ts';

/**
 * Fills an empty database with the demo province and its users. Does nothing when any user
 * exists, so it never touches real data. Returns the accounts it created.
 */
export async function seedDemo(app: FastifyInstance): Promise<DemoUser[] | null> {
  if ((await app.users.count()) > 0) return null;
  const ids = new Map<string, ObjectId>();
  const existing = await app.units.list();
  for (const unit of existing) ids.set(unit.code, new ObjectId(unit.id));
  for (const unit of DEMO_UNITS) {
    if (ids.has(unit.code)) continue;
    const parentId = unit.parent ? ids.get(unit.parent)?.toHexString() ?? null : null;
    const doc = await app.units.create({ code: unit.code, name: unit.name, kind: unit.kind, parentId });
    ids.set(unit.code, doc._id);
  }
  for (const user of DEMO_USERS) {
    await app.users.create({ username: user.username, password: user.password, fullName: user.fullName, title: user.title, role: user.role, unitId: ids.get(user.unit)?.toHexString() ?? null, email: null });
  }
  await app.audit.append({ actorId: null, action: 'seed.demo', target: null, data: { units: DEMO_UNITS.length, users: DEMO_USERS.length } });
  return DEMO_USERS;
}
