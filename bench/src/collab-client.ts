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

/** A viewer that speaks the sync protocol on the wire but keeps no Yjs doc (see `connectWire`). */
export interface WireClient {
  ws: WebSocket;
  destroy(): void;
}

/** varuint 0 (sync), 0 (step 1), then an empty state vector as a varUint8Array: "send me everything". */
const SYNC_STEP1_EMPTY = Uint8Array.of(0, 0, 1, 0);
const SYNC = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/**
 * The ids of the shapes a sync frame carries whose id starts with `prefix`: Yjs writes a map
 * key (and the shape's `id` field) as a varString, its length byte right before it, so the ids
 * are found by that length and the prefix, without decoding the update.
 */
export function shapeIdsIn(frame: Uint8Array, prefix: string, idLength: number): string[] {
  if (frame[0] !== SYNC || (frame[1] !== SYNC_STEP2 && frame[1] !== SYNC_UPDATE)) return [];
  const head = [idLength, ...Buffer.from(prefix, 'latin1')];
  const ids = new Set<string>();
  outer: for (let i = 2; i + head.length + idLength - prefix.length <= frame.length; i++) {
    for (let k = 0; k < head.length; k++) if (frame[i + k] !== head[k]) continue outer;
    ids.add(Buffer.from(frame.subarray(i + 1, i + 1 + idLength)).toString('latin1'));
  }
  return [...ids];
}

/**
 * A signed-in viewer on the collab endpoint that does what a y-websocket client does on the
 * wire (the same upgrade and cookie, sync step 1, then every update the server relays) without
 * applying the updates to a Yjs doc: on a real device that work runs in parallel with every
 * other viewer's, while here a hundred viewers share two cores with the server, so decoding
 * would measure the bench. `onFrame` gets each binary frame as it arrives. Resolves once the
 * server's sync step 2 came; rejects if the server refuses (4xxx) or the socket fails first.
 */
export function connectWire(endpoint: CollabEndpoint, cookie: string | null, onFrame: (frame: Uint8Array) => void, onClose: () => void): Promise<WireClient> {
  const query = new URLSearchParams(endpoint.params).toString();
  const ws = new WebSocket(`${endpoint.serverUrl}/${endpoint.docName}${query ? `?${query}` : ''}`, { headers: cookie ? { cookie } : {} });
  const client: WireClient = { ws, destroy: () => ws.terminate() };
  return new Promise((resolve, reject) => {
    let synced = false;
    ws.on('open', () => ws.send(SYNC_STEP1_EMPTY));
    ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return;
      const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (!synced && frame[0] === SYNC && frame[1] === SYNC_STEP2) {
        synced = true;
        resolve(client);
      }
      onFrame(frame);
    });
    ws.on('close', (code, reason) => {
      if (!synced) reject(new Error(`${endpoint.serverUrl}/${endpoint.docName} closed the connection before syncing: ${code} ${reason.toString()}`));
      else onClose();
    });
    ws.on('error', (err) => {
      if (!synced) reject(err);
    });
  });
}
