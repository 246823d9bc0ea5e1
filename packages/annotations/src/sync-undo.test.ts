import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShape, appendPoints, eraseAt, eraseShape, getShape, listShapes, moveShape, updateText } from './doc.ts';
import { toJSON } from './serialize.ts';
import { makeFreehand, makeInk, makeNote } from './test-support/factories.ts';
import type { InkShape, NoteShape } from './types.ts';
import { createUndoManager } from './undo.ts';

const REMOTE = Symbol('remote provider');

/** Exchanges missing updates both ways, as a provider does on reconnect. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE);
}

/** Relays every local update to the other doc as it happens, as a live connection does. */
function connect(a: Y.Doc, b: Y.Doc): void {
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== REMOTE && Y.applyUpdate(b, u, REMOTE));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== REMOTE && Y.applyUpdate(a, u, REMOTE));
}

describe('two replicas', () => {
  it('converge after concurrent offline edits', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ink = makeInk();
    const note = makeNote();
    addShape(a, ink);
    addShape(b, note);
    sync(a, b);
    expect(toJSON(a)).toEqual(toJSON(b));
    expect(listShapes(a).map((s) => s.id).sort()).toEqual([ink.id, note.id].sort());
  });

  it('merge a concurrent move and text edit of the same note', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const note = makeNote({ at: [100, 100] });
    addShape(a, note);
    sync(a, b);
    moveShape(a, note.id, 5, 5);
    updateText(b, note.id, 'Đã sửa');
    sync(a, b);
    expect(toJSON(a)).toEqual(toJSON(b));
    expect(getShape(a, note.id)).toMatchObject({ at: [105, 105], text: 'Đã sửa' });
  });

  it('let an erase win over a concurrent move', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const ink = makeInk();
    addShape(a, ink);
    sync(a, b);
    eraseShape(a, ink.id);
    moveShape(b, ink.id, 10, 0);
    sync(a, b);
    expect(listShapes(a)).toEqual([]);
    expect(listShapes(b)).toEqual([]);
  });

  it('see a stroke grow while it is drawn', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    connect(a, b);
    const ink = makeInk({ points: [[0, 0, 0.5]] });
    addShape(a, ink);
    for (let i = 1; i <= 50; i++) {
      appendPoints(a, ink.id, [[i, i, 0.5]]);
      expect((getShape(b, ink.id) as InkShape).points).toHaveLength(i + 1);
    }
  });
});

describe('createUndoManager', () => {
  it('undoes only its own origin, never remote edits', () => {
    const me = Symbol('me');
    const a = new Y.Doc();
    const b = new Y.Doc();
    connect(a, b);
    const undo = createUndoManager(a, me);
    const mine = makeInk();
    const theirs = makeNote();
    addShape(a, mine, { origin: me });
    addShape(b, theirs); // arrives in `a` with the provider's origin
    addShape(a, makeFreehand()); // local but not through the tracked origin
    undo.undo();
    expect(getShape(a, mine.id)).toBeUndefined();
    expect(getShape(b, mine.id)).toBeUndefined(); // the undo itself syncs
    expect(listShapes(a)).toHaveLength(2);
    expect(getShape(a, theirs.id)).toBeDefined();
    expect(undo.canUndo()).toBe(false);
    undo.redo();
    expect(getShape(b, mine.id)).toEqual(mine);
    undo.destroy();
  });

  it('keeps two users on one doc apart', () => {
    const doc = new Y.Doc();
    const alice = createUndoManager(doc, 'alice');
    const bob = createUndoManager(doc, 'bob');
    const note = makeNote({ text: 'gốc' });
    addShape(doc, note, { origin: 'alice' });
    updateText(doc, note.id, 'bob sửa', { origin: 'bob' });
    bob.undo();
    expect((getShape(doc, note.id) as NoteShape).text).toBe('gốc');
    alice.undo();
    expect(getShape(doc, note.id)).toBeUndefined();
  });

  it('treats a streamed stroke as one step, and strokes separated by stopCapturing as two', () => {
    const me = 'me';
    const doc = new Y.Doc();
    const undo = createUndoManager(doc, me);
    const first = makeInk({ points: [[0, 0, 0.5]] });
    addShape(doc, first, { origin: me });
    for (let i = 1; i < 20; i++) appendPoints(doc, first.id, [[i, 0, 0.5]], { origin: me });
    undo.stopCapturing();
    const second = makeInk({ points: [[0, 10, 0.5]] });
    addShape(doc, second, { origin: me });
    appendPoints(doc, second.id, [[5, 10, 0.5]], { origin: me });
    undo.undo();
    expect(getShape(doc, second.id)).toBeUndefined();
    expect((getShape(doc, first.id) as InkShape).points).toHaveLength(20);
    undo.undo();
    expect(listShapes(doc)).toEqual([]);
  });

  it('brings back everything one eraser pass removed in one undo', () => {
    const doc = new Y.Doc();
    const shapes = [makeInk(), makeInk(), makeInk()];
    shapes.forEach((s) => addShape(doc, s));
    const undo = createUndoManager(doc, 'me');
    expect(eraseAt(doc, 1, [150, 100], 2, { origin: 'me' })).toHaveLength(3);
    undo.undo();
    expect(listShapes(doc)).toEqual(shapes);
  });
});
