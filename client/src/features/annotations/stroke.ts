import type * as Y from 'yjs';
import { appendPoints, type InkPoint, type Point } from '@e-cabinet/annotations';
import { LOCAL_ORIGIN } from './history';

/** `requestAnimationFrame`, injectable for tests. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export const animationFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * Streams the samples of a stroke being drawn into its shape, at most once per animation frame:
 * pointer events come faster than the screen repaints (and faster still with coalesced events),
 * and each `appendPoints` is a Yjs transaction sent to every viewer. Samples closer than
 * `minDistance` (PDF units) to the last kept one add nothing visible and are dropped.
 */
export class StrokeRecorder<P extends InkPoint | Point> {
  private buffer: P[] = [];
  private frame: number | null = null;
  private last: P;
  private full = false;

  constructor(
    private readonly doc: Y.Doc,
    readonly shapeId: string,
    first: P,
    private readonly minDistance: number,
    private readonly frames: FrameScheduler = animationFrames,
  ) {
    this.last = first;
  }

  add(samples: readonly P[]): void {
    if (this.full) return;
    for (const p of samples) {
      if (Math.hypot(p[0] - this.last[0], p[1] - this.last[1]) < this.minDistance) continue;
      this.buffer.push(p);
      this.last = p;
    }
    if (this.buffer.length && this.frame === null) {
      this.frame = this.frames.request(() => {
        this.frame = null;
        this.flush();
      });
    }
  }

  /** Writes what is buffered now (the stroke ended, or the frame came). */
  flush(): void {
    if (this.frame !== null) {
      this.frames.cancel(this.frame);
      this.frame = null;
    }
    if (!this.buffer.length || this.full) return;
    const batch = this.buffer;
    this.buffer = [];
    // False past Limits.MAX_POINTS: the stroke stops growing rather than failing.
    if (!appendPoints(this.doc, this.shapeId, batch, { origin: LOCAL_ORIGIN })) this.full = true;
  }
}
