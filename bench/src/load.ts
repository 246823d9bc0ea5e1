import type { Measurement } from './case.ts';
import { summarize } from './stats.ts';

export interface ClosedLoopOptions {
  concurrency: number;
  durationMs: number;
  /** Run the same load this long first and discard it. */
  warmupMs: number;
}

/**
 * Closed-loop load: `concurrency` workers each await `op` back to back until the time is up.
 * Latency is measured around each call with performance.now(). Being closed-loop, a slow server
 * also lowers the offered load, so p99 here is a floor, not what an open arrival rate would see.
 * Stops every worker at the first failure and throws it.
 */
export async function closedLoop(op: () => Promise<void>, opts: ClosedLoopOptions): Promise<Measurement> {
  if (opts.warmupMs > 0) await runWorkers(op, opts.concurrency, opts.warmupMs);
  return runWorkers(op, opts.concurrency, opts.durationMs);
}

async function runWorkers(op: () => Promise<void>, concurrency: number, durationMs: number): Promise<Measurement> {
  const samples: number[] = [];
  let failed = false;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (!failed && performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await op();
      } catch (err) {
        failed = true;
        throw err;
      }
      samples.push(performance.now() - t0);
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: concurrency }, worker));
  const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (rejected) throw rejected.reason;
  const seconds = (performance.now() - started) / 1000;
  return { count: samples.length, seconds, perSecond: samples.length / seconds, latencyMs: summarize(samples) };
}

/** Runs `fn(0..count-1)` with at most `limit` in flight; results in index order. */
export async function mapLimit<T>(count: number, limit: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}

/** Times each call of `fn` over `count` items at `limit` in flight; returns a Measurement. */
export async function timedBatch(count: number, limit: number, fn: (i: number) => Promise<void>): Promise<Measurement> {
  const started = performance.now();
  const samples = await mapLimit(count, limit, async (i) => {
    const t0 = performance.now();
    await fn(i);
    return performance.now() - t0;
  });
  const seconds = (performance.now() - started) / 1000;
  return { count, seconds, perSecond: count / seconds, latencyMs: summarize(samples) };
}
