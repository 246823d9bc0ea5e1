import type * as Y from 'yjs';
import { diffText, mapSelection, rebaseSplice, type Splice, type TextDelta } from './text-binding';

/** Where the binding finds its Y.Text (which may not exist yet) and how it creates it on the first edit. */
export interface TextSource {
  doc: Y.Doc;
  /** A shared type whose deep changes include every change of the text and its (re)creation. */
  container: Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>;
  resolve(): Y.Text | null;
  /** Called inside a transaction; returns the text, created if it was missing. */
  create(): Y.Text;
}

/**
 * Keeps a `<textarea>` and a Y.Text equal. A local input becomes one splice applied in one
 * transaction with this binding as origin; a remote change rewrites the value with the caret and
 * selection carried through the change. While an IME composes (Vietnamese Telex on macOS, for
 * one), neither direction touches the other: rewriting the value would break the composition, so
 * remote changes wait, and the composed text goes in, rebased onto them, when it ends.
 */
export class TextareaBinding {
  /** What the textarea showed when it last matched the doc. */
  private shown: string;
  private text: Y.Text | null;
  private composing = false;
  /** Remote changes received during a composition, to rebase the composed text onto. */
  private heldBack: TextDelta[] = [];
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly textarea: HTMLTextAreaElement,
    private readonly source: TextSource,
  ) {
    this.text = source.resolve();
    this.shown = this.text?.toString() ?? '';
    textarea.value = this.shown;

    const onInput = (e: Event) => {
      if (this.composing || (e as InputEvent).isComposing) return;
      this.pushLocal();
    };
    const onCompositionStart = () => {
      this.composing = true;
    };
    const onCompositionEnd = () => {
      this.composing = false;
      this.pushLocal();
    };
    textarea.addEventListener('input', onInput);
    textarea.addEventListener('compositionstart', onCompositionStart);
    textarea.addEventListener('compositionend', onCompositionEnd);

    const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (transaction.origin === this) return;
      const current = source.resolve();
      if (current !== this.text) {
        // Created (or replaced by a concurrent creation) elsewhere: show it as it is.
        this.text = current;
        this.heldBack = [];
        this.showRemote(null);
        return;
      }
      const event = events.find((ev) => ev.target === current);
      if (event) this.showRemote(event.delta as TextDelta);
    };
    source.container.observeDeep(onDeep);
    this.cleanups.push(() => {
      source.container.unobserveDeep(onDeep);
      textarea.removeEventListener('input', onInput);
      textarea.removeEventListener('compositionstart', onCompositionStart);
      textarea.removeEventListener('compositionend', onCompositionEnd);
    });
  }

  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private pushLocal(): void {
    const value = this.textarea.value;
    const splice = diffText(this.shown, value, this.textarea.selectionEnd);
    if (!splice) return;
    const rebased = rebaseSplice(splice, this.heldBack);
    this.heldBack = [];
    this.source.doc.transact(() => {
      const text = this.text ?? this.source.create();
      this.text = text;
      applySplice(text, rebased);
    }, this);
    const now = this.text?.toString() ?? value;
    if (now !== value) {
      // Remote text arrived during the composition: show it, caret after what was typed.
      const caret = rebased.index + rebased.insert.length;
      this.textarea.value = now;
      this.textarea.setSelectionRange(caret, caret);
    }
    this.shown = now;
  }

  private showRemote(delta: TextDelta | null): void {
    if (this.composing) {
      if (delta) this.heldBack.push(delta);
      return;
    }
    const next = this.text?.toString() ?? '';
    if (next === this.textarea.value) {
      this.shown = next;
      return;
    }
    const selection = { start: this.textarea.selectionStart, end: this.textarea.selectionEnd };
    const mapped = delta ? mapSelection(selection, delta) : { start: Math.min(selection.start, next.length), end: Math.min(selection.end, next.length) };
    const direction = this.textarea.selectionDirection;
    this.textarea.value = next;
    this.shown = next;
    // Also when not focused: setting the value moved the caret to the end, and the user coming
    // back to the field expects it where they left it.
    this.textarea.setSelectionRange(mapped.start, mapped.end, direction);
  }
}

/** The splice as Y.Text operations (call inside a transaction). */
export function applySplice(text: Y.Text, splice: Splice): void {
  if (splice.remove > 0) text.delete(splice.index, splice.remove);
  if (splice.insert) text.insert(splice.index, splice.insert);
}
