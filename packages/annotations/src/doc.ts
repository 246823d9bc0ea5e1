import * as Y from 'yjs';
import { hitTest, translateShape } from './geometry.ts';
import { HighlightMode, Limits, ShapeKind, type InkPoint, type Point, type Shape } from './types.ts';
import { isValidInkPoint, isValidPoint, isValidShape } from './validate.ts';

/*
 * Layout of a layer doc (one Y.Doc per `ann:<meeting>:<version>:shared|private:<user>`):
 *   doc.getMap('shapes'): shape id → Y.Map of the shape's fields.
 * A Y.Map per shape (rather than one JSON value) lets concurrent edits of different fields
 * merge. `points` is a Y.Array so a stroke can be streamed while it is drawn (`appendPoints`)
 * without resending the whole stroke on every pointer event. Readers also accept a plain JSON
 * shape as the value, and skip anything that fails `isValidShape`.
 */

/** Name of the top-level Y.Map holding the shapes. */
export const SHAPES_KEY = 'shapes';

/** Options shared by every mutation. */
export interface MutationOptions {
  /**
   * Transaction origin. Pass the value given to `createUndoManager` so the change is undoable
   * by that user only; remote updates arrive with the provider as origin and are not tracked.
   */
  origin?: unknown;
}

export interface EraseAtOptions extends MutationOptions {
  /** Erase only this author's shapes (e.g. a delegate erasing on the shared layer). */
  authorId?: string;
}

/** The top-level map of a layer doc. */
export function shapesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SHAPES_KEY);
}

/** A random id for a new shape (URL-safe, 21 chars). Works on plain-http LAN origins too. */
export function createShapeId(): string {
  // crypto.randomUUID needs a secure context; getRandomValues does not.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  const bytes = crypto.getRandomValues(new Uint8Array(21));
  return Array.from(bytes, (b) => alphabet[b & 63]).join('');
}

function readShape(key: string, value: unknown): Shape | undefined {
  const raw: unknown = value instanceof Y.Map ? value.toJSON() : value;
  return isValidShape(raw) && raw.id === key ? raw : undefined;
}

/** A shape as the Y.Map stored under its id (internal to the package). */
export function toYMap(shape: Shape): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  // Cloned so later mutation of the caller's object cannot change the doc behind Yjs's back.
  for (const [k, v] of Object.entries(structuredClone(shape))) {
    if (k === 'points' && Array.isArray(v)) {
      const arr = new Y.Array<unknown>();
      arr.push(v);
      m.set(k, arr);
    } else {
      m.set(k, v);
    }
  }
  return m;
}

function withNfc<S extends Shape>(shape: S): S {
  return 'text' in shape ? { ...shape, text: shape.text.normalize('NFC') } : shape;
}

/** The shape with this id, if present and valid. Treat the result as read-only. */
export function getShape(doc: Y.Doc, id: string): Shape | undefined {
  return readShape(id, shapesMap(doc).get(id));
}

/**
 * Valid shapes of the doc (of one page when `page` is given), in drawing order: by `createdAt`,
 * then id, so every client stacks overlapping marks the same way. Treat them as read-only.
 */
export function listShapes(doc: Y.Doc, page?: number): Shape[] {
  const out: Shape[] = [];
  shapesMap(doc).forEach((value, key) => {
    const s = readShape(key, value);
    if (s && (page === undefined || s.page === page)) out.push(s);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Adds a shape (text normalised to NFC). Throws `TypeError` if it fails `isValidShape` and
 * `Error` if the id is already taken, so a caller bug never silently overwrites a mark.
 */
export function addShape(doc: Y.Doc, shape: Shape, opts: MutationOptions = {}): void {
  const s = isValidShape(shape) ? withNfc(shape) : undefined;
  if (!s || !isValidShape(s)) throw new TypeError('addShape: invalid shape');
  const map = shapesMap(doc);
  if (map.has(s.id)) throw new Error(`addShape: id ${s.id} already exists`);
  doc.transact(() => map.set(s.id, toYMap(s)), opts.origin);
}

// Writes `next` over the stored shape field by field; only changed fields produce updates.
function writeShape(doc: Y.Doc, next: Shape, origin: unknown): void {
  const map = shapesMap(doc);
  const entry = map.get(next.id);
  doc.transact(() => {
    if (!(entry instanceof Y.Map)) {
      map.set(next.id, toYMap(next));
      return;
    }
    for (const [k, v] of Object.entries(structuredClone(next))) {
      const cur: unknown = entry.get(k);
      if (k === 'points' && cur instanceof Y.Array && Array.isArray(v)) {
        cur.delete(0, cur.length);
        cur.push(v);
      } else if (JSON.stringify(cur instanceof Y.AbstractType ? cur.toJSON() : cur) !== JSON.stringify(v)) {
        entry.set(k, v);
      }
    }
  }, origin);
}

/** Moves a shape by (dx, dy) PDF units. False if it does not exist or would leave the bounds. */
export function moveShape(doc: Y.Doc, id: string, dx: number, dy: number, opts: MutationOptions = {}): boolean {
  const s = getShape(doc, id);
  if (!s || !Number.isFinite(dx) || !Number.isFinite(dy)) return false;
  const next = translateShape(s, dx, dy);
  if (!isValidShape(next)) return false;
  writeShape(doc, next, opts.origin);
  return true;
}

/**
 * Replaces the text of a note or text box (normalised to NFC). False if there is no such text
 * shape; throws `RangeError` past `Limits.MAX_TEXT`, which the input field should prevent.
 */
export function updateText(doc: Y.Doc, id: string, text: string, opts: MutationOptions = {}): boolean {
  const s = getShape(doc, id);
  if (!s || (s.kind !== ShapeKind.NOTE && s.kind !== ShapeKind.TEXTBOX)) return false;
  const nfc = text.normalize('NFC');
  if (nfc.length > Limits.MAX_TEXT) throw new RangeError(`updateText: over ${Limits.MAX_TEXT} characters`);
  const entry = shapesMap(doc).get(id);
  if (entry instanceof Y.Map) doc.transact(() => entry.set('text', nfc), opts.origin);
  else writeShape(doc, { ...s, text: nfc }, opts.origin);
  return true;
}

/**
 * Appends samples to a stroke being drawn (ink: `[x, y, pressure]`, freehand highlight:
 * `[x, y]`), so other viewers see it grow. False if the shape is missing, of another kind, a
 * sample is malformed, or the stroke would exceed `Limits.MAX_POINTS`.
 */
export function appendPoints(
  doc: Y.Doc,
  id: string,
  points: readonly (InkPoint | Point)[],
  opts: MutationOptions = {},
): boolean {
  const entry = shapesMap(doc).get(id);
  if (!(entry instanceof Y.Map)) return false;
  // Read just the fields needed: this runs on every pointer move, so no full toJSON of the
  // stroke here (the stored points were validated when they were written).
  const kind: unknown = entry.get('kind');
  const isInk = kind === ShapeKind.INK;
  const isFreehand = kind === ShapeKind.HIGHLIGHT && entry.get('mode') === HighlightMode.FREEHAND;
  const arr: unknown = entry.get('points');
  if ((!isInk && !isFreehand) || !(arr instanceof Y.Array)) return false;
  if (!points.every(isInk ? isValidInkPoint : isValidPoint)) return false;
  if (arr.length + points.length > Limits.MAX_POINTS) return false;
  doc.transact(() => arr.push(points.map((p) => [...p])), opts.origin);
  return true;
}

/** Deletes a shape. False if there was nothing under that id. */
export function eraseShape(doc: Y.Doc, id: string, opts: MutationOptions = {}): boolean {
  const map = shapesMap(doc);
  if (!map.has(id)) return false;
  doc.transact(() => map.delete(id), opts.origin);
  return true;
}

/**
 * Eraser: deletes every shape on `page` within `radius` PDF units of `point` (see `hitTest`)
 * in one transaction, so one undo brings them all back. Returns the erased ids. Convert a
 * radius in screen pixels with `px / viewport.scale`.
 */
export function eraseAt(doc: Y.Doc, page: number, point: Point, radius: number, opts: EraseAtOptions = {}): string[] {
  const hits = listShapes(doc, page)
    .filter((s) => (opts.authorId === undefined || s.authorId === opts.authorId) && hitTest(s, point, radius))
    .map((s) => s.id);
  if (hits.length > 0) {
    const map = shapesMap(doc);
    doc.transact(() => hits.forEach((id) => map.delete(id)), opts.origin);
  }
  return hits;
}

/**
 * Moves a shape to another layer's doc, keeping its id: copied into `toDoc`, then deleted from
 * `fromDoc`. Copy first, so a crash in between leaves a duplicate rather than a lost mark.
 * False if the shape is not in `fromDoc`. Each doc has its own undo manager: undoing the move
 * takes an undo in both.
 */
export function moveToLayer(fromDoc: Y.Doc, toDoc: Y.Doc, id: string, opts: MutationOptions = {}): boolean {
  const s = getShape(fromDoc, id);
  if (!s) return false;
  const target = shapesMap(toDoc);
  toDoc.transact(() => target.set(id, toYMap(s)), opts.origin);
  fromDoc.transact(() => shapesMap(fromDoc).delete(id), opts.origin);
  return true;
}

/**
 * Calls `listener` after every transaction that touches shapes, with the ids added, changed or
 * removed and the transaction's origin (to tell local from remote). Returns the unsubscribe.
 */
export function onShapesChange(doc: Y.Doc, listener: (ids: Set<string>, origin: unknown) => void): () => void {
  const map = shapesMap(doc);
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void => {
    const ids = new Set<string>();
    for (const e of events) {
      if (e.target === map) e.changes.keys.forEach((_, k) => ids.add(k));
      else if (typeof e.path[0] === 'string') ids.add(e.path[0]);
    }
    if (ids.size > 0) listener(ids, tr.origin);
  };
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}
