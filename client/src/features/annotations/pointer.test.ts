import { describe, expect, it } from 'vitest';
import { pdfToViewport, viewportFromPdfjs, viewportSize } from '@e-cabinet/annotations';
import { clientToPdf, cssToPdfLength, PALM_WINDOW_MS, pointerAction, pressureOf, type PenState } from './pointer';

// A US-letter page as pdf.js describes it: viewBox in PDF units, scale and rotation.
const letter = (scale: number, rotation: number) => viewportFromPdfjs({ viewBox: [0, 0, 612, 792], scale, rotation, offsetX: 0, offsetY: 0 });

describe('pointer → PDF coordinates', () => {
  it('maps the corners of an unrotated page at 200 %', () => {
    const vp = letter(2, 0);
    const box = { left: 10, top: 20, width: 1224, height: 1584 };
    expect(clientToPdf(10, 20, box, vp)).toEqual([0, 792]);
    expect(clientToPdf(10 + 1224, 20 + 1584, box, vp)).toEqual([612, 0]);
    expect(clientToPdf(10 + 612, 20 + 792, box, vp)).toEqual([306, 396]);
  });

  it('follows a 90° rotation: the page’s bottom-left corner is on screen at the top-left', () => {
    const vp = letter(2, 90);
    expect(viewportSize(vp)).toEqual({ width: 1584, height: 1224 });
    // Shown at half size (a pinch in progress scales the layer with a CSS transform).
    const box = { left: 100, top: 50, width: 792, height: 612 };
    expect(clientToPdf(100, 50, box, vp)).toEqual([0, 0]);
    expect(clientToPdf(100, 50 + 612, box, vp)).toEqual([612, 0]);
    expect(clientToPdf(100 + 792, 50, box, vp)).toEqual([0, 792]);
  });

  it('inverts what the overlay draws at any zoom and rotation (to the stored precision)', () => {
    for (const rotation of [0, 90, 180, 270]) {
      for (const scale of [0.5, 1, 1.75, 3]) {
        const vp = letter(scale, rotation);
        const size = viewportSize(vp);
        const box = { left: 37, top: -410, width: size.width * 1.25, height: size.height * 1.25 };
        const pdf: [number, number] = [123.45, 678.9];
        const [vx, vy] = pdfToViewport(pdf, vp);
        const back = clientToPdf(box.left + vx * 1.25, box.top + vy * 1.25, box, vp);
        expect(back[0]).toBeCloseTo(pdf[0], 1);
        expect(back[1]).toBeCloseTo(pdf[1], 1);
      }
    }
  });

  it('turns screen pixels into PDF units with the zoom and the on-screen size', () => {
    const vp = letter(2, 0);
    expect(cssToPdfLength(10, { left: 0, top: 0, width: 1224, height: 1584 }, vp)).toBeCloseTo(5);
    expect(cssToPdfLength(10, { left: 0, top: 0, width: 612, height: 792 }, vp)).toBeCloseTo(10);
  });
});

describe('pressure', () => {
  it('takes a stylus’s pressure and draws mouse and finger at the nominal 0.5', () => {
    expect(pressureOf({ pointerType: 'pen', pressure: 0.8 })).toBe(0.8);
    expect(pressureOf({ pointerType: 'pen', pressure: 0 })).toBe(0.5);
    expect(pressureOf({ pointerType: 'mouse', pressure: 0.5 })).toBe(0.5);
    expect(pressureOf({ pointerType: 'touch', pressure: 1 })).toBe(0.5);
  });
});

describe('palm rejection', () => {
  const noPen: PenState = { penSeen: false, penDown: false, lastPenUpAt: -Infinity };
  const penUsed: PenState = { penSeen: true, penDown: false, lastPenUpAt: 1_000 };
  const touch = { pointerType: 'touch', isPrimary: true };

  it('lets a finger draw until a stylus has been seen', () => {
    expect(pointerAction(touch, noPen, 5_000)).toBe('draw');
    expect(pointerAction({ pointerType: 'mouse', isPrimary: true }, noPen, 5_000)).toBe('draw');
    expect(pointerAction({ pointerType: 'pen', isPrimary: true }, noPen, 5_000)).toBe('draw');
  });

  it('leaves a second finger to the viewer’s pinch', () => {
    expect(pointerAction({ pointerType: 'touch', isPrimary: false }, noPen, 5_000)).toBe('ignore');
  });

  it('after a stylus, scrolls with a finger, and ignores the palm while or just after the pen writes', () => {
    expect(pointerAction(touch, penUsed, 1_000 + PALM_WINDOW_MS + 1)).toBe('scroll');
    expect(pointerAction(touch, penUsed, 1_000 + PALM_WINDOW_MS - 1)).toBe('ignore');
    expect(pointerAction(touch, { ...penUsed, penDown: true }, 60_000)).toBe('ignore');
    expect(pointerAction({ pointerType: 'touch', isPrimary: false }, penUsed, 60_000)).toBe('ignore');
    expect(pointerAction({ pointerType: 'pen', isPrimary: true }, { ...penUsed, penDown: true }, 60_000)).toBe('draw');
  });
});
