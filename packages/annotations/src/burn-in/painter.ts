import {
  type PDFName,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rotateAndSkewTextDegreesAndTranslate,
  setFillingRgbColor,
  setFontAndSize,
  setGraphicsState,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFDocument,
  type PDFFont,
  type PDFHexString,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

/*
 * Low-level drawing shared by the shape and watermark painters. We emit content-stream
 * operators ourselves instead of calling page.drawText for every line: pdf-lib lays the text
 * out with fontkit on every call (~1 ms a line), and a tiled watermark repeats the same line
 * dozens of times on each of hundreds of pages. Encoding each distinct string once and reusing
 * the resource names per page keeps a 300-page export fast and small.
 */

export type Rgb = readonly [r: number, g: number, b: number];

export interface PaintContext {
  doc: PDFDocument;
  /** Absent when nothing in the job draws text (then no font is embedded at all). */
  font: PDFFont | undefined;
  encoded: Map<string, PDFHexString>;
  extGStates: Map<string, PDFRef>;
  pageNames: WeakMap<PDFPage, Map<string, PDFName>>;
}

export function createPaintContext(doc: PDFDocument, font: PDFFont | undefined): PaintContext {
  return { doc, font, encoded: new Map(), extGStates: new Map(), pageNames: new WeakMap() };
}

/** `#rrggbb` → rgb in [0, 1]; callers have validated the format. */
export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/** Mixes a colour with white: `t` = 0 keeps it, 1 gives white. */
export function lighten(c: Rgb, t: number): Rgb {
  return [c[0] + (1 - c[0]) * t, c[1] + (1 - c[1]) * t, c[2] + (1 - c[2]) * t];
}

function pageName(ctx: PaintContext, page: PDFPage, key: string, register: () => PDFName): PDFName {
  let names = ctx.pageNames.get(page);
  if (!names) ctx.pageNames.set(page, (names = new Map()));
  let name = names.get(key);
  if (!name) names.set(key, (name = register()));
  return name;
}

/**
 * Resource name of an ExtGState with this opacity (fill and stroke) and blend mode on `page`.
 * Highlights use Multiply so the text under them stays black, as with a real highlighter.
 */
export function opacityState(ctx: PaintContext, page: PDFPage, alpha: number, blend?: 'Multiply'): PDFName {
  const key = `gs:${alpha}:${blend ?? 'Normal'}`;
  let ref = ctx.extGStates.get(key);
  if (!ref) {
    const dict = ctx.doc.context.obj({ Type: 'ExtGState', ca: alpha, CA: alpha, BM: blend ?? 'Normal' });
    ref = ctx.doc.context.register(dict);
    ctx.extGStates.set(key, ref);
  }
  const gsRef = ref;
  return pageName(ctx, page, key, () => page.node.newExtGState('GS', gsRef));
}

function requireFont(ctx: PaintContext): PDFFont {
  if (!ctx.font) throw new Error('burnIn: text drawn without an embedded font');
  return ctx.font;
}

/** Width of `text` at `size` in PDF units. */
export function textWidth(ctx: PaintContext, text: string, size: number): number {
  return requireFont(ctx).widthOfTextAtSize(text, size);
}

export interface TextRun {
  text: string;
  /** Baseline start in PDF user space. */
  x: number;
  y: number;
  size: number;
  /** Counter-clockwise degrees in user space. */
  rotate: number;
  color: Rgb;
  /** Resource name from `opacityState`, for translucent text. */
  state?: PDFName;
  /** Text render mode 3: extractable and searchable, but not painted. */
  invisible?: boolean;
}

/** Operators that show one line of text (already NFC and free of control characters). */
export function textOps(ctx: PaintContext, page: PDFPage, run: TextRun): PDFOperator[] {
  const font = requireFont(ctx);
  let hex = ctx.encoded.get(run.text);
  // encodeText also records the glyphs for the subset and the ToUnicode map.
  if (!hex) ctx.encoded.set(run.text, (hex = font.encodeText(run.text)));
  const fontName = pageName(ctx, page, 'font', () => page.node.newFontDictionary(font.name, font.ref));
  return [
    pushGraphicsState(),
    ...(run.state ? [setGraphicsState(run.state)] : []),
    beginText(),
    setFillingRgbColor(...run.color),
    setFontAndSize(fontName, run.size),
    ...(run.invisible ? [setTextRenderingMode(TextRenderingMode.Invisible)] : []),
    rotateAndSkewTextDegreesAndTranslate(run.rotate, 0, 0, run.x, run.y),
    showText(hex),
    endText(),
    popGraphicsState(),
  ];
}

/** Makes user text drawable on one line: NFC, control characters (tabs, CR) as spaces. */
export function cleanLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
