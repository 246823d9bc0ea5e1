import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffText, mapPosition, mapSelection, rebaseSplice, spliceText, type TextDelta } from './text-binding';

/** The delta a Y.Text observer sees for `change`, made on a real doc. */
function deltaOf(initial: string, change: (text: Y.Text) => void): TextDelta {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, initial);
  let delta: TextDelta = [];
  text.observe((e) => {
    delta = e.delta as TextDelta;
  });
  doc.transact(() => change(text));
  return delta;
}

describe('diffText', () => {
  it('finds an insertion, a deletion and a replacement', () => {
    expect(diffText('Kết luận', 'Kết luận chung')).toEqual({ index: 8, remove: 0, insert: ' chung' });
    expect(diffText('Ý kiến phát biểu', 'Ý kiến biểu')).toEqual({ index: 7, remove: 5, insert: '' });
    expect(diffText('tán thành', 'không tán thành')).toEqual({ index: 0, remove: 0, insert: 'không ' });
    expect(diffText('abcdef', 'abXYef')).toEqual({ index: 2, remove: 2, insert: 'XY' });
    expect(diffText('same', 'same')).toBeNull();
  });

  it('uses the caret to place an edit inside a run of equal characters', () => {
    // Typing "a" after the first "a": without the caret the suffix would swallow it.
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    // Backspace at 1 in "aaa": the deletion starts at the caret.
    expect(diffText('aaa', 'aa', 0)).toEqual({ index: 0, remove: 1, insert: '' });
  });

  it('handles Vietnamese input methods that replace the previous letter', () => {
    // Telex: "a" + "s" becomes "á" (the IME deletes "a" and inserts "á").
    expect(diffText('Ha', 'Há', 2)).toEqual({ index: 1, remove: 1, insert: 'á' });
  });

  it('never splits a surrogate pair', () => {
    const before = 'x😀y';
    const after = 'x😃y';
    const splice = diffText(before, after)!;
    expect(splice).toEqual({ index: 1, remove: 2, insert: '😃' });
    expect(spliceText(before, splice)).toBe(after);
  });

  it('always turns before into after', () => {
    const cases: [string, string, number | undefined][] = [
      ['', 'mới', 3],
      ['xóa hết', '', 0],
      ['abab', 'ab', 2],
      ['abab', 'abcab', 3],
      ['Nội dung 1\nNội dung 2', 'Nội dung 1\nsửa\nNội dung 2', 15],
      ['aaaa', 'aXa', 2],
    ];
    for (const [before, after, caret] of cases) {
      expect(spliceText(before, diffText(before, after, caret)!), `${before} → ${after}`).toBe(after);
    }
  });
});

describe('mapPosition', () => {
  it('moves a caret after text inserted before it, not after text inserted at or after it', () => {
    const delta = deltaOf('Chủ tọa kết luận', (t) => t.insert(0, 'Ông '));
    expect(mapPosition(0, delta)).toBe(0);
    expect(mapPosition(3, delta)).toBe(7);
    const atCaret = deltaOf('abcdef', (t) => t.insert(3, 'XYZ'));
    expect(mapPosition(3, atCaret)).toBe(3);
    expect(mapPosition(2, atCaret)).toBe(2);
    expect(mapPosition(4, atCaret)).toBe(7);
  });

  it('pulls a caret inside a deleted range back to its start', () => {
    const delta = deltaOf('0123456789', (t) => t.delete(2, 5));
    expect(mapPosition(1, delta)).toBe(1);
    expect(mapPosition(4, delta)).toBe(2);
    expect(mapPosition(7, delta)).toBe(2);
    expect(mapPosition(9, delta)).toBe(4);
  });

  it('follows several changes of one transaction', () => {
    const delta = deltaOf('0123456789', (t) => {
      t.delete(8, 1);
      t.insert(5, 'ab');
      t.delete(1, 2);
    });
    // Old "7" (index 7): two removed before it, two inserted before it.
    expect(mapPosition(7, delta)).toBe(7);
    expect(deltaText('0123456789', delta)).toBe('034ab5679');
    expect(mapPosition(3, delta)).toBe(1);
  });

  it('keeps a selection from inverting when its content is deleted', () => {
    const delta = deltaOf('abcdefgh', (t) => t.delete(1, 6));
    expect(mapSelection({ start: 2, end: 5 }, delta)).toEqual({ start: 1, end: 1 });
    const grow = deltaOf('abcdefgh', (t) => t.insert(4, '__'));
    expect(mapSelection({ start: 2, end: 6 }, grow)).toEqual({ start: 2, end: 8 });
  });
});

describe('rebaseSplice', () => {
  it('moves a held-back local edit over remote changes', () => {
    const base = 'Kết luận: đồng ý';
    const local = diffText(base, 'Kết luận: đồng ý thông qua', base.length + 11)!;
    const remote = deltaOf(base, (t) => t.insert(0, '1. '));
    const rebased = rebaseSplice(local, [remote]);
    expect(spliceText('1. ' + base, rebased)).toBe('1. Kết luận: đồng ý thông qua');
  });

  it('shrinks a replacement whose text a remote user deleted meanwhile', () => {
    const local = { index: 2, remove: 4, insert: 'X' };
    const remote = deltaOf('abcdefgh', (t) => t.delete(3, 5));
    expect(rebaseSplice(local, [remote])).toEqual({ index: 2, remove: 1, insert: 'X' });
  });
});

/** Applies a delta to a string (a second, independent reading of what a delta means). */
function deltaText(text: string, delta: TextDelta): string {
  let out = '';
  let i = 0;
  for (const op of delta) {
    if (op.retain !== undefined) {
      out += text.slice(i, i + op.retain);
      i += op.retain;
    } else if (typeof op.insert === 'string') out += op.insert;
    else if (op.delete !== undefined) i += op.delete;
  }
  return out + text.slice(i);
}
