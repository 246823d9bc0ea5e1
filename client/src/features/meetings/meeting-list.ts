import type { MeetingSummary } from '@e-cabinet/protocol';

export type MeetingScope = 'upcoming' | 'past';

/** Which tab a meeting belongs on now: the server's rule (upcoming until it has ended). */
export function scopeOf(meeting: Pick<MeetingSummary, 'endsAt'>, now: number): MeetingScope {
  return Date.parse(meeting.endsAt) >= now ? 'upcoming' : 'past';
}

/** Upcoming meetings soonest first; past ones most recent first (as the server sorts them). */
export function sortForScope(list: readonly MeetingSummary[], scope: MeetingScope): MeetingSummary[] {
  const sign = scope === 'upcoming' ? 1 : -1;
  return [...list].sort((a, b) => sign * (Date.parse(a.startsAt) - Date.parse(b.startsAt)));
}

/**
 * A list after a live update about one meeting: replaced in place when present, added when it
 * belongs in this scope, dropped when it no longer does.
 */
export function upsertMeeting(list: readonly MeetingSummary[], meeting: MeetingSummary, scope: MeetingScope, now: number): MeetingSummary[] {
  const others = list.filter((m) => m.id !== meeting.id);
  if (scopeOf(meeting, now) !== scope) return others;
  return sortForScope([...others, meeting], scope);
}
