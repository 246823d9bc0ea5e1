/**
 * What a collab doc's connection is doing, as a pure reducer so every transition can be tested
 * without a server. `CollabSession` feeds it the y-websocket provider's events, the doc's local
 * updates and the browser's online/offline events.
 *
 * "Only on this device" (`pending`): the doc has local changes that never went out on an open
 * socket. The server does not acknowledge updates, so "delivered" means: sent on an open socket,
 * or covered by the sync exchange after a reconnect — the server asks a writer for everything it
 * lacks (sync step 1) before it answers the client's own step 1, so by the time the client counts
 * itself synced, its reply carrying the offline changes has already been sent.
 */
export type CollabStatus = 'connecting' | 'synced' | 'offline' | 'refused';

export type CollabPhase = 'connecting' | 'connected' | 'synced' | 'disconnected' | 'refused';

export interface CollabState {
  phase: CollabPhase;
  browserOnline: boolean;
  /** Local changes not yet sent to the server (survives a reload through `PendingStore`). */
  pending: boolean;
  /** The final close code (4400–4499) the server refused the doc with. */
  refusedCode: number | null;
}

export type CollabEvent =
  | { type: 'connecting' }
  | { type: 'connected' }
  | { type: 'synced' }
  | { type: 'disconnected' }
  | { type: 'refused'; code: number }
  | { type: 'local_change'; sent: boolean }
  | { type: 'browser_online' }
  | { type: 'browser_offline' };

export function initialCollabState(opts: { browserOnline: boolean; pending: boolean }): CollabState {
  return { phase: 'connecting', browserOnline: opts.browserOnline, pending: opts.pending, refusedCode: null };
}

export function collabReducer(state: CollabState, event: CollabEvent): CollabState {
  switch (event.type) {
    case 'browser_online':
      return { ...state, browserOnline: true };
    case 'browser_offline':
      return { ...state, browserOnline: false };
    case 'local_change':
      // Once refused, nothing will carry the change to the server.
      return event.sent && state.phase !== 'refused' ? state : state.pending ? state : { ...state, pending: true };
    case 'refused':
      return { ...state, phase: 'refused', refusedCode: event.code };
    default:
      break;
  }
  // A refusal is final: late events from the closing socket must not revive the doc.
  if (state.phase === 'refused') return state;
  switch (event.type) {
    case 'connecting':
      return { ...state, phase: 'connecting' };
    case 'connected':
      return { ...state, phase: 'connected' };
    case 'synced':
      return { ...state, phase: 'synced', pending: false };
    case 'disconnected':
      return { ...state, phase: 'disconnected' };
  }
}

/** The status shown to the user. */
export function collabStatus(state: CollabState): CollabStatus {
  if (state.phase === 'refused') return 'refused';
  if (!state.browserOnline || state.phase === 'disconnected') return 'offline';
  return state.phase === 'synced' ? 'synced' : 'connecting';
}

/** Where the "only on this device" flag is kept between page loads. */
export interface PendingStore {
  get(docName: string): boolean;
  set(docName: string, pending: boolean): void;
}

const PENDING_PREFIX = 'ecab:collab-pending:';

/** `localStorage`, failing soft (private mode, quota): the flag then lives for this page only. */
export function localPendingStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null): PendingStore {
  return {
    get(docName) {
      try {
        return storage?.getItem(PENDING_PREFIX + docName) === '1';
      } catch {
        return false;
      }
    },
    set(docName, pending) {
      try {
        if (pending) storage?.setItem(PENDING_PREFIX + docName, '1');
        else storage?.removeItem(PENDING_PREFIX + docName);
      } catch {
        // Nothing to do: the indicator is still right until the page is reloaded.
      }
    },
  };
}
