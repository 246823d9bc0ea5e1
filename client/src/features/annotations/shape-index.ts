import type * as Y from 'yjs';
import { getShape, listShapes, onShapesChange, type Shape } from '@e-cabinet/annotations';

const EMPTY: readonly Shape[] = Object.freeze([]);

function drawingOrder(a: Shape, b: Shape): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The valid shapes of one layer doc, by page, for rendering. A change re-reads only the shapes
 * it touched and notifies only the pages they are (or were) on, so a stroke streaming in at
 * frame rate re-renders one page and leaves every other shape object — and its memoised SVG —
 * as it was. Page lists keep their identity until that page changes (`useSyncExternalStore`).
 */
export class ShapeIndex {
  private readonly byId = new Map<string, Shape>();
  private readonly pages = new Map<number, readonly Shape[]>();
  private readonly listeners = new Map<number, Set<() => void>>();
  private readonly anyListeners = new Set<() => void>();
  private readonly stop: () => void;

  constructor(doc: Y.Doc) {
    for (const s of listShapes(doc)) this.byId.set(s.id, s);
    this.stop = onShapesChange(doc, (ids) => this.changed(doc, ids));
  }

  /** The shapes on `page` in drawing order. Read-only; same array until the page changes. */
  page(page: number): readonly Shape[] {
    let list = this.pages.get(page);
    if (!list) {
      const found = [...this.byId.values()].filter((s) => s.page === page).sort(drawingOrder);
      list = found.length ? found : EMPTY;
      this.pages.set(page, list);
    }
    return list;
  }

  get(id: string): Shape | undefined {
    return this.byId.get(id);
  }

  subscribe(page: number, listener: () => void): () => void {
    let set = this.listeners.get(page);
    if (!set) this.listeners.set(page, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Called after any change (e.g. to follow one mark by id). */
  subscribeAny(listener: () => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  destroy(): void {
    this.stop();
    this.listeners.clear();
    this.anyListeners.clear();
  }

  private changed(doc: Y.Doc, ids: Set<string>): void {
    const touched = new Set<number>();
    for (const id of ids) {
      const before = this.byId.get(id);
      const after = getShape(doc, id);
      if (before) touched.add(before.page);
      if (after) {
        touched.add(after.page);
        this.byId.set(id, after);
      } else {
        this.byId.delete(id);
      }
    }
    for (const page of touched) {
      this.pages.delete(page);
      for (const listener of [...(this.listeners.get(page) ?? [])]) listener();
    }
    for (const listener of [...this.anyListeners]) listener();
  }
}

const indexes = new WeakMap<Y.Doc, ShapeIndex>();

/** The index of a doc, made on first use and dropped with the doc. */
export function shapeIndex(doc: Y.Doc): ShapeIndex {
  let index = indexes.get(doc);
  if (!index) {
    const created = new ShapeIndex(doc);
    doc.once('destroy', () => created.destroy());
    indexes.set(doc, created);
    index = created;
  }
  return index;
}
