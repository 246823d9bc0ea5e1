import { viewportSize, viewportToPdf, type Point, type Viewport } from '@e-cabinet/annotations';

/** Where the page's annotation layer is on screen (`getBoundingClientRect()`). */
export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Two decimals of a PDF point (1/7200 in): far below what a pen can place, and smaller updates. */
export function roundCoord(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * A pointer position (client pixels) on a page → PDF user space. The layer's on-screen box is
 * measured rather than assumed, so it stays right while the viewer scales the page with a CSS
 * transform (a pinch in progress) and whatever the device pixel ratio.
 */
export function clientToPdf(clientX: number, clientY: number, box: ScreenBox, vp: Viewport): Point {
  const size = viewportSize(vp);
  const x = ((clientX - box.left) * size.width) / (box.width || 1);
  const y = ((clientY - box.top) * size.height) / (box.height || 1);
  const [px, py] = viewportToPdf([x, y], vp);
  return [roundCoord(px), roundCoord(py)];
}

/** CSS pixels → PDF units at the layer's current on-screen size. */
export function cssToPdfLength(px: number, box: ScreenBox, vp: Viewport): number {
  const size = viewportSize(vp);
  const cssPerViewport = (box.width || size.width) / size.width;
  return px / cssPerViewport / (vp.scale * (vp.userUnit ?? 1));
}

/** Pressure in [0, 1]: a stylus reports it; a mouse or finger draws at the nominal 0.5. */
export function pressureOf(e: Pick<PointerEvent, 'pointerType' | 'pressure'>): number {
  if (e.pointerType !== 'pen' || !(e.pressure > 0)) return 0.5;
  return Math.round(Math.min(1, e.pressure) * 100) / 100;
}

/** What the pen has been doing on this device, for palm rejection. */
export interface PenState {
  /** A stylus has touched the screen since the viewer opened. */
  penSeen: boolean;
  /** A stylus is on the screen now. */
  penDown: boolean;
  /** When the stylus last left the screen (ms, same clock as `now`). */
  lastPenUpAt: number;
}

/** A palm lands just before or just after a pen stroke; touches this close to one are ignored. */
export const PALM_WINDOW_MS = 500;

export type PointerAction = 'draw' | 'scroll' | 'ignore';

/**
 * What a pointer going down on a page does while a drawing tool is active (palm rejection):
 * - a stylus or a mouse draws;
 * - once a stylus has been seen, fingers never draw: a finger scrolls the page, unless the pen
 *   is down or was lifted a moment ago (that is the writing hand's palm), which is ignored;
 * - with no stylus seen, one finger draws; a second finger is the start of a pinch and belongs
 *   to the viewer.
 */
export function pointerAction(
  e: Pick<PointerEvent, 'pointerType' | 'isPrimary'>,
  pen: PenState,
  now: number,
): PointerAction {
  if (e.pointerType === 'pen' || e.pointerType === 'mouse') return 'draw';
  if (pen.penSeen) {
    if (pen.penDown || now - pen.lastPenUpAt < PALM_WINDOW_MS) return 'ignore';
    return e.isPrimary ? 'scroll' : 'ignore';
  }
  return e.isPrimary ? 'draw' : 'ignore';
}

/** The nearest ancestor that scrolls (a finger pans it by hand once a stylus has been seen). */
export function scrollableAncestor(el: Element | null): HTMLElement | null {
  for (let node = el?.parentElement ?? null; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    const scrolls = /(auto|scroll)/.test(style.overflowY + style.overflowX);
    if (scrolls && (node.scrollHeight > node.clientHeight || node.scrollWidth > node.clientWidth)) return node;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : null;
}
