import { ObjectId } from 'mongodb';
import type { AgendaItem, CreateAgendaItem, UpdateAgendaItem } from '@e-cabinet/protocol';
import type { AgendaItemDoc, Collections, MeetingDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { clean } from '../http/text.ts';
import { roleOf } from './participants.ts';

export class AgendaService {
  constructor(private readonly c: Collections) {}

  async list(meetingId: ObjectId): Promise<AgendaItem[]> {
    const docs = await this.c.agendaItems.find({ meetingId }, { sort: { order: 1, _id: 1 } }).toArray();
    const presenterIds = docs.flatMap((d) => (d.presenterId ? [d.presenterId] : []));
    const names = new Map((await this.c.users.find({ _id: { $in: presenterIds } }, { projection: { fullName: 1 } }).toArray()).map((u) => [u._id.toHexString(), u.fullName]));
    return docs.map((d) => ({
      id: d._id.toHexString(),
      meetingId: d.meetingId.toHexString(),
      order: d.order,
      title: d.title,
      description: d.description,
      presenterId: d.presenterId?.toHexString() ?? null,
      presenterName: d.presenterId ? (names.get(d.presenterId.toHexString()) ?? null) : null,
      durationMinutes: d.durationMinutes,
    }));
  }

  async item(meetingId: ObjectId, itemId: ObjectId): Promise<AgendaItemDoc> {
    const item = await this.c.agendaItems.findOne({ _id: itemId, meetingId });
    if (!item) throw new AppError('NOT_FOUND');
    return item;
  }

  /** A presenter must take part in the meeting. */
  private async presenter(meeting: MeetingDoc, id: string | null | undefined): Promise<ObjectId | null> {
    if (!id) return null;
    const user = await this.c.users.findOne({ _id: new ObjectId(id), active: true });
    if (!user || !roleOf(meeting.participants, user)) throw new AppError('PARTICIPANT_NOT_FOUND', { '/presenterId': 'PARTICIPANT_NOT_FOUND' });
    return user._id;
  }

  async create(meeting: MeetingDoc, input: CreateAgendaItem): Promise<AgendaItemDoc> {
    const last = await this.c.agendaItems.find({ meetingId: meeting._id }, { sort: { order: -1 }, limit: 1, projection: { order: 1 } }).next();
    const now = new Date();
    const doc: AgendaItemDoc = {
      _id: new ObjectId(),
      meetingId: meeting._id,
      order: (last?.order ?? 0) + 1,
      title: clean(input.title),
      description: clean(input.description ?? ''),
      presenterId: await this.presenter(meeting, input.presenterId),
      durationMinutes: input.durationMinutes,
      createdAt: now,
      updatedAt: now,
    };
    await this.c.agendaItems.insertOne(doc);
    return doc;
  }

  async update(meeting: MeetingDoc, itemId: ObjectId, input: UpdateAgendaItem): Promise<void> {
    const set: Partial<AgendaItemDoc> = { updatedAt: new Date() };
    if (input.title !== undefined) set.title = clean(input.title);
    if (input.description !== undefined) set.description = clean(input.description);
    if (input.durationMinutes !== undefined) set.durationMinutes = input.durationMinutes;
    if (input.presenterId !== undefined) set.presenterId = await this.presenter(meeting, input.presenterId);
    const res = await this.c.agendaItems.updateOne({ _id: itemId, meetingId: meeting._id }, { $set: set });
    if (res.matchedCount === 0) throw new AppError('NOT_FOUND');
  }

  async remove(meeting: MeetingDoc, itemId: ObjectId): Promise<void> {
    if (await this.c.documents.findOne({ itemId, meetingId: meeting._id }, { projection: { _id: 1 } })) {
      throw new AppError('AGENDA_ITEM_HAS_DOCUMENTS');
    }
    const res = await this.c.agendaItems.deleteOne({ _id: itemId, meetingId: meeting._id });
    if (res.deletedCount === 0) throw new AppError('NOT_FOUND');
  }

  /**
   * Applies a complete new order. It must list exactly the meeting's items, so a reorder made
   * on a stale page is refused instead of scrambling items added meanwhile.
   */
  async reorder(meeting: MeetingDoc, itemIds: string[]): Promise<void> {
    const current = await this.c.agendaItems.find({ meetingId: meeting._id }, { projection: { _id: 1 } }).toArray();
    const have = new Set(current.map((d) => d._id.toHexString()));
    if (itemIds.length !== have.size || new Set(itemIds).size !== itemIds.length || itemIds.some((id) => !have.has(id))) {
      throw new AppError('AGENDA_ORDER_MISMATCH');
    }
    await this.c.agendaItems.bulkWrite(itemIds.map((id, i) => ({ updateOne: { filter: { _id: new ObjectId(id), meetingId: meeting._id }, update: { $set: { order: i + 1 } } } })), { ordered: false });
  }
}
