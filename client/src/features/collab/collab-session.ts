import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { COLLAB_PATH, collabParams } from '@e-cabinet/protocol';
import {
  collabReducer,
  collabStatus,
  initialCollabState,
  localPendingStore,
  type CollabEvent,
  type CollabState,
  type CollabStatus,
} from './collab-state';

/** What components read about one collab doc. Replaced (never mutated) on every change. */
export interface CollabSnapshot {
  doc: Y.Doc;
  status: CollabStatus;
  /** Local changes that have not reached the server yet ("Saved on this device only"). */
  onlyLocal: boolean;
  /** The final close code when the server refused the doc. */
  refusedCode: number | null;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** `ws://host` or `wss://host` of the page itself: the collab endpoint shares the app's origin and cookie. */
export function wsOrigin(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}`;
}

/**
 * One collab doc in this tab: a Y.Doc kept in IndexedDB (so marks made offline survive a reload)
 * and synced over y-websocket. A refusal with a final close code stops the reconnecting for good
 * (y-websocket does that itself for 4400–4499); every other close is retried with back-off.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  private readonly idb: IndexeddbPersistence;
  private readonly provider: WebsocketProvider;
  private readonly pendingStore = localPendingStore(storage());
  private state: CollabState;
  private current: CollabSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];

  constructor(readonly name: string) {
    this.state = initialCollabState({ browserOnline: navigator.onLine, pending: this.pendingStore.get(name) });
    this.current = this.toSnapshot();
    this.idb = new IndexeddbPersistence(name, this.doc);
    this.provider = new WebsocketProvider(wsOrigin() + COLLAB_PATH, name, this.doc, { params: collabParams(), connect: false });
    const provider = this.provider;

    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) =>
      this.dispatch({ type: status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'disconnected' });
    const onSync = (synced: boolean) => {
      if (synced) this.dispatch({ type: 'synced' });
    };
    // Every close, including a failed attempt that never opened (no 'status' event then).
    const onClose = () => this.dispatch({ type: 'disconnected' });
    // y-websocket has already stopped reconnecting (final code, 4400–4499).
    const onClosed = ({ code }: { code: number }) => {
      provider.disconnect();
      this.dispatch({ type: 'refused', code });
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // Remote (the provider) and restored (IndexedDB) updates are not this user's changes.
      if (origin === provider || origin === this.idb) return;
      this.dispatch({ type: 'local_change', sent: provider.wsconnected });
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    provider.on('closed', onClosed);
    this.doc.on('update', onUpdate);
    this.cleanups.push(() => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.off('closed', onClosed);
      this.doc.off('update', onUpdate);
    });
    // A dropped network often leaves the socket looking open for a while, and what is sent into
    // it is lost until y-websocket notices (30 s without a message). Closing it when the browser
    // knows it is offline makes changes count as local at once, and reconnecting when it is back
    // resyncs them straight away.
    const online = () => {
      this.dispatch({ type: 'browser_online' });
      if (this.state.phase !== 'refused') provider.connect();
    };
    const offline = () => {
      this.dispatch({ type: 'browser_offline' });
      provider.disconnect();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    this.cleanups.push(() => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    });
    provider.connect();
  }

  get snapshot(): CollabSnapshot {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
    this.provider.destroy();
    void this.idb.destroy();
    this.doc.destroy();
  }

  private dispatch(event: CollabEvent): void {
    const next = collabReducer(this.state, event);
    if (next === this.state) return;
    if (next.pending !== this.state.pending) this.pendingStore.set(this.name, next.pending);
    this.state = next;
    const snapshot = this.toSnapshot();
    if (snapshot.status === this.current.status && snapshot.onlyLocal === this.current.onlyLocal && snapshot.refusedCode === this.current.refusedCode) return;
    this.current = snapshot;
    for (const listener of [...this.listeners]) listener();
  }

  private toSnapshot(): CollabSnapshot {
    return { doc: this.doc, status: collabStatus(this.state), onlyLocal: this.state.pending, refusedCode: this.state.refusedCode };
  }
}

/** How long a doc nobody uses stays open: StrictMode remounts and quick back-and-forth reuse it. */
const RELEASE_GRACE_MS = 5_000;

const open = new Map<string, { session: CollabSession; refs: number; closeTimer: ReturnType<typeof setTimeout> | null }>();

/** Opens (or reuses) the session of a doc name; pair every call with `releaseCollab`. */
export function acquireCollab(name: string): CollabSession {
  let entry = open.get(name);
  // A refused doc waiting to close is not reused: the refusal may be over (signed in again).
  if (entry && entry.refs === 0 && entry.session.snapshot.status === 'refused') {
    if (entry.closeTimer) clearTimeout(entry.closeTimer);
    open.delete(name);
    entry.session.destroy();
    entry = undefined;
  }
  if (!entry) {
    entry = { session: new CollabSession(name), refs: 0, closeTimer: null };
    open.set(name, entry);
  }
  if (entry.closeTimer) clearTimeout(entry.closeTimer);
  entry.closeTimer = null;
  entry.refs++;
  return entry.session;
}

export function releaseCollab(name: string): void {
  const entry = open.get(name);
  if (!entry) return;
  entry.refs--;
  if (entry.refs > 0) return;
  entry.closeTimer = setTimeout(() => {
    if (open.get(name) !== entry || entry.refs > 0) return;
    open.delete(name);
    entry.session.destroy();
  }, RELEASE_GRACE_MS);
}

/** The open session of a doc name, if any (no side effects: safe during render). */
export function peekCollab(name: string): CollabSession | undefined {
  return open.get(name)?.session;
}

/**
 * Closes every open collab doc at once (sockets, IndexedDB handles, docs), e.g. at sign-out
 * before the local annotation databases are deleted. Components still mounted see no session
 * until they subscribe again.
 */
export function closeAllCollab(): void {
  for (const [name, entry] of open) {
    if (entry.closeTimer) clearTimeout(entry.closeTimer);
    open.delete(name);
    entry.session.destroy();
  }
}
