import type { AttendanceEntry, LiveEvent, LivePollSummary, LiveState } from '@e-cabinet/protocol';

/**
 * The client's copy of a meeting's live state, kept in step with the server by `seq`:
 * `live:sync` answers the whole state, then each `live:event` with `seq` = mine + 1 is applied,
 * older ones are ignored, and a gap asks for a new sync. Events that arrive while there is no
 * state yet (or after a gap) wait in `buffer` and are applied once a sync catches up to them.
 */
export interface LiveModel {
  state: LiveState | null;
  /** Server clock minus this device's clock, in ms (add it to `Date.now()` to get server time). */
  clockOffset: number;
  /** Events newer than `state` that could not be applied yet, in arrival order. */
  buffer: LiveEvent[];
  /** A sync is needed (nothing loaded yet, or a gap was seen). */
  needsSync: boolean;
  /** A `live:sync` is on its way. */
  syncing: boolean;
  /** Why the last sync failed (shown with a retry); null once one succeeds. */
  error: { code: string; message: string } | null;
}

export type LiveAction =
  | { type: 'syncStart' }
  | { type: 'synced'; state: LiveState; sentAt: number; receivedAt: number }
  | { type: 'syncFailed'; code: string; message: string }
  | { type: 'event'; event: LiveEvent };

/** Events kept while waiting for a sync; past this a sync is needed anyway. */
export const MAX_BUFFERED_EVENTS = 500;

export const initialLiveModel: LiveModel = { state: null, clockOffset: 0, buffer: [], needsSync: true, syncing: false, error: null };

/** Replaces entries by key, keeping the existing order and adding unknown ones at the end. */
export function mergeByKey<T>(list: readonly T[], changed: readonly T[], key: (item: T) => string): T[] {
  const incoming = new Map(changed.map((item) => [key(item), item] as const));
  const merged = list.map((item) => {
    const next = incoming.get(key(item));
    if (next === undefined) return item;
    incoming.delete(key(item));
    return next;
  });
  return [...merged, ...incoming.values()];
}

/** Applies one event's slices to a state (the caller has checked its `seq`). */
export function applyEvent(state: LiveState, event: LiveEvent): LiveState {
  const next: LiveState = { ...state, seq: event.seq };
  if (event.status !== undefined) next.status = event.status;
  if (event.currentItemId !== undefined) next.currentItemId = event.currentItemId;
  if (event.attendance) next.attendance = mergeByKey<AttendanceEntry>(state.attendance, event.attendance, (e) => e.userId);
  if (event.quorum) next.quorum = event.quorum;
  if (event.speakers) next.speakers = event.speakers;
  if (event.polls) next.polls = mergeByKey<LivePollSummary>(state.polls, event.polls, (p) => p.id);
  return next;
}

/** What one event means for a state at `seq`. */
export function classifyEvent(seq: number, eventSeq: number): 'apply' | 'stale' | 'gap' {
  if (eventSeq <= seq) return 'stale';
  return eventSeq === seq + 1 ? 'apply' : 'gap';
}

/**
 * Applies the buffered events that follow `state` without a gap. Returns the new state, the
 * events still waiting (those after a gap), and whether a gap remains.
 */
export function drainBuffer(state: LiveState, buffer: readonly LiveEvent[]): { state: LiveState; buffer: LiveEvent[]; gap: boolean } {
  const waiting = [...buffer].filter((e) => e.seq > state.seq).sort((a, b) => a.seq - b.seq);
  let current = state;
  let i = 0;
  for (; i < waiting.length; i++) {
    const kind = classifyEvent(current.seq, waiting[i]!.seq);
    if (kind === 'stale') continue; // a duplicate of one just applied
    if (kind === 'gap') break;
    current = applyEvent(current, waiting[i]!);
  }
  const rest = waiting.slice(i).filter((e) => e.seq > current.seq);
  return { state: current, buffer: rest, gap: rest.length > 0 };
}

/**
 * Server time minus local time, estimated NTP-style: the server read its clock about halfway
 * between sending the request and receiving the answer.
 */
export function estimateClockOffset(serverTime: number, sentAt: number, receivedAt: number): number {
  return Math.round(serverTime - (sentAt + receivedAt) / 2);
}

export function liveReducer(model: LiveModel, action: LiveAction): LiveModel {
  switch (action.type) {
    case 'syncStart':
      return { ...model, syncing: true };
    case 'syncFailed':
      return { ...model, syncing: false, error: { code: action.code, message: action.message } };
    case 'synced': {
      const clockOffset = estimateClockOffset(action.state.serverTime, action.sentAt, action.receivedAt);
      // An answer older than what events already brought (two syncs crossed): keep the newer state.
      // At an equal seq the answer wins: it may carry a meeting change not yet sent as an event.
      const base = model.state && model.state.seq > action.state.seq ? model.state : action.state;
      const drained = drainBuffer(base, model.buffer);
      return { state: drained.state, clockOffset, buffer: drained.buffer, needsSync: drained.gap, syncing: false, error: null };
    }
    case 'event': {
      const { event } = action;
      if (!model.state || model.needsSync) {
        if (model.state && event.seq <= model.state.seq) return model;
        const buffer = [...model.buffer, event];
        return buffer.length > MAX_BUFFERED_EVENTS ? { ...model, buffer: buffer.slice(-MAX_BUFFERED_EVENTS), needsSync: true } : { ...model, buffer };
      }
      switch (classifyEvent(model.state.seq, event.seq)) {
        case 'stale':
          return model;
        case 'apply': {
          // Buffered events may continue right after this one.
          const drained = drainBuffer(applyEvent(model.state, event), model.buffer);
          return { ...model, state: drained.state, buffer: drained.buffer, needsSync: drained.gap };
        }
        case 'gap':
          return { ...model, buffer: [...model.buffer, event], needsSync: true };
      }
    }
  }
}
