import type { ObjectId } from 'mongodb';
import type { AttendanceDoc, Collections, MeetingDoc, ProxyDoc } from '../db/collections.ts';
import { inRoom } from './attendance.ts';
import { rollOf, type RollEntry } from './roll.ts';

/** Who is in the room and who holds whose proxy, as stored. */
export interface Presence {
  /** Attendance records by user id. */
  attendance: Map<string, AttendanceDoc>;
  /** Present now (checked in, not left), by user id. */
  inRoom: Set<string>;
  /** Active proxies. */
  proxies: ProxyDoc[];
}

/** Meetings whose roll and presence are kept at most; the least recently loaded goes first. */
const MAX_MEETINGS = 64;

type Listener = (meetingId: string | null) => void;

/**
 * A meeting's roll and presence, in memory, so that joining the room (`live:sync`), an event and
 * the ballot rights build them once instead of reading the users (a `$in` of every participant)
 * and the attendance again each time.
 *
 * - The roll depends on the meeting's participants and on the users' records. It is kept per
 *   meeting with the meeting's `seq` it was built from: every change of the participants bumps
 *   that seq, and callers pass the meeting they just loaded, so a changed list is seen at once,
 *   from any process. User records: `rollsChanged` (a user deactivated, in this process) drops
 *   every roll, and asking for someone the kept roll lacks builds it again (a user added to a
 *   participating unit meanwhile); a rename, or a move out of a unit, is seen when the roll is
 *   next built.
 * - Presence changes with check-ins, leaving, absences and proxies, which the live service
 *   reports with `presenceChanged` right after storing them, before answering: the next reader
 *   loads it again.
 *
 * A load is kept from the moment it starts and dropped by a change, so a load that started before
 * a change is never used after it. Listeners hear every change (the polls' ballot rights).
 *
 * Single process: check-ins stored by another process reach this cache only through its reports
 * (with several processes they would ride Redis, like the live events); one process runs a live
 * meeting, as it runs its polls.
 */
export class RosterCache {
  private readonly rolls = new Map<string, { seq: number; roll: Promise<RollEntry[]> }>();
  private readonly presences = new Map<string, Promise<Presence>>();
  private readonly listeners: Listener[] = [];

  constructor(private readonly c: Collections) {}

  /** Hears `meetingId` when its roll or presence changed; null when every meeting's roll may have. */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** The roll of the meeting as just loaded (a newer `seq` rebuilds it, and so does `rebuild`). */
  roll(meeting: Pick<MeetingDoc, '_id' | 'seq' | 'participants'>, rebuild = false): Promise<RollEntry[]> {
    const key = meeting._id.toHexString();
    const cached = this.rolls.get(key);
    if (cached && cached.seq >= meeting.seq && !rebuild) return cached.roll;
    const entry = { seq: meeting.seq, roll: rollOf(this.c, meeting) };
    keep(this.rolls, key, entry);
    entry.roll.catch(() => {
      if (this.rolls.get(key) === entry) this.rolls.delete(key);
    });
    // Someone may have joined or left the list: whoever derived rights from the old roll drops them.
    if (cached) this.tell(key);
    return entry.roll;
  }

  /** The roll entries of some users, in roll order; one the kept roll lacks makes it build again. */
  async rollOf(meeting: Pick<MeetingDoc, '_id' | 'seq' | 'participants'>, only: readonly ObjectId[]): Promise<RollEntry[]> {
    const wanted = new Set(only.map((id) => id.toHexString()));
    const pick = (roll: RollEntry[]) => roll.filter((r) => wanted.has(r.userId.toHexString()));
    const found = pick(await this.roll(meeting));
    return found.length === wanted.size ? found : pick(await this.roll(meeting, true));
  }

  presence(meetingId: ObjectId): Promise<Presence> {
    const key = meetingId.toHexString();
    const cached = this.presences.get(key);
    if (cached) return cached;
    const loading = this.loadPresence(meetingId);
    keep(this.presences, key, loading);
    loading.catch(() => {
      if (this.presences.get(key) === loading) this.presences.delete(key);
    });
    return loading;
  }

  /** Attendance or proxies of the meeting were written (or may have been: call it after a failed write too). */
  presenceChanged(meetingId: ObjectId): void {
    const key = meetingId.toHexString();
    this.presences.delete(key);
    this.tell(key);
  }

  /** Users' records changed (e.g. one was deactivated): every roll is built again. */
  rollsChanged(): void {
    this.rolls.clear();
    this.tell(null);
  }

  private async loadPresence(meetingId: ObjectId): Promise<Presence> {
    const [docs, proxies] = await Promise.all([this.c.attendance.find({ meetingId }).toArray(), this.c.proxies.find({ meetingId, revokedAt: null }).toArray()]);
    const attendance = new Map(docs.map((d) => [d.userId.toHexString(), d] as const));
    const present = new Set(docs.flatMap((d) => (inRoom(d) ? [d.userId.toHexString()] : [])));
    return { attendance, inRoom: present, proxies };
  }

  private tell(meetingId: string | null): void {
    for (const listener of this.listeners) listener(meetingId);
  }
}

/** Sets `key` as the most recent entry, dropping the oldest beyond MAX_MEETINGS. */
function keep<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  for (const k of map.keys()) {
    if (map.size <= MAX_MEETINGS) break;
    map.delete(k);
  }
}
