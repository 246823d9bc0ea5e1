import {
  noteIconRect,
  pdfToViewport,
  rectFromPoints,
  rectToViewport,
  shapeBounds,
  strokeWidthAt,
  viewportSize,
  viewportToPdf,
  type InkShape,
  type Point,
  type Rect,
  type Shape,
  type Viewport,
} from '@e-cabinet/annotations';

/*
 * Shapes → SVG geometry in viewport pixels (the layer's viewBox is the pdf.js viewport, so the
 * SVG scales with the page). Pure functions, so the drawing is tested without a browser.
 */

const n = (v: number): string => String(Math.round(v * 100) / 100);

/** The zoom factor from PDF units to viewport pixels. */
export function pdfScale(vp: Viewport): number {
  return vp.scale * (vp.userUnit ?? 1);
}

/** `M x y L x y …` through the points (a single point is a zero-length segment: a round dot). */
export function polylinePath(points: readonly (readonly number[])[], vp: Viewport): string {
  if (points.length === 0) return '';
  const pts = points.map(([x = 0, y = 0]) => pdfToViewport([x, y], vp));
  const [first] = pts as [Point, ...Point[]];
  const rest = pts.length === 1 ? [first] : pts.slice(1);
  return `M${n(first[0])} ${n(first[1])}` + rest.map(([x, y]) => `L${n(x)} ${n(y)}`).join('');
}

export interface StrokePart {
  d: string;
  /** Stroke width in viewport pixels. */
  width: number;
}

/**
 * A pen stroke whose width follows pressure, as few paths as possible: consecutive segments
 * whose width rounds to the same 5 % step share one path, like the burn-in does, so the screen
 * and the exported PDF agree. Round caps and joins hide the seams.
 */
export function inkParts(shape: Pick<InkShape, 'points' | 'width'>, vp: Viewport): StrokePart[] {
  const s = pdfScale(vp);
  const step = shape.width * 0.05;
  const pts = shape.points.length === 1 ? [shape.points[0], shape.points[0]] : shape.points;
  const parts: StrokePart[] = [];
  let current: { width: number; points: Point[] } | null = null;
  for (let i = 1; i < pts.length; i++) {
    const [ax = 0, ay = 0, ap = 0.5] = pts[i - 1] ?? [];
    const [bx = 0, by = 0, bp = 0.5] = pts[i] ?? [];
    const w = Math.max(step, Math.round(strokeWidthAt(shape.width, (ap + bp) / 2) / step) * step);
    if (!current || current.width !== w) {
      if (current) parts.push({ d: polylinePath(current.points, vp), width: current.width * s });
      current = { width: w, points: [[ax, ay]] };
    }
    current.points.push([bx, by]);
  }
  if (current) parts.push({ d: polylinePath(current.points, vp), width: current.width * s });
  return parts;
}

/** One closed path for all rects (a text highlight), so overlaps do not darken. */
export function rectsPath(rects: readonly Rect[], vp: Viewport): string {
  return rects
    .map((r) => {
      const [l, t, w, h] = rectToViewport(r, vp);
      return `M${n(l)} ${n(t)}h${n(w)}v${n(h)}h${n(-w)}Z`;
    })
    .join('');
}

/** The sticky-note icon's box `[left, top, width, height]` in viewport pixels. */
export function noteIconBox(at: Point, vp: Viewport): Rect {
  return rectToViewport(noteIconRect(at), vp);
}

/** A shape's bounding box in viewport pixels, grown by `pad` (the selection outline). */
export function shapeBox(shape: Shape, vp: Viewport, pad = 0): Rect {
  const [l, t, w, h] = rectToViewport(shapeBounds(shape), vp);
  return [l - pad, t - pad, w + 2 * pad, h + 2 * pad];
}

/**
 * The PDF rect of a new text box whose top-left corner (as the reader sees it) the user tapped
 * (`at`, PDF space): `widthPx` viewport pixels wide (kept on the page) and tall enough for `text`
 * wrapped at `fontSize`. The height is an estimate (half an em per character); text that runs
 * over stays visible on screen.
 */
export function textboxRect(at: Point, text: string, fontSize: number, vp: Viewport, widthPx = 240): Rect {
  const s = pdfScale(vp);
  const page = viewportSize(vp);
  const [left, top] = pdfToViewport(at, vp);
  const w = Math.max(fontSize * s * 2, Math.min(widthPx, page.width - left));
  const charsPerLine = Math.max(1, Math.floor(w / (fontSize * s * 0.5)));
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
  const h = lines * fontSize * 1.2 * s;
  return rectFromPoints(viewportToPdf([left, top], vp), viewportToPdf([left + w, top + h], vp));
}
