import * as Y from 'yjs';
import { shapesMap } from './doc.ts';

export interface UndoOptions {
  /**
   * Changes closer together than this (ms) merge into one undo step. Streaming a stroke with
   * `appendPoints` relies on it; call `stopCapturing()` when a new stroke starts so two quick
   * strokes stay separate steps. Default 500 (the Yjs default).
   */
  captureTimeout?: number;
}

/**
 * An undo manager for one layer doc that tracks only transactions made with `origin`: the
 * user's own edits on this device. Remote edits (other users, the user's other devices) arrive
 * with the provider as origin and are never undone by it. Pass the same `origin` to every
 * mutation (`{ origin }`). Call `destroy()` when the doc is closed.
 */
export function createUndoManager(doc: Y.Doc, origin: unknown, opts: UndoOptions = {}): Y.UndoManager {
  return new Y.UndoManager(shapesMap(doc), {
    trackedOrigins: new Set([origin]),
    captureTimeout: opts.captureTimeout ?? 500,
  });
}
