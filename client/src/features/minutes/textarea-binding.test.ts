import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MINUTES_ITEMS_KEY } from '@e-cabinet/protocol';
import { TextareaBinding, type TextSource } from './textarea-binding';

/** The parts of a `<textarea>` the binding uses, driven the way a browser drives them. */
class FakeTextarea extends EventTarget {
  private text = '';
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection: 'forward' | 'backward' | 'none' = 'none';

  get value() {
    return this.text;
  }
  /** As in a browser: setting the value puts the caret at the end. */
  set value(v: string) {
    this.text = v;
    this.selectionStart = this.selectionEnd = v.length;
  }
  setSelectionRange(start: number, end: number) {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  /** The user types `text` at the caret (replacing the selection). */
  type(text: string, opts: { composing?: boolean } = {}) {
    const caret = this.selectionStart + text.length;
    this.value = this.value.slice(0, this.selectionStart) + text + this.value.slice(this.selectionEnd);
    this.selectionStart = this.selectionEnd = caret;
    const event = new Event('input');
    Object.defineProperty(event, 'isComposing', { value: opts.composing ?? false });
    this.dispatchEvent(event);
  }
  backspace() {
    const at = this.selectionStart;
    this.value = this.value.slice(0, at - 1) + this.value.slice(at);
    this.selectionStart = this.selectionEnd = at - 1;
    this.dispatchEvent(new Event('input'));
  }
}

/** Two peers whose updates reach each other at once, as through the collab server. */
function peers() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, u, 'relay'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, u, 'relay'));
  return { a, b };
}

function conclusionOf(doc: Y.Doc, itemId: string): TextSource {
  const items = doc.getMap<Y.Map<Y.Text>>(MINUTES_ITEMS_KEY);
  return {
    doc,
    container: items as unknown as TextSource['container'],
    resolve: () => items.get(itemId)?.get('conclusion') ?? null,
    create: () => {
      const item = items.get(itemId) ?? new Y.Map<Y.Text>();
      if (!items.has(itemId)) items.set(itemId, item);
      const text = item.get('conclusion') ?? new Y.Text();
      if (!item.has('conclusion')) item.set('conclusion', text);
      return text;
    },
  };
}

const bind = (doc: Y.Doc) => {
  const textarea = new FakeTextarea();
  const binding = new TextareaBinding(textarea as unknown as HTMLTextAreaElement, conclusionOf(doc, 'item1'));
  return { textarea, binding };
};

describe('TextareaBinding', () => {
  it('creates the text on the first edit and shows it to the other peer', () => {
    const { a, b } = peers();
    const A = bind(a);
    const B = bind(b);
    expect(B.textarea.value).toBe('');
        A.textarea.type('Đồng ý thông qua');
    expect(a.getMap(MINUTES_ITEMS_KEY).toJSON()).toEqual({ item1: { conclusion: 'Đồng ý thông qua' } });
    expect(B.textarea.value).toBe('Đồng ý thông qua');
  });

  it('keeps the local caret in place when the other peer edits before it', () => {
    const { a, b } = peers();
    const A = bind(a);
    const B = bind(b);
        A.textarea.type('giao Sở Tài chính');
        B.textarea.setSelectionRange(5, 8); // "Sở " selected
    A.textarea.setSelectionRange(0, 0);
    A.textarea.type('Thống nhất, ');
    expect(B.textarea.value).toBe('Thống nhất, giao Sở Tài chính');
    expect(B.textarea.value.slice(B.textarea.selectionStart, B.textarea.selectionEnd)).toBe('Sở ');
    B.textarea.setSelectionRange(B.textarea.value.length, B.textarea.value.length);
    B.textarea.type(' chủ trì');
    A.textarea.backspace(); // A's caret is after "Thống nhất, ": removes the space
    expect(A.textarea.value).toBe('Thống nhất,giao Sở Tài chính chủ trì');
    expect(B.textarea.value).toBe(A.textarea.value);
    expect(b.getMap(MINUTES_ITEMS_KEY).toJSON()).toEqual({ item1: { conclusion: A.textarea.value } });
  });

  it('holds remote changes back during a composition and merges them when it ends', () => {
    const { a, b } = peers();
    const A = bind(a);
    const B = bind(b);
        A.textarea.type('Kết luận');
        B.textarea.setSelectionRange(8, 8);
    B.textarea.dispatchEvent(new Event('compositionstart'));
    B.textarea.type(' chung', { composing: true });
    // While B composes, A's change must not rewrite B's field.
    A.textarea.setSelectionRange(0, 0);
    A.textarea.type('1. ');
    expect(B.textarea.value).toBe('Kết luận chung');
    expect(a.getMap(MINUTES_ITEMS_KEY).toJSON()).toEqual({ item1: { conclusion: '1. Kết luận' } });
    B.textarea.dispatchEvent(new Event('compositionend'));
    expect(B.textarea.value).toBe('1. Kết luận chung');
    expect(A.textarea.value).toBe('1. Kết luận chung');
    expect(B.textarea.selectionStart).toBe('1. Kết luận chung'.length);
  });

  it('stops following the doc once destroyed', () => {
    const { a, b } = peers();
    const A = bind(a);
    const B = bind(b);
    B.binding.destroy();
    A.textarea.type('sau khi đóng');
    expect(B.textarea.value).toBe('');
    B.textarea.type('x');
    expect(A.textarea.value).toBe('sau khi đóng');
  });
});
