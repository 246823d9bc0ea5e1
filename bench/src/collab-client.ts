import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Where y-websocket clients connect: `<serverUrl>/<docName>?<params>`. */
export interface CollabEndpoint {
  serverUrl: string;
  docName: string;
  params: Record<string, string>;
}

/** What the app stores under `shapes` (packages/annotations/src/doc.ts): one Y.Map per shape. */
export const SHAPES_KEY = 'shapes';

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  shapes: Y.Map<unknown>;
  destroy(): void;
}

/**
 * Milliseconds on the process-wide monotonic clock. Not performance.now(): each worker thread
 * has its own time origin, and writer and viewers must read the same clock.
 */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Node has no browser WebSocket: a `ws` socket that sends the session cookie, as a browser would. */
function cookieWebSocket(cookie: string | null) {
  return class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie ? { cookie } : {} });
    }
  };
}

/**
 * A y-websocket client with its own connection (`disableBc`: otherwise lib0's BroadcastChannel
 * would carry updates between the clients of one thread and bypass the server). Resolves once
 * synced; rejects if the server first closes with an application code (4xxx: refused).
 */
export async function connectCollab(endpoint: CollabEndpoint, cookie: string | null): Promise<CollabClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(endpoint.serverUrl, endpoint.docName, doc, {
    WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: endpoint.params,
  });
  const client: CollabClient = {
    doc,
    provider,
    shapes: doc.getMap<unknown>(SHAPES_KEY),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const onSync = (synced: boolean) => {
        if (!synced) return;
        provider.off('sync', onSync);
        provider.off('connection-close', onClose);
        resolve();
      };
      const onClose = (event: { code: number; reason: string } | null) => {
        if (!event || event.code < 4000) return;
        provider.off('sync', onSync);
        provider.off('connection-close', onClose);
        reject(new Error(`${endpoint.serverUrl}/${endpoint.docName} refused the connection: ${event.code} ${event.reason}`));
      };
      provider.on('sync', onSync);
      provider.on('connection-close', onClose);
    });
  } catch (err) {
    client.destroy();
    throw err;
  }
  return client;
}
