import { HighlightMode, Limits, ShapeKind, type Shape } from './types.ts';

/*
 * Yjs docs accept anything any writer puts in them, so every reader (server burn-in, every
 * client) filters through this guard instead of trusting the doc. It is hand-written rather
 * than a schema library so the package stays dependency-free in the browser and cheap enough
 * to run on every render.
 */

type Rec = Record<string, unknown>;

const COLOR_RE = /^#[0-9a-fA-F]{6}$/;
// Ids go into Yjs map keys, DOM attributes and logs: keep them boring.
const ID_RE = /^[A-Za-z0-9_-]+$/;

function isRecord(x: unknown): x is Rec {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCoord(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= Limits.MAX_COORD;
}

function isBoundedString(x: unknown, max: number, min = 0): x is string {
  return typeof x === 'string' && x.length >= min && x.length <= max;
}

function isNumberIn(x: unknown, min: number, max: number, minExclusive = false): x is number {
  return (
    typeof x === 'number' && Number.isFinite(x) && (minExclusive ? x > min : x >= min) && x <= max
  );
}

function isPoint(x: unknown): boolean {
  return Array.isArray(x) && x.length === 2 && isCoord(x[0]) && isCoord(x[1]);
}

function isInkPoint(x: unknown): boolean {
  return (
    Array.isArray(x) && x.length === 3 && isCoord(x[0]) && isCoord(x[1]) && isNumberIn(x[2], 0, 1)
  );
}

function isRect(x: unknown): boolean {
  return (
    Array.isArray(x) &&
    x.length === 4 &&
    isCoord(x[0]) &&
    isCoord(x[1]) &&
    isNumberIn(x[2], 0, Limits.MAX_COORD, true) &&
    isNumberIn(x[3], 0, Limits.MAX_COORD, true)
  );
}

function isList(x: unknown, max: number, item: (v: unknown) => boolean): boolean {
  // Length first, so a huge array is rejected before we walk it.
  return Array.isArray(x) && x.length >= 1 && x.length <= max && x.every(item);
}

function hasValidBase(s: Rec): boolean {
  return (
    isBoundedString(s.id, Limits.MAX_ID, 1) &&
    ID_RE.test(s.id) &&
    Number.isInteger(s.page) &&
    isNumberIn(s.page, 1, Limits.MAX_PAGE) &&
    isBoundedString(s.authorId, Limits.MAX_AUTHOR_ID, 1) &&
    isBoundedString(s.authorName, Limits.MAX_AUTHOR_NAME) &&
    isNumberIn(s.createdAt, 0, Number.MAX_SAFE_INTEGER) &&
    typeof s.color === 'string' &&
    COLOR_RE.test(s.color)
  );
}

const isWidth = (x: unknown): boolean => isNumberIn(x, 0, Limits.MAX_WIDTH, true);
const isAlpha = (x: unknown): boolean => isNumberIn(x, 0, 1, true);

/**
 * True when `x` is a well-formed `Shape`: known kind, finite coordinates within bounds, at most
 * `Limits.MAX_POINTS` points / `MAX_RECTS` rects, text at most `MAX_TEXT` chars, page ≥ 1,
 * `#rrggbb` colour. Unknown extra properties are tolerated so older clients can read shapes
 * written by newer ones.
 */
export function isValidShape(x: unknown): x is Shape {
  if (!isRecord(x) || !hasValidBase(x)) return false;
  switch (x.kind) {
    case ShapeKind.INK:
      return isWidth(x.width) && isList(x.points, Limits.MAX_POINTS, isInkPoint);
    case ShapeKind.HIGHLIGHT:
      if (!isAlpha(x.alpha)) return false;
      if (x.mode === HighlightMode.FREEHAND) {
        return isWidth(x.width) && isList(x.points, Limits.MAX_POINTS, isPoint);
      }
      return x.mode === HighlightMode.TEXT && isList(x.rects, Limits.MAX_RECTS, isRect);
    case ShapeKind.NOTE:
      return isPoint(x.at) && isBoundedString(x.text, Limits.MAX_TEXT);
    case ShapeKind.TEXTBOX:
      return (
        isRect(x.rect) &&
        isBoundedString(x.text, Limits.MAX_TEXT) &&
        isNumberIn(x.fontSize, Limits.MIN_FONT_SIZE, Limits.MAX_FONT_SIZE)
      );
    default:
      return false;
  }
}

/** True for a finite pen sample within bounds (used to check points appended to a live stroke). */
export function isValidInkPoint(x: unknown): boolean {
  return isInkPoint(x);
}

/** True for a finite `[x, y]` within bounds. */
export function isValidPoint(x: unknown): boolean {
  return isPoint(x);
}
