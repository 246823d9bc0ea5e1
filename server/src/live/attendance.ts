import { ObjectId } from 'mongodb';
import type { AttendanceDoc, Collections, ProxyDoc } from '../db/collections.ts';
import { AppError, isDuplicateKey } from '../http/app-error.ts';

const attendanceId = (meetingId: ObjectId, userId: ObjectId) => `${meetingId.toHexString()}:${userId.toHexString()}`;
const slot = (meetingId: ObjectId, userId: ObjectId) => `${meetingId.toHexString()}:${userId.toHexString()}`;

export const inRoom = (doc: Pick<AttendanceDoc, 'status' | 'leftAt'> | null | undefined): boolean => doc?.status === 'present' && doc.leftAt === null;

/** What a write did; `changed: false` means it was a repeat and nothing needs telling. */
export interface Written<T> {
  doc: T;
  changed: boolean;
}

/**
 * Attendance records, one per meeting and delegate under a unique `_id`: the first check-in
 * inserts it, a racing or repeated one finds it, so 20 check-ins at once leave one record.
 */
export class AttendanceStore {
  constructor(private readonly c: Collections) {}

  get(meetingId: ObjectId, userId: ObjectId): Promise<AttendanceDoc | null> {
    return this.c.attendance.findOne({ _id: attendanceId(meetingId, userId) });
  }

  /** Keeps the first check-in time (and whether it was late) when someone comes back. */
  async checkIn(meetingId: ObjectId, userId: ObjectId, by: ObjectId, late: boolean): Promise<Written<AttendanceDoc>> {
    const now = new Date();
    const fresh: AttendanceDoc = { _id: attendanceId(meetingId, userId), meetingId, userId, status: 'present', checkedInAt: now, leftAt: null, late, note: '', recordedBy: by, updatedAt: now };
    try {
      await this.c.attendance.insertOne(fresh);
      return { doc: fresh, changed: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const existing = await this.get(meetingId, userId);
    if (!existing) throw new AppError('CONFLICT');
    if (inRoom(existing)) return { doc: existing, changed: false };
    const set = { status: 'present' as const, checkedInAt: existing.checkedInAt ?? now, late: existing.checkedInAt ? existing.late : late, leftAt: null, note: '', recordedBy: by, updatedAt: now };
    await this.c.attendance.updateOne({ _id: existing._id }, { $set: set });
    return { doc: { ...existing, ...set }, changed: true };
  }

  async leave(meetingId: ObjectId, userId: ObjectId, by: ObjectId): Promise<Written<AttendanceDoc>> {
    const existing = await this.get(meetingId, userId);
    if (existing?.status !== 'present') throw new AppError('NOT_CHECKED_IN');
    if (existing.leftAt) return { doc: existing, changed: false };
    const set = { leftAt: new Date(), recordedBy: by, updatedAt: new Date() };
    await this.c.attendance.updateOne({ _id: existing._id }, { $set: set });
    return { doc: { ...existing, ...set }, changed: true };
  }

  /** Absent or excused, with the reason; the check-in and leave times stay as history. */
  async mark(meetingId: ObjectId, userId: ObjectId, by: ObjectId, status: 'absent' | 'excused', note: string): Promise<Written<AttendanceDoc>> {
    const now = new Date();
    const fresh: AttendanceDoc = { _id: attendanceId(meetingId, userId), meetingId, userId, status, checkedInAt: null, leftAt: null, late: false, note, recordedBy: by, updatedAt: now };
    try {
      await this.c.attendance.insertOne(fresh);
      return { doc: fresh, changed: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const existing = await this.get(meetingId, userId);
    if (!existing) throw new AppError('CONFLICT');
    if (existing.status === status && existing.note === note) return { doc: existing, changed: false };
    const set = { status, note, recordedBy: by, updatedAt: now };
    await this.c.attendance.updateOne({ _id: existing._id }, { $set: set });
    return { doc: { ...existing, ...set }, changed: true };
  }
}

/**
 * Proxies. "One given and one held per person" are unique indexes on the two slots, so two
 * racing grants for the same principal or holder cannot both succeed. Chains (A→B→C) involve two
 * different records, which no single index covers: a grant checks for them after inserting and
 * withdraws itself if it finds one. Of two racing grants that would form a chain at least one
 * sees the other, so no chain survives (both may be refused; the delegates simply try again).
 */
export class ProxyStore {
  constructor(private readonly c: Collections) {}

  active(meetingId: ObjectId, userIds?: readonly ObjectId[]): Promise<ProxyDoc[]> {
    const ids = userIds ? [...userIds] : null;
    return this.c.proxies.find({ meetingId, revokedAt: null, ...(ids ? { $or: [{ principalId: { $in: ids } }, { holderId: { $in: ids } }] } : {}) }).toArray();
  }

  givenBy(meetingId: ObjectId, principalId: ObjectId): Promise<ProxyDoc | null> {
    return this.c.proxies.findOne({ principalSlot: slot(meetingId, principalId) });
  }

  private heldBy(meetingId: ObjectId, holderId: ObjectId): Promise<ProxyDoc | null> {
    return this.c.proxies.findOne({ holderSlot: slot(meetingId, holderId) });
  }

  /** A chain through this pair: the holder gave a proxy, or the principal holds one. */
  private async chained(meetingId: ObjectId, principalId: ObjectId, holderId: ObjectId): Promise<boolean> {
    const [holderGave, principalHolds] = await Promise.all([this.givenBy(meetingId, holderId), this.heldBy(meetingId, principalId)]);
    return holderGave !== null || principalHolds !== null;
  }

  /**
   * Grants a proxy. `stillAbsent` re-checks the principal after the insert: their check-in
   * revokes proxies after it is stored, so one of the two always sees the other.
   */
  async grant(
    meetingId: ObjectId,
    principal: { userId: ObjectId; name: string },
    holder: { userId: ObjectId; name: string },
    by: ObjectId,
    stillAbsent: () => Promise<boolean>,
  ): Promise<ProxyDoc> {
    if (await this.chained(meetingId, principal.userId, holder.userId)) throw new AppError('PROXY_CHAIN');
    const doc: ProxyDoc = {
      _id: new ObjectId(),
      meetingId,
      principalId: principal.userId,
      holderId: holder.userId,
      principalName: principal.name,
      holderName: holder.name,
      principalSlot: slot(meetingId, principal.userId),
      holderSlot: slot(meetingId, holder.userId),
      grantedAt: new Date(),
      grantedBy: by,
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
    };
    try {
      await this.c.proxies.insertOne(doc);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      throw new AppError((await this.givenBy(meetingId, principal.userId)) ? 'PROXY_ALREADY_GIVEN' : 'PROXY_HOLDER_TAKEN');
    }
    const refusal = (await this.chained(meetingId, principal.userId, holder.userId)) ? 'PROXY_CHAIN' : (await stillAbsent()) ? null : 'PROXY_PRINCIPAL_PRESENT';
    if (refusal) {
      // Never in effect: nothing was published or counted, so the record goes entirely.
      await this.c.proxies.deleteOne({ _id: doc._id });
      throw new AppError(refusal);
    }
    return doc;
  }

  /** Revokes the principal's active proxy, if any; returns it, or null when there was none. */
  async revoke(meetingId: ObjectId, principalId: ObjectId, by: ObjectId, reason: 'revoked' | 'present'): Promise<ProxyDoc | null> {
    const doc = await this.givenBy(meetingId, principalId);
    if (!doc) return null;
    const freed = `revoked:${doc._id.toHexString()}`;
    const set = { revokedAt: new Date(), revokedBy: by, revokeReason: reason, principalSlot: freed, holderSlot: freed };
    await this.c.proxies.updateOne({ _id: doc._id, revokedAt: null }, { $set: set });
    return { ...doc, ...set };
  }
}
