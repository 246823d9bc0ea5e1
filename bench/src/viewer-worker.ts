/**
 * A worker thread holding some of the annotation case's viewers (started by `collab-load.ts`
 * through `ts-worker.mjs`). Real viewers each have a device of their own; one thread decoding
 * every viewer's copy of every stroke would queue them behind one another and measure the bench
 * instead of the server, so the viewers are spread over a few threads.
 *
 * Each viewer's shapes-map observer stamps, on the process-wide monotonic clock, the moment
 * that viewer's doc first has each stroke of the current phase. When every viewer here has seen
 * all of them, the sightings go back to the main thread, unasked; on `collect` (the main
 * thread's deadline) they go back as they are.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectCollab, monoMs, type CollabClient, type CollabEndpoint } from './collab-client.ts';
import { mapLimit } from './load.ts';

export interface ViewerWorkerData {
  endpoint: CollabEndpoint;
  cookies: (string | null)[];
  connectConcurrency: number;
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
let clients: CollabClient[] = [];

function report(complete: boolean): void {
  if (!phase) return;
  phase.reported = true;
  post({ type: 'sightings', prefix: phase.prefix, complete, seen: phase.sightings, disconnects });
}

async function start(): Promise<void> {
  // Each y-websocket provider in Node adds a process 'exit' listener (to clear its presence).
  process.setMaxListeners(process.getMaxListeners() + data.cookies.length);
  const connected: CollabClient[] = [];
  try {
    await mapLimit(data.cookies.length, data.connectConcurrency, async (v) => {
      const client = await connectCollab(data.endpoint, data.cookies[v]!);
      connected.push(client);
      client.provider.on('connection-close', () => disconnects++);
      client.shapes.observe((event) => {
        const at = monoMs();
        const p = phase;
        if (!p) return;
        for (const key of event.keysChanged) {
          const seen = p.seen[v]!;
          if (!key.startsWith(p.prefix) || seen.has(key)) continue;
          seen.add(key);
          p.sightings.push([key, v, at]);
          if (seen.size === p.count && --p.behind === 0 && !p.reported) report(true);
        }
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
