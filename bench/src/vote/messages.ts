/**
 * What the vote case's coordinator (the bench process) and its client processes
 * (`client-process.ts`) say to each other over the fork IPC channel. Times that cross processes
 * are wall-clock milliseconds with sub-millisecond precision (`wallNow()`), comparable because
 * every process runs on the same machine.
 */

/** Coordinator → client process. */
export type ToClients =
  /** Connect one Socket.io client per cookie and check each delegate in. */
  | { t: 'connect'; baseUrl: string; meetingId: string; cookies: string[]; concurrency: number; voteWindowMs: number }
  /** Each delegate joins the meeting (`live:sync`: its room and the live state). */
  | { t: 'join'; meetingId: string; concurrency: number }
  /** Drop the Socket.io clients (after the round). */
  | { t: 'disconnect' }
  /** Connect `count` plain ws clients to the bare broadcast server. */
  | { t: 'bareConnect'; url: string; count: number; concurrency: number }
  /** Forget the bare clients' arrivals: the next broadcast is measured from scratch. */
  | { t: 'bareReset' }
  | { t: 'bareDisconnect' };

/** Client process → coordinator. */
export type FromClients =
  | { t: 'connected'; count: number }
  | { t: 'joined' }
  /** Every client of this process voted: ack latencies in ms (send → ack callback). */
  | { t: 'voted'; ackMs: number[] }
  /** Every client received the `poll:result` frame: wall times of arrival, and the frame itself once. */
  | { t: 'results'; at: number[]; frame: string; identical: boolean }
  | { t: 'disconnected' }
  | { t: 'bareConnected'; count: number }
  | { t: 'bareReady' }
  | { t: 'bareResults'; at: number[]; identical: boolean }
  | { t: 'failed'; error: string };

/**
 * Now as wall-clock ms with sub-ms precision: `timeOrigin` is this process's start in wall time,
 * `performance.now()` the monotonic time since. Two processes on one machine share the wall clock.
 */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}
