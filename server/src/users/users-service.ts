import { ObjectId, type Filter } from 'mongodb';
import type { CreateUser, Locale, UpdateUser, User, UserListQuery } from '@e-cabinet/protocol';
import type { Collections, UserDoc } from '../db/collections.ts';
import { AppError, isDuplicateKey } from '../http/app-error.ts';
import { clean, escapeRegex, foldForSearch } from '../http/text.ts';
import { hashPassword, isStrongPassword } from '../auth/password.ts';
import type { UnitsService } from '../units/units-service.ts';

export function toUser(doc: UserDoc): User {
  return {
    id: doc._id.toHexString(),
    username: doc.username,
    fullName: doc.fullName,
    email: doc.email,
    title: doc.title,
    role: doc.role,
    unitId: doc.unitId?.toHexString() ?? null,
    active: doc.active,
    locale: doc.locale,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export function requireStrong(password: string, field: string): void {
  if (!isStrongPassword(password)) throw new AppError('AUTH_WEAK_PASSWORD', { [field]: 'AUTH_WEAK_PASSWORD' });
}

export class UsersService {
  constructor(
    private readonly c: Collections,
    private readonly units: UnitsService,
  ) {}

  async byId(id: ObjectId): Promise<UserDoc | null> {
    return this.c.users.findOne({ _id: id });
  }

  async byUsername(username: string): Promise<UserDoc | null> {
    return this.c.users.findOne({ username: username.trim().toLowerCase() });
  }

  async list(query: UserListQuery): Promise<User[]> {
    const filter: Filter<UserDoc> = {};
    if (query.role) filter.role = query.role;
    if (query.unitId) filter.unitId = new ObjectId(query.unitId);
    if (query.active !== undefined) filter.active = query.active;
    const q = query.q ? foldForSearch(query.q) : '';
    if (q) filter.search = { $regex: escapeRegex(q) };
    const docs = await this.c.users.find(filter, { sort: { username: 1 }, limit: 1000 }).toArray();
    return docs.map(toUser);
  }

  async create(input: CreateUser, defaultLocale: Locale = 'vi'): Promise<UserDoc> {
    requireStrong(input.password, '/password');
    const unitId = await this.units.requireActive(input.unitId, '/unitId');
    const now = new Date();
    const fullName = clean(input.fullName);
    const username = input.username.toLowerCase();
    const doc: UserDoc = {
      _id: new ObjectId(),
      username,
      fullName,
      email: input.email?.trim() || null,
      title: input.title ? clean(input.title) || null : null,
      role: input.role,
      unitId,
      active: true,
      locale: defaultLocale,
      passwordHash: await hashPassword(input.password),
      createdAt: now,
      updatedAt: now,
      search: foldForSearch(`${fullName} ${username}`),
    };
    try {
      await this.c.users.insertOne(doc);
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('USERNAME_TAKEN', { '/username': 'USERNAME_TAKEN' });
      throw err;
    }
    return doc;
  }

  async update(id: ObjectId, input: UpdateUser, actorId: ObjectId): Promise<{ before: UserDoc; after: UserDoc }> {
    const before = await this.c.users.findOne({ _id: id });
    if (!before) throw new AppError('NOT_FOUND');
    const isSelf = before._id.equals(actorId);
    if (isSelf && (input.active === false || (input.role !== undefined && input.role !== before.role))) {
      throw new AppError('CANNOT_DEACTIVATE_SELF');
    }
    const set: Partial<UserDoc> = { updatedAt: new Date() };
    if (input.fullName !== undefined) set.fullName = clean(input.fullName);
    if (input.email !== undefined) set.email = input.email?.trim() || null;
    if (input.title !== undefined) set.title = input.title ? clean(input.title) || null : null;
    if (input.role !== undefined) set.role = input.role;
    if (input.unitId !== undefined) set.unitId = await this.units.requireActive(input.unitId, '/unitId');
    if (input.active !== undefined) set.active = input.active;
    set.search = foldForSearch(`${set.fullName ?? before.fullName} ${before.username}`);
    const after = await this.c.users.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' });
    if (!after) throw new AppError('NOT_FOUND');
    return { before, after };
  }

  async setPassword(id: ObjectId, password: string, field: string): Promise<void> {
    requireStrong(password, field);
    const res = await this.c.users.updateOne({ _id: id }, { $set: { passwordHash: await hashPassword(password), updatedAt: new Date() } });
    if (res.matchedCount === 0) throw new AppError('NOT_FOUND');
  }

  async setLocale(id: ObjectId, locale: Locale): Promise<UserDoc> {
    const after = await this.c.users.findOneAndUpdate({ _id: id }, { $set: { locale, updatedAt: new Date() } }, { returnDocument: 'after' });
    if (!after) throw new AppError('NOT_FOUND');
    return after;
  }

  async count(): Promise<number> {
    return this.c.users.countDocuments({});
  }
}
