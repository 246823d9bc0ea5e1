import { describe, expect, it } from 'vitest';
import { isValidShape } from '@e-cabinet/annotations';
import { canModify, canMoveLayer, isVisible, shapeFactory } from './shapes';
import { keyCommand } from './use-annotation-keys';
import { filenameFromDisposition, annotatedUrl } from './annotated-download';

describe('new shapes', () => {
  it('are valid model shapes carrying the author', () => {
    let n = 0;
    const make = shapeFactory({ id: 'u1', name: 'Trần Thị Bình' }, () => 1_700_000_000_000, () => `id${++n}`);
    const shapes = [
      make.ink(1, '#1d1d1f', 2, [1, 2, 0.7]),
      make.freehand(1, '#ffeb3b', 14, [1, 2]),
      make.textHighlight(3, '#ffeb3b', [[10, 20, 100, 12]]),
      make.note(2, '#fbc02d', [50, 60], 'Ý kiến'),
      make.textbox(2, '#c62828', [10, 10, 100, 20], 'Chữ', 14),
    ];
    for (const s of shapes) expect(isValidShape(s), s.kind).toBe(true);
    expect(shapes[0]).toMatchObject({ id: 'id1', authorId: 'u1', authorName: 'Trần Thị Bình', createdAt: 1_700_000_000_000 });
  });
});

describe('who may do what with a mark', () => {
  it('lets people change their own shared marks but not others’, and anything in their private layer', () => {
    expect(canModify('private', { authorId: 'someone' }, 'u1', true)).toBe(true);
    expect(canModify('shared', { authorId: 'u1' }, 'u1', true)).toBe(true);
    expect(canModify('shared', { authorId: 'u2' }, 'u1', true)).toBe(false);
    expect(canModify('shared', { authorId: 'u1' }, 'u1', false)).toBe(false);
  });

  it('moves only one’s own marks, and only when both layers take writes', () => {
    expect(canMoveLayer({ authorId: 'u1' }, 'u1', { private: true, shared: true })).toBe(true);
    expect(canMoveLayer({ authorId: 'u1' }, 'u1', { private: true, shared: false })).toBe(false);
    expect(canMoveLayer({ authorId: 'u2' }, 'u1', { private: true, shared: true })).toBe(false);
  });

  it('hides only other people’s shared marks', () => {
    expect(isVisible('shared', { authorId: 'u2' }, 'u1', true)).toBe(false);
    expect(isVisible('shared', { authorId: 'u1' }, 'u1', true)).toBe(true);
    expect(isVisible('shared', { authorId: 'u2' }, 'u1', false)).toBe(true);
    expect(isVisible('private', { authorId: 'u2' }, 'u1', true)).toBe(true);
  });
});

describe('keyboard', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
    keyCommand({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  it('maps Ctrl/⌘+Z, Shift+Ctrl/⌘+Z and Ctrl+Y', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z')).toBe(null);
    expect(key('z', { ctrlKey: true, altKey: true })).toBe(null);
    expect(key('Delete')).toBe('delete');
    expect(key('Escape')).toBe('escape');
  });
});

describe('annotated download', () => {
  it('asks for the chosen layers', () => {
    expect(annotatedUrl('65a1b2c3d4e5f6a7b8c9d0e1', ['private', 'shared'])).toBe('/api/documents/65a1b2c3d4e5f6a7b8c9d0e1/annotated?layers=private,shared');
  });

  it('names the file as the server says, UTF-8 form first', () => {
    expect(filenameFromDisposition(`attachment; filename="To trinh.pdf"; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh.pdf`)).toBe('Tờ trình.pdf');
    expect(filenameFromDisposition('attachment; filename="a b.pdf"')).toBe('a b.pdf');
    expect(filenameFromDisposition('attachment; filename=plain.pdf')).toBe('plain.pdf');
    expect(filenameFromDisposition(null)).toBe(null);
    expect(filenameFromDisposition('attachment')).toBe(null);
  });
});
