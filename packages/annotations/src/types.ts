/**
 * The annotation model. Every coordinate is in PDF user space: points (1/72 in), origin at the
 * bottom-left of the page's coordinate system, y up, before the page's /Rotate is applied. That
 * makes a mark independent of zoom, rotation and device: the client converts with
 * `pdfToViewport`/`viewportToPdf`, the burn-in draws the numbers as they are.
 */

/** Shape kinds (an `as const` object rather than a TS enum, so the values are plain strings). */
export const ShapeKind = {
  INK: 'ink',
  HIGHLIGHT: 'highlight',
  NOTE: 'note',
  TEXTBOX: 'textbox',
} as const;
export type ShapeKind = (typeof ShapeKind)[keyof typeof ShapeKind];

/** How a highlight was made: a freehand highlighter stroke, or a text selection (list of rects). */
export const HighlightMode = {
  FREEHAND: 'freehand',
  TEXT: 'text',
} as const;
export type HighlightMode = (typeof HighlightMode)[keyof typeof HighlightMode];

/** A point in PDF user space. */
export type Point = [x: number, y: number];
/** A pen sample: PDF user-space position plus pressure in [0, 1] (0.5 when the device has none). */
export type InkPoint = [x: number, y: number, pressure: number];
/** An axis-aligned rectangle in PDF user space: lower-left corner, width and height (both > 0). */
export type Rect = [x: number, y: number, w: number, h: number];

/** Fields every shape carries. */
export interface ShapeBase {
  /** Unique within the layer doc and kept when a shape moves between layers (`createShapeId`). */
  id: string;
  /** 1-based page number. */
  page: number;
  authorId: string;
  /** Shown next to shared marks; copied at creation so it survives the author leaving. */
  authorName: string;
  /** Creation time, ms since the epoch; also the drawing order. */
  createdAt: number;
  /** `#rrggbb`. */
  color: string;
}

/** A pen stroke. `width` is the nominal width in PDF units at pressure 0.5 (see `strokeWidthAt`). */
export interface InkShape extends ShapeBase {
  kind: typeof ShapeKind.INK;
  points: InkPoint[];
  width: number;
}

/** A highlighter stroke: a polyline of constant width, drawn translucent. */
export interface FreehandHighlightShape extends ShapeBase {
  kind: typeof ShapeKind.HIGHLIGHT;
  mode: typeof HighlightMode.FREEHAND;
  points: Point[];
  width: number;
  /** Opacity in (0, 1]. */
  alpha: number;
}

/** A highlight over selected text: one rect per line fragment. */
export interface TextHighlightShape extends ShapeBase {
  kind: typeof ShapeKind.HIGHLIGHT;
  mode: typeof HighlightMode.TEXT;
  rects: Rect[];
  /** Opacity in (0, 1]. */
  alpha: number;
}

export type HighlightShape = FreehandHighlightShape | TextHighlightShape;

/** A sticky note: an icon centred on `at` (see `noteIconRect`) and its text. */
export interface NoteShape extends ShapeBase {
  kind: typeof ShapeKind.NOTE;
  at: Point;
  text: string;
}

/** Text typed straight onto the page, wrapped inside `rect`; `fontSize` in PDF units. */
export interface TextboxShape extends ShapeBase {
  kind: typeof ShapeKind.TEXTBOX;
  rect: Rect;
  text: string;
  fontSize: number;
}

export type Shape = InkShape | HighlightShape | NoteShape | TextboxShape;

/** Shapes that carry text (`updateText` applies to these). */
export type TextShape = NoteShape | TextboxShape;

/**
 * Bounds enforced by `isValidShape`. They keep one garbage or hostile update from costing every
 * viewer memory and CPU: a real pen stroke has a few hundred points, a note a few sentences.
 */
export const Limits = {
  MAX_POINTS: 10_000,
  MAX_RECTS: 1_000,
  MAX_TEXT: 5_000,
  MAX_ID: 64,
  MAX_AUTHOR_ID: 128,
  MAX_AUTHOR_NAME: 200,
  MAX_PAGE: 100_000,
  /** |coordinate| bound: far beyond any real page (PDF pages are at most 14,400 units). */
  MAX_COORD: 1_000_000,
  MAX_WIDTH: 500,
  MIN_FONT_SIZE: 1,
  MAX_FONT_SIZE: 400,
} as const;

/** Side of the sticky-note icon in PDF units. The client should draw it at this size too. */
export const NOTE_ICON_SIZE = 16;

/** Default highlighter opacity. */
export const HIGHLIGHT_ALPHA = 0.35;
