import {
  HighlightMode,
  NOTE_ICON_SIZE,
  ShapeKind,
  type Point,
  type Rect,
  type Shape,
} from './types.ts';

/**
 * Width of an ink stroke at a pen sample. `width` is what the user picked and what a mouse
 * (pressure 0.5) draws; a stylus ranges from 0.4× to 1.6× of it. Client and burn-in both call
 * this so a stroke looks the same on screen and in the exported PDF.
 */
export function strokeWidthAt(width: number, pressure: number): number {
  const p = Math.min(1, Math.max(0, pressure));
  return width * (0.4 + 1.2 * p);
}

/** The note icon's square in PDF space, centred on the anchor (so rotation cannot move it). */
export function noteIconRect(at: Point): Rect {
  const h = NOTE_ICON_SIZE / 2;
  return [at[0] - h, at[1] - h, NOTE_ICON_SIZE, NOTE_ICON_SIZE];
}

/** Distance from `p` to the segment `a`–`b`. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  // Degenerate segment (a tap): distance to the point.
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function polylineHit(points: readonly (readonly number[])[], p: Point, reach: number): boolean {
  if (points.length === 1) {
    const only = points[0] as Point;
    return Math.hypot(p[0] - only[0], p[1] - only[1]) <= reach;
  }
  for (let i = 1; i < points.length; i++) {
    if (distanceToSegment(p, points[i - 1] as Point, points[i] as Point) <= reach) return true;
  }
  return false;
}

function rectHit(r: Rect, p: Point, radius: number): boolean {
  return (
    p[0] >= r[0] - radius &&
    p[0] <= r[0] + r[2] + radius &&
    p[1] >= r[1] - radius &&
    p[1] <= r[1] + r[3] + radius
  );
}

/**
 * Whether an eraser of `radius` (PDF units) at `p` touches `shape`: polylines by distance to
 * their segments (counting half the stroke width), rects by containment after growing them by
 * the radius. The page is not checked here.
 */
export function hitTest(shape: Shape, p: Point, radius: number): boolean {
  switch (shape.kind) {
    case ShapeKind.INK: {
      // The widest the stroke can be, so a heavy-pressure part is still erasable at its edge.
      const half = strokeWidthAt(shape.width, 1) / 2;
      return polylineHit(shape.points, p, radius + half);
    }
    case ShapeKind.HIGHLIGHT:
      if (shape.mode === HighlightMode.FREEHAND) {
        return polylineHit(shape.points, p, radius + shape.width / 2);
      }
      return shape.rects.some((r) => rectHit(r, p, radius));
    case ShapeKind.NOTE:
      return rectHit(noteIconRect(shape.at), p, radius);
    case ShapeKind.TEXTBOX:
      return rectHit(shape.rect, p, radius);
  }
}

/** A copy of `shape` moved by (dx, dy) PDF units. */
export function translateShape<S extends Shape>(shape: S, dx: number, dy: number): S {
  const s: Shape = shape;
  switch (s.kind) {
    case ShapeKind.INK:
      return { ...s, points: s.points.map(([x, y, p]) => [x + dx, y + dy, p]) } as S;
    case ShapeKind.HIGHLIGHT:
      return (
        s.mode === HighlightMode.FREEHAND
          ? { ...s, points: s.points.map(([x, y]) => [x + dx, y + dy]) }
          : { ...s, rects: s.rects.map(([x, y, w, h]) => [x + dx, y + dy, w, h]) }
      ) as S;
    case ShapeKind.NOTE:
      return { ...s, at: [s.at[0] + dx, s.at[1] + dy] } as S;
    case ShapeKind.TEXTBOX:
      return { ...s, rect: [s.rect[0] + dx, s.rect[1] + dy, s.rect[2], s.rect[3]] } as S;
  }
}

/** Bounding box of a shape in PDF space (stroke widths included), e.g. to repaint only that area. */
export function shapeBounds(shape: Shape): Rect {
  let pts: (readonly number[])[];
  let pad = 0;
  switch (shape.kind) {
    case ShapeKind.INK:
      pts = shape.points;
      pad = strokeWidthAt(shape.width, 1) / 2;
      break;
    case ShapeKind.HIGHLIGHT:
      if (shape.mode === HighlightMode.FREEHAND) {
        pts = shape.points;
        pad = shape.width / 2;
      } else {
        pts = shape.rects.flatMap(([x, y, w, h]) => [[x, y], [x + w, y + h]]);
      }
      break;
    case ShapeKind.NOTE: {
      const r = noteIconRect(shape.at);
      pts = [[r[0], r[1]], [r[0] + r[2], r[1] + r[3]]];
      break;
    }
    case ShapeKind.TEXTBOX:
      pts = [[shape.rect[0], shape.rect[1]], [shape.rect[0] + shape.rect[2], shape.rect[1] + shape.rect[3]]];
      break;
  }
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of pts) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad];
}
