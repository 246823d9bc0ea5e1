import type { PDFPage } from 'pdf-lib';
import { normalizeRotation, rectFromPoints, rectToViewport, viewportToPdf, type Rotation, type Viewport } from '../coords.ts';
import type { Point, Rect } from '../types.ts';

/**
 * The page as the reader sees it: rotated by /Rotate, origin top-left, y down, in PDF units.
 * Shapes live in user space and are drawn there as they are; only the things we lay out
 * ourselves (note boxes, text lines, the watermark) are placed in this frame so they read
 * upright and stay on the visible page whatever the rotation.
 */
export interface PageFrame {
  rotation: Rotation;
  width: number;
  height: number;
  vp: Viewport;
}

export function pageFrame(page: PDFPage): PageFrame {
  const box = page.getCropBox();
  const rotation = normalizeRotation(page.getRotation().angle);
  const vp: Viewport = { scale: 1, rotation, pageWidth: box.width, pageHeight: box.height, pageX: box.x, pageY: box.y };
  const quarter = rotation % 180 !== 0;
  return { rotation, vp, width: quarter ? box.height : box.width, height: quarter ? box.width : box.height };
}

/** A display point (y down) in user space. */
export function toUser(f: PageFrame, u: number, v: number): Point {
  return viewportToPdf([u, v], f.vp);
}

/** A user-space rect as a display rect `[left, top, width, height]`. */
export function toDisplayRect(f: PageFrame, r: Rect): Rect {
  return rectToViewport(r, f.vp);
}

/** A display rect `[left, top, width, height]` as a user-space rect. */
export function toUserRect(f: PageFrame, r: Rect): Rect {
  return rectFromPoints(toUser(f, r[0], r[1]), toUser(f, r[0] + r[2], r[1] + r[3]));
}
