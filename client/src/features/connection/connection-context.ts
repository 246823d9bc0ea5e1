import { createContext, useContext } from 'react';
import type { ConnectionState } from './connection-state';
import type { AppSocket } from './socket';

export interface ConnectionContextValue {
  /** The session's socket, for features that subscribe to server events. */
  socket: AppSocket;
  state: ConnectionState;
}

export const ConnectionContext = createContext<ConnectionContextValue | null>(null);

export function useConnection(): ConnectionContextValue {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error('useConnection needs a <ConnectionProvider>');
  return value;
}
