/**
 * A worker thread holding some of the annotation case's viewers (started by `collab-load.ts`
 * through `ts-worker.mjs`). Real viewers each have a device of their own; one thread decoding
 * every viewer's copy of every stroke would queue them behind one another and measure the bench
 * instead of the server, so the viewers are spread over a few threads.
 *
 * Viewers are `wire` clients by default (`connectWire`): the same upgrade, cookie and sync
 * protocol as y-websocket, each stroke spotted by its id in the relayed frame, the moment the
 * frame arrives. A real viewer then applies it to its doc on its own device, in parallel with
 * every other viewer; a hundred docs here would share two cores with the server and the figures
 * would be the bench's. `yjs` viewers (BENCH_ANNOTATION_VIEWER=yjs) are y-websocket providers
 * whose shapes-map observer stamps when the doc has the stroke. Times are read on the
 * process-wide monotonic clock. When every viewer here has seen
 * all of them, the sightings go back to the main thread, unasked; on `collect` (the main
 * thread's deadline) they go back as they are.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectCollab, connectWire, monoMs, shapeIdsIn, type CollabEndpoint } from './collab-client.ts';
import { mapLimit } from './load.ts';

export interface ViewerWorkerData {
  endpoint: CollabEndpoint;
  cookies: (string | null)[];
  connectConcurrency: number;
  /** `wire`: protocol-level viewers (`connectWire`); `yjs`: y-websocket providers with a Yjs doc each. */
  viewer: 'wire' | 'yjs';
  /** Length of the stroke ids, their phase prefix included. */
  idLength: number;
  /** Module the bootstrap imports (this file), see ts-worker.mjs. */
  script: string;
}

/** Messages to the worker. */
export type ToViewerWorker =
  /** Strokes whose shape id starts with `prefix` belong to the phase; `count` of them will come. */
  | { type: 'phase'; prefix: string; count: number }
  | { type: 'collect'; prefix: string }
  | { type: 'close' };

/** Messages from the worker. */
export type FromViewerWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'phase-ready'; prefix: string }
  /** `seen`: [shape id, viewer index within this worker, monoMs] for each first sighting. */
  | { type: 'sightings'; prefix: string; complete: boolean; seen: [string, number, number][]; disconnects: number }
  | { type: 'closed' };

interface Phase {
  prefix: string;
  count: number;
  seen: Set<string>[];
  sightings: [string, number, number][];
  /** Viewers that have not yet seen every stroke of the phase. */
  behind: number;
  reported: boolean;
}

const port = parentPort!;
const data = workerData as ViewerWorkerData;
const post = (message: FromViewerWorker) => port.postMessage(message);
let phase: Phase | null = null;
let disconnects = 0;
let clients: { destroy(): void }[] = [];

function report(complete: boolean): void {
  if (!phase) return;
  phase.reported = true;
  post({ type: 'sightings', prefix: phase.prefix, complete, seen: phase.sightings, disconnects });
}

/** Viewer `v` has the stroke `key` (if it is one of this phase's, for the first time). */
function sighted(v: number, key: string, at: number): void {
  const p = phase;
  if (!p) return;
  const seen = p.seen[v]!;
  if (!key.startsWith(p.prefix) || seen.has(key)) return;
  seen.add(key);
  p.sightings.push([key, v, at]);
  if (seen.size === p.count && --p.behind === 0 && !p.reported) report(true);
}

async function start(): Promise<void> {
  // Each y-websocket provider in Node adds a process 'exit' listener (to clear its presence).
  process.setMaxListeners(process.getMaxListeners() + data.cookies.length);
  const connected: { destroy(): void }[] = [];
  try {
    await mapLimit(data.cookies.length, data.connectConcurrency, async (v) => {
      if (data.viewer === 'wire') {
        const client = await connectWire(
          data.endpoint,
          data.cookies[v]!,
          (frame) => {
            const p = phase;
            if (!p) return;
            const at = monoMs();
            for (const key of shapeIdsIn(frame, p.prefix, data.idLength)) sighted(v, key, at);
          },
          () => disconnects++,
        );
        connected.push(client);
        return;
      }
      const client = await connectCollab(data.endpoint, data.cookies[v]!);
      connected.push(client);
      client.provider.on('connection-close', () => disconnects++);
      client.shapes.observe((event) => {
        const at = monoMs();
        for (const key of event.keysChanged) sighted(v, key, at);
      });
    });
  } catch (err) {
    for (const c of connected) c.destroy();
    throw err;
  }
  clients = connected;
}

port.on('message', (message: ToViewerWorker) => {
  switch (message.type) {
    case 'phase':
      phase = { prefix: message.prefix, count: message.count, seen: data.cookies.map(() => new Set()), sightings: [], behind: data.cookies.length, reported: false };
      disconnects = 0;
      post({ type: 'phase-ready', prefix: message.prefix });
      return;
    case 'collect':
      if (phase?.prefix === message.prefix) report(phase.behind === 0);
      return;
    case 'close':
      for (const c of clients) c.destroy();
      clients = [];
      post({ type: 'closed' });
      port.close();
      return;
  }
});

start().then(
  () => post({ type: 'ready' }),
  (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
);
