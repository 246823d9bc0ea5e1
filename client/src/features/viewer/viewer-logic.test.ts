import { describe, expect, it } from 'vitest';
import { canvasSize, clampPage, fitWidthScale, MAX_CANVAS_PIXELS, nextZoom } from './viewer-logic';

describe('clampPage', () => {
  it('keeps the page within the document', () => {
    expect(clampPage(0, 10)).toBe(1);
    expect(clampPage(11, 10)).toBe(10);
    expect(clampPage(3.7, 10)).toBe(3);
    expect(clampPage(Number.NaN, 10)).toBe(1);
    expect(clampPage(5, 0)).toBe(1);
  });
});

describe('zoom', () => {
  it('fits the width, then scales', () => {
    expect(fitWidthScale(1190, 595)).toBe(2);
    expect(fitWidthScale(1190, 595, 1.5)).toBe(3);
    expect(fitWidthScale(0, 595, 1)).toBe(1);
  });

  it('steps through the zoom levels and stops at the ends', () => {
    expect(nextZoom(1, 1)).toBe(1.25);
    expect(nextZoom(1, -1)).toBe(0.75);
    expect(nextZoom(3, 1)).toBe(3);
    expect(nextZoom(0.5, -1)).toBe(0.5);
  });
});

describe('canvasSize', () => {
  it('multiplies by the device pixel ratio', () => {
    expect(canvasSize(800, 1131.5, 2)).toEqual({ width: 1600, height: 2263, cssWidth: 800, cssHeight: 1131, ratio: 2 });
    expect(canvasSize(800, 600, 0)).toMatchObject({ width: 800, ratio: 1 });
  });

  it('lowers the ratio for pages that would be too large', () => {
    const size = canvasSize(4000, 5000, 3);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(size.cssWidth).toBe(4000);
  });
});
