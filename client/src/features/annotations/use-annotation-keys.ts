import { useEffect, useRef } from 'react';
import { deleteMark } from './actions';
import type { AnnotationContextValue } from './annotation-context';

/** Where typing goes: shortcuts must not steal Ctrl+Z or Delete from a text field. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || !!target.closest('input, textarea, select'));
}

export type KeyCommand = 'undo' | 'redo' | 'delete' | 'escape' | null;

/** The annotation command of a key press (Ctrl or ⌘ with Z / Shift+Z / Y; Delete; Escape). */
export function keyCommand(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): KeyCommand {
  const mod = (e.ctrlKey || e.metaKey) && !e.altKey;
  const key = e.key.toLowerCase();
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y' && !e.shiftKey) return 'redo';
  if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return 'delete';
  if (e.key === 'Escape') return 'escape';
  return null;
}

/** Undo/redo, delete the selected mark, and Escape back to the select tool, while mounted. */
export function useAnnotationKeys(ctx: AnnotationContextValue): void {
  const latest = useRef(ctx);
  useEffect(() => {
    latest.current = ctx;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || document.querySelector('dialog[open]')) return;
      const c = latest.current;
      switch (keyCommand(e)) {
        case 'undo':
          c.history.undo();
          break;
        case 'redo':
          c.history.redo();
          break;
        case 'delete':
          if (!c.selected || !deleteMark(c, c.selected)) return;
          break;
        case 'escape':
          if (c.tool === 'select' && !c.selected) return;
          c.setTool('select');
          c.select(null);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
