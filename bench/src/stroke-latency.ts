/**
 * Bookkeeping for "one writer, many viewers": when each stroke left the writer and when each
 * viewer first saw it, all on one performance.now() clock. A pair (stroke, viewer) counts once;
 * a later sighting (the same stroke again after a viewer resynced) changes nothing.
 */
export class StrokeLatency {
  private readonly sentAt: Float64Array;
  private readonly seenAt: Float64Array;
  private observed = 0;
  private resolveComplete: () => void = () => {};
  /** Resolves once every viewer has seen every stroke. */
  readonly complete: Promise<void>;

  constructor(
    readonly strokes: number,
    readonly viewers: number,
  ) {
    if (!(Number.isInteger(strokes) && strokes > 0 && Number.isInteger(viewers) && viewers > 0)) {
      throw new RangeError(`need at least one stroke and one viewer, got ${strokes} × ${viewers}`);
    }
    this.sentAt = new Float64Array(strokes).fill(Number.NaN);
    this.seenAt = new Float64Array(strokes * viewers).fill(Number.NaN);
    this.complete = new Promise((resolve) => {
      this.resolveComplete = resolve;
    });
  }

  /** The writer's transaction for `stroke` started at `at`. */
  sent(stroke: number, at: number): void {
    this.check(stroke, 0);
    if (!Number.isNaN(this.sentAt[stroke]!)) throw new Error(`stroke ${stroke} sent twice`);
    this.sentAt[stroke] = at;
  }

  /** `viewer` observed `stroke` at `at`; only the first sighting of a pair is kept. */
  seen(stroke: number, viewer: number, at: number): void {
    this.check(stroke, viewer);
    // The writer stamps a stroke before its transaction, so this is a bookkeeping bug, not lag.
    if (Number.isNaN(this.sentAt[stroke]!)) throw new Error(`stroke ${stroke} seen before it was sent`);
    const i = stroke * this.viewers + viewer;
    if (!Number.isNaN(this.seenAt[i]!)) return;
    this.seenAt[i] = at;
    if (++this.observed === this.seenAt.length) this.resolveComplete();
  }

  /** Pairs never observed (so far). */
  get lost(): number {
    return this.seenAt.length - this.observed;
  }

  /** Latency in ms of every observed (stroke, viewer) pair. */
  latencies(): number[] {
    const out: number[] = [];
    this.seenAt.forEach((at, i) => {
      if (!Number.isNaN(at)) out.push(at - this.sentAt[Math.floor(i / this.viewers)]!);
    });
    return out;
  }

  /** Per stroke that every viewer saw, the latency of the last one to see it: the "all viewers" time. */
  lastViewerLatencies(): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.strokes; s++) {
      let last = Number.NEGATIVE_INFINITY;
      for (let v = 0; v < this.viewers; v++) last = Math.max(last, this.seenAt[s * this.viewers + v]!);
      // Math.max with NaN is NaN: a stroke some viewer missed has no "all viewers" time.
      if (!Number.isNaN(last)) out.push(last - this.sentAt[s]!);
    }
    return out;
  }

  private check(stroke: number, viewer: number): void {
    if (!(Number.isInteger(stroke) && stroke >= 0 && stroke < this.strokes)) throw new RangeError(`no stroke ${stroke}`);
    if (!(Number.isInteger(viewer) && viewer >= 0 && viewer < this.viewers)) throw new RangeError(`no viewer ${viewer}`);
  }
}

/**
 * When the `index`-th event of a paced series is due: fixed slots from `startedAt`, so a late
 * event does not push back the ones after it (setInterval's cadence without its drift).
 */
export function dueAt(startedAt: number, intervalMs: number, index: number): number {
  return startedAt + index * intervalMs;
}

/** `ours / baseline`, two decimals. */
export function ratio(ours: number, baseline: number): number {
  if (!(baseline > 0) || !Number.isFinite(ours)) throw new RangeError(`no ratio of ${ours} to ${baseline}`);
  return Math.round((ours / baseline) * 100) / 100;
}

/** Splits `count` items into `parts` contiguous [from, to) ranges whose sizes differ by at most one. */
export function partition(count: number, parts: number): [number, number][] {
  if (!(Number.isInteger(count) && count >= 0 && Number.isInteger(parts) && parts > 0)) throw new RangeError(`cannot split ${count} into ${parts}`);
  const out: [number, number][] = [];
  for (let p = 0, from = 0; p < parts; p++) {
    const to = from + Math.floor(count / parts) + (p < count % parts ? 1 : 0);
    out.push([from, to]);
    from = to;
  }
  return out;
}
