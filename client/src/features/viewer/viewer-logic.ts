/** A page number typed or computed, kept within 1…count (1 for an empty or unknown count). */
export function clampPage(page: number, count: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.max(1, Math.min(Math.max(1, count), Math.trunc(page)));
}

/** Zoom is relative to "fit width" (1); pinch and Ctrl+wheel move freely between the ends. */
export const ZOOM_MIN = 0.5;
export const ZOOM_MAX = 4;
/** The steps of the zoom buttons and the +/− keys. */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, zoom));
}

export function nextZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((z) => z > current + 1e-9) ?? current;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 1e-9) ?? current;
}

/** The zoom while two fingers pinch: the starting zoom times how far they spread. */
export function pinchZoom(startZoom: number, startDistance: number, distance: number): number {
  if (!(startDistance > 0) || !(distance > 0)) return clampZoom(startZoom);
  return clampZoom(startZoom * (distance / startDistance));
}

/** Ctrl + wheel (and a trackpad pinch, which browsers report as one): ~18 % per mouse notch. */
export function wheelZoom(zoom: number, deltaY: number): number {
  return clampZoom(zoom * Math.exp(-deltaY * 0.002));
}

/** The PDF scale that makes a page `pageWidth` points wide fill `containerWidth` CSS pixels, times `zoom`. */
export function fitWidthScale(containerWidth: number, pageWidth: number, zoom = 1): number {
  if (!(containerWidth > 0) || !(pageWidth > 0)) return zoom;
  return (containerWidth / pageWidth) * zoom;
}

export interface CanvasSize {
  /** Backing-store pixels: sharp on high-density screens. */
  width: number;
  height: number;
  /** CSS size. */
  cssWidth: number;
  cssHeight: number;
  /** Device pixels per CSS pixel actually used (reduced for huge pages to bound memory). */
  ratio: number;
}

/** Canvases above this many pixels fail silently on some tablets (iOS caps at 16.7 M). */
export const MAX_CANVAS_PIXELS = 16_000_000;

/** Canvas dimensions for a viewport of `cssWidth × cssHeight` on a screen with `dpr`. */
export function canvasSize(cssWidth: number, cssHeight: number, dpr: number, maxPixels = MAX_CANVAS_PIXELS): CanvasSize {
  let ratio = dpr > 0 ? dpr : 1;
  const pixels = cssWidth * cssHeight * ratio * ratio;
  if (pixels > maxPixels) ratio = Math.sqrt(maxPixels / (cssWidth * cssHeight));
  // Flooring both sides can only lower the count, so the cap holds exactly.
  return {
    width: Math.max(1, Math.floor(cssWidth * ratio)),
    height: Math.max(1, Math.floor(cssHeight * ratio)),
    cssWidth: Math.floor(cssWidth),
    cssHeight: Math.floor(cssHeight),
    ratio,
  };
}

export type SwipeDirection = 1 | -1 | 0;

/** Minimum travel of a swipe, in CSS pixels, and its longest duration. */
const SWIPE_MIN_DISTANCE = 60;
const SWIPE_MAX_MS = 800;

/**
 * A quick, mostly horizontal one-finger movement flips the page (+1 next for a swipe to the
 * left) — only when the page fits the width, otherwise the finger is panning sideways.
 */
export function swipeDirection(dx: number, dy: number, ms: number, fitsWidth: boolean): SwipeDirection {
  if (!fitsWidth || ms > SWIPE_MAX_MS) return 0;
  if (Math.abs(dx) < SWIPE_MIN_DISTANCE || Math.abs(dx) < 2 * Math.abs(dy)) return 0;
  return dx < 0 ? 1 : -1;
}

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>;

export type ViewerKeyCommand =
  | { kind: 'page'; delta: 1 | -1 }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'scroll'; dy: number }
  | { kind: 'zoom'; direction: 1 | -1 | 0 }
  | null;

/** How far the up/down arrows scroll the pages when the focus is elsewhere in the viewer. */
const ARROW_SCROLL = 48;

/**
 * The viewer command of a key pressed inside it. `fitsWidth`: the pages fit the width, so
 * left/right flip pages instead of scrolling sideways; `onScroller`: the page area has the
 * focus and scrolls by itself with the up/down arrows.
 */
export function viewerKeyCommand(e: KeyPress, fitsWidth: boolean, onScroller: boolean): ViewerKeyCommand {
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case 'PageDown':
      return { kind: 'page', delta: 1 };
    case 'PageUp':
      return { kind: 'page', delta: -1 };
    case 'Home':
      return mod ? null : { kind: 'first' };
    case 'End':
      return mod ? null : { kind: 'last' };
    case 'ArrowRight':
    case 'ArrowLeft':
      return fitsWidth && !mod ? { kind: 'page', delta: e.key === 'ArrowRight' ? 1 : -1 } : null;
    case 'ArrowDown':
    case 'ArrowUp':
      return onScroller || mod ? null : { kind: 'scroll', dy: e.key === 'ArrowDown' ? ARROW_SCROLL : -ARROW_SCROLL };
    case '+':
    case '=':
      return { kind: 'zoom', direction: 1 };
    case '-':
    case '_':
      return { kind: 'zoom', direction: -1 };
    case '0':
      return { kind: 'zoom', direction: 0 };
    default:
      return null;
  }
}

/** Ctrl/⌘+F anywhere on the page goes to the viewer's search; Ctrl/⌘+P is refused for a confidential document. */
export function windowKeyCommand(e: KeyPress, confidential: boolean): 'search' | 'blockPrint' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'f') return 'search';
  if (key === 'p' && confidential) return 'blockPrint';
  return null;
}
