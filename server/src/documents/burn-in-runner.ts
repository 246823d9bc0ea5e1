import { Worker } from 'node:worker_threads';
import type { Shape } from '@e-cabinet/annotations';
import { AppError } from '../http/app-error.ts';

/** A full TrueType font with Vietnamese (Debian fonts-noto-core), subset into each copy. */
export const EXPORT_FONT_PATH = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf';

/** The worker's JS heap; past it the worker dies (EXPORT_TOO_LARGE), not the server. */
const WORKER_HEAP_MB = 768;
/** An idle worker is stopped after this long, giving its memory back; starting one costs ~1 s. */
const IDLE_MS = 60_000;

interface Job {
  resolve(bytes: Uint8Array): void;
  reject(err: unknown): void;
}

type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/**
 * The burn-in worker thread (`burn-in-worker.mjs`) of this process: started on first use, kept
 * while there is work and for `IDLE_MS` after, restarted after a crash. Callers limit how many
 * jobs run at once; the worker takes them in turn. Unreferenced, so it never keeps the process
 * alive on its own.
 */
class BurnInRunner {
  private current: { worker: Worker; jobs: Map<number, Job> } | null = null;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  /** Burns the layers into the PDF; the PDF's buffer is moved to the worker, not copied. */
  run(pdf: Uint8Array, layers: Shape[][], watermark: string | null): Promise<Uint8Array> {
    const { worker, jobs } = this.start();
    const id = this.nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      jobs.set(id, { resolve, reject });
      worker.postMessage({ id, pdf, layers, fontPath: EXPORT_FONT_PATH, watermark }, [pdf.buffer as ArrayBuffer]);
    }).finally(() => this.idleSoon());
  }

  private start(): { worker: Worker; jobs: Map<number, Job> } {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.current) return this.current;
    const worker = new Worker(new URL('./burn-in-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref();
    // Each worker answers for its own jobs, so a stopping worker cannot fail its successor's.
    const jobs = new Map<number, Job>();
    const current = { worker, jobs };
    let failure: unknown = null;
    worker.on('message', (reply: Reply) => {
      const job = jobs.get(reply.id);
      jobs.delete(reply.id);
      if ('bytes' in reply) job?.resolve(reply.bytes);
      else job?.reject(new Error(`burn-in failed: ${reply.error}`));
    });
    worker.on('error', (err) => (failure = err));
    worker.on('exit', (code) => {
      if (this.current === current) this.current = null;
      const oom = (failure as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      for (const job of jobs.values()) job.reject(oom ? new AppError('EXPORT_TOO_LARGE') : (failure ?? new Error(`burn-in worker exited with code ${code}`)));
      jobs.clear();
    });
    this.current = current;
    return current;
  }

  private idleSoon(): void {
    const current = this.current;
    if (!current || current.jobs.size > 0) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.current !== current || current.jobs.size > 0) return;
      this.current = null; // the next job starts a fresh worker rather than posting to this one
      void current.worker.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }
}

export const burnInRunner = new BurnInRunner();
