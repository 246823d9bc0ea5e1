import {
  PDFArray,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  beginText,
  endText,
  moveText,
  setFontAndSize,
  type PDFDocument,
  type PDFFont,
  type PDFHexString,
  type PDFName,
  type PDFPage,
} from 'pdf-lib';
import type { FontSet, FontStyle } from './fonts.ts';
import { clean } from './text.ts';

/*
 * A small typesetter for flowing administrative text: word wrap with the fonts' metrics,
 * justified or aligned lines, page breaks and page numbers. Lines are written as content-stream
 * operators directly: pdf-lib's drawText lays text out with fontkit on every call (~1 ms a
 * line); here each distinct word is measured and encoded once per document, and a justified line
 * is one TJ array whose numbers widen the spaces (a CID font ignores the word-spacing operator).
 */

export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;
/** Nghị định 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;
export const LINE_HEIGHT = 1.3;

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Run {
  text: string;
  style?: FontStyle;
}

export interface ParagraphStyle {
  size: number;
  /** Default "justify" (the last line of a paragraph stays left). */
  align?: Align;
  /** Extra indent of the first line (Nghị định 30: 1–1.27 cm). */
  firstIndent?: number;
  /** Left indent of every line. */
  indent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** Don't leave this paragraph as the last thing on a page (headings). */
  keepWithNext?: boolean;
}

interface Piece {
  text: string;
  font: PDFFont;
  width: number;
}

interface Word {
  pieces: Piece[];
  width: number;
}

export interface Line {
  words: Word[];
  /** Natural width: words plus one space between each. */
  width: number;
  indent: number;
  /** Last line of its paragraph: never stretched when justifying. */
  last: boolean;
}

export class Typesetter {
  readonly pages: PDFPage[] = [];
  private current!: PDFPage;
  /** Top of the next line box, in PDF units from the bottom of the page. */
  private cursor = 0;
  private readonly encoded = new Map<PDFFont, Map<string, PDFHexString>>();
  private readonly widths = new Map<PDFFont, Map<string, number>>();
  private readonly fontNames = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: FontSet,
  ) {
    this.newPage();
  }

  get page(): PDFPage {
    return this.current;
  }
  get left(): number {
    return MARGINS.left;
  }
  get width(): number {
    return A4.width - MARGINS.left - MARGINS.right;
  }
  get y(): number {
    return this.cursor;
  }
  set y(value: number) {
    this.cursor = value;
  }
  get top(): number {
    return A4.height - MARGINS.top;
  }
  private get atTop(): boolean {
    return this.cursor >= this.top;
  }

  newPage(): void {
    this.current = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.current);
    this.cursor = this.top;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number): void {
    if (!this.atTop && this.cursor - height < MARGINS.bottom) this.newPage();
  }

  /** Vertical space; dropped at the top of a page, and never runs past the bottom margin. */
  space(height: number): void {
    if (this.atTop) return;
    this.cursor = Math.max(MARGINS.bottom, this.cursor - height);
  }

  lineHeight(size: number): number {
    return size * LINE_HEIGHT;
  }

  /** Width of `text` in `font` at `size`, cached per distinct string. */
  measure(font: PDFFont, text: string, size: number): number {
    let m = this.widths.get(font);
    if (!m) this.widths.set(font, (m = new Map()));
    let w = m.get(text);
    if (w === undefined) m.set(text, (w = font.widthOfTextAtSize(text, 1)));
    return w * size;
  }

  private encode(font: PDFFont, text: string): PDFHexString {
    let m = this.encoded.get(font);
    if (!m) this.encoded.set(font, (m = new Map()));
    let hex = m.get(text);
    // encodeText also records the glyphs for the subset and the ToUnicode map.
    if (!hex) m.set(text, (hex = font.encodeText(text)));
    return hex;
  }

  private fontName(page: PDFPage, font: PDFFont): PDFName {
    let names = this.fontNames.get(page);
    if (!names) this.fontNames.set(page, (names = new Map()));
    let name = names.get(font);
    if (!name) names.set(font, (name = page.node.newFontDictionary(font.name, font.ref)));
    return name;
  }

  /** Words of `runs`; a word may change style mid-way ("**Tán thành**:"). Newlines count as spaces. */
  private words(runs: readonly Run[], size: number): Word[] {
    const words: Word[] = [];
    let word: Word | undefined;
    for (const run of runs) {
      const font = this.fonts[run.style ?? 'regular'];
      // Only spaces and newlines break words: a no-break space stays inside its word.
      for (const token of clean(run.text).split(/([ \n]+)/)) {
        if (token === '') continue;
        if (/^[ \n]+$/.test(token)) {
          word = undefined;
          continue;
        }
        const piece = { text: token, font, width: this.measure(font, token, size) };
        if (word) {
          word.pieces.push(piece);
          word.width += piece.width;
        } else {
          words.push((word = { pieces: [piece], width: piece.width }));
        }
      }
    }
    return words;
  }

  /** A word wider than `max` cut between characters, so nothing runs into the margin. */
  private cut(word: Word, max: number, size: number): Word[] {
    const out: Word[] = [];
    let chunk: Word = { pieces: [], width: 0 };
    for (const piece of word.pieces) {
      let text = '';
      for (const ch of piece.text) {
        const w = this.measure(piece.font, ch, size);
        if (chunk.width + w > max && (chunk.pieces.length > 0 || text !== '')) {
          if (text) chunk.pieces.push({ text, font: piece.font, width: this.measure(piece.font, text, size) });
          out.push(chunk);
          chunk = { pieces: [], width: 0 };
          text = '';
        }
        text += ch;
        chunk.width += w;
      }
      if (text) chunk.pieces.push({ text, font: piece.font, width: this.measure(piece.font, text, size) });
    }
    if (chunk.pieces.length) out.push(chunk);
    return out;
  }

  private spaceWidth(word: Word, size: number): number {
    const last = word.pieces[word.pieces.length - 1];
    return last ? this.measure(last.font, ' ', size) : 0;
  }

  /** Greedy word wrap of one paragraph into lines at most `width` wide. */
  layout(runs: readonly Run[], size: number, width: number, firstIndent = 0): Line[] {
    const lines: Line[] = [];
    let line: Line = { words: [], width: 0, indent: firstIndent, last: false };
    for (const whole of this.words(runs, size)) {
      for (const word of whole.width > width - firstIndent ? this.cut(whole, width - firstIndent, size) : [whole]) {
        const prev = line.words[line.words.length - 1];
        const gap = prev ? this.spaceWidth(prev, size) : 0;
        if (prev && line.indent + line.width + gap + word.width > width) {
          lines.push(line);
          line = { words: [word], width: word.width, indent: 0, last: false };
        } else {
          line.words.push(word);
          line.width += gap + word.width;
        }
      }
    }
    line.last = true;
    lines.push(line);
    return lines;
  }

  /** Draws one line on `page` with its baseline at `baseline`, within [x, x + width]. */
  drawLine(page: PDFPage, line: Line, x: number, baseline: number, width: number, size: number, align: Align): void {
    if (line.words.length === 0) return;
    const free = width - line.indent - line.width;
    let start = x + line.indent;
    let extra = 0;
    if (align === 'center') start += free / 2;
    else if (align === 'right') start += free;
    else if (align === 'justify' && !line.last && line.words.length > 1 && free > 0) extra = free / (line.words.length - 1);

    const ops: PDFOperator[] = [beginText(), moveText(start, baseline)];
    let font: PDFFont | undefined;
    let items = PDFArray.withContext(this.doc.context);
    const flush = () => {
      if (items.size() > 0) ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [items]));
      items = PDFArray.withContext(this.doc.context);
    };
    line.words.forEach((word, i) => {
      if (i > 0 && font) {
        // A real space glyph, so text extraction sees the word break; then the stretch.
        items.push(this.encode(font, ' '));
        if (extra > 0) items.push(PDFNumber.of(-(extra * 1000) / size));
      }
      for (const piece of word.pieces) {
        if (piece.font !== font) {
          flush();
          font = piece.font;
          ops.push(setFontAndSize(this.fontName(page, font), size));
        }
        items.push(this.encode(piece.font, piece.text));
      }
    });
    flush();
    ops.push(endText());
    page.pushOperators(...ops);
  }

  /** Baseline of a line whose box starts at `top`. */
  baseline(top: number, size: number): number {
    return top - this.lineHeight(size) * 0.78;
  }

  /**
   * Lines drawn top-down from `top` on the current page without page breaks (header cells,
   * signature blocks); returns the y below the last line.
   */
  drawLines(lines: readonly Line[], x: number, top: number, width: number, size: number, align: Align): number {
    let y = top;
    for (const line of lines) {
      this.drawLine(this.current, line, x, this.baseline(y, size), width, size, align);
      y -= this.lineHeight(size);
    }
    return y;
  }

  /** A flowing paragraph (or several, for a string with "\n") at the cursor, breaking pages. */
  paragraph(content: string | readonly Run[], style: ParagraphStyle): void {
    const list: (readonly Run[])[] =
      typeof content === 'string'
        ? clean(content)
            .split('\n')
            .map((p) => p.trim())
            .filter(Boolean)
            .map((p) => [{ text: p }])
        : [content];
    const lh = this.lineHeight(style.size);
    const indent = style.indent ?? 0;
    for (const runs of list) {
      const lines = this.layout(runs, style.size, this.width - indent, style.firstIndent ?? 0);
      this.space(style.spaceBefore ?? 0);
      // Keep a heading with two lines of what follows, and never strand a single first line.
      this.ensure(style.keepWithNext ? (lines.length + 2) * lh : Math.min(lines.length, 2) * lh);
      for (const line of lines) {
        this.ensure(lh);
        this.drawLine(this.current, line, this.left + indent, this.baseline(this.cursor, style.size), this.width - indent, style.size, style.align ?? 'justify');
        this.cursor -= lh;
      }
      this.space(style.spaceAfter ?? 0);
    }
  }

  /** A horizontal rule on the current page. */
  rule(x1: number, x2: number, y: number, thickness = 0.6): void {
    this.current.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness });
  }

  /** Single line of text centred on `cx` (page numbers, marks). */
  centred(page: PDFPage, text: string, style: FontStyle, size: number, cx: number, baseline: number): void {
    const [line] = this.layout([{ text, style }], size, A4.width);
    if (line) this.drawLine(page, line, cx - line.width / 2, baseline, line.width, size, 'left');
  }

  /** "Trang 2/3" centred in the bottom margin of every page. */
  numberPages(size = 11): void {
    const n = this.pages.length;
    this.pages.forEach((page, i) => this.centred(page, `Trang ${i + 1}/${n}`, 'regular', size, this.left + this.width / 2, MARGINS.bottom / 2));
  }
}
