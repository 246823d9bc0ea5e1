import type { PDFOperator, PDFPage } from 'pdf-lib';
import { toUser, type PageFrame } from './frame.ts';
import { cleanLine, opacityState, textOps, textWidth, type PaintContext } from './painter.ts';

const GREY = [0.45, 0.45, 0.45] as const;
const OPACITY = 0.2;
const COS45 = Math.SQRT1_2;

/**
 * A diagonal watermark tiled over the whole visible page, rising left to right as the reader
 * sees it whatever the page's /Rotate. Rows are far enough apart to leave the page readable
 * and close enough that no region larger than a paragraph is free of it, so a cropped
 * screenshot still carries the reader's name.
 */
export function watermarkOps(ctx: PaintContext, page: PDFPage, frame: PageFrame, text: string): PDFOperator[] {
  const line = cleanLine(text).trim();
  if (line === '') return [];
  const size = Math.min(28, Math.max(10, Math.min(frame.width, frame.height) / 28));
  const span = textWidth(ctx, line, size) * COS45; // horizontal and vertical extent of one tile
  const stepU = span + size * 3;
  const stepV = size * 5;
  const state = opacityState(ctx, page, OPACITY);
  const ops: PDFOperator[] = [];
  let row = 0;
  // A tile starts at its baseline's left end and rises up-right; start rows below the page
  // bottom and columns left of the page so the corners are covered too.
  for (let v = 0; v < frame.height + span; v += stepV, row++) {
    const shift = (row % 2) * (stepU / 2); // brick pattern, so tiles do not line up in columns
    for (let u = -span + shift; u < frame.width; u += stepU) {
      const [x, y] = toUser(frame, u, v);
      ops.push(...textOps(ctx, page, { text: line, x, y, size, rotate: frame.rotation + 45, color: GREY, state }));
    }
  }
  // One horizontal, invisible copy: text extraction cannot follow diagonal text (pdftotext
  // yields one glyph per line), and the reader's name should survive copy-paste and search
  // in a leaked copy just as it survives a screenshot.
  const [x, y] = toUser(frame, size, frame.height - size);
  ops.push(...textOps(ctx, page, { text: line, x, y, size: size / 2, rotate: frame.rotation, color: GREY, invisible: true }));
  return ops;
}
