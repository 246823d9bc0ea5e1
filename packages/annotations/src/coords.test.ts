import { describe, expect, it } from 'vitest';
import {
  normalizeRotation,
  pdfToViewport,
  rectFromPoints,
  rectToViewport,
  viewportFromPdfjs,
  viewportSize,
  viewportToPdf,
  type Rotation,
  type Viewport,
} from './coords.ts';
import type { Point } from './types.ts';

const ZOOMS = [0.5, 1, 1.5, 2.37];
const ROTATIONS: Rotation[] = [0, 90, 180, 270];
const A4: Pick<Viewport, 'pageWidth' | 'pageHeight'> = { pageWidth: 595.28, pageHeight: 841.89 };
const POINTS: Point[] = [[0, 0], [595.28, 841.89], [123.456, 789.012], [300.5, 0.001], [-15, 900]];

function close(a: Point, b: Point, eps = 1e-9): void {
  expect(Math.abs(a[0] - b[0])).toBeLessThanOrEqual(eps);
  expect(Math.abs(a[1] - b[1])).toBeLessThanOrEqual(eps);
}

describe('viewport transforms', () => {
  describe.each(ZOOMS)('zoom %f', (scale) => {
    it.each(ROTATIONS)('round-trips PDF → viewport → PDF and back at rotation %i', (rotation) => {
      for (const offsets of [{}, { offsetX: 17.25, offsetY: -3.5 }, { pageX: 36, pageY: -20 }]) {
        const vp: Viewport = { scale, rotation, ...A4, ...offsets };
        for (const p of POINTS) {
          close(viewportToPdf(pdfToViewport(p, vp), vp), p);
          // And a viewport pixel (e.g. a pointer event) survives the reverse trip.
          const px: Point = [p[0] * 0.7 + 3.3, p[1] * 0.4 + 11.1];
          close(pdfToViewport(viewportToPdf(px, vp), vp), px);
        }
      }
    });
  });

  it('maps the page corners as pdf.js does (origin top-left, y down, clockwise rotation)', () => {
    const s = 2;
    const { pageWidth: w, pageHeight: h } = A4;
    const at = (rotation: Rotation, p: Point) => pdfToViewport(p, { scale: s, rotation, ...A4 });
    // The PDF origin is the page's bottom-left corner before rotation.
    close(at(0, [0, 0]), [0, h * s]);
    close(at(0, [w, h]), [w * s, 0]);
    close(at(90, [0, 0]), [0, 0]);
    close(at(90, [10, 20]), [20 * s, 10 * s]);
    close(at(180, [10, 20]), [(w - 10) * s, 20 * s]);
    close(at(270, [10, 20]), [(h - 20) * s, (w - 10) * s]);
  });

  it('applies offsets, a page box not at the origin, and the user unit', () => {
    const vp: Viewport = { scale: 1.5, rotation: 0, pageWidth: 500, pageHeight: 700, pageX: 50, pageY: 100, offsetX: 10, offsetY: 20, userUnit: 2 };
    close(pdfToViewport([50, 800], vp), [10, 20]); // the box's top-left corner
    close(pdfToViewport([60, 800], vp), [10 + 10 * 3, 20]);
  });

  it('sizes the viewport, swapping width and height at 90 and 270', () => {
    expect(viewportSize({ scale: 2, rotation: 0, pageWidth: 100, pageHeight: 200 })).toEqual({ width: 200, height: 400 });
    expect(viewportSize({ scale: 2, rotation: 90, pageWidth: 100, pageHeight: 200 })).toEqual({ width: 400, height: 200 });
    expect(viewportSize({ scale: 2, rotation: 270, pageWidth: 100, pageHeight: 200, userUnit: 2 })).toEqual({ width: 800, height: 400 });
  });

  it('reads a pdf.js PageViewport', () => {
    const vp = viewportFromPdfjs({ viewBox: [10, 20, 610, 820], scale: 1.25, rotation: 450, offsetX: 0, offsetY: 0 });
    expect(vp).toMatchObject({ scale: 1.25, rotation: 90, pageWidth: 600, pageHeight: 800, pageX: 10, pageY: 20, userUnit: 1 });
  });

  it('normalises rotations', () => {
    expect([0, 90, 180, 270, 360, -90, -180, 450, 720].map(normalizeRotation)).toEqual([0, 90, 180, 270, 0, 270, 180, 90, 0]);
  });

  it.each(ROTATIONS)('converts a viewport selection rect to a PDF rect and back at rotation %i', (rotation) => {
    const vp: Viewport = { scale: 1.5, rotation, ...A4 };
    const pdfRect = rectFromPoints(viewportToPdf([100, 120], vp), viewportToPdf([160, 135], vp));
    expect(pdfRect[2]).toBeGreaterThan(0);
    expect(pdfRect[3]).toBeGreaterThan(0);
    const back = rectToViewport(pdfRect, vp);
    [100, 120, 60, 15].forEach((v, i) => expect(back[i]).toBeCloseTo(v, 9));
  });
});
