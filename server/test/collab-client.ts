import type { Binary } from 'mongodb';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterEach } from 'vitest';
import { COLLAB_PATH, collabParams } from '@e-cabinet/protocol';
import { buildTestApp, listen, makeMeeting, upload, type MeetingCast, type TestApp } from './helper.ts';
import { makePdf } from './files.ts';

/** Node has no browser WebSocket: a `ws` socket that sends the session cookie, as a browser would. */
function cookieWebSocket(cookie: string | null, origin?: string) {
  return class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) } });
    }
  };
}

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the server's state has arrived (sync step 2). */
  synced: Promise<void>;
  /** Resolves with the code of the first close the server sends. */
  closed: Promise<{ code: number; reason: string }>;
  destroy(): void;
}

/**
 * A real y-websocket client on `/collab/<docName>` with its own connection: `disableBc`, or
 * lib0's BroadcastChannel would carry updates between clients in this process and prove nothing.
 */
export function connectCollab(
  baseUrl: string,
  docName: string,
  cookie: string | null,
  opts: { params?: Record<string, string>; origin?: string; doc?: Y.Doc } = {},
): CollabClient {
  // An existing doc plays a client that kept its state (IndexedDB) across a reconnect.
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}`, docName, doc, {
    WebSocketPolyfill: cookieWebSocket(cookie, opts.origin) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: opts.params ?? collabParams(),
    // Tests wait on events; a retry after a transient close should not wait long.
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    const on = (state: boolean) => {
      if (!state) return;
      provider.off('sync', on);
      resolve();
    };
    provider.on('sync', on);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    const on = (event: { code: number; reason: string } | null) => {
      if (!event) return;
      provider.off('connection-close', on);
      resolve({ code: event.code, reason: event.reason });
    };
    provider.on('connection-close', on);
  });
  return {
    doc,
    provider,
    synced,
    closed,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `check` holds for the doc, testing after every change (no timers). */
export function until(doc: Y.Doc, check: (doc: Y.Doc) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check(doc)) return resolve();
    const on = () => {
      if (!check(doc)) return;
      doc.off('update', on);
      resolve();
    };
    doc.on('update', on);
  });
}

/**
 * What the stored records of a doc add up to, read straight from the database once the app has
 * stored everything it relayed on that doc (the endpoint relays first and stores right behind).
 */
export async function storedDoc(app: Pick<TestApp, 'db' | 'collab'>, docName: string): Promise<{ doc: Y.Doc; records: number }> {
  await app.collab.flushed(docName);
  const records = await app.db.collection<{ update: Binary }>('yjsUpdates').find({ docName }, { sort: { _id: 1 } }).toArray();
  const doc = new Y.Doc();
  for (const r of records) Y.applyUpdate(doc, r.update.value());
  return { doc, records: records.length };
}

/** A published meeting with a two-page document, on a listening app, as every collab test needs. */
export async function collabMeeting(): Promise<{ app: TestApp; baseUrl: string; cast: MeetingCast; versionId: string }> {
  const app = await buildTestApp();
  const baseUrl = await listen(app);
  const cast = await makeMeeting(app, { status: 'published' });
  const versionId = (await upload(app, cast.secretary.cookie, cast.meetingId, cast.itemId, await makePdf(2))).json().current.id as string;
  return { app, baseUrl, cast, versionId };
}

/** Collab clients a test file opens; all are destroyed after each test (or on demand). */
export function clientPool() {
  const open: CollabClient[] = [];
  const pool = {
    add(client: CollabClient): CollabClient {
      open.push(client);
      return client;
    },
    destroyAll(): void {
      for (const c of open.splice(0)) c.destroy();
    },
  };
  afterEach(() => pool.destroyAll());
  return pool;
}
