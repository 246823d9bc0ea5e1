import type * as Y from 'yjs';
import { createUndoManager } from '@e-cabinet/annotations';
import type { Layer } from './tools';

/** Transaction origin of this user's edits on this device: what the undo managers track. */
export const LOCAL_ORIGIN = Symbol('annotations:local');

// Steps are cut by hand (`stopCapturing` when an action starts), never by time, so a stroke
// with a pause in it is still one step and two quick strokes are still two.
const NEVER_MERGE_BY_TIME = 24 * 60 * 60 * 1000;

const managers = new WeakMap<Y.Doc, Y.UndoManager>();

/** The undo manager of a layer doc for {@link LOCAL_ORIGIN}, made on first use, destroyed with the doc. */
export function undoManagerFor(doc: Y.Doc): Y.UndoManager {
  let um = managers.get(doc);
  if (!um) {
    const created = createUndoManager(doc, LOCAL_ORIGIN, { captureTimeout: NEVER_MERGE_BY_TIME });
    doc.once('destroy', () => created.destroy());
    managers.set(doc, created);
    um = created;
  }
  return um;
}

/** The undo managers an action may touch; null for a layer that is not open. */
export type ManagerLookup = (layer: Layer) => Pick<Y.UndoManager, 'undo' | 'redo' | 'stopCapturing' | 'clear' | 'undoStack' | 'redoStack'> | null;

/** An action in progress: the undo stack sizes it started from. */
export interface ActionToken {
  start: Map<Layer, number>;
}

/**
 * One undo history across the two layer docs. Each doc has its own Yjs undo manager (Yjs cannot
 * undo across docs); this keeps the order of the user's actions and which layers each touched,
 * so Ctrl+Z undoes the latest action wherever it went — and a move between layers, which
 * touches both docs, as one step.
 */
export class LayerHistory {
  private past: Layer[][] = [];
  private future: Layer[][] = [];
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly lookup: ManagerLookup) {}

  /** Starts an action on `layers`: whatever comes next is a new undo step in each. */
  begin(layers: readonly Layer[]): ActionToken {
    const start = new Map<Layer, number>();
    for (const layer of layers) {
      const um = this.lookup(layer);
      if (!um) continue;
      um.stopCapturing();
      start.set(layer, um.undoStack.length);
    }
    return { start };
  }

  /** Ends an action: records it if it changed anything. Returns whether it did. */
  end(token: ActionToken): boolean {
    const touched = [...token.start].filter(([layer, before]) => (this.lookup(layer)?.undoStack.length ?? 0) > before).map(([layer]) => layer);
    if (touched.length === 0) return false;
    this.past.push(touched);
    if (this.future.length) {
      // Yjs clears the redo stack of the docs the action touched; the others' redo steps are
      // unreachable now too.
      for (const layer of new Set(this.future.flat())) this.lookup(layer)?.clear(false, true);
      this.future = [];
    }
    this.notify();
    return true;
  }

  /**
   * Cancels an action: reverts what it changed and leaves no undo or redo step behind (a finger
   * stroke that turned out to be the start of a pinch).
   */
  abort(token: ActionToken): void {
    for (const [layer, before] of token.start) {
      const um = this.lookup(layer);
      while (um && um.undoStack.length > before) {
        um.undo();
        um.redoStack.pop();
      }
    }
  }

  /** Runs a one-shot action (a note saved, a mark moved) as one undo step. */
  run<T>(layers: readonly Layer[], action: () => T): T {
    const token = this.begin(layers);
    try {
      return action();
    } finally {
      this.end(token);
    }
  }

  undo(): boolean {
    const step = this.past.pop();
    if (!step) return false;
    for (const layer of step) this.lookup(layer)?.undo();
    this.future.push(step);
    this.notify();
    return true;
  }

  redo(): boolean {
    const step = this.future.pop();
    if (!step) return false;
    for (const layer of step) this.lookup(layer)?.redo();
    this.past.push(step);
    this.notify();
    return true;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Changes whenever `canUndo`/`canRedo` may have (for `useSyncExternalStore`). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
