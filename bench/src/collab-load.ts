import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Measurement } from './case.ts';
import { mapLimit } from './load.ts';
import { cpuMeter, type CpuPercent } from './proc.ts';
import { summarize } from './stats.ts';
import { StrokeLatency, dueAt } from './stroke-latency.ts';

/** Where the y-websocket clients connect: `<serverUrl>/<docName>?<params>`. */
export interface CollabEndpoint {
  serverUrl: string;
  docName: string;
  params: Record<string, string>;
}

export interface StrokeWorkload {
  strokes: number;
  intervalMs: number;
  /** Drawn and waited for first, not measured: JIT, socket buffers, the join-time presence burst. */
  warmupStrokes: number;
  /** After the last stroke, how long sightings may still take; what is missing then is lost. */
  deadlineMs: number;
  connectConcurrency: number;
  /** Written into each shape as its author, as the client would. */
  author: { id: string; name: string };
}

export interface StrokeRun {
  /** Every (stroke, viewer) pair: writer's transaction → that viewer's shapes map observes it. */
  pairs: Measurement;
  /** Per stroke, until the last viewer saw it; absent when no stroke reached every viewer. */
  lastViewer: Measurement | null;
  /** Pairs never observed within the deadline. */
  lost: number;
  /** Sockets that closed while strokes were measured (y-websocket reconnects and resyncs). */
  disconnects: number;
  /** CPU of the server (and its database) and of this process over the measured strokes. */
  cpu: CpuPercent;
}

/** What the app stores under `shapes` (packages/annotations/src/doc.ts): one Y.Map per shape. */
const SHAPES_KEY = 'shapes';
/** A short pen stroke, as a pointer-up commits it. */
const POINTS_PER_STROKE = 32;

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  shapes: Y.Map<unknown>;
  destroy(): void;
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
 * would carry updates between the clients in this process and bypass the server). Resolves once
 * synced; rejects if the server closes with an application code (4xxx: refused) first.
 */
async function connect(endpoint: CollabEndpoint, cookie: string | null): Promise<Client> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(endpoint.serverUrl, endpoint.docName, doc, {
    WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: endpoint.params,
  });
  const client: Client = {
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

/** A URL-safe 21-character id, like the client's `createShapeId`. */
function shapeId(): string {
  return randomBytes(16).toString('base64url').slice(0, 21);
}

/** An ink shape as `toYMap` builds it: fields as entries, points as a Y.Array of [x, y, pressure]. */
function inkShape(id: string, index: number, author: StrokeWorkload['author']): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  const x0 = 50 + (index % 20) * 25;
  const y0 = 100 + Math.floor(index / 20) * 30;
  const points = Array.from({ length: POINTS_PER_STROKE }, (_, k) => [x0 + k * 0.7, Math.round((y0 + 6 * Math.sin(k / 3)) * 100) / 100, 0.5]);
  const fields = { id, page: 1, authorId: author.id, authorName: author.name, createdAt: Date.now(), color: '#c62828', kind: 'ink', width: 2 };
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  const arr = new Y.Array<unknown>();
  arr.push(points);
  m.set('points', arr);
  return m;
}

/**
 * One writer and `viewerCookies.length` viewers on one doc, all in this process so every time is
 * read from the same performance.now() clock. The writer adds one ink shape per transaction on a
 * fixed cadence; each viewer's shapes-map observer stamps the moment that viewer's doc has it.
 * Completion is awaited by those events; `deadlineMs` only bounds a run in which some never come.
 */
export async function runStrokes(
  endpoint: CollabEndpoint,
  writerCookie: string | null,
  viewerCookies: readonly (string | null)[],
  workload: StrokeWorkload,
  measure: { serverPid: number; databasePids: number[]; log: (line: string) => void },
): Promise<StrokeRun> {
  const clients: Client[] = [];
  const ids = new Map<string, { tracker: StrokeLatency; index: number }>();
  let disconnects = 0;
  // Each y-websocket provider in Node adds a process 'exit' listener (to clear its presence).
  const maxListeners = process.getMaxListeners();
  process.setMaxListeners(maxListeners + viewerCookies.length + 1);
  try {
    const writer = await connect(endpoint, writerCookie);
    clients.push(writer);
    measure.log(`  connecting ${viewerCookies.length} viewers`);
    const viewers = await mapLimit(viewerCookies.length, workload.connectConcurrency, async (v) => {
      const client = await connect(endpoint, viewerCookies[v]!);
      clients.push(client);
      client.shapes.observe((event) => {
        const at = performance.now();
        for (const key of event.keysChanged) {
          const entry = ids.get(key);
          if (entry) entry.tracker.seen(entry.index, v, at);
        }
      });
      return client;
    });
    for (const c of clients) c.provider.on('connection-close', () => disconnects++);

    const draw = async (count: number): Promise<{ tracker: StrokeLatency; seconds: number }> => {
      const tracker = new StrokeLatency(count, viewers.length);
      const startedAt = performance.now();
      for (let i = 0; i < count; i++) {
        const wait = dueAt(startedAt, workload.intervalMs, i) - performance.now();
        if (wait > 0) await sleep(wait);
        const id = shapeId();
        ids.set(id, { tracker, index: i });
        tracker.sent(i, performance.now());
        writer.doc.transact(() => writer.shapes.set(id, inkShape(id, i, workload.author)));
      }
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, workload.deadlineMs);
      });
      await Promise.race([tracker.complete, deadline]);
      clearTimeout(timer);
      return { tracker, seconds: (performance.now() - startedAt) / 1000 };
    };

    if (workload.warmupStrokes > 0) {
      measure.log(`  warm-up: ${workload.warmupStrokes} strokes`);
      const warm = await draw(workload.warmupStrokes);
      if (warm.tracker.lost) measure.log(`  warm-up: ${warm.tracker.lost} (stroke, viewer) pairs never arrived`);
    }
    measure.log(`  ${workload.strokes} strokes, one every ${workload.intervalMs} ms`);
    disconnects = 0;
    const cpu = cpuMeter(measure.serverPid, measure.databasePids);
    const { tracker, seconds } = await draw(workload.strokes);
    const cpuPercent = cpu();

    const latencies = tracker.latencies();
    if (!latencies.length) throw new Error(`no viewer saw any stroke within ${workload.deadlineMs} ms of the last one`);
    const lastViewer = tracker.lastViewerLatencies();
    return {
      pairs: { count: latencies.length, seconds, perSecond: latencies.length / seconds, latencyMs: summarize(latencies) },
      lastViewer: lastViewer.length ? { count: lastViewer.length, seconds, perSecond: lastViewer.length / seconds, latencyMs: summarize(lastViewer) } : null,
      lost: tracker.lost,
      disconnects,
      cpu: cpuPercent,
    };
  } finally {
    for (const c of clients) c.destroy();
    process.setMaxListeners(maxListeners);
  }
}
