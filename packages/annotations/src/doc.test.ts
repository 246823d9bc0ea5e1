import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addShape,
  appendPoints,
  createShapeId,
  eraseAt,
  eraseShape,
  getShape,
  listShapes,
  moveShape,
  moveToLayer,
  onShapesChange,
  shapesMap,
  updateText,
} from './doc.ts';
import { fromJSON, toJSON } from './serialize.ts';
import { makeFreehand, makeInk, makeNote, makeTextHighlight, makeTextbox } from './test-support/factories.ts';
import { Limits, type Shape } from './types.ts';

function docWith(...shapes: Shape[]): Y.Doc {
  const doc = new Y.Doc();
  shapes.forEach((s) => addShape(doc, s));
  return doc;
}

describe('add / get / list', () => {
  it('stores a shape and reads it back equal', () => {
    const ink = makeInk();
    const doc = docWith(ink);
    expect(getShape(doc, ink.id)).toEqual(ink);
    expect(shapesMap(doc).get(ink.id)).toBeInstanceOf(Y.Map);
  });

  it('lists by page, in creation order', () => {
    const a = makeInk({ createdAt: 30 });
    const b = makeNote({ createdAt: 10 });
    const c = makeTextbox({ createdAt: 20, page: 2 });
    const doc = docWith(a, b, c);
    expect(listShapes(doc).map((s) => s.id)).toEqual([b.id, c.id, a.id]);
    expect(listShapes(doc, 1).map((s) => s.id)).toEqual([b.id, a.id]);
    expect(listShapes(doc, 3)).toEqual([]);
  });

  it('refuses invalid shapes and duplicate ids', () => {
    const doc = new Y.Doc();
    expect(() => addShape(doc, makeInk({ page: 0 }))).toThrow(TypeError);
    const ink = makeInk();
    addShape(doc, ink);
    expect(() => addShape(doc, { ...ink })).toThrow(/already exists/);
  });

  it('normalises text to NFC and is not affected by later mutation of the input', () => {
    const nfd = 'Đề nghị'.normalize('NFD');
    const note = makeNote({ text: nfd });
    const doc = docWith(note);
    expect((getShape(doc, note.id) as typeof note).text).toBe('Đề nghị'.normalize('NFC'));
    const ink = makeInk();
    addShape(doc, ink);
    (ink.points[0] as number[])[0] = 999;
    expect((getShape(doc, ink.id) as typeof ink).points[0]?.[0]).toBe(100);
  });

  it('ignores garbage written by another client, and accepts plain-JSON shapes', () => {
    const doc = new Y.Doc();
    const plain = makeNote();
    const map = shapesMap(doc);
    map.set('junk', 42);
    map.set('bad', { ...makeInk({ id: 'bad' }), points: [[Number.NaN, 0, 0]] });
    map.set('mismatch', makeInk()); // key differs from the shape id
    map.set(plain.id, plain);
    expect(listShapes(doc)).toEqual([plain]);
  });

  it('creates distinct valid ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, createShapeId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });
});

describe('move / text / append', () => {
  it('moves every kind of shape by dx, dy', () => {
    const shapes = [makeInk(), makeFreehand(), makeTextHighlight(), makeNote(), makeTextbox()];
    const doc = docWith(...shapes);
    for (const s of shapes) expect(moveShape(doc, s.id, 10, -5)).toBe(true);
    expect((getShape(doc, shapes[0]!.id) as ReturnType<typeof makeInk>).points[0]).toEqual([110, 95, 0.5]);
    expect((getShape(doc, shapes[1]!.id) as ReturnType<typeof makeFreehand>).points[1]).toEqual([260, 395]);
    expect((getShape(doc, shapes[2]!.id) as ReturnType<typeof makeTextHighlight>).rects[0]).toEqual([60, 495, 200, 12]);
    expect((getShape(doc, shapes[3]!.id) as ReturnType<typeof makeNote>).at).toEqual([310, 595]);
    expect((getShape(doc, shapes[4]!.id) as ReturnType<typeof makeTextbox>).rect).toEqual([70, 645, 200, 40]);
  });

  it('refuses to move what does not exist, by NaN, or out of bounds', () => {
    const ink = makeInk();
    const doc = docWith(ink);
    expect(moveShape(doc, 'nope', 1, 1)).toBe(false);
    expect(moveShape(doc, ink.id, Number.NaN, 1)).toBe(false);
    expect(moveShape(doc, ink.id, Limits.MAX_COORD * 2, 0)).toBe(false);
    expect(getShape(doc, ink.id)).toEqual(ink);
  });

  it('updates the text of notes and text boxes only', () => {
    const note = makeNote();
    const ink = makeInk();
    const doc = docWith(note, ink);
    expect(updateText(doc, note.id, 'Đồng ý')).toBe(true);
    expect((getShape(doc, note.id) as typeof note).text).toBe('Đồng ý');
    expect(updateText(doc, ink.id, 'x')).toBe(false);
    expect(() => updateText(doc, note.id, 'x'.repeat(Limits.MAX_TEXT + 1))).toThrow(RangeError);
  });

  it('streams points into a stroke, within the limits', () => {
    const ink = makeInk({ points: [[0, 0, 0.5]] });
    const hl = makeFreehand({ points: [[0, 0]] });
    const note = makeNote();
    const doc = docWith(ink, hl, note);
    expect(appendPoints(doc, ink.id, [[1, 1, 0.6], [2, 2, 0.7]])).toBe(true);
    expect((getShape(doc, ink.id) as typeof ink).points).toEqual([[0, 0, 0.5], [1, 1, 0.6], [2, 2, 0.7]]);
    expect(appendPoints(doc, hl.id, [[5, 5]])).toBe(true);
    expect(appendPoints(doc, hl.id, [[5, 5, 0.5]])).toBe(false); // wrong tuple for a highlight
    expect(appendPoints(doc, ink.id, [[Number.NaN, 1, 0.5]])).toBe(false);
    expect(appendPoints(doc, note.id, [[1, 1]])).toBe(false);
    const tooMany = Array.from({ length: Limits.MAX_POINTS }, () => [1, 1, 0.5] as [number, number, number]);
    expect(appendPoints(doc, ink.id, tooMany)).toBe(false);
  });
});

describe('erase', () => {
  it('erases by id', () => {
    const ink = makeInk();
    const doc = docWith(ink);
    expect(eraseShape(doc, ink.id)).toBe(true);
    expect(eraseShape(doc, ink.id)).toBe(false);
    expect(listShapes(doc)).toEqual([]);
  });

  it('erases polylines near their segments and rects by containment, on one page only', () => {
    // ink: (100,100)→(200,100)→(200,200), width 2
    const ink = makeInk();
    const hl = makeTextHighlight(); // rects [50,500,200,12], [50,486,120,12]
    const note = makeNote(); // icon centred on (300,600)
    const box = makeTextbox(); // rect [60,650,200,40]
    const other = makeInk({ page: 2 });
    const doc = docWith(ink, hl, note, box, other);
    expect(eraseAt(doc, 1, [150, 130], 5)).toEqual([]); // 30 units off the segment
    expect(eraseAt(doc, 1, [60, 60], 5)).toEqual([]);
    expect(eraseAt(doc, 1, [150, 104], 3)).toEqual([ink.id]); // 4 units off: within radius + half width
    expect(eraseAt(doc, 1, [100, 490], 0)).toEqual([hl.id]);
    expect(eraseAt(doc, 1, [306, 606], 0)).toEqual([note.id]);
    expect(eraseAt(doc, 1, [255, 695], 1)).toEqual([]); // 5 above the box
    expect(eraseAt(doc, 1, [255, 690.5], 1)).toEqual([box.id]);
    expect(listShapes(doc).map((s) => s.id)).toEqual([other.id]);
  });

  it('erases only the given author when asked, all hits in one go', () => {
    const mine = makeInk({ authorId: 'me' });
    const theirs = makeInk({ authorId: 'them' });
    const alsoMine = makeFreehand({ authorId: 'me', points: [[150, 90], [150, 110]] });
    const doc = docWith(mine, theirs, alsoMine);
    expect(eraseAt(doc, 1, [150, 100], 2, { authorId: 'me' }).sort()).toEqual([mine.id, alsoMine.id].sort());
    expect(listShapes(doc).map((s) => s.id)).toEqual([theirs.id]);
  });
});

describe('layers and serialisation', () => {
  it('moves a shape to the other layer, keeping its id', () => {
    const note = makeNote();
    const priv = docWith(note, makeInk());
    const shared = new Y.Doc();
    expect(moveToLayer(priv, shared, note.id)).toBe(true);
    expect(getShape(shared, note.id)).toEqual(note);
    expect(getShape(priv, note.id)).toBeUndefined();
    expect(listShapes(priv)).toHaveLength(1);
    expect(moveToLayer(priv, shared, note.id)).toBe(false);
    // The moved copy is a live shape in its new doc.
    expect(appendPoints(shared, note.id, [[1, 1]])).toBe(false);
    expect(moveShape(shared, note.id, 1, 1)).toBe(true);
  });

  it('round-trips through JSON', () => {
    const doc = docWith(makeInk(), makeFreehand(), makeTextHighlight(), makeNote(), makeTextbox());
    const json = toJSON(doc);
    expect(json.v).toBe(1);
    const copy = fromJSON(JSON.parse(JSON.stringify(json)));
    expect(toJSON(copy)).toEqual(json);
    // Streaming still works on a stroke loaded from JSON.
    expect(appendPoints(copy, json.shapes[0]!.id, [[1, 1, 0.5]])).toBe(true);
  });

  it('reads garbage JSON as an empty doc and skips invalid shapes', () => {
    for (const junk of [null, 'x', { v: 2, shapes: [makeInk()] }, { v: 1, shapes: 'no' }]) {
      expect(listShapes(fromJSON(junk))).toEqual([]);
    }
    const good = makeNote();
    expect(listShapes(fromJSON({ v: 1, shapes: [good, { ...makeInk(), page: 0 }, 7] }))).toEqual([good]);
  });

  it('reports changed ids with the origin', () => {
    const doc = new Y.Doc();
    const seen: [string[], unknown][] = [];
    const off = onShapesChange(doc, (ids, origin) => seen.push([[...ids].sort(), origin]));
    const ink = makeInk();
    addShape(doc, ink, { origin: 'me' });
    moveShape(doc, ink.id, 1, 1, { origin: 'me' });
    appendPoints(doc, ink.id, [[1, 1, 0.5]]);
    eraseShape(doc, ink.id, { origin: 'remote' });
    off();
    addShape(doc, makeNote());
    expect(seen).toEqual([[[ink.id], 'me'], [[ink.id], 'me'], [[ink.id], null], [[ink.id], 'remote']]);
  });
});
