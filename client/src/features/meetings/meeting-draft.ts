import type { CreateMeeting, Meeting, MeetingKind } from '@e-cabinet/protocol';
import { fromVnInputValue, toVnInputValue } from './meeting-time';
import { fromParticipants, toParticipantInputs, type ParticipantDraft } from './participants-draft';

/** The meeting form's state: what the inputs hold, before it is checked and sent. */
export interface MeetingDraft {
  title: string;
  kind: MeetingKind;
  /** `datetime-local` values, Vietnam time. */
  startsAt: string;
  endsAt: string;
  place: string;
  onlineLink: string;
  participants: ParticipantDraft[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A new meeting: tomorrow (Vietnam time) from 08:00 to 11:00, the usual morning session. */
export function emptyDraft(now: number): MeetingDraft {
  const tomorrow = toVnInputValue(new Date(now + DAY_MS).toISOString()).slice(0, 10);
  return { title: '', kind: 'regular', startsAt: `${tomorrow}T08:00`, endsAt: `${tomorrow}T11:00`, place: '', onlineLink: '', participants: [] };
}

export function draftFromMeeting(meeting: Meeting): MeetingDraft {
  return {
    title: meeting.title,
    kind: meeting.kind,
    startsAt: toVnInputValue(meeting.startsAt),
    endsAt: toVnInputValue(meeting.endsAt),
    place: meeting.place,
    onlineLink: meeting.onlineLink ?? '',
    participants: fromParticipants(meeting.participants),
  };
}

export type DraftField = 'startsAt' | 'endsAt';
/** A checked form, ready to create a meeting or (all fields) to update one. */
export type MeetingBody = CreateMeeting & { place: string; onlineLink: string | null; participants: NonNullable<CreateMeeting['participants']> };
export type DraftCheck = { ok: true; body: MeetingBody } | { ok: false; errors: Partial<Record<DraftField, 'incomplete'>> };

/**
 * Turns the form into the request body. Only what the browser cannot send at all (a half-typed
 * date) is refused here; everything else is the server's to judge, with its own messages.
 */
export function draftToBody(draft: MeetingDraft): DraftCheck {
  const startsAt = fromVnInputValue(draft.startsAt);
  const endsAt = fromVnInputValue(draft.endsAt);
  const errors: Partial<Record<DraftField, 'incomplete'>> = {};
  if (!startsAt) errors.startsAt = 'incomplete';
  if (!endsAt) errors.endsAt = 'incomplete';
  if (!startsAt || !endsAt) return { ok: false, errors };
  return {
    ok: true,
    body: {
      title: draft.title.trim(),
      kind: draft.kind,
      startsAt,
      endsAt,
      place: draft.place.trim(),
      onlineLink: draft.onlineLink.trim() || null,
      participants: toParticipantInputs(draft.participants),
    },
  };
}
