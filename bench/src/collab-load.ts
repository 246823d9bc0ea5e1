import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import type { Measurement } from './case.ts';
import { connectCollab, monoMs, type CollabClient, type CollabEndpoint } from './collab-client.ts';
import { cpuMeter, type CpuPercent } from './proc.ts';
import { measurement } from './stats.ts';
import { StrokeLatency, dueAt, partition } from './stroke-latency.ts';
import type { FromViewerWorker, ToViewerWorker, ViewerWorkerData } from './viewer-worker.ts';

export interface StrokeWorkload {
  strokes: number;
  intervalMs: number;
  /** Drawn and waited for first, not measured: JIT, socket buffers, the join-time presence burst. */
  warmupStrokes: number;
  /** After the last stroke, how long sightings may still take; what is missing then is lost. */
  deadlineMs: number;
  /** Viewers connecting at once (over all threads). */
  connectConcurrency: number;
  /** Worker threads the viewers are spread over. */
  viewerThreads: number;
  /** How viewers take the strokes in: on the wire (default) or into a Yjs doc each (see viewer-worker.ts). */
  viewer: 'wire' | 'yjs';
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

const BOOTSTRAP = path.join(import.meta.dirname, 'ts-worker.mjs');
const VIEWER_SCRIPT = pathToFileURL(path.join(import.meta.dirname, 'viewer-worker.ts')).href;
/** As the client's `createShapeId`. */
const SHAPE_ID_LENGTH = 21;
/** A short pen stroke, as a pointer-up commits it. */
const POINTS_PER_STROKE = 32;
/** How long threads get to hand over their sightings, or to close, before the bench gives up. */
const THREAD_ANSWER_MS = 10_000;

type Message<T extends FromViewerWorker['type']> = Extract<FromViewerWorker, { type: T }>;

/** One worker thread of viewers, `offset` being the global index of its first viewer. */
class ViewerThread {
  private readonly worker: Worker;
  private readonly listeners = new Set<(m: FromViewerWorker) => void>();
  /** Rejects when the thread fails or exits; never resolves. */
  private readonly failure: Promise<never>;

  constructor(
    data: ViewerWorkerData,
    readonly offset: number,
  ) {
    this.worker = new Worker(BOOTSTRAP, { workerData: data });
    this.failure = new Promise<never>((_, reject) => {
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`a viewer thread exited (code ${code})`)));
      this.worker.on('message', (m: FromViewerWorker) => {
        if (m.type === 'failed') reject(new Error(`a viewer thread failed: ${m.message}`));
        for (const listener of [...this.listeners]) listener(m);
      });
    });
    this.failure.catch(() => {});
  }

  send(message: ToViewerWorker): void {
    this.worker.postMessage(message);
  }

  /** The next message of this type (and matching `where`); rejects if the thread fails first. */
  next<T extends FromViewerWorker['type']>(type: T, where: (m: Message<T>) => boolean = () => true): Promise<Message<T>> {
    let listener: (m: FromViewerWorker) => void = () => {};
    const received = new Promise<Message<T>>((resolve) => {
      listener = (m) => {
        if (m.type !== type || !where(m as Message<T>)) return;
        this.listeners.delete(listener);
        resolve(m as Message<T>);
      };
      this.listeners.add(listener);
    });
    return Promise.race([received, this.failure]).finally(() => this.listeners.delete(listener));
  }

  async close(): Promise<void> {
    const closed = this.next('closed').catch(() => {});
    this.send({ type: 'close' });
    await Promise.race([closed, sleep(THREAD_ANSWER_MS)]);
    await this.worker.terminate();
  }
}

/** A URL-safe 21-character id, like the client's `createShapeId`, starting with the phase's prefix. */
function shapeId(prefix: string): string {
  return prefix + randomBytes(16).toString('base64url').slice(0, SHAPE_ID_LENGTH - prefix.length);
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


/** One measured burst of strokes on a session. */
export interface StrokeDraw {
  tracker: StrokeLatency;
  seconds: number;
  disconnects: number;
  cpu: CpuPercent;
}

/** A writer and its viewers, connected and ready to draw bursts of strokes; `close` when done. */
export interface StrokeSession {
  draw(count: number): Promise<StrokeDraw>;
  close(): Promise<void>;
}

/**
 * One writer (this thread) and `viewerCookies.length` viewers (spread over worker threads of
 * this process) on one doc; every time is read from the one monotonic clock. Each `draw` has the
 * writer add one ink shape per transaction on a fixed cadence; each viewer's shapes-map observer
 * stamps when its doc has it. Completion is awaited by those events; `deadlineMs` only bounds a
 * burst in which some never come. CPU is read over each burst.
 */
export async function openStrokeSession(
  endpoint: CollabEndpoint,
  writerCookie: string | null,
  viewerCookies: readonly (string | null)[],
  workload: StrokeWorkload,
  measure: { serverPid: number; databasePids: number[]; log: (line: string) => void },
): Promise<StrokeSession> {
  let writer: CollabClient | null = null;
  let threads: ViewerThread[] = [];
  let phases = 0;
  const close = async () => {
    writer?.destroy();
    await Promise.all(threads.map((t) => t.close()));
  };
  try {
    writer = await connectCollab(endpoint, writerCookie);
    const slices = partition(viewerCookies.length, Math.min(workload.viewerThreads, viewerCookies.length));
    measure.log(`  connecting ${viewerCookies.length} viewers (${slices.length} threads)`);
    threads = slices.map(
      ([from, to]) =>
        new ViewerThread(
          { endpoint, cookies: viewerCookies.slice(from, to), connectConcurrency: Math.max(1, Math.ceil(workload.connectConcurrency / slices.length)), viewer: workload.viewer, idLength: SHAPE_ID_LENGTH, script: VIEWER_SCRIPT },
          from,
        ),
    );
    await Promise.all(threads.map((t) => t.next('ready')));
  } catch (err) {
    await close();
    throw err;
  }
  const connected = writer;
  let writerDisconnects = 0;
  connected.provider.on('connection-close', () => writerDisconnects++);

  const draw = async (count: number): Promise<StrokeDraw> => {
    const prefix = `b${(phases++).toString(36).padStart(2, '0')}`;
    await Promise.all(
      threads.map((t) => {
        const ready = t.next('phase-ready', (m) => m.prefix === prefix);
        t.send({ type: 'phase', prefix, count });
        return ready;
      }),
    );
    const reports = Promise.all(threads.map((t) => t.next('sightings', (m) => m.prefix === prefix)));
    const tracker = new StrokeLatency(count, viewerCookies.length);
    const strokeOf = new Map<string, number>();
    writerDisconnects = 0;
    const cpu = cpuMeter(measure.serverPid, measure.databasePids);
    const startedAt = monoMs();
    for (let i = 0; i < count; i++) {
      const wait = dueAt(startedAt, workload.intervalMs, i) - monoMs();
      if (wait > 0) await sleep(wait);
      const id = shapeId(prefix);
      strokeOf.set(id, i);
      tracker.sent(i, monoMs());
      connected.doc.transact(() => connected.shapes.set(id, inkShape(id, i, workload.author)));
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), workload.deadlineMs);
    });
    const onTime = await Promise.race([reports.then(() => true), deadline]);
    clearTimeout(timer);
    const seconds = (monoMs() - startedAt) / 1000;
    const cpuPercent = cpu();
    if (!onTime) for (const t of threads) t.send({ type: 'collect', prefix });
    const answered = await Promise.race([reports, sleep(THREAD_ANSWER_MS).then(() => null)]);
    if (!answered) throw new Error('the viewer threads did not hand over their sightings');
    let disconnects = writerDisconnects;
    answered.forEach((report, t) => {
      disconnects += report.disconnects;
      for (const [id, v, at] of report.seen) {
        const stroke = strokeOf.get(id);
        if (stroke !== undefined) tracker.seen(stroke, threads[t]!.offset + v, at);
      }
    });
    return { tracker, seconds, disconnects, cpu: cpuPercent };
  };
  return { draw, close };
}

/**
 * Several measured bursts of one session pooled into one run: every (stroke, viewer) sample,
 * lost pairs and disconnects summed, CPU weighted by each burst's duration.
 */
export function pooledRun(draws: readonly StrokeDraw[], deadlineMs: number): StrokeRun {
  const latencies = draws.flatMap((d) => d.tracker.latencies());
  if (!latencies.length) throw new Error(`no viewer saw any stroke within ${deadlineMs} ms of the last one`);
  const lastViewer = draws.flatMap((d) => d.tracker.lastViewerLatencies());
  const seconds = draws.reduce((sum, d) => sum + d.seconds, 0);
  const weighted = (pick: (c: CpuPercent) => number | null): number | null => {
    if (draws.some((d) => pick(d.cpu) === null)) return null;
    return Math.round(draws.reduce((sum, d) => sum + pick(d.cpu)! * d.seconds, 0) / seconds);
  };
  return {
    pairs: measurement(latencies, seconds),
    lastViewer: lastViewer.length ? measurement(lastViewer, seconds) : null,
    lost: draws.reduce((sum, d) => sum + d.tracker.lost, 0),
    disconnects: draws.reduce((sum, d) => sum + d.disconnects, 0),
    cpu: { server: weighted((c) => c.server)!, database: weighted((c) => c.database), bench: weighted((c) => c.bench)! },
  };
}
