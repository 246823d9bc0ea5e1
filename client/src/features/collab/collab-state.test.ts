import { describe, expect, it } from 'vitest';
import { collabReducer, collabStatus, initialCollabState, localPendingStore, type CollabEvent, type CollabState } from './collab-state';
import { combinedStatus } from './CollabIndicator';

const run = (events: CollabEvent[], start: CollabState = initialCollabState({ browserOnline: true, pending: false })) => events.reduce(collabReducer, start);

describe('collab connection state', () => {
  it('goes connecting → synced, and offline when the socket drops', () => {
    expect(collabStatus(run([]))).toBe('connecting');
    expect(collabStatus(run([{ type: 'connected' }]))).toBe('connecting');
    const synced = run([{ type: 'connected' }, { type: 'synced' }]);
    expect(collabStatus(synced)).toBe('synced');
    expect(collabStatus(run([{ type: 'disconnected' }], synced))).toBe('offline');
    expect(collabStatus(run([{ type: 'disconnected' }, { type: 'connecting' }], synced))).toBe('connecting');
  });

  it('counts a first attempt that failed as offline, and the browser being offline wins', () => {
    expect(collabStatus(run([{ type: 'connecting' }, { type: 'disconnected' }]))).toBe('offline');
    const synced = run([{ type: 'connected' }, { type: 'synced' }, { type: 'browser_offline' }]);
    expect(collabStatus(synced)).toBe('offline');
    expect(collabStatus(run([{ type: 'browser_online' }], synced))).toBe('synced');
  });

  it('stays refused whatever the closing socket reports afterwards', () => {
    const refused = run([{ type: 'connected' }, { type: 'refused', code: 4403 }]);
    expect(collabStatus(refused)).toBe('refused');
    expect(refused.refusedCode).toBe(4403);
    const after = run([{ type: 'disconnected' }, { type: 'connecting' }, { type: 'connected' }, { type: 'synced' }], refused);
    expect(collabStatus(after)).toBe('refused');
    expect(after.refusedCode).toBe(4403);
  });
});

describe('only on this device', () => {
  const synced = run([{ type: 'connected' }, { type: 'synced' }]);

  it('is not set by changes sent on an open socket', () => {
    expect(run([{ type: 'local_change', sent: true }], synced).pending).toBe(false);
  });

  it('is set by a change made while disconnected, and kept through reconnecting until the next sync', () => {
    const offline = run([{ type: 'disconnected' }, { type: 'local_change', sent: false }], synced);
    expect(offline.pending).toBe(true);
    const reconnected = run([{ type: 'connecting' }, { type: 'connected' }], offline);
    expect(reconnected.pending).toBe(true);
    // Sending more once the socket is open does not clear it: the offline change is not out yet.
    expect(run([{ type: 'local_change', sent: true }], reconnected).pending).toBe(true);
    expect(run([{ type: 'synced' }], reconnected).pending).toBe(false);
  });

  it('starts from what the previous page load left, and a refused doc keeps its changes local', () => {
    const reloaded = initialCollabState({ browserOnline: false, pending: true });
    expect(reloaded.pending).toBe(true);
    expect(run([{ type: 'connected' }, { type: 'synced' }], reloaded).pending).toBe(false);
    const refused = run([{ type: 'refused', code: 4401 }], synced);
    expect(run([{ type: 'local_change', sent: true }], refused).pending).toBe(true);
  });

  it('is remembered per doc in storage, and survives a storage that throws', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    const store = localPendingStore(storage);
    store.set('ann:a:b:shared', true);
    expect(store.get('ann:a:b:shared')).toBe(true);
    expect(store.get('ann:a:c:shared')).toBe(false);
    store.set('ann:a:b:shared', false);
    expect(store.get('ann:a:b:shared')).toBe(false);
    expect(map.size).toBe(0);
    const broken = localPendingStore({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    });
    expect(() => broken.set('x', true)).not.toThrow();
    expect(broken.get('x')).toBe(false);
  });
});

describe('combined status of several docs', () => {
  it('shows the weakest working doc, refused only when all are', () => {
    expect(combinedStatus(['synced', 'synced'])).toBe('synced');
    expect(combinedStatus(['synced', 'connecting'])).toBe('connecting');
    expect(combinedStatus(['connecting', 'offline'])).toBe('offline');
    expect(combinedStatus(['synced', 'refused'])).toBe('synced');
    expect(combinedStatus(['refused', 'refused'])).toBe('refused');
  });
});
