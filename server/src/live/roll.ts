import type { ObjectId } from 'mongodb';
import type { MeetingRole } from '@e-cabinet/protocol';
import type { Collections, MeetingDoc, UserDoc } from '../db/collections.ts';
import { roleOf } from '../meetings/participants.ts';

/** One person expected at the meeting. */
export interface RollEntry {
  userId: ObjectId;
  name: string;
  role: MeetingRole;
  votes: boolean;
}

const ROLE_ORDER: Record<MeetingRole, number> = { chair: 0, member: 1, invitee: 2, secretary: 3, observer: 4 };

export const isVoting = (role: MeetingRole | null): boolean => role === 'chair' || role === 'member';

/** One user's roll entry, from what is already loaded; null when they are not on the roll. */
export function rollEntry(meeting: Pick<MeetingDoc, 'participants'>, user: Pick<UserDoc, '_id' | 'unitId' | 'fullName' | 'active'>): RollEntry | null {
  const role = roleOf(meeting.participants, { _id: user._id, unitId: user.unitId ?? null });
  const replaced = meeting.participants.some((p) => p.substituteFor?.equals(user._id));
  if (!user.active || !role || role === 'observer' || replaced) return null;
  return { userId: user._id, name: user.fullName, role, votes: isVoting(role) };
}

/**
 * The roll: every active participant (listed directly or through a unit) except observers, who
 * only read, and except someone whose substitute attends in their place. `only` narrows it to
 * some users without reading everyone.
 */
export async function rollOf(c: Collections, meeting: Pick<MeetingDoc, 'participants'>, only?: readonly ObjectId[]): Promise<RollEntry[]> {
  const userIds = meeting.participants.flatMap((p) => (p.userId ? [p.userId] : []));
  const unitIds = meeting.participants.flatMap((p) => (p.unitId ? [p.unitId] : []));
  const filter: Record<string, unknown> = { active: true, $or: [{ _id: { $in: userIds } }, ...(unitIds.length ? [{ unitId: { $in: unitIds } }] : [])] };
  if (only) filter._id = { $in: [...only] };
  const users = await c.users.find(filter, { projection: { fullName: 1, unitId: 1, active: 1 } }).toArray();
  const out = users.flatMap((user) => rollEntry(meeting, user) ?? []);
  return out.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'vi'));
}
