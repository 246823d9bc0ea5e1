import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { ShapeKind, type Shape } from '../types.ts';
import { isValidShape } from '../validate.ts';
import { shapeOps } from './draw-shapes.ts';
import { pageFrame } from './frame.ts';
import { createPaintContext } from './painter.ts';
import { watermarkOps } from './watermark.ts';

export interface BurnInOptions {
  /**
   * Bytes of a full TrueType/OpenType font covering Vietnamese, e.g. Debian's
   * /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf. It is subset into the output. Not a
   * split woff/woff2 from @fontsource: those render as blank boxes without any error.
   */
  font: Uint8Array;
  /** Tiled diagonal text on every page, e.g. reader name, unit and time for confidential documents. */
  watermark?: { text: string };
}

/**
 * Draws annotation layers into a copy of a PDF and returns the new file. `layers` are drawn in
 * order, each layer's shapes in the order given (pass `listShapes` output), then the
 * watermark on top. Shapes that fail `isValidShape` or name a page the document lacks are
 * skipped, so a stray mark cannot stop an export. Coordinates are PDF user space and drawn
 * as they are; note boxes, text and the watermark are laid out upright for the page's /Rotate.
 * Throws if the PDF cannot be parsed (including encrypted PDFs). CPU-bound: run large
 * documents off the request path.
 */
export async function burnIn(
  pdfBytes: Uint8Array,
  layers: readonly (readonly Shape[])[],
  opts: BurnInOptions,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const pages = doc.getPages();
  const shapes = layers.flat().filter((s) => isValidShape(s) && s.page <= pages.length);
  const watermark = opts.watermark?.text.trim() ? opts.watermark.text : undefined;
  const needsFont = watermark !== undefined || shapes.some((s) => s.kind === ShapeKind.NOTE || s.kind === ShapeKind.TEXTBOX);
  let font;
  if (needsFont) {
    doc.registerFontkit(fontkit);
    font = await doc.embedFont(opts.font, { subset: true });
  }
  const ctx = createPaintContext(doc, font);
  const frames = pages.map(pageFrame);
  for (const s of shapes) {
    const page = pages[s.page - 1];
    const frame = frames[s.page - 1];
    if (page && frame) page.pushOperators(...shapeOps(ctx, page, frame, s));
  }
  if (watermark !== undefined) {
    pages.forEach((page, i) => {
      const frame = frames[i];
      if (frame) page.pushOperators(...watermarkOps(ctx, page, frame, watermark));
    });
  }
  return doc.save();
}
