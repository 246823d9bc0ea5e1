import { readFileSync } from 'node:fs';
import { PDFDocument, degrees } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfToViewport, type Rotation } from '../coords.ts';
import { makeInk, makeNote, makeTextHighlight, makeTextbox } from '../test-support/factories.ts';
import { pdfText, rasterize, type Raster } from '../test-support/poppler.ts';
import type { Point, Shape } from '../types.ts';
import { burnIn } from './index.ts';

const FONT_PATH = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf';
const DPI = 50;
const NOTE = 'Đề nghị bổ sung số liệu';
const W = 612;
const H = 792;

let font: Uint8Array;
beforeAll(() => {
  font = new Uint8Array(readFileSync(FONT_PATH));
});

async function blankPdf(pages: { size?: [number, number]; rotate?: Rotation }[] = [{}]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const p of pages) doc.addPage(p.size ?? [W, H]).setRotation(degrees(p.rotate ?? 0));
  return doc.save();
}

// Where a PDF-space point lands in the pdftoppm raster: the same transform the viewer uses.
function pixel(r: Raster, pt: Point, rotation: Rotation = 0, size: [number, number] = [W, H]) {
  const [x, y] = pdfToViewport(pt, { scale: DPI / 72, rotation, pageWidth: size[0], pageHeight: size[1] });
  return r.at(Math.min(r.width - 1, x), Math.min(r.height - 1, y));
}

const isRed = ([r, g, b]: number[]) => (r as number) > 180 && (g as number) < 80 && (b as number) < 80;
const isWhite = ([r, g, b]: number[]) => (r as number) > 245 && (g as number) > 245 && (b as number) > 245;

describe('burnIn', () => {
  // A thick red stroke along y = 400 from x = 100 to 500, and a Vietnamese note.
  const stroke = makeInk({ width: 20, color: '#ff0000', points: [[100, 400, 0.5], [300, 400, 0.5], [500, 400, 0.5]] });
  const note = makeNote({ at: [150, 650], text: NOTE });

  it('draws ink where it belongs and leaves the rest of the page white', async () => {
    const out = await burnIn(await blankPdf(), [[stroke, note]], { font });
    const r = rasterize(out, 1, DPI);
    expect([r.width, r.height]).toEqual([Math.round((W * DPI) / 72), Math.round((H * DPI) / 72)]);
    for (const x of [110, 200, 300, 400, 490]) {
      expect(isRed(pixel(r, [x, 400]))).toBe(true);
      expect(isRed(pixel(r, [x, 406]))).toBe(true); // within the 20-unit width
    }
    expect(isWhite(pixel(r, [300, 425]))).toBe(true); // just beyond the stroke's edge
    expect(isWhite(pixel(r, [550, 100]))).toBe(true); // far away
    expect(isWhite(pixel(r, [50, 50]))).toBe(true);
  });

  it('writes Vietnamese note text that extracts exactly', async () => {
    const out = await burnIn(await blankPdf(), [[stroke, note]], { font });
    const text = pdfText(out);
    expect(text).toContain(NOTE);
    expect(text).toContain('Nguyễn Văn An'); // the author line
    // The icon is drawn in the note's colour at its anchor.
    const [r, g, b] = pixel(rasterize(out, 1, DPI), [150, 650]);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeGreaterThan(150);
    expect(b).toBeLessThan(100);
  });

  it('draws highlights translucent, over a text box', async () => {
    const hl = makeTextHighlight({ rects: [[100, 200, 300, 30]], color: '#ffff00', alpha: 0.35 });
    const tb = makeTextbox({ rect: [100, 100, 300, 40], text: 'Kính gửi: Ủy ban nhân dân tỉnh', fontSize: 14 });
    const out = await burnIn(await blankPdf(), [[hl], [tb]], { font });
    const [r, g, b] = pixel(rasterize(out, 1, DPI), [250, 215]);
    expect(r).toBeGreaterThan(240);
    expect(g).toBeGreaterThan(240);
    expect(b).toBeGreaterThan(120); // light yellow, not opaque yellow (b ≈ 0)
    expect(b).toBeLessThan(200);
    expect(pdfText(out)).toContain('Kính gửi: Ủy ban nhân dân tỉnh');
  });

  it.each([90, 180, 270] as const)('places marks by user space on a page with /Rotate %i', async (rotate) => {
    const out = await burnIn(await blankPdf([{ rotate }]), [[stroke, note]], { font });
    const r = rasterize(out, 1, DPI);
    const quarter = rotate % 180 !== 0;
    expect([r.width, r.height]).toEqual(quarter ? [550, 425] : [425, 550]);
    for (const x of [110, 300, 490]) expect(isRed(pixel(r, [x, 400], rotate))).toBe(true);
    expect(isWhite(pixel(r, [300, 425], rotate))).toBe(true);
    // Upright text extracts in reading order whatever the rotation.
    expect(pdfText(out)).toContain(NOTE);
  });

  it('skips invalid shapes and shapes on missing pages instead of failing', async () => {
    const bad = { ...makeInk(), points: [[Number.NaN, 1, 0.5]] } as unknown as Shape;
    const elsewhere = makeInk({ page: 9 });
    const out = await burnIn(await blankPdf(), [[bad, elsewhere]], { font });
    const r = rasterize(out, 1, DPI);
    expect(isWhite(pixel(r, [150, 100]))).toBe(true);
    expect((await PDFDocument.load(out)).getPageCount()).toBe(1);
  });

  it('embeds no font when nothing needs text', async () => {
    const out = await burnIn(await blankPdf(), [[stroke]], { font });
    expect(Buffer.from(out).toString('latin1')).not.toContain('/FontFile2');
  });

  it('tiles the watermark on every page, whatever its size and rotation', async () => {
    const mark = 'Nguyễn Văn An · Sở Tài chính · 14:30 12/05/2025';
    const pdf = await blankPdf([{}, { size: [842, 595] }, { rotate: 90 }, { rotate: 270, size: [400, 400] }]);
    const out = await burnIn(pdf, [], { font, watermark: { text: mark } });
    for (const page of [1, 2, 3, 4]) {
      // The invisible horizontal copy extracts as it is…
      expect(pdfText(out, page)).toContain(mark);
      // …and the visible diagonal tiles extract one glyph per line, in order: squashed, at
      // least one whole tile besides that copy.
      const squash = (s: string) => s.replace(/\s+/g, '');
      expect(squash(pdfText(out, page, true)).split(squash(mark)).length - 1).toBeGreaterThanOrEqual(2);
      // Light grey ink somewhere near the middle of the page: the tiles cover it.
      const r = rasterize(out, page, DPI);
      let grey = 0;
      for (let y = r.height * 0.3; y < r.height * 0.7; y += 2) {
        for (let x = r.width * 0.3; x < r.width * 0.7; x += 2) if (!isWhite(r.at(x, y))) grey++;
      }
      expect(grey).toBeGreaterThan(20);
    }
  });
});
