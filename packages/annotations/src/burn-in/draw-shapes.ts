import {
  LineCapStyle,
  LineJoinStyle,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setGraphicsState,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { noteIconRect, strokeWidthAt } from '../geometry.ts';
import {
  HighlightMode,
  ShapeKind,
  type HighlightShape,
  type InkShape,
  type NoteShape,
  type Rect,
  type Shape,
  type TextboxShape,
} from '../types.ts';
import { toDisplayRect, toUserRect, type PageFrame } from './frame.ts';
import { hexToRgb, lighten, opacityState, type PaintContext, type Rgb } from './painter.ts';
import { linesOps, maxLineWidth, wrapText } from './text-layout.ts';

const round = (): PDFOperator[] => [setLineCap(LineCapStyle.Round), setLineJoin(LineJoinStyle.Round)];

function rectsOps(rects: readonly Rect[]): PDFOperator[] {
  return rects.map(([x, y, w, h]) => rectangle(x, y, w, h));
}

/**
 * A pen stroke. The width follows pressure, but one path per sample would bloat the file, so
 * consecutive segments whose width rounds to the same 5 % step share one path; round caps and
 * joins make the seams invisible. A single sample (a tap) is a zero-length segment, which PDF
 * paints as a dot when caps are round.
 */
function inkOps(s: InkShape): PDFOperator[] {
  const step = s.width * 0.05;
  const ops: PDFOperator[] = [pushGraphicsState(), setStrokingRgbColor(...hexToRgb(s.color)), ...round()];
  const pts = s.points.length === 1 ? [s.points[0], s.points[0]] : s.points;
  let current = NaN;
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay, ap] = pts[i - 1] as InkShape['points'][number];
    const [bx, by, bp] = pts[i] as InkShape['points'][number];
    const w = Math.max(step, Math.round(strokeWidthAt(s.width, (ap + bp) / 2) / step) * step);
    if (w !== current) {
      if (!Number.isNaN(current)) ops.push(stroke());
      ops.push(setLineWidth(w), moveTo(ax, ay));
      current = w;
    }
    ops.push(lineTo(bx, by));
  }
  ops.push(stroke(), popGraphicsState());
  return ops;
}

/** A highlight: translucent and multiplied, one path so overlaps inside it do not darken. */
function highlightOps(ctx: PaintContext, page: PDFPage, s: HighlightShape): PDFOperator[] {
  const rgb = hexToRgb(s.color);
  const ops: PDFOperator[] = [pushGraphicsState(), setGraphicsState(opacityState(ctx, page, s.alpha, 'Multiply'))];
  if (s.mode === HighlightMode.TEXT) {
    ops.push(setFillingRgbColor(...rgb), ...rectsOps(s.rects), fill());
  } else {
    const pts = s.points;
    const [x0, y0] = pts[0] ?? [0, 0];
    ops.push(setStrokingRgbColor(...rgb), ...round(), setLineWidth(s.width), moveTo(x0, y0));
    // A single sample becomes a zero-length segment: a round dot.
    if (pts.length === 1) ops.push(lineTo(x0, y0));
    for (let i = 1; i < pts.length; i++) ops.push(lineTo(...(pts[i] as [number, number])));
    ops.push(stroke());
  }
  ops.push(popGraphicsState());
  return ops;
}

const NOTE_FONT = 9;
const NOTE_AUTHOR_FONT = 7;
const NOTE_MAX_WIDTH = 200;
const NOTE_PAD = 4;
const INK_TEXT: Rgb = [0.1, 0.1, 0.1];
const AUTHOR_TEXT: Rgb = [0.35, 0.35, 0.35];

function boxOps(r: Rect, fillRgb: Rgb, strokeRgb: Rgb): PDFOperator[] {
  return [
    pushGraphicsState(),
    setFillingRgbColor(...fillRgb),
    setStrokingRgbColor(...strokeRgb),
    setLineWidth(0.75),
    rectangle(...r),
    fill(),
    rectangle(...r),
    stroke(),
    popGraphicsState(),
  ];
}

/**
 * A sticky note: the icon at its anchor and the text in a box beside it, laid out in the
 * reader's frame (right of the icon, or left when that would leave the page; moved up when it
 * would run off the bottom). A note longer than the page is cut at the page edge.
 */
function noteOps(ctx: PaintContext, page: PDFPage, frame: PageFrame, s: NoteShape): PDFOperator[] {
  const rgb = hexToRgb(s.color);
  const icon = noteIconRect(s.at);
  // A darker border keeps a pale icon visible on white paper.
  const ops = boxOps(icon, rgb, [rgb[0] * 0.6, rgb[1] * 0.6, rgb[2] * 0.6]);
  const author = s.authorName.trim();
  const body = wrapText(ctx, s.text, NOTE_FONT, NOTE_MAX_WIDTH - 2 * NOTE_PAD);
  const authorLines = author ? wrapText(ctx, author, NOTE_AUTHOR_FONT, NOTE_MAX_WIDTH - 2 * NOTE_PAD) : [];
  const lh = NOTE_FONT * 1.3;
  const alh = NOTE_AUTHOR_FONT * 1.3;
  const w = Math.max(maxLineWidth(ctx, body, NOTE_FONT), maxLineWidth(ctx, authorLines, NOTE_AUTHOR_FONT)) + 2 * NOTE_PAD;
  const h = body.length * lh + authorLines.length * alh + 2 * NOTE_PAD;
  const [il, it, iw] = toDisplayRect(frame, icon);
  let left = il + iw + 3;
  if (left + w > frame.width) left = Math.max(0, il - 3 - w);
  const top = Math.max(0, Math.min(it, frame.height - h));
  ops.push(...boxOps(toUserRect(frame, [left, top, w, h]), lighten(rgb, 0.85), rgb));
  const textLeft = left + NOTE_PAD;
  ops.push(...linesOps(ctx, page, frame, authorLines, { left: textLeft, top: top + NOTE_PAD, size: NOTE_AUTHOR_FONT, lineHeight: alh, color: AUTHOR_TEXT }));
  const bodyTop = top + NOTE_PAD + authorLines.length * alh;
  ops.push(...linesOps(ctx, page, frame, body, { left: textLeft, top: bodyTop, size: NOTE_FONT, lineHeight: lh, color: INK_TEXT }));
  return ops;
}

/** A text box: the text wrapped to the box width, from its top as the reader sees it. */
function textboxOps(ctx: PaintContext, page: PDFPage, frame: PageFrame, s: TextboxShape): PDFOperator[] {
  const [left, top, w] = toDisplayRect(frame, s.rect);
  const lines = wrapText(ctx, s.text, s.fontSize, Math.max(w, s.fontSize));
  return linesOps(ctx, page, frame, lines, { left, top, size: s.fontSize, lineHeight: s.fontSize * 1.2, color: hexToRgb(s.color) });
}

/** Operators that draw one (validated) shape onto its page. */
export function shapeOps(ctx: PaintContext, page: PDFPage, frame: PageFrame, s: Shape): PDFOperator[] {
  switch (s.kind) {
    case ShapeKind.INK:
      return inkOps(s);
    case ShapeKind.HIGHLIGHT:
      return highlightOps(ctx, page, s);
    case ShapeKind.NOTE:
      return noteOps(ctx, page, frame, s);
    case ShapeKind.TEXTBOX:
      return textboxOps(ctx, page, frame, s);
  }
}
