import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Point, Viewport } from '@e-cabinet/annotations';
import type { CollabDoc } from '../collab/use-collab-doc';
import type { LayerHistory } from './history';
import type { PenState } from './pointer';
import type { Author } from './shapes';
import type { Layer, Tool, ToolSettings } from './tools';

export interface LayerState {
  layer: Layer;
  collab: CollabDoc;
  /** The doc is open and this user's changes will be kept (not read-only, not refused). */
  writable: boolean;
}

/** A mark the user tapped. */
export interface MarkRef {
  layer: Layer;
  id: string;
}

/** The text dialog: a new note or text box being placed, or an existing one opened. */
export type TextEdit =
  | { mode: 'new'; kind: 'note' | 'textbox'; layer: Layer; page: number; at: Point; vp: Viewport }
  | { mode: 'open'; layer: Layer; id: string };

/** The rendered pages' annotation layers, for turning a text selection into highlights. */
export class PageRegistry {
  private readonly pages = new Map<number, { el: SVGSVGElement; vp: Viewport }>();

  register(page: number, el: SVGSVGElement, vp: Viewport): () => void {
    const entry = { el, vp };
    this.pages.set(page, entry);
    return () => {
      if (this.pages.get(page) === entry) this.pages.delete(page);
    };
  }

  entries(): { page: number; el: SVGSVGElement; vp: Viewport }[] {
    return [...this.pages].map(([page, e]) => ({ page, ...e }));
  }
}

/** Pen contact on this device (palm rejection), shared by every page of the viewer. */
export class PenTracker {
  state: PenState = { penSeen: false, penDown: false, lastPenUpAt: -Infinity };

  down(): void {
    this.state = { ...this.state, penSeen: true, penDown: true };
  }

  up(now: number): void {
    this.state = { ...this.state, penDown: false, lastPenUpAt: now };
  }
}

export interface AnnotationContextValue {
  me: Author;
  layers: Readonly<Record<Layer, LayerState>>;
  /** Layer new marks go to. */
  activeLayer: Layer;
  setActiveLayer: (layer: Layer) => void;
  tool: Tool;
  setTool: (tool: Tool) => void;
  settings: ToolSettings;
  setColor: (color: string) => void;
  setSize: (size: number) => void;
  hideOthers: boolean;
  setHideOthers: (hide: boolean) => void;
  selected: MarkRef | null;
  select: (mark: MarkRef | null) => void;
  edit: (edit: TextEdit | null) => void;
  history: LayerHistory;
  pen: PenTracker;
  pages: PageRegistry;
  /** The doc of a layer, when open. */
  docOf: (layer: Layer) => Y.Doc | null;
  /** The current name of a mark's author (from the meeting's participants), else the name stored with it. */
  authorName: (authorId: string, stored: string) => string;
}

export const AnnotationContext = createContext<AnnotationContextValue | null>(null);

export function useAnnotations(): AnnotationContextValue {
  const value = useContext(AnnotationContext);
  if (!value) throw new Error('useAnnotations needs an <AnnotationProvider>');
  return value;
}
