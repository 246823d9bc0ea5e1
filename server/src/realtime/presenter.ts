import type { FastifyInstance } from 'fastify';
import { ObjectId } from 'mongodb';
import { rooms, type PresenterState } from '@e-cabinet/protocol';
import { collections, type UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';

interface PresentationDoc extends Omit<PresenterState, 'meetingId'> {
  _id: string;
}

const LIVE_STATUSES = ['published', 'live'];

/**
 * Follow-the-presenter. The state is kept in MongoDB (one record per meeting, last writer wins)
 * rather than in memory, so any server process can answer a late joiner.
 */
export class PresenterService {
  constructor(private readonly app: FastifyInstance) {}

  private get coll() {
    return this.app.db.collection<PresentationDoc>('presentations');
  }

  async current(meetingId: string): Promise<PresenterState | null> {
    const doc = await this.coll.findOne({ _id: meetingId });
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { meetingId: _id, ...rest };
  }

  /** Who may present: the chair, the secretary, or the presenter of one of the agenda items. */
  private async mayPresent(meetingId: ObjectId, user: UserDoc, role: string): Promise<boolean> {
    if (role === 'chair' || role === 'secretary') return true;
    const item = await collections(this.app.db).agendaItems.findOne({ meetingId, presenterId: user._id }, { projection: { _id: 1 } });
    return item !== null;
  }

  async update(user: UserDoc, meetingId: string, documentId: string, page: number): Promise<PresenterState> {
    const { meeting, role } = await this.app.meetings.access(new ObjectId(meetingId), user);
    if (!LIVE_STATUSES.includes(meeting.status)) throw new AppError('MEETING_NOT_EDITABLE');
    if (!(await this.mayPresent(meeting._id, user, role))) throw new AppError('FORBIDDEN');
    const { doc } = await this.app.documents.access(new ObjectId(documentId), user);
    if (!doc.meetingId.equals(meeting._id)) throw new AppError('NOT_FOUND');
    const state: PresenterState = { meetingId, presenterId: user._id.toHexString(), presenterName: user.fullName, documentId, page: Math.min(page, 100000), at: Date.now() };
    const { meetingId: _id, ...rest } = state;
    await this.coll.replaceOne({ _id }, rest, { upsert: true });
    this.app.io.to(rooms.meeting(meetingId)).emit('presenter:state', state);
    return state;
  }

  async stop(user: UserDoc, meetingId: string): Promise<void> {
    const { meeting, role } = await this.app.meetings.access(new ObjectId(meetingId), user);
    if (!(await this.mayPresent(meeting._id, user, role))) throw new AppError('FORBIDDEN');
    await this.coll.deleteOne({ _id: meetingId });
    this.app.io.to(rooms.meeting(meetingId)).emit('presenter:state', { meetingId, presenterId: null, presenterName: null, documentId: null, page: 1, at: Date.now() });
  }
}
