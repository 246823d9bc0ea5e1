import { describe, expect, it } from 'vitest';
import {
  canvasSize,
  clampPage,
  clampZoom,
  fitWidthScale,
  MAX_CANVAS_PIXELS,
  nextZoom,
  pinchZoom,
  swipeDirection,
  viewerKeyCommand,
  wheelZoom,
  windowKeyCommand,
  ZOOM_MAX,
  ZOOM_MIN,
} from './viewer-logic';

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
    expect(nextZoom(3, 1)).toBe(4);
    expect(nextZoom(ZOOM_MAX, 1)).toBe(ZOOM_MAX);
    expect(nextZoom(ZOOM_MIN, -1)).toBe(ZOOM_MIN);
    // From a pinched, in-between zoom the buttons go to the neighbouring step.
    expect(nextZoom(1.1, 1)).toBe(1.25);
    expect(nextZoom(1.1, -1)).toBe(1);
  });

  it('clamps any zoom, including nonsense, to the allowed range', () => {
    expect(clampZoom(10)).toBe(ZOOM_MAX);
    expect(clampZoom(0.1)).toBe(ZOOM_MIN);
    expect(clampZoom(Number.NaN)).toBe(1);
    expect(clampZoom(1.7)).toBe(1.7);
  });

  it('follows the spread of two fingers', () => {
    expect(pinchZoom(1, 100, 200)).toBe(2);
    expect(pinchZoom(2, 200, 100)).toBe(1);
    expect(pinchZoom(1, 100, 1000)).toBe(ZOOM_MAX);
    expect(pinchZoom(1, 100, 1)).toBe(ZOOM_MIN);
    expect(pinchZoom(1.5, 0, 50)).toBe(1.5);
  });

  it('zooms in on a wheel turned up with Ctrl, out when turned down', () => {
    expect(wheelZoom(1, -100)).toBeGreaterThan(1.15);
    expect(wheelZoom(1, 100)).toBeLessThan(0.85);
    expect(wheelZoom(1, 0)).toBe(1);
    expect(wheelZoom(ZOOM_MAX, -1000)).toBe(ZOOM_MAX);
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
    expect(size.ratio).toBeLessThan(1);
  });

  it('keeps a zoomed A4 page on a 3× tablet within the cap and as sharp as the cap allows', () => {
    // A4 at 4× fit-width on a 1024 px wide screen: ~4000 × 5660 CSS px.
    const size = canvasSize(4000, 5657, 3);
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(size.width * size.height).toBeGreaterThan(MAX_CANVAS_PIXELS * 0.99);
    expect(size.width / size.height).toBeCloseTo(4000 / 5657, 3);
  });

  it('takes a lower cap', () => {
    const size = canvasSize(1000, 1000, 2, 1_000_000);
    expect(size).toMatchObject({ width: 1000, height: 1000, ratio: 1 });
  });
});

describe('swipeDirection', () => {
  it('flips forward on a swipe to the left and back on one to the right', () => {
    expect(swipeDirection(-120, 10, 200, true)).toBe(1);
    expect(swipeDirection(150, -20, 300, true)).toBe(-1);
  });

  it('ignores short, slow, vertical or zoomed-in movements', () => {
    expect(swipeDirection(-30, 0, 100, true)).toBe(0);
    expect(swipeDirection(-200, 0, 1500, true)).toBe(0);
    expect(swipeDirection(-100, 80, 200, true)).toBe(0);
    expect(swipeDirection(-200, 0, 200, false)).toBe(0);
  });
});

describe('keyboard', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('pages with PageUp/PageDown, Home/End, and left/right while the page fits the width', () => {
    expect(viewerKeyCommand(key('PageDown'), true, true)).toEqual({ kind: 'page', delta: 1 });
    expect(viewerKeyCommand(key('PageUp'), false, true)).toEqual({ kind: 'page', delta: -1 });
    expect(viewerKeyCommand(key('Home'), true, true)).toEqual({ kind: 'first' });
    expect(viewerKeyCommand(key('End'), true, true)).toEqual({ kind: 'last' });
    expect(viewerKeyCommand(key('ArrowRight'), true, true)).toEqual({ kind: 'page', delta: 1 });
    expect(viewerKeyCommand(key('ArrowLeft'), true, false)).toEqual({ kind: 'page', delta: -1 });
  });

  it('leaves sideways arrows to scrolling when zoomed in, and up/down to the focused page area', () => {
    expect(viewerKeyCommand(key('ArrowRight'), false, true)).toBeNull();
    expect(viewerKeyCommand(key('ArrowDown'), true, true)).toBeNull();
    expect(viewerKeyCommand(key('ArrowDown'), true, false)).toEqual({ kind: 'scroll', dy: 48 });
    expect(viewerKeyCommand(key('ArrowUp'), true, false)).toEqual({ kind: 'scroll', dy: -48 });
  });

  it('zooms with + and −, back to the width with 0', () => {
    expect(viewerKeyCommand(key('+'), true, true)).toEqual({ kind: 'zoom', direction: 1 });
    expect(viewerKeyCommand(key('='), true, true)).toEqual({ kind: 'zoom', direction: 1 });
    expect(viewerKeyCommand(key('-'), true, true)).toEqual({ kind: 'zoom', direction: -1 });
    expect(viewerKeyCommand(key('0', { ctrlKey: true }), true, true)).toEqual({ kind: 'zoom', direction: 0 });
  });

  it('ignores Alt combinations, Ctrl+Home/End and other keys', () => {
    expect(viewerKeyCommand(key('PageDown', { altKey: true }), true, true)).toBeNull();
    expect(viewerKeyCommand(key('Home', { ctrlKey: true }), true, true)).toBeNull();
    expect(viewerKeyCommand(key('a'), true, true)).toBeNull();
  });

  it('takes Ctrl/⌘+F for the search, and Ctrl/⌘+P only for a confidential document', () => {
    expect(windowKeyCommand(key('f', { ctrlKey: true }), false)).toBe('search');
    expect(windowKeyCommand(key('F', { metaKey: true }), true)).toBe('search');
    expect(windowKeyCommand(key('p', { ctrlKey: true }), true)).toBe('blockPrint');
    expect(windowKeyCommand(key('p', { ctrlKey: true }), false)).toBeNull();
    expect(windowKeyCommand(key('f'), true)).toBeNull();
    expect(windowKeyCommand(key('p', { ctrlKey: true, altKey: true }), true)).toBeNull();
  });
});
