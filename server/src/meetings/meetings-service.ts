import { ObjectId } from 'mongodb';
import {
  MEETING_TRANSITIONS,
  type CreateMeeting,
  type Meeting,
  type MeetingRole,
  type MeetingSummary,
  type MeetingTransition,
  type Participant,
  type ParticipantInput,
  type Rsvp,
  type RsvpEntry,
  type UpdateMeeting,
} from '@e-cabinet/protocol';
import type { Collections, MeetingDoc, ParticipantDoc, RsvpDoc, UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { clean } from '../http/text.ts';
import { allowedTransitions, canEditDetails, roleOf, visibleRole } from './participants.ts';
import { MeetingStore } from './meeting-store.ts';

/** A meeting the caller can see, with their role in it. */
export interface MeetingAccess {
  meeting: MeetingDoc;
  role: MeetingRole;
}

export function toSummary(doc: MeetingDoc, role: MeetingRole): MeetingSummary {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    kind: doc.kind,
    status: doc.status,
    startsAt: doc.startsAt.toISOString(),
    endsAt: doc.endsAt.toISOString(),
    place: doc.place,
    myRole: role,
  };
}

function toRsvp(doc: RsvpDoc): RsvpEntry {
  return { userId: doc.userId.toHexString(), response: doc.response, substituteUserId: doc.substituteUserId?.toHexString() ?? null, note: doc.note, at: doc.at.toISOString() };
}

export class MeetingsService {
  readonly store: MeetingStore;

  constructor(private readonly c: Collections) {
    this.store = new MeetingStore(c);
  }

  /**
   * The meeting if the user may see it; otherwise NOT_FOUND, exactly as if it did not exist,
   * so a non-participant cannot learn that it does.
   */
  async access(id: ObjectId, user: UserDoc): Promise<MeetingAccess> {
    const meeting = await this.store.load(id);
    const role = meeting ? visibleRole(meeting, user) : null;
    if (!meeting || !role) throw new AppError('NOT_FOUND');
    return { meeting, role };
  }

  async list(user: UserDoc, scope: 'upcoming' | 'past' | 'all'): Promise<MeetingSummary[]> {
    const or: Record<string, unknown>[] = [{ 'participants.userId': user._id }];
    if (user.unitId) or.push({ 'participants.unitId': user.unitId });
    const filter: Record<string, unknown> = { $or: or };
    const now = new Date();
    if (scope === 'upcoming') filter.endsAt = { $gte: now };
    if (scope === 'past') filter.endsAt = { $lt: now };
    const docs = await this.c.meetings.find(filter, { sort: { startsAt: scope === 'past' ? -1 : 1 }, limit: 500 }).toArray();
    const out: MeetingSummary[] = [];
    for (const doc of docs) {
      const role = visibleRole(doc, user);
      if (role) out.push(toSummary(doc, role));
    }
    return out;
  }

  async create(input: CreateMeeting, creator: UserDoc): Promise<MeetingDoc> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    checkTimes(startsAt, endsAt);
    const participants = await this.resolveParticipants(input.participants ?? []);
    // The creator runs the meeting's preparation, whatever else the list says.
    const withCreator = [{ userId: creator._id, unitId: null, role: 'secretary' as const }, ...participants.filter((p) => !p.userId?.equals(creator._id))];
    const now = new Date();
    const doc: MeetingDoc = {
      _id: new ObjectId(),
      title: clean(input.title),
      kind: input.kind,
      status: 'draft',
      startsAt,
      endsAt,
      place: clean(input.place ?? ''),
      onlineLink: input.onlineLink ?? null,
      participants: withCreator,
      returnComment: null,
      createdBy: creator._id,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
      seq: 0,
    };
    await this.store.insert(doc);
    return doc;
  }

  async update(access: MeetingAccess, input: UpdateMeeting, actor: UserDoc): Promise<MeetingDoc> {
    const { meeting, role } = access;
    if (!canEditDetails(meeting.status, role)) throw new AppError(role === 'secretary' ? 'MEETING_NOT_EDITABLE' : 'FORBIDDEN');
    const set: Partial<Omit<MeetingDoc, '_id' | 'seq'>> = { updatedAt: new Date() };
    if (input.title !== undefined) set.title = clean(input.title);
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.place !== undefined) set.place = clean(input.place);
    if (input.onlineLink !== undefined) set.onlineLink = input.onlineLink;
    if (input.startsAt !== undefined) set.startsAt = new Date(input.startsAt);
    if (input.endsAt !== undefined) set.endsAt = new Date(input.endsAt);
    checkTimes(set.startsAt ?? meeting.startsAt, set.endsAt ?? meeting.endsAt);
    if (input.participants !== undefined) {
      const list = await this.resolveParticipants(input.participants);
      // The secretary editing cannot remove themself and lose the meeting.
      set.participants = list.some((p) => p.userId?.equals(actor._id) && p.role === 'secretary') ? list : [{ userId: actor._id, unitId: null, role: 'secretary' }, ...list.filter((p) => !p.userId?.equals(actor._id))];
    }
    // Committed on the version read: an edit racing a submit loses and changes nothing.
    const after = await this.store.commit(meeting, set);
    if (!after) throw new AppError('CONFLICT');
    return after;
  }

  /**
   * Moves the meeting along its lifecycle. The filter carries the expected status, so two
   * racing transitions cannot both succeed, and a refused one changes nothing.
   */
  async transition(access: MeetingAccess, name: MeetingTransition, comment: string | undefined): Promise<MeetingDoc> {
    const { meeting, role } = access;
    const t = MEETING_TRANSITIONS[name];
    if (!allowedTransitions(meeting.status, role).includes(name)) throw new AppError('MEETING_BAD_TRANSITION');
    if (name === 'submit') await this.checkReadyToSubmit(meeting);
    if (name === 'return' && !comment?.trim()) throw new AppError('VALIDATION', { '/comment': 'VALIDATION' });
    const now = new Date();
    const set: Partial<Omit<MeetingDoc, '_id' | 'seq'>> = { status: t.to, updatedAt: now };
    if (name === 'return') set.returnComment = clean(comment ?? '');
    if (name === 'submit' || name === 'approve') set.returnComment = null;
    if (name === 'publish') set.publishedAt = now;
    // Of two racing transitions exactly one commits; the other is refused and changes nothing.
    const after = await this.store.commit(meeting, set);
    if (!after) throw new AppError('MEETING_BAD_TRANSITION');
    return after;
  }

  private async checkReadyToSubmit(meeting: MeetingDoc) {
    if (!meeting.participants.some((p) => p.role === 'chair')) throw new AppError('MEETING_NO_CHAIR');
    if ((await this.c.agendaItems.countDocuments({ meetingId: meeting._id }, { limit: 1 })) === 0) throw new AppError('MEETING_EMPTY_AGENDA');
  }

  /** Checks that every listed user and unit exists and is active; drops duplicates. */
  async resolveParticipants(input: ParticipantInput[]): Promise<ParticipantDoc[]> {
    const seen = new Set<string>();
    const out: ParticipantDoc[] = [];
    const userIds = input.flatMap((p) => ('userId' in p ? [new ObjectId(p.userId)] : []));
    const unitIds = input.flatMap((p) => ('unitId' in p ? [new ObjectId(p.unitId)] : []));
    const users = new Set((await this.c.users.find({ _id: { $in: userIds }, active: true }, { projection: { _id: 1 } }).toArray()).map((u) => u._id.toHexString()));
    const units = new Set((await this.c.units.find({ _id: { $in: unitIds }, active: true }, { projection: { _id: 1 } }).toArray()).map((u) => u._id.toHexString()));
    input.forEach((p, i) => {
      const isUser = 'userId' in p;
      const id = isUser ? p.userId : p.unitId;
      if (!(isUser ? users : units).has(id)) throw new AppError('PARTICIPANT_NOT_FOUND', { [`/participants/${i}`]: 'PARTICIPANT_NOT_FOUND' });
      const key = `${isUser ? 'u' : 'g'}:${id}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ userId: isUser ? new ObjectId(id) : null, unitId: isUser ? null : new ObjectId(id), role: p.role });
    });
    return out;
  }

  /** Every active user who takes part: listed directly or through a listed unit. */
  async participantUsers(meeting: MeetingDoc): Promise<{ user: UserDoc; role: MeetingRole }[]> {
    const userIds = meeting.participants.flatMap((p) => (p.userId ? [p.userId] : []));
    const unitIds = meeting.participants.flatMap((p) => (p.unitId ? [p.unitId] : []));
    const users = await this.c.users.find({ active: true, $or: [{ _id: { $in: userIds } }, ...(unitIds.length ? [{ unitId: { $in: unitIds } }] : [])] }).toArray();
    return users.flatMap((user) => {
      const role = roleOf(meeting.participants, user);
      return role ? [{ user, role }] : [];
    });
  }

  async toMeeting(doc: MeetingDoc, role: MeetingRole, viewer: UserDoc): Promise<Meeting> {
    const userIds = doc.participants.flatMap((p) => (p.userId ? [p.userId] : []));
    const unitIds = doc.participants.flatMap((p) => (p.unitId ? [p.unitId] : []));
    const [users, units, rsvp] = await Promise.all([
      this.c.users.find({ _id: { $in: userIds } }, { projection: { fullName: 1 } }).toArray(),
      this.c.units.find({ _id: { $in: unitIds } }, { projection: { name: 1 } }).toArray(),
      this.c.rsvps.findOne({ _id: `${doc._id.toHexString()}:${viewer._id.toHexString()}` }),
    ]);
    const names = new Map<string, string>([...users.map((u) => [u._id.toHexString(), u.fullName] as const), ...units.map((u) => [u._id.toHexString(), u.name] as const)]);
    const participants: Participant[] = doc.participants.map((p) => {
      const id = (p.userId ?? p.unitId)!.toHexString();
      return { userId: p.userId?.toHexString() ?? null, unitId: p.unitId?.toHexString() ?? null, role: p.role, name: names.get(id) ?? '—', substituteFor: p.substituteFor?.toHexString() ?? null };
    });
    return {
      ...toSummary(doc, role),
      onlineLink: doc.onlineLink,
      participants,
      returnComment: doc.returnComment,
      createdBy: doc.createdBy.toHexString(),
      createdAt: doc.createdAt.toISOString(),
      updatedAt: doc.updatedAt.toISOString(),
      publishedAt: doc.publishedAt?.toISOString() ?? null,
      myRsvp: rsvp ? toRsvp(rsvp) : null,
      allowedTransitions: allowedTransitions(doc.status, role),
      canEdit: canEditDetails(doc.status, role),
    };
  }

  /**
   * Records a participant's answer to the invitation. A substitute becomes a participant with
   * the same role, so they can read the documents and attend.
   */
  async rsvp(access: MeetingAccess, user: UserDoc, input: Rsvp): Promise<{ entry: RsvpEntry; meeting: MeetingDoc }> {
    const { meeting } = access;
    if (!['published', 'live'].includes(meeting.status)) throw new AppError('MEETING_NOT_EDITABLE');
    let substituteUserId: ObjectId | null = null;
    let updated = meeting;
    if (input.response === 'substitute') {
      if (!input.substituteUserId) throw new AppError('VALIDATION', { '/substituteUserId': 'VALIDATION' });
      substituteUserId = new ObjectId(input.substituteUserId);
      const sub = await this.c.users.findOne({ _id: substituteUserId, active: true });
      if (!sub || sub._id.equals(user._id)) throw new AppError('PARTICIPANT_NOT_FOUND', { '/substituteUserId': 'PARTICIPANT_NOT_FOUND' });
      const entry: ParticipantDoc = { userId: sub._id, unitId: null, role: access.role, substituteFor: user._id };
      updated =
        (await this.store.update(meeting._id, (m) => {
          if (m.participants.some((p) => p.userId?.equals(sub._id))) return { updatedAt: m.updatedAt };
          return { participants: [...m.participants, entry], updatedAt: new Date() };
        })) ?? meeting;
    }
    const doc: RsvpDoc = { _id: `${meeting._id.toHexString()}:${user._id.toHexString()}`, meetingId: meeting._id, userId: user._id, response: input.response, substituteUserId, note: clean(input.note ?? ''), at: new Date() };
    await this.c.rsvps.replaceOne({ _id: doc._id }, doc, { upsert: true });
    return { entry: toRsvp(doc), meeting: updated };
  }

  async rsvps(meetingId: ObjectId): Promise<RsvpEntry[]> {
    return (await this.c.rsvps.find({ meetingId }).toArray()).map(toRsvp);
  }

  /** Bumps the meeting's broadcast sequence after a change to its agenda or documents. */
  async bump(meetingId: ObjectId): Promise<MeetingDoc> {
    const after = await this.store.update(meetingId, () => ({ updatedAt: new Date() }));
    if (!after) throw new AppError('NOT_FOUND');
    return after;
  }
}

function checkTimes(startsAt: Date, endsAt: Date) {
  if (!(endsAt.getTime() > startsAt.getTime())) throw new AppError('MEETING_TIME_ORDER', { '/endsAt': 'MEETING_TIME_ORDER' });
}
