import { Role, type Meeting, type MeetingRole } from '@e-cabinet/protocol';

/** Only the secretariat (and administrators) create meetings; the server checks it again. */
export function canCreateMeetings(role: Role): boolean {
  return role === Role.secretary || role === Role.admin;
}

/** Roles that manage a meeting and see its reports (invitation answers, reading). */
export function isOrganiser(role: MeetingRole): boolean {
  return role === 'secretary' || role === 'chair';
}

/** Documents can be added, replaced and configured by the meeting's secretary until it ends. */
export function canManageDocuments(meeting: Pick<Meeting, 'myRole' | 'status'>): boolean {
  return meeting.myRole === 'secretary' && meeting.status !== 'ended' && meeting.status !== 'closed';
}

/** Participants answer the invitation once it is published, and until the meeting ends. */
export function canAnswerInvitation(meeting: Pick<Meeting, 'status'>): boolean {
  return meeting.status === 'published' || meeting.status === 'live';
}
