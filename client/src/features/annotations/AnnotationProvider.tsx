import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { docNames } from '@e-cabinet/protocol';
import { useCollabDoc } from '../collab/use-collab-doc';
import { AnnotationContext, PageRegistry, PenTracker, type AnnotationContextValue, type LayerState, type MarkRef, type TextEdit } from './annotation-context';
import { LayerHistory, undoManagerFor } from './history';
import type { Author } from './shapes';
import { TextEditDialog } from './TextEditDialog';
import { DEFAULT_TOOL_SETTINGS, type Layer, type Tool, type ToolSettings } from './tools';
import { useAnnotationKeys } from './use-annotation-keys';

interface AnnotationProviderProps {
  meetingId: string;
  /** The document version's id (`MeetingDocument.current.id`): marks belong to one version. */
  versionId: string;
  me: Author;
  /**
   * The shared layer is read-only for this user (meeting observers; unknown role counts as
   * read-only until the meeting has loaded). The server enforces it; this keeps the UI honest.
   */
  sharedReadOnly: boolean;
  /** Current display names by user id (the meeting's participants). */
  names: ReadonlyMap<string, string>;
  children: ReactNode;
}

const writableOf = (l: Omit<LayerState, 'writable'>): boolean => l.collab.doc !== null && !l.collab.readOnly && l.collab.status !== 'refused';

/**
 * Opens the two annotation layers of one document version — the user's private doc (default for
 * new marks) and the meeting's shared doc — and holds the annotation tools' state for the
 * toolbar and every page's layer. Key it by version: another version has other layers.
 */
export function AnnotationProvider({ meetingId, versionId, me, sharedReadOnly, names, children }: AnnotationProviderProps) {
  const privateDoc = useCollabDoc(docNames.annPrivate(meetingId, versionId, me.id));
  const sharedDoc = useCollabDoc(docNames.annShared(meetingId, versionId), { readOnly: sharedReadOnly });
  const layers = useMemo<Record<Layer, LayerState>>(() => {
    const p = { layer: 'private' as const, collab: privateDoc };
    const s = { layer: 'shared' as const, collab: sharedDoc };
    return { private: { ...p, writable: writableOf(p) }, shared: { ...s, writable: writableOf(s) } };
  }, [privateDoc, sharedDoc]);

  const [openDocs] = useState(() => new LayerDocs());
  const [history] = useState(
    () =>
      new LayerHistory((layer) => {
        const doc = openDocs.get(layer);
        return doc ? undoManagerFor(doc) : null;
      }),
  );
  // The history resolves docs when an action runs (an event, always after this effect).
  useEffect(() => {
    openDocs.set('private', privateDoc.doc);
    openDocs.set('shared', sharedDoc.doc);
  }, [openDocs, privateDoc.doc, sharedDoc.doc]);

  const [pen] = useState(() => new PenTracker());
  const [pages] = useState(() => new PageRegistry());
  const [tool, setToolState] = useState<Tool>('select');
  const [settings, setSettings] = useState<ToolSettings>(DEFAULT_TOOL_SETTINGS);
  const [chosenLayer, setActiveLayer] = useState<Layer>('private');
  const [hideOthers, setHideOthers] = useState(false);
  const [selected, select] = useState<MarkRef | null>(null);
  const [editing, edit] = useState<TextEdit | null>(null);

  // New marks cannot go to a layer this user may not write (an observer's shared layer).
  const activeLayer: Layer = chosenLayer === 'shared' && !layers.shared.writable && layers.private.writable ? 'private' : chosenLayer;

  const setTool = useCallback((next: Tool) => {
    setToolState(next);
    if (next !== 'select') select(null);
  }, []);
  const setColor = useCallback(
    (color: string) =>
      setSettings((s) => {
        switch (tool) {
          case 'pen':
          case 'highlighter':
          case 'note':
          case 'textbox':
            return { ...s, [tool]: { ...s[tool], color } };
          default:
            return s;
        }
      }),
    [tool],
  );
  const setSize = useCallback(
    (size: number) =>
      setSettings((s) => {
        switch (tool) {
          case 'pen':
          case 'highlighter':
          case 'textbox':
            return { ...s, [tool]: { ...s[tool], size } };
          default:
            return s;
        }
      }),
    [tool],
  );

  const docOf = useCallback((layer: Layer) => layers[layer].collab.doc, [layers]);
  const authorName = useCallback((authorId: string, stored: string) => names.get(authorId) ?? stored, [names]);

  const value = useMemo<AnnotationContextValue>(
    () => ({
      me,
      layers,
      activeLayer,
      setActiveLayer,
      tool,
      setTool,
      settings,
      setColor,
      setSize,
      hideOthers,
      setHideOthers,
      selected,
      select,
      edit,
      history,
      pen,
      pages,
      docOf,
      authorName,
    }),
    [me, layers, activeLayer, tool, setTool, settings, setColor, setSize, hideOthers, selected, history, pen, pages, docOf, authorName],
  );
  useAnnotationKeys(value);

  return (
    <AnnotationContext.Provider value={value}>
      {children}
      {editing && <TextEditDialog edit={editing} onClose={() => edit(null)} />}
    </AnnotationContext.Provider>
  );
}

/** The open layer docs, for code that runs outside rendering (the undo history). */
class LayerDocs {
  private readonly docs: Record<Layer, Y.Doc | null> = { private: null, shared: null };

  get(layer: Layer): Y.Doc | null {
    return this.docs[layer];
  }

  set(layer: Layer, doc: Y.Doc | null): void {
    this.docs[layer] = doc;
  }
}
