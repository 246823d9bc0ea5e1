/**
 * What the socket is doing, as a pure reducer so every transition can be unit-tested without a
 * server. The provider feeds it Socket.io and browser events; the header shows `indicatorFor()`.
 */
export type SocketPhase =
  | 'connecting' // first attempt after login
  | 'connected'
  | 'reconnecting' // Socket.io is retrying on its own
  | 'gave_up' // the server refused us or retries ran out; we retry on our own timer / when back online
  | 'stopped'; // protocol mismatch: nothing will work until the page is reloaded

export interface ConnectionState {
  phase: SocketPhase;
  browserOnline: boolean;
  /** The server runs a newer protocol: the user must reload. */
  newVersion: boolean;
}

export type ConnectionEvent =
  | { type: 'connected' }
  | { type: 'disconnected'; willRetry: boolean }
  | { type: 'retrying' }
  | { type: 'gave_up' }
  | { type: 'protocol_mismatch' }
  | { type: 'browser_online' }
  | { type: 'browser_offline' };

export type Indicator = 'online' | 'connecting' | 'reconnecting' | 'offline';

export function initialConnectionState(browserOnline: boolean): ConnectionState {
  return { phase: 'connecting', browserOnline, newVersion: false };
}

export function connectionReducer(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'browser_online':
      return { ...state, browserOnline: true };
    case 'browser_offline':
      return { ...state, browserOnline: false };
    case 'protocol_mismatch':
      return { ...state, phase: 'stopped', newVersion: true };
    default:
      break;
  }
  // After a protocol mismatch the socket is closed for good; late events must not revive it.
  if (state.phase === 'stopped') return state;
  switch (event.type) {
    case 'connected':
      return { ...state, phase: 'connected' };
    case 'disconnected':
      return { ...state, phase: event.willRetry ? 'reconnecting' : 'gave_up' };
    case 'retrying':
      return { ...state, phase: 'reconnecting' };
    case 'gave_up':
      return { ...state, phase: 'gave_up' };
  }
}

export function indicatorFor(state: ConnectionState): Indicator {
  if (!state.browserOnline || state.phase === 'gave_up' || state.phase === 'stopped') return 'offline';
  if (state.phase === 'connected') return 'online';
  return state.phase;
}
