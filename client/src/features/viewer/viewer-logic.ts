/** A page number typed or computed, kept within 1…count (1 for an empty or unknown count). */
export function clampPage(page: number, count: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.max(1, Math.min(Math.max(1, count), Math.trunc(page)));
}

/** Zoom steps, relative to "fit width" (1). */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

export function nextZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((z) => z > current + 1e-9) ?? current;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 1e-9) ?? current;
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
export function canvasSize(cssWidth: number, cssHeight: number, dpr: number): CanvasSize {
  let ratio = dpr > 0 ? dpr : 1;
  const pixels = cssWidth * cssHeight * ratio * ratio;
  if (pixels > MAX_CANVAS_PIXELS) ratio = Math.sqrt(MAX_CANVAS_PIXELS / (cssWidth * cssHeight));
  return {
    width: Math.max(1, Math.floor(cssWidth * ratio)),
    height: Math.max(1, Math.floor(cssHeight * ratio)),
    cssWidth: Math.floor(cssWidth),
    cssHeight: Math.floor(cssHeight),
    ratio,
  };
}
