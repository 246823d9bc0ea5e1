import type { AgendaItem, MeetingRole, MeetingStatus, PresenterState } from '@e-cabinet/protocol';

/**
 * The state to keep when `incoming` arrives after `latest`: the join ack and the broadcast can
 * cross, and a reconnect can replay an old state, so anything not newer (by `at`) is ignored.
 */
export function acceptState(latest: PresenterState | null, incoming: PresenterState): PresenterState | null {
  if (latest && incoming.at <= latest.at) return null;
  return incoming;
}

/** Someone (other than `meId`) is showing a document. */
export function isPresenting(state: PresenterState | null): state is PresenterState & { documentId: string; presenterId: string } {
  return !!state && state.documentId !== null && state.presenterId !== null;
}

export type FollowAction =
  | { kind: 'none' }
  /** Same document: scroll to the page. */
  | { kind: 'goto'; page: number }
  /** Another document the follower can open: go there, at that page. */
  | { kind: 'navigate'; to: string };

/**
 * What a follower's viewer does with the presenter's state: nothing when nobody presents or
 * the follower is the presenter; scroll when it is this document; open the other document when
 * the follower may read it (else stay: following cannot show what they may not see).
 */
export function followAction(
  state: PresenterState | null,
  here: { documentId: string; meId: string; canOpen: (documentId: string) => boolean },
): FollowAction {
  if (!isPresenting(state) || state.presenterId === here.meId) return { kind: 'none' };
  if (state.documentId === here.documentId) return { kind: 'goto', page: state.page };
  if (!here.canOpen(state.documentId)) return { kind: 'none' };
  return { kind: 'navigate', to: documentPageUrl(state.documentId, state.page) };
}

export function documentPageUrl(documentId: string, page: number): string {
  return `/documents/${encodeURIComponent(documentId)}?page=${page}`;
}

/** `?page=N` of the viewer's URL: a page number ≥ 1, else null. */
export function pageFromQuery(value: string | null): number | null {
  if (!value || !/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

const LIVE: readonly MeetingStatus[] = ['published', 'live'];

/**
 * Who may present, as the server decides it: the chair, the secretary, or the presenter of an
 * agenda item — while the meeting is published or live.
 */
export function mayPresent(
  meeting: { myRole: MeetingRole; status: MeetingStatus },
  meId: string,
  agenda: readonly Pick<AgendaItem, 'presenterId'>[],
): boolean {
  if (!LIVE.includes(meeting.status)) return false;
  return meeting.myRole === 'chair' || meeting.myRole === 'secretary' || agenda.some((item) => item.presenterId === meId);
}
