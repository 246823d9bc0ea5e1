import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShape, getShape, Limits, type InkPoint } from '@e-cabinet/annotations';
import { shapeFactory } from './shapes';
import { LOCAL_ORIGIN } from './history';
import { StrokeRecorder, type FrameScheduler } from './stroke';

/** Frames that come when the test says so. */
function manualFrames() {
  const queue = new Map<number, () => void>();
  let next = 1;
  const frames: FrameScheduler = {
    request: (cb) => {
      queue.set(next, cb);
      return next++;
    },
    cancel: (h) => void queue.delete(h),
  };
  const tick = () => {
    const due = [...queue.values()];
    queue.clear();
    for (const cb of due) cb();
  };
  return { frames, tick, pending: () => queue.size };
}

function start(first: InkPoint = [0, 0, 0.5]) {
  const doc = new Y.Doc();
  const shape = shapeFactory({ id: 'u1', name: 'A' }).ink(1, '#1d1d1f', 2, first);
  addShape(doc, shape, { origin: LOCAL_ORIGIN });
  let transactions = 0;
  doc.on('afterTransaction', () => transactions++);
  return { doc, shape, transactions: () => transactions };
}

describe('streaming a stroke', () => {
  it('writes the samples of a frame in one transaction, when the frame comes', () => {
    const { doc, shape, transactions } = start();
    const { frames, tick, pending } = manualFrames();
    const rec = new StrokeRecorder<InkPoint>(doc, shape.id, [0, 0, 0.5], 0.1, frames);
    rec.add([[1, 0, 0.5], [2, 0, 0.6]]);
    rec.add([[3, 0, 0.7]]);
    expect(pending()).toBe(1);
    expect(transactions()).toBe(0);
    tick();
    expect(transactions()).toBe(1);
    expect(getShape(doc, shape.id)).toMatchObject({ points: [[0, 0, 0.5], [1, 0, 0.5], [2, 0, 0.6], [3, 0, 0.7]] });
    rec.add([[4, 0, 0.5]]);
    tick();
    expect(transactions()).toBe(2);
  });

  it('writes what is left when the stroke ends before the next frame', () => {
    const { doc, shape } = start();
    const { frames, pending } = manualFrames();
    const rec = new StrokeRecorder<InkPoint>(doc, shape.id, [0, 0, 0.5], 0.1, frames);
    rec.add([[5, 5, 0.5]]);
    rec.flush();
    expect(pending()).toBe(0);
    expect(getShape(doc, shape.id)).toMatchObject({ points: [[0, 0, 0.5], [5, 5, 0.5]] });
  });

  it('drops samples that add nothing visible', () => {
    const { doc, shape } = start();
    const { frames, tick } = manualFrames();
    const rec = new StrokeRecorder<InkPoint>(doc, shape.id, [0, 0, 0.5], 1, frames);
    rec.add([[0.2, 0, 0.5], [0.5, 0.5, 0.5], [1.5, 0, 0.5], [1.6, 0, 0.5]]);
    tick();
    expect(getShape(doc, shape.id)).toMatchObject({ points: [[0, 0, 0.5], [1.5, 0, 0.5]] });
  });

  it('stops growing at the point limit instead of failing', () => {
    const { doc, shape } = start();
    const { frames } = manualFrames();
    const rec = new StrokeRecorder<InkPoint>(doc, shape.id, [0, 0, 0.5], 0, frames);
    rec.add(Array.from({ length: Limits.MAX_POINTS }, (_, i): InkPoint => [i + 1, 0, 0.5]));
    rec.flush();
    rec.add([[-1, -1, 0.5]]);
    rec.flush();
    const s = getShape(doc, shape.id);
    expect(s?.kind === 'ink' && s.points.length).toBe(1);
  });
});
