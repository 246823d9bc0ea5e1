import { ObjectId, type AnyBulkWriteOperation } from 'mongodb';
import type { Collections, SpeakerRequestDoc } from '../db/collections.ts';
import { AppError, isDuplicateKey } from '../http/app-error.ts';
import type { Written } from './attendance.ts';

const queuedSlot = (meetingId: ObjectId, itemId: ObjectId, userId: ObjectId) => `${meetingId.toHexString()}:${itemId.toHexString()}:${userId.toHexString()}`;

/**
 * Requests to speak. While a request is queued its `slot` (meeting, item, person) is unique, so
 * asking twice, or from two tablets at once, keeps one request; leaving the queue frees it.
 */
export class SpeakerStore {
  constructor(private readonly c: Collections) {}

  /** The item's queue in call order: the chair's order, then newer requests by time. */
  queue(meetingId: ObjectId, itemId: ObjectId): Promise<SpeakerRequestDoc[]> {
    return this.c.speakers.find({ meetingId, itemId, state: 'queued' }, { sort: { order: 1, _id: 1 } }).toArray();
  }

  get(meetingId: ObjectId, id: ObjectId): Promise<SpeakerRequestDoc | null> {
    return this.c.speakers.findOne({ _id: id, meetingId });
  }

  async request(meetingId: ObjectId, itemId: ObjectId, user: { userId: ObjectId; name: string }): Promise<Written<SpeakerRequestDoc>> {
    const now = new Date();
    const doc: SpeakerRequestDoc = {
      _id: new ObjectId(),
      meetingId,
      itemId,
      userId: user.userId,
      name: user.name,
      requestedAt: now,
      order: now.getTime(),
      state: 'queued',
      slot: queuedSlot(meetingId, itemId, user.userId),
      updatedAt: now,
    };
    try {
      await this.c.speakers.insertOne(doc);
      return { doc, changed: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const existing = await this.c.speakers.findOne({ slot: doc.slot });
    if (!existing) throw new AppError('CONFLICT');
    return { doc: existing, changed: false };
  }

  /** Takes a request out of the queue; false when it had already left it. */
  async close(doc: SpeakerRequestDoc, state: 'withdrawn' | 'spoken'): Promise<boolean> {
    if (doc.state !== 'queued') return false;
    await this.c.speakers.updateOne({ _id: doc._id, state: 'queued' }, { $set: { state, slot: `${state}:${doc._id.toHexString()}`, updatedAt: new Date() } });
    return true;
  }

  /** The person's queued request on the item, if any. */
  queuedFor(meetingId: ObjectId, itemId: ObjectId, userId: ObjectId): Promise<SpeakerRequestDoc | null> {
    return this.c.speakers.findOne({ slot: queuedSlot(meetingId, itemId, userId) });
  }

  /** `ids` must name the queue exactly; a request added or withdrawn meanwhile refuses the order. */
  async reorder(meetingId: ObjectId, itemId: ObjectId, ids: readonly string[]): Promise<void> {
    const queue = await this.queue(meetingId, itemId);
    const current = new Set(queue.map((r) => r._id.toHexString()));
    if (ids.length !== current.size || new Set(ids).size !== ids.length || !ids.every((id) => current.has(id))) throw new AppError('SPEAKERS_QUEUE_CHANGED');
    if (!ids.length) return;
    const now = new Date();
    const ops: AnyBulkWriteOperation<SpeakerRequestDoc>[] = ids.map((id, order) => ({ updateOne: { filter: { _id: new ObjectId(id), state: 'queued' }, update: { $set: { order, updatedAt: now } } } }));
    await this.c.speakers.bulkWrite(ops, { ordered: false });
  }
}
