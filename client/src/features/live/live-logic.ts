import type { AgendaItem, AttendanceEntry, Floor, LiveState, MeetingRole, MeetingStatus, Quorum, QuorumRule } from '@e-cabinet/protocol';

/** The room's address, from the meeting page. */
export const liveRoomPath = (meetingId: string): string => `/meetings/${encodeURIComponent(meetingId)}/live`;

/** Present now: checked in and not left (what the quorum counts). */
export const inRoom = (e: Pick<AttendanceEntry, 'status' | 'leftAt'>): boolean => e.status === 'present' && e.leftAt === null;

/** What a person sees in the attendance list: present, left early, absent, excused or not yet known. */
export type PresenceKind = 'present' | 'left' | 'absent' | 'excused' | 'unknown';
export function presenceOf(e: Pick<AttendanceEntry, 'status' | 'leftAt'>): PresenceKind {
  if (e.status === 'present') return e.leftAt === null ? 'present' : 'left';
  return e.status;
}

export interface AttendanceCounts {
  /** On the roll. */
  total: number;
  present: number;
  left: number;
  absent: number;
  excused: number;
  unknown: number;
  /** Proxies in force. */
  proxies: number;
}

export function attendanceCounts(entries: readonly AttendanceEntry[]): AttendanceCounts {
  const counts: AttendanceCounts = { total: entries.length, present: 0, left: 0, absent: 0, excused: 0, unknown: 0, proxies: 0 };
  for (const e of entries) {
    counts[presenceOf(e)] += 1;
    if (e.proxyTo) counts.proxies += 1;
  }
  return counts;
}

/** Active proxies as principal → holder pairs, for the chair's overview. */
export function proxyPairs(entries: readonly AttendanceEntry[]): { principal: string; principalId: string; holder: string; holderId: string }[] {
  return entries.flatMap((e) => (e.proxyTo ? [{ principal: e.name, principalId: e.userId, holder: e.proxyTo.name, holderId: e.proxyTo.userId }] : []));
}

/**
 * To whom a voting member may give their proxy: other voting members who hold none and have
 * given none (no chains). The server decides for good; this only keeps impossible choices out.
 */
export function proxyCandidates(entries: readonly AttendanceEntry[], principalId: string): AttendanceEntry[] {
  return entries.filter((e) => e.votes && e.userId !== principalId && e.proxyFrom === null && e.proxyTo === null);
}

/** Whether a voting member may give a proxy now: not in the room, none given yet. */
export function canGiveProxy(me: AttendanceEntry | undefined, status: MeetingStatus): boolean {
  return !!me && me.votes && !inRoom(me) && me.proxyTo === null && me.proxyFrom === null && (status === 'published' || status === 'live');
}

export const isOrganiserRole = (role: MeetingRole): boolean => role === 'chair' || role === 'secretary';

/** What the caller may do in the room, from their meeting role (the server checks every command again). */
export interface RoomPermissions {
  /** Move the current item, give and end the floor, order the queue, set the quorum rule. */
  runMeeting: boolean;
  /** Check others in, mark them absent or excused, record proxies given on paper. */
  keepRoll: boolean;
  /** On the roll: can check in and ask to speak. */
  onRoll: boolean;
  votes: boolean;
}

export function roomPermissions(role: MeetingRole, me: AttendanceEntry | undefined): RoomPermissions {
  return { runMeeting: isOrganiserRole(role), keepRoll: role === 'secretary', onRoll: me !== undefined, votes: me?.votes ?? false };
}

// ---- Time --------------------------------------------------------------------------------

/** Seconds left on the floor at server time `serverNow` (negative: over time). */
export function floorRemaining(floor: Pick<Floor, 'startedAt' | 'durationSec'>, serverNow: number): number {
  const endsAt = Date.parse(floor.startedAt) + floor.durationSec * 1000;
  // Ceil while time remains so "0:01" shows until the last second is really gone.
  const ms = endsAt - serverNow;
  return ms > 0 ? Math.ceil(ms / 1000) : -Math.floor(-ms / 1000);
}

/** `125` → `"2:05"`; `-7` → `"0:07"` (the caller shows over-time differently). */
export function formatClock(seconds: number): string {
  const s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** How the countdown looks: calm, the last 30 seconds, or over time. */
export function countdownTone(seconds: number): 'normal' | 'ending' | 'over' {
  if (seconds <= 0) return 'over';
  return seconds <= 30 ? 'ending' : 'normal';
}

// ---- Quorum ------------------------------------------------------------------------------

/** The rule in words, as message keys and numbers ("quá nửa", "ít nhất 2/3", …). */
export type QuorumRuleWords =
  | { key: 'live.rule.half' }
  | { key: 'live.rule.twoThirds' }
  | { key: 'live.rule.all' }
  | { key: 'live.rule.moreThan' | 'live.rule.atLeast'; numerator: number; denominator: number };

export function quorumRuleWords(rule: QuorumRule): QuorumRuleWords {
  const { numerator: n, denominator: d, strict } = rule;
  if (strict && n * 2 === d) return { key: 'live.rule.half' };
  if (!strict && n * 3 === d * 2) return { key: 'live.rule.twoThirds' };
  if (!strict && n === d) return { key: 'live.rule.all' };
  return { key: strict ? 'live.rule.moreThan' : 'live.rule.atLeast', numerator: n, denominator: d };
}

/** How many more voting members must arrive for the quorum (0 when it is met). */
export function quorumShortfall(q: Quorum): number {
  return q.met ? 0 : Math.max(q.required - q.present, q.members === 0 ? 1 : 0);
}

/** Preset rules offered to the chair; other fractions can be typed. */
export const QUORUM_PRESETS: readonly { id: string; rule: QuorumRule }[] = [
  { id: 'half', rule: { numerator: 1, denominator: 2, strict: true } },
  { id: 'twoThirds', rule: { numerator: 2, denominator: 3, strict: false } },
  { id: 'threeQuarters', rule: { numerator: 3, denominator: 4, strict: false } },
];

/** A rule the server accepts: at most "at least all", never "more than all". */
export function isSatisfiableRule(rule: QuorumRule): boolean {
  return rule.numerator < rule.denominator || (rule.numerator === rule.denominator && !rule.strict);
}

// ---- Agenda and speakers -----------------------------------------------------------------

/** The items before and after the current one, for "previous / next" buttons. */
export function neighbours(agenda: readonly AgendaItem[], currentItemId: string | null): { index: number; prev: AgendaItem | null; next: AgendaItem | null } {
  const index = currentItemId ? agenda.findIndex((i) => i.id === currentItemId) : -1;
  if (index < 0) return { index, prev: null, next: agenda[0] ?? null };
  return { index, prev: agenda[index - 1] ?? null, next: agenda[index + 1] ?? null };
}

/** The queue's ids with one request moved by `delta` places (clamped); unchanged if it cannot move. */
export function moveInQueue(ids: readonly string[], id: string, delta: number): string[] {
  const from = ids.indexOf(id);
  const to = Math.min(ids.length - 1, Math.max(0, from + delta));
  if (from < 0 || from === to) return [...ids];
  const out = [...ids];
  out.splice(from, 1);
  out.splice(to, 0, id);
  return out;
}

/** The caller's place in the speakers' queue (1-based), or 0 when not queued. */
export function myQueuePlace(state: Pick<LiveState, 'speakers'>, userId: string): number {
  return state.speakers.queue.findIndex((r) => r.userId === userId) + 1;
}
