import * as Y from 'yjs';
import { listShapes, shapesMap, toYMap } from './doc.ts';
import type { Shape } from './types.ts';
import { isValidShape } from './validate.ts';

/** Format version of `AnnotationsJSON`, bumped on incompatible changes. */
export const ANNOTATIONS_JSON_VERSION = 1;

/** A layer as plain JSON: for export, fixtures and the burn-in. */
export interface AnnotationsJSON {
  v: typeof ANNOTATIONS_JSON_VERSION;
  shapes: Shape[];
}

/** The doc's valid shapes as plain JSON, in drawing order. */
export function toJSON(doc: Y.Doc): AnnotationsJSON {
  return { v: ANNOTATIONS_JSON_VERSION, shapes: listShapes(doc) };
}

/**
 * Builds a doc from `toJSON` output (or fills `into`, replacing shapes with the same id).
 * Input is untrusted: invalid shapes are skipped, and anything that is not a version-1 object
 * yields an empty doc rather than an exception. Returns the doc.
 */
export function fromJSON(json: unknown, into: Y.Doc = new Y.Doc(), origin?: unknown): Y.Doc {
  const shapes =
    typeof json === 'object' && json !== null && 'v' in json && json.v === ANNOTATIONS_JSON_VERSION &&
    'shapes' in json && Array.isArray(json.shapes)
      ? (json.shapes as unknown[])
      : [];
  const map = shapesMap(into);
  into.transact(() => {
    for (const s of shapes) {
      if (!isValidShape(s)) continue;
      map.set(s.id, toYMap(s));
    }
  }, origin);
  return into;
}
