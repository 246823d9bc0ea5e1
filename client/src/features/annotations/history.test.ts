import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShape, appendPoints, getShape, listShapes, moveToLayer, type InkPoint } from '@e-cabinet/annotations';
import { LayerHistory, LOCAL_ORIGIN, undoManagerFor } from './history';
import { shapeFactory } from './shapes';
import type { Layer } from './tools';

const me = { id: 'u1', name: 'Nguyễn Văn An' };

function setup() {
  const docs: Record<Layer, Y.Doc> = { private: new Y.Doc(), shared: new Y.Doc() };
  const history = new LayerHistory((layer) => undoManagerFor(docs[layer]));
  return { docs, history, make: shapeFactory(me) };
}

/** A stroke as the page layer draws it: one action, samples streamed in several transactions. */
function stroke(h: LayerHistory, doc: Y.Doc, layer: Layer, points: InkPoint[], pauseMs = 0) {
  const token = h.begin([layer]);
  const shape = shapeFactory(me).ink(1, '#1d1d1f', 2, points[0] ?? [0, 0, 0.5]);
  addShape(doc, shape, { origin: LOCAL_ORIGIN });
  const um = undoManagerFor(doc);
  for (const p of points.slice(1)) {
    // The pen rested: as if the previous sample came `pauseMs` ago (Yjs reads the clock itself).
    if (pauseMs) um.lastChange = Date.now() - pauseMs;
    appendPoints(doc, shape.id, [p], { origin: LOCAL_ORIGIN });
  }
  h.end(token);
  return shape.id;
}

describe('undo history across the two layers', () => {
  it('undoes a whole stroke in one step, pauses included, and two strokes in two', () => {
    const { docs, history } = setup();
    const first = stroke(history, docs.private, 'private', [[1, 1, 0.5], [2, 2, 0.5], [3, 3, 0.5]], 2_000);
    const second = stroke(history, docs.private, 'private', [[5, 5, 0.5], [6, 6, 0.5]]);
    expect(listShapes(docs.private)).toHaveLength(2);

    expect(history.undo()).toBe(true);
    expect(getShape(docs.private, second)).toBeUndefined();
    expect(getShape(docs.private, first)).toMatchObject({ points: [[1, 1, 0.5], [2, 2, 0.5], [3, 3, 0.5]] });
    expect(history.undo()).toBe(true);
    expect(listShapes(docs.private)).toHaveLength(0);
    expect(history.canUndo).toBe(false);

    expect(history.redo()).toBe(true);
    expect(getShape(docs.private, first)).toMatchObject({ points: [[1, 1, 0.5], [2, 2, 0.5], [3, 3, 0.5]] });
  });

  it('undoes the latest action whichever layer it went to', () => {
    const { docs, history, make } = setup();
    const mine = make.note(1, '#fbc02d', [10, 10], 'riêng');
    const ours = make.note(1, '#fbc02d', [20, 20], 'chung');
    history.run(['private'], () => addShape(docs.private, mine, { origin: LOCAL_ORIGIN }));
    history.run(['shared'], () => addShape(docs.shared, ours, { origin: LOCAL_ORIGIN }));
    history.undo();
    expect(getShape(docs.shared, ours.id)).toBeUndefined();
    expect(getShape(docs.private, mine.id)).toBeDefined();
    history.undo();
    expect(getShape(docs.private, mine.id)).toBeUndefined();
  });

  it('undoes a move between layers as one step in both docs', () => {
    const { docs, history, make } = setup();
    const note = make.note(2, '#fbc02d', [10, 10], 'Đề nghị bổ sung số liệu');
    history.run(['private'], () => addShape(docs.private, note, { origin: LOCAL_ORIGIN }));
    history.run(['private', 'shared'], () => moveToLayer(docs.private, docs.shared, note.id, { origin: LOCAL_ORIGIN }));
    expect(getShape(docs.private, note.id)).toBeUndefined();
    expect(getShape(docs.shared, note.id)).toMatchObject({ text: 'Đề nghị bổ sung số liệu' });

    history.undo();
    expect(getShape(docs.private, note.id)).toMatchObject({ text: 'Đề nghị bổ sung số liệu' });
    expect(getShape(docs.shared, note.id)).toBeUndefined();
    history.redo();
    expect(getShape(docs.shared, note.id)).toBeDefined();
    expect(getShape(docs.private, note.id)).toBeUndefined();
  });

  it('records nothing for an action that changed nothing, and a new action ends redo', () => {
    const { docs, history, make } = setup();
    expect(history.run(['private', 'shared'], () => 0)).toBe(0);
    expect(history.canUndo).toBe(false);
    const a = make.note(1, '#fbc02d', [1, 1], 'a');
    history.run(['private'], () => addShape(docs.private, a, { origin: LOCAL_ORIGIN }));
    history.undo();
    expect(history.canRedo).toBe(true);
    history.run(['shared'], () => addShape(docs.shared, make.note(1, '#fbc02d', [2, 2], 'b'), { origin: LOCAL_ORIGIN }));
    expect(history.canRedo).toBe(false);
    expect(history.redo()).toBe(false);
    expect(getShape(docs.private, a.id)).toBeUndefined();
  });

  it('never undoes someone else’s change', () => {
    const { docs, history, make } = setup();
    const theirs = make.note(1, '#fbc02d', [1, 1], 'của người khác');
    addShape(docs.shared, theirs, { origin: 'remote-provider' });
    history.run(['shared'], () => addShape(docs.shared, make.note(1, '#fbc02d', [2, 2], 'của tôi'), { origin: LOCAL_ORIGIN }));
    history.undo();
    expect(history.undo()).toBe(false);
    expect(listShapes(docs.shared).map((s) => s.id)).toEqual([theirs.id]);
  });

  it('aborts a stroke without a trace: no mark, no undo and no redo step', () => {
    const { docs, history } = setup();
    const token = history.begin(['private']);
    const s = shapeFactory(me).ink(1, '#1d1d1f', 2, [1, 1, 0.5]);
    addShape(docs.private, s, { origin: LOCAL_ORIGIN });
    appendPoints(docs.private, s.id, [[2, 2, 0.5]], { origin: LOCAL_ORIGIN });
    history.abort(token);
    expect(getShape(docs.private, s.id)).toBeUndefined();
    expect(history.canUndo).toBe(false);
    expect(undoManagerFor(docs.private).undoStack).toHaveLength(0);
    expect(undoManagerFor(docs.private).redoStack).toHaveLength(0);
  });

  it('tells subscribers when undo and redo availability may have changed', () => {
    const { docs, history, make } = setup();
    const seen: number[] = [];
    const off = history.subscribe(() => seen.push(history.getVersion()));
    history.run(['private'], () => addShape(docs.private, make.note(1, '#fbc02d', [1, 1], 'x'), { origin: LOCAL_ORIGIN }));
    history.undo();
    off();
    history.redo();
    expect(seen).toEqual([1, 2]);
  });
});
