import type { PDFOperator, PDFPage } from 'pdf-lib';
import { cleanLine, textOps, textWidth, type PaintContext, type Rgb } from './painter.ts';
import { toUser, type PageFrame } from './frame.ts';

/**
 * Greedy word wrap of `text` to `maxWidth` at `size`. Paragraphs (newlines) are kept; a word
 * wider than the line is broken between characters, so nothing is ever cut off sideways.
 */
export function wrapText(ctx: PaintContext, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  const fits = (s: string): boolean => textWidth(ctx, s, size) <= maxWidth;
  for (const para of text.normalize('NFC').split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of cleanLine(para).split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      // Break an over-long word by code points (NFC Vietnamese letters are single code points).
      for (const ch of word) {
        if (line !== '' && !fits(line + ch)) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Widest of `lines` at `size`. */
export function maxLineWidth(ctx: PaintContext, lines: readonly string[], size: number): number {
  return lines.reduce((w, l) => Math.max(w, textWidth(ctx, l, size)), 0);
}

export interface Block {
  /** Top-left of the first line's box in the display frame. */
  left: number;
  top: number;
  size: number;
  lineHeight: number;
  color: Rgb;
}

/** Operators drawing `lines` top-down in the display frame, upright for the reader. */
export function linesOps(
  ctx: PaintContext,
  page: PDFPage,
  frame: PageFrame,
  lines: readonly string[],
  b: Block,
): PDFOperator[] {
  const ops: PDFOperator[] = [];
  // Baseline about 0.8 of the font size below the top of each line box (Noto's ascent).
  const ascent = b.size * 0.8 + (b.lineHeight - b.size) / 2;
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const [x, y] = toUser(frame, b.left, b.top + i * b.lineHeight + ascent);
    ops.push(...textOps(ctx, page, { text, x, y, size: b.size, rotate: frame.rotation, color: b.color }));
  });
  return ops;
}
