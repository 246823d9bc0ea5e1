import { ObjectId } from 'mongodb';
import type { CreateUnit, Unit, UpdateUnit } from '@e-cabinet/protocol';
import type { Collections, UnitDoc } from '../db/collections.ts';
import { AppError, isDuplicateKey } from '../http/app-error.ts';
import { clean } from '../http/text.ts';

export function toUnit(doc: UnitDoc): Unit {
  return {
    id: doc._id.toHexString(),
    code: doc.code,
    name: doc.name,
    kind: doc.kind,
    parentId: doc.parentId?.toHexString() ?? null,
    active: doc.active,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export class UnitsService {
  constructor(private readonly c: Collections) {}

  async list(): Promise<Unit[]> {
    const docs = await this.c.units.find({}, { sort: { code: 1 } }).toArray();
    return docs.map(toUnit);
  }

  async get(id: ObjectId): Promise<UnitDoc | null> {
    return this.c.units.findOne({ _id: id });
  }

  /** An active unit for a user or a child unit to belong to. */
  async requireActive(id: string | null | undefined, field: string): Promise<ObjectId | null> {
    if (id === null || id === undefined) return null;
    const unit = await this.c.units.findOne({ _id: new ObjectId(id), active: true });
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { [field]: 'UNIT_NOT_FOUND' });
    return unit._id;
  }

  async create(input: CreateUnit): Promise<UnitDoc> {
    const parentId = await this.requireActive(input.parentId, '/parentId');
    const now = new Date();
    const doc: UnitDoc = { _id: new ObjectId(), code: input.code.trim(), name: clean(input.name), kind: input.kind, parentId, active: true, createdAt: now, updatedAt: now };
    try {
      await this.c.units.insertOne(doc);
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('UNIT_CODE_TAKEN', { '/code': 'UNIT_CODE_TAKEN' });
      throw err;
    }
    return doc;
  }

  async update(id: ObjectId, input: UpdateUnit): Promise<{ before: UnitDoc; after: UnitDoc }> {
    const before = await this.c.units.findOne({ _id: id });
    if (!before) throw new AppError('NOT_FOUND');
    const set: Partial<UnitDoc> = { updatedAt: new Date() };
    if (input.code !== undefined) set.code = input.code.trim();
    if (input.name !== undefined) set.name = clean(input.name);
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.parentId !== undefined) {
      set.parentId = await this.requireActive(input.parentId, '/parentId');
      if (set.parentId && (await this.isSelfOrDescendant(set.parentId, id))) {
        throw new AppError('VALIDATION', { '/parentId': 'UNIT_CYCLE' });
      }
    }
    if (input.active === false && before.active) {
      const child = await this.c.units.findOne({ parentId: id, active: true });
      if (child) throw new AppError('UNIT_HAS_CHILDREN');
    }
    if (input.active !== undefined) set.active = input.active;
    let after: UnitDoc | null;
    try {
      after = await this.c.units.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' });
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('UNIT_CODE_TAKEN', { '/code': 'UNIT_CODE_TAKEN' });
      throw err;
    }
    if (!after) throw new AppError('NOT_FOUND');
    return { before, after };
  }

  /** Walks up from `candidate`; true when it reaches `unitId` (the move would make a cycle). */
  private async isSelfOrDescendant(candidate: ObjectId, unitId: ObjectId): Promise<boolean> {
    let current: ObjectId | null = candidate;
    for (let depth = 0; current && depth < 50; depth++) {
      if (current.equals(unitId)) return true;
      const parent: UnitDoc | null = await this.c.units.findOne({ _id: current }, { projection: { parentId: 1 } });
      current = parent?.parentId ?? null;
    }
    return false;
  }
}
