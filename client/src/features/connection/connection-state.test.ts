import { describe, expect, it } from 'vitest';
import {
  connectionReducer,
  indicatorFor,
  initialConnectionState,
  type ConnectionEvent,
  type ConnectionState,
} from './connection-state';

const run = (events: ConnectionEvent[], start: ConnectionState = initialConnectionState(true)) =>
  events.reduce(connectionReducer, start);

describe('connection state', () => {
  it('goes connecting → online', () => {
    expect(indicatorFor(initialConnectionState(true))).toBe('connecting');
    expect(indicatorFor(run([{ type: 'connected' }]))).toBe('online');
  });

  it('shows reconnecting while Socket.io retries, and online again after', () => {
    const dropped = run([{ type: 'connected' }, { type: 'disconnected', willRetry: true }]);
    expect(indicatorFor(dropped)).toBe('reconnecting');
    expect(indicatorFor(run([{ type: 'retrying' }], dropped))).toBe('reconnecting');
    expect(indicatorFor(run([{ type: 'connected' }], dropped))).toBe('online');
  });

  it('shows offline when the server closed us or retries ran out', () => {
    expect(indicatorFor(run([{ type: 'connected' }, { type: 'disconnected', willRetry: false }]))).toBe('offline');
    expect(indicatorFor(run([{ type: 'retrying' }, { type: 'gave_up' }]))).toBe('offline');
  });

  it('shows offline whenever the browser is offline, whatever the socket thinks', () => {
    const connected = run([{ type: 'connected' }, { type: 'browser_offline' }]);
    expect(indicatorFor(connected)).toBe('offline');
    expect(indicatorFor(run([{ type: 'browser_online' }], connected))).toBe('online');
    expect(indicatorFor(initialConnectionState(false))).toBe('offline');
  });

  it('stops for good on a protocol mismatch', () => {
    const stopped = run([{ type: 'connected' }, { type: 'protocol_mismatch' }]);
    expect(stopped.newVersion).toBe(true);
    expect(indicatorFor(stopped)).toBe('offline');
    // Late events from the closing socket must not bring it back.
    const after = run([{ type: 'connected' }, { type: 'retrying' }, { type: 'browser_online' }], stopped);
    expect(after.phase).toBe('stopped');
    expect(indicatorFor(after)).toBe('offline');
  });
});
