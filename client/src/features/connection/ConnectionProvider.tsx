import { useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { DisconnectReason, ErrorCode, type SessionEndedPayload } from '@e-cabinet/protocol';
import { useAuth } from '../auth/auth-context';
import { ConnectionContext } from './connection-context';
import { connectionReducer, initialConnectionState } from './connection-state';
import { createSocket, handshakeErrorCode } from './socket';

/** After the server refused a handshake or Socket.io ran out of retries, try again this often. */
const RETRY_AFTER_MS = 10_000;
const SESSION_CODES: ReadonlySet<string> = new Set([ErrorCode.UNAUTHENTICATED, ErrorCode.SESSION_REVOKED]);

/**
 * Opens the session's socket while mounted (i.e. while logged in) and turns its events, and the
 * browser's online/offline events, into connection state.
 */
export function ConnectionProvider({ children }: { children: ReactNode }) {
  const { endSession } = useAuth();
  // Created once, without connecting; the effect below owns connect/disconnect.
  const [socket] = useState(createSocket);
  const [state, dispatch] = useReducer(connectionReducer, navigator.onLine, initialConnectionState);

  useEffect(() => {
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const retryLater = () => {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        if (!stopped && navigator.onLine && !socket.active) socket.connect();
      }, RETRY_AFTER_MS);
    };
    const stop = () => {
      stopped = true;
      clearTimeout(retryTimer);
      socket.disconnect();
    };
    const newVersion = () => {
      stop();
      dispatch({ type: 'protocol_mismatch' });
    };
    const sessionOver = () => {
      stop();
      endSession();
    };

    const onConnect = () => dispatch({ type: 'connected' });
    const onDisconnect = (reason: string) => {
      if (reason === 'io client disconnect') return;
      // `active` is false when the server closed us on purpose: Socket.io will not retry.
      dispatch({ type: 'disconnected', willRetry: socket.active });
      if (!socket.active) retryLater();
    };
    const onConnectError = (err: Error) => {
      const code = handshakeErrorCode(err);
      if (code === ErrorCode.PROTOCOL_MISMATCH) return newVersion();
      if (code && SESSION_CODES.has(code)) return sessionOver();
      if (socket.active) return dispatch({ type: 'retrying' });
      dispatch({ type: 'gave_up' });
      retryLater();
    };
    const onSessionEnded = ({ reason }: SessionEndedPayload) =>
      reason === DisconnectReason.PROTOCOL_MISMATCH ? newVersion() : sessionOver();
    const onReconnectAttempt = () => dispatch({ type: 'retrying' });
    const onReconnectFailed = () => {
      dispatch({ type: 'gave_up' });
      retryLater();
    };
    const onOnline = () => {
      dispatch({ type: 'browser_online' });
      if (!stopped && !socket.connected && !socket.active) socket.connect();
    };
    const onOffline = () => dispatch({ type: 'browser_offline' });

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.on('session:ended', onSessionEnded);
    socket.io.on('reconnect_attempt', onReconnectAttempt);
    socket.io.on('reconnect_failed', onReconnectFailed);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    socket.connect();

    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.off('session:ended', onSessionEnded);
      socket.io.off('reconnect_attempt', onReconnectAttempt);
      socket.io.off('reconnect_failed', onReconnectFailed);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      stop();
    };
  }, [socket, endSession]);

  const value = useMemo(() => ({ socket, state }), [socket, state]);
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
}
