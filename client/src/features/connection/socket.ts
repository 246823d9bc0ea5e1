import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type HandshakeAuth, type ServerToClientEvents } from '@e-cabinet/protocol';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The one Socket.io connection of a logged-in session. WebSocket only (half the memory per
 * connection on the server); the session travels in the httpOnly cookie, the protocol version
 * in `auth` so the server can refuse an outdated client.
 */
export function createSocket(): AppSocket {
  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION };
  return io({
    path: '/socket.io',
    transports: ['websocket'],
    auth,
    withCredentials: true,
    autoConnect: false,
  });
}

/** The machine code the server put in a refused handshake (`next(err)` with `err.data`). */
export function handshakeErrorCode(err: Error): string | undefined {
  const data = (err as Error & { data?: unknown }).data;
  if (typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string') return data.code;
  return undefined;
}
