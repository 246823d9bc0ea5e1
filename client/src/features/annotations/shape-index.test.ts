import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShape, appendPoints, eraseShape, moveShape } from '@e-cabinet/annotations';
import { ShapeIndex } from './shape-index';
import { shapeFactory } from './shapes';

const make = shapeFactory({ id: 'u1', name: 'A' });

describe('shape index', () => {
  it('lists a page’s valid shapes in drawing order and tells only that page’s listeners', () => {
    const doc = new Y.Doc();
    const early = make.note(1, '#fbc02d', [1, 1], 'a');
    addShape(doc, early);
    const index = new ShapeIndex(doc);
    const calls: number[] = [];
    index.subscribe(1, () => calls.push(1));
    index.subscribe(2, () => calls.push(2));

    const stroke = make.ink(1, '#1d1d1f', 2, [0, 0, 0.5]);
    addShape(doc, stroke);
    addShape(doc, make.note(2, '#fbc02d', [1, 1], 'b'));
    expect(calls).toEqual([1, 2]);
    expect(index.page(1).map((s) => s.id)).toEqual([early.id, stroke.id]);

    // Garbage written by a hostile client is not a shape.
    doc.getMap('shapes').set('junk', { kind: 'ink', page: 1 });
    expect(index.page(1)).toHaveLength(2);
  });

  it('keeps unchanged shapes and page lists as the same objects while a stroke grows', () => {
    const doc = new Y.Doc();
    const note = make.note(1, '#fbc02d', [1, 1], 'a');
    const stroke = make.ink(1, '#1d1d1f', 2, [0, 0, 0.5]);
    addShape(doc, note);
    addShape(doc, stroke);
    const index = new ShapeIndex(doc);
    const before = index.page(1);
    expect(index.page(1)).toBe(before);
    appendPoints(doc, stroke.id, [[5, 5, 0.5]]);
    const after = index.page(1);
    expect(after).not.toBe(before);
    // Both were made in the same millisecond, so find them by id rather than by position.
    const byId = (list: readonly { id: string }[], id: string) => list.find((s) => s.id === id);
    expect(byId(after, note.id)).toBe(byId(before, note.id));
    expect(byId(after, stroke.id)).not.toBe(byId(before, stroke.id));
    expect(index.page(2)).toEqual([]);
  });

  it('follows a shape off its page and out of the doc', () => {
    const doc = new Y.Doc();
    const note = make.note(1, '#fbc02d', [1, 1], 'a');
    addShape(doc, note);
    const index = new ShapeIndex(doc);
    let changes = 0;
    index.subscribeAny(() => changes++);
    moveShape(doc, note.id, 5, 5);
    expect(index.get(note.id)).toMatchObject({ at: [6, 6] });
    eraseShape(doc, note.id);
    expect(index.page(1)).toEqual([]);
    expect(index.get(note.id)).toBeUndefined();
    expect(changes).toBe(2);
  });
});
