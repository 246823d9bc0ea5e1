import type { Point, Rect } from './types.ts';

/** Rotations pdf.js accepts (clockwise, degrees). */
export type Rotation = 0 | 90 | 180 | 270;

/**
 * What the transforms need to know about a rendered page, with pdf.js `PageViewport` semantics:
 * viewport pixels have their origin at the top-left and y down; `rotation` is clockwise and is
 * the viewport's total rotation (the page's /Rotate plus any the user added, as pdf.js's
 * `viewport.rotation`). `pageWidth`/`pageHeight` are the unrotated page box in PDF units
 * (`viewport.rawDims`); `pageX`/`pageY` its lower-left corner when the box does not start at
 * the origin.
 */
export interface Viewport {
  scale: number;
  rotation: Rotation;
  pageWidth: number;
  pageHeight: number;
  pageX?: number;
  pageY?: number;
  offsetX?: number;
  offsetY?: number;
  /** The page's /UserUnit; pdf.js multiplies it into the scale. Defaults to 1. */
  userUnit?: number;
}

/** The fields of a pdf.js `PageViewport` that `viewportFromPdfjs` reads. */
export interface PdfjsViewportLike {
  viewBox: ArrayLike<number>;
  scale: number;
  rotation: number;
  offsetX?: number;
  offsetY?: number;
  userUnit?: number;
}

/** Normalises any multiple of 90 (including negative ones) to 0/90/180/270. */
export function normalizeRotation(deg: number): Rotation {
  const r = (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
  return r as Rotation;
}

/** Builds a `Viewport` from a pdf.js `PageViewport` (structurally typed: no pdfjs import here). */
export function viewportFromPdfjs(vp: PdfjsViewportLike): Viewport {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = Array.from(vp.viewBox);
  return {
    scale: vp.scale,
    rotation: normalizeRotation(vp.rotation),
    pageWidth: x1 - x0,
    pageHeight: y1 - y0,
    pageX: x0,
    pageY: y0,
    offsetX: vp.offsetX ?? 0,
    offsetY: vp.offsetY ?? 0,
    userUnit: vp.userUnit ?? 1,
  };
}

// [a, b, c, d] of pdf.js's rotation matrix (with the y flip) per rotation.
const ROTATIONS: Record<Rotation, readonly [number, number, number, number]> = {
  0: [1, 0, 0, -1],
  90: [0, 1, 1, 0],
  180: [-1, 0, 0, 1],
  270: [0, -1, -1, 0],
};

interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  s: number;
  e: number;
  f: number;
}

// The same affine transform pdf.js computes in the PageViewport constructor.
function affine(vp: Viewport): Affine {
  const s = vp.scale * (vp.userUnit ?? 1);
  const [a, b, c, d] = ROTATIONS[normalizeRotation(vp.rotation)];
  const x0 = vp.pageX ?? 0;
  const y0 = vp.pageY ?? 0;
  const cx = x0 + vp.pageWidth / 2;
  const cy = y0 + vp.pageHeight / 2;
  const quarter = a === 0;
  const ox = (quarter ? vp.pageHeight / 2 : vp.pageWidth / 2) * s + (vp.offsetX ?? 0);
  const oy = (quarter ? vp.pageWidth / 2 : vp.pageHeight / 2) * s + (vp.offsetY ?? 0);
  return { a, b, c, d, s, e: ox - a * s * cx - c * s * cy, f: oy - b * s * cx - d * s * cy };
}

/** PDF user space → viewport pixels (what pdf.js `viewport.convertToViewportPoint` returns). */
export function pdfToViewport(pt: Point, vp: Viewport): Point {
  const { a, b, c, d, s, e, f } = affine(vp);
  return [s * (a * pt[0] + c * pt[1]) + e, s * (b * pt[0] + d * pt[1]) + f];
}

/**
 * Viewport pixels → PDF user space (pdf.js `viewport.convertToPdfPoint`). The rotation part is
 * orthonormal, so the inverse is its transpose divided by the scale: exact up to rounding.
 */
export function viewportToPdf(pt: Point, vp: Viewport): Point {
  const { a, b, c, d, s, e, f } = affine(vp);
  const u = pt[0] - e;
  const v = pt[1] - f;
  return [(a * u + b * v) / s, (c * u + d * v) / s];
}

/** Size of the rendered page in viewport pixels (pdf.js `viewport.width`/`height`). */
export function viewportSize(vp: Viewport): { width: number; height: number } {
  const s = vp.scale * (vp.userUnit ?? 1);
  const quarter = normalizeRotation(vp.rotation) % 180 !== 0;
  return quarter
    ? { width: vp.pageHeight * s, height: vp.pageWidth * s }
    : { width: vp.pageWidth * s, height: vp.pageHeight * s };
}

/**
 * The axis-aligned rect spanned by two opposite corners, in either order. Convert both corners
 * of a viewport rect (e.g. a text-selection client rect) with `viewportToPdf` and pass them
 * here: under rotation the corners swap roles, this sorts them out.
 */
export function rectFromPoints(p: Point, q: Point): Rect {
  return [Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.abs(p[0] - q[0]), Math.abs(p[1] - q[1])];
}

/** Converts a PDF-space rect to viewport pixels as `[left, top, width, height]`. */
export function rectToViewport(r: Rect, vp: Viewport): Rect {
  const p = pdfToViewport([r[0], r[1]], vp);
  const q = pdfToViewport([r[0] + r[2], r[1] + r[3]], vp);
  return rectFromPoints(p, q);
}
