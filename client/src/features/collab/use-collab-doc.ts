import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { acquireCollab, peekCollab, releaseCollab } from './collab-session';
import type { CollabStatus } from './collab-state';

export interface CollabDoc {
  /** Null until the doc is opened (the first render) or when there is no doc name. */
  doc: Y.Doc | null;
  status: CollabStatus;
  refusedCode: number | null;
  /** Changes made on this device that the server has not received yet. */
  onlyLocal: boolean;
  /**
   * Whether this user may only read the doc. The server never says so on the wire (it silently
   * drops a reader's updates), so the caller derives it from the meeting role, as the server does.
   */
  readOnly: boolean;
}

const NONE = { doc: null, status: 'connecting', refusedCode: null, onlyLocal: false } as const;

/**
 * Opens the collab doc `docName` while mounted (shared by every component that asks for the same
 * name) and follows its connection state. `docName: null` opens nothing.
 */
export function useCollabDoc(docName: string | null, opts: { readOnly?: boolean } = {}): CollabDoc {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!docName) return () => {};
      const session = acquireCollab(docName);
      const unsubscribe = session.subscribe(onChange);
      // The snapshot read before subscribing had no session yet.
      onChange();
      return () => {
        unsubscribe();
        releaseCollab(docName);
      };
    },
    [docName],
  );
  const getSnapshot = useCallback(() => (docName ? (peekCollab(docName)?.snapshot ?? NONE) : NONE), [docName]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const readOnly = opts.readOnly ?? false;
  return useMemo(() => ({ ...snapshot, readOnly }), [snapshot, readOnly]);
}
