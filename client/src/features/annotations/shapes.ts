import {
  createShapeId,
  HIGHLIGHT_ALPHA,
  HighlightMode,
  ShapeKind,
  type FreehandHighlightShape,
  type InkPoint,
  type InkShape,
  type NoteShape,
  type Point,
  type Rect,
  type Shape,
  type ShapeBase,
  type TextboxShape,
  type TextHighlightShape,
} from '@e-cabinet/annotations';
import type { Layer } from './tools';

/** Who is annotating. */
export interface Author {
  id: string;
  name: string;
}

/** Builds new shapes with the fields every shape carries. `now` and `id` are injectable for tests. */
export function shapeFactory(author: Author, now: () => number = Date.now, id: () => string = createShapeId) {
  const base = (page: number, color: string): ShapeBase => ({ id: id(), page, authorId: author.id, authorName: author.name, createdAt: now(), color });
  return {
    ink: (page: number, color: string, width: number, first: InkPoint): InkShape => ({ ...base(page, color), kind: ShapeKind.INK, points: [first], width }),
    freehand: (page: number, color: string, width: number, first: Point): FreehandHighlightShape => ({
      ...base(page, color),
      kind: ShapeKind.HIGHLIGHT,
      mode: HighlightMode.FREEHAND,
      points: [first],
      width,
      alpha: HIGHLIGHT_ALPHA,
    }),
    textHighlight: (page: number, color: string, rects: Rect[]): TextHighlightShape => ({
      ...base(page, color),
      kind: ShapeKind.HIGHLIGHT,
      mode: HighlightMode.TEXT,
      rects,
      alpha: HIGHLIGHT_ALPHA,
    }),
    note: (page: number, color: string, at: Point, text: string): NoteShape => ({ ...base(page, color), kind: ShapeKind.NOTE, at, text }),
    textbox: (page: number, color: string, rect: Rect, text: string, fontSize: number): TextboxShape => ({
      ...base(page, color),
      kind: ShapeKind.TEXTBOX,
      rect,
      text,
      fontSize,
    }),
  };
}

/**
 * Whether this user may change or erase a mark: their own layer is theirs; on the shared layer,
 * only the marks they made (the server lets any writer edit the shared doc, so the client keeps
 * people from erasing each other's marks).
 */
export function canModify(layer: Layer, shape: Pick<Shape, 'authorId'>, meId: string, layerWritable: boolean): boolean {
  return layerWritable && (layer === 'private' || shape.authorId === meId);
}

/** A mark can move between layers when it is the user's own and both layers take writes. */
export function canMoveLayer(shape: Pick<Shape, 'authorId'>, meId: string, writable: Readonly<Record<Layer, boolean>>): boolean {
  return shape.authorId === meId && writable.private && writable.shared;
}

/** Whether a shape is shown: other people's shared marks can be hidden. */
export function isVisible(layer: Layer, shape: Pick<Shape, 'authorId'>, meId: string, hideOthers: boolean): boolean {
  return !(hideOthers && layer === 'shared' && shape.authorId !== meId);
}
