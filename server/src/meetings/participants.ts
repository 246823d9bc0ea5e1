import type { ObjectId } from 'mongodb';
import { MEETING_TRANSITIONS, type MeetingRole, type MeetingStatus, type MeetingTransition } from '@e-cabinet/protocol';
import type { MeetingDoc, ParticipantDoc } from '../db/collections.ts';

/** Statuses in which members, invitees and observers can see a meeting at all. */
const DISTRIBUTED: readonly MeetingStatus[] = ['published', 'live', 'ended', 'closed'];

/**
 * The caller's role in a meeting, or null when they have none. A direct entry wins over a
 * unit entry; among unit entries the first listed applies.
 */
export function roleOf(participants: readonly ParticipantDoc[], user: { _id: ObjectId; unitId: ObjectId | null }): MeetingRole | null {
  const direct = participants.find((p) => p.userId?.equals(user._id));
  if (direct) return direct.role;
  if (!user.unitId) return null;
  return participants.find((p) => p.unitId?.equals(user.unitId!))?.role ?? null;
}

/** The role that lets the caller see the meeting now; null means "it does not exist" for them. */
export function visibleRole(meeting: Pick<MeetingDoc, 'participants' | 'status'>, user: { _id: ObjectId; unitId: ObjectId | null }): MeetingRole | null {
  const role = roleOf(meeting.participants, user);
  if (!role) return null;
  if (role === 'chair' || role === 'secretary') return role;
  return DISTRIBUTED.includes(meeting.status) ? role : null;
}

export function allowedTransitions(status: MeetingStatus, role: MeetingRole | null): MeetingTransition[] {
  if (!role) return [];
  return (Object.entries(MEETING_TRANSITIONS) as [MeetingTransition, (typeof MEETING_TRANSITIONS)[MeetingTransition]][])
    .filter(([, t]) => (t.from as readonly MeetingStatus[]).includes(status) && (t.by as readonly MeetingRole[]).includes(role))
    .map(([name]) => name);
}

/** Details, participants and the agenda change only while the meeting is a draft. */
export function canEditDetails(status: MeetingStatus, role: MeetingRole | null): boolean {
  return role === 'secretary' && status === 'draft';
}

/** Documents can be added or replaced until the meeting ends (replacing creates a version). */
export function canEditDocuments(status: MeetingStatus, role: MeetingRole | null): boolean {
  return role === 'secretary' && !['ended', 'closed'].includes(status);
}

/** Roles that manage the meeting and see reports such as read tracking. */
export function isOrganiser(role: MeetingRole | null): boolean {
  return role === 'secretary' || role === 'chair';
}
