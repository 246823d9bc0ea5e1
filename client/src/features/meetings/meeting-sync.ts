import type { MeetingChangedPayload } from '@e-cabinet/protocol';

/** The pieces of the meeting page that can be fetched again on their own. */
export type MeetingPart = 'meeting' | 'agenda' | 'documents';
export const ALL_PARTS: readonly MeetingPart[] = ['meeting', 'agenda', 'documents'];

/** What to fetch again when the server says `what` changed. */
export function partsFor(what: MeetingChangedPayload['what']): MeetingPart[] {
  switch (what) {
    case 'details':
    case 'status':
    case 'participants':
      // A status change can also change who may see which document, and what the caller may do.
      return what === 'status' ? ['meeting', 'documents'] : ['meeting'];
    case 'agenda':
      return ['agenda'];
    case 'documents':
      return ['documents'];
  }
}

export interface SyncPlan {
  /** The parts to fetch again (empty: nothing to do). */
  refetch: readonly MeetingPart[];
  /** The sequence number to remember. */
  seq: number | null;
}

/**
 * Decides what a `meeting:changed` event means for a page that last saw `lastSeq`. The server
 * numbers changes one by one, so a jump of more than one means events were missed (a dropped
 * connection): everything is fetched again. Old or repeated numbers are ignored.
 */
export function planChange(lastSeq: number | null, event: Pick<MeetingChangedPayload, 'seq' | 'what'>): SyncPlan {
  if (lastSeq === null) return { refetch: ALL_PARTS, seq: event.seq };
  if (event.seq <= lastSeq) return { refetch: [], seq: lastSeq };
  if (event.seq === lastSeq + 1) return { refetch: partsFor(event.what), seq: event.seq };
  return { refetch: ALL_PARTS, seq: event.seq };
}

/**
 * After (re)joining the meeting's room: the ack carries the current sequence number. The first
 * join only records it; after a reconnect, any difference means changes were missed.
 */
export function planJoin(lastSeq: number | null, ackSeq: number): SyncPlan {
  if (lastSeq === null || ackSeq === lastSeq) return { refetch: [], seq: ackSeq };
  return { refetch: ALL_PARTS, seq: ackSeq };
}
