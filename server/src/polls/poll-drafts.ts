import type { FastifyInstance } from 'fastify';
import { ObjectId } from 'mongodb';
import type { CreatePoll, MeetingStatus, Poll, UpdatePoll } from '@e-cabinet/protocol';
import type { Collections, MeetingDoc, PollDoc, UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { clean } from '../http/text.ts';
import { isOrganiser } from '../meetings/participants.ts';
import type { MeetingAccess } from '../meetings/meetings-service.ts';
import type { KeyedLock } from './keyed-lock.ts';
import { parseDefinition, toPoll } from './poll-view.ts';

/** Polls are prepared until the meeting ends. */
const PREPARABLE: readonly MeetingStatus[] = ['draft', 'submitted', 'approved', 'published', 'live'];
const NO_TURNOUT = { voted: 0, eligible: 0 };

/** A poll of this meeting the caller may see: drafts only for the organisers (NOT_FOUND otherwise). */
export async function visiblePoll(app: FastifyInstance, c: Collections, meetingId: ObjectId, pollId: ObjectId, user: UserDoc): Promise<MeetingAccess & { doc: PollDoc }> {
  const access = await app.meetings.access(meetingId, user);
  const doc = await c.polls.findOne({ _id: pollId, meetingId });
  if (!doc || (doc.status === 'draft' && !isOrganiser(access.role))) throw new AppError('NOT_FOUND');
  return { ...access, doc };
}

/** Audits a stored change to a poll and publishes it as a live event; resolves with its seq. */
export async function recordChange(app: FastifyInstance, actor: UserDoc | null, action: string, doc: PollDoc, data: Record<string, unknown>): Promise<number | null> {
  const [, seq] = await Promise.all([
    app.audit.append({ actorId: actor?._id.toHexString() ?? null, action, target: doc._id.toHexString(), data: { meetingId: doc.meetingId.toHexString(), ...data } }),
    app.live.publish(doc.meetingId, { polls: true }),
  ]);
  return seq;
}

/**
 * Drafts: prepared, edited and deleted by the chair or secretary until the meeting ends. Edits
 * and deletes of one poll go one at a time with its opening (the lock is shared), so a draft is
 * never changed while it opens.
 */
export class PollDrafts {
  constructor(
    private readonly app: FastifyInstance,
    private readonly c: Collections,
    private readonly locks: KeyedLock,
  ) {}

  async create(meetingId: ObjectId, user: UserDoc, input: CreatePoll): Promise<Poll> {
    const { meeting } = await this.preparing(meetingId, user);
    const itemId = await this.agendaItem(meeting, input.itemId);
    const now = new Date();
    const doc: PollDoc = {
      _id: new ObjectId(),
      meetingId: meeting._id,
      itemId,
      question: clean(input.question),
      definition: parseDefinition(input.definition),
      hideTallyUntilClose: input.hideTallyUntilClose ?? false,
      durationSec: input.durationSec ?? null,
      status: 'draft',
      createdBy: user._id,
      createdAt: now,
      updatedAt: now,
      openedAt: null,
      openedBy: null,
      closesAt: null,
      quorumAtOpen: null,
      closedAt: null,
      closedBy: null,
      result: null,
      turnout: null,
    };
    await this.c.polls.insertOne(doc);
    await recordChange(this.app, user, 'poll.created', doc, { itemId: input.itemId, question: doc.question, definition: doc.definition, hideTallyUntilClose: doc.hideTallyUntilClose, durationSec: doc.durationSec });
    return toPoll(doc, NO_TURNOUT);
  }

  async update(meetingId: ObjectId, pollId: ObjectId, user: UserDoc, input: UpdatePoll): Promise<Poll> {
    return this.locks.run(pollId.toHexString(), async () => {
      const { meeting, doc } = await this.draft(meetingId, pollId, user);
      const set: Partial<PollDoc> = { updatedAt: new Date() };
      if (input.itemId !== undefined) set.itemId = await this.agendaItem(meeting, input.itemId);
      if (input.question !== undefined) set.question = clean(input.question);
      if (input.definition !== undefined) set.definition = parseDefinition(input.definition);
      if (input.hideTallyUntilClose !== undefined) set.hideTallyUntilClose = input.hideTallyUntilClose;
      if (input.durationSec !== undefined) set.durationSec = input.durationSec;
      if ((await this.c.polls.updateOne({ _id: doc._id, status: 'draft' }, { $set: set })).matchedCount !== 1) throw new AppError('POLL_NOT_DRAFT');
      const updated = { ...doc, ...set };
      await recordChange(this.app, user, 'poll.updated', updated, { fields: Object.keys(input) });
      return toPoll(updated, NO_TURNOUT);
    });
  }

  async remove(meetingId: ObjectId, pollId: ObjectId, user: UserDoc): Promise<void> {
    await this.locks.run(pollId.toHexString(), async () => {
      const { doc } = await this.draft(meetingId, pollId, user);
      if ((await this.c.polls.deleteOne({ _id: doc._id, status: 'draft' })).deletedCount !== 1) throw new AppError('POLL_NOT_DRAFT');
      await recordChange(this.app, user, 'poll.deleted', doc, { question: doc.question });
    });
  }

  /** The chair or secretary, before the meeting ends. */
  private async preparing(meetingId: ObjectId, user: UserDoc): Promise<MeetingAccess> {
    const access = await this.app.meetings.access(meetingId, user);
    if (!isOrganiser(access.role)) throw new AppError('FORBIDDEN');
    if (!PREPARABLE.includes(access.meeting.status)) throw new AppError('MEETING_NOT_EDITABLE');
    return access;
  }

  private async draft(meetingId: ObjectId, pollId: ObjectId, user: UserDoc): Promise<MeetingAccess & { doc: PollDoc }> {
    const found = await visiblePoll(this.app, this.c, meetingId, pollId, user);
    if (!isOrganiser(found.role)) throw new AppError('FORBIDDEN');
    if (found.doc.status !== 'draft') throw new AppError('POLL_NOT_DRAFT');
    if (!PREPARABLE.includes(found.meeting.status)) throw new AppError('MEETING_NOT_EDITABLE');
    return found;
  }

  private async agendaItem(meeting: MeetingDoc, itemId: string): Promise<ObjectId> {
    const id = new ObjectId(itemId);
    if (!(await this.c.agendaItems.findOne({ _id: id, meetingId: meeting._id }, { projection: { _id: 1 } }))) throw new AppError('VALIDATION', { '/itemId': 'NOT_FOUND' });
    return id;
  }
}
