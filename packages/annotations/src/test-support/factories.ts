import type {
  FreehandHighlightShape,
  InkShape,
  NoteShape,
  TextHighlightShape,
  TextboxShape,
} from '../types.ts';

// Test factories: a valid shape of each kind, with overrides (ids are unique per call).

let seq = 0;
const base = () => ({
  id: `s${++seq}`,
  page: 1,
  authorId: 'u1',
  authorName: 'Nguyễn Văn An',
  createdAt: 1_700_000_000_000 + seq,
  color: '#d32f2f',
});

export function makeInk(o: Partial<InkShape> = {}): InkShape {
  return { ...base(), kind: 'ink', width: 2, points: [[100, 100, 0.5], [200, 100, 0.5], [200, 200, 0.5]], ...o };
}

export function makeFreehand(o: Partial<FreehandHighlightShape> = {}): FreehandHighlightShape {
  return { ...base(), kind: 'highlight', mode: 'freehand', width: 12, alpha: 0.35, points: [[50, 400], [250, 400]], color: '#ffeb3b', ...o };
}

export function makeTextHighlight(o: Partial<TextHighlightShape> = {}): TextHighlightShape {
  return { ...base(), kind: 'highlight', mode: 'text', alpha: 0.35, rects: [[50, 500, 200, 12], [50, 486, 120, 12]], color: '#ffeb3b', ...o };
}

export function makeNote(o: Partial<NoteShape> = {}): NoteShape {
  return { ...base(), kind: 'note', at: [300, 600], text: 'Đề nghị bổ sung số liệu', color: '#fbc02d', ...o };
}

export function makeTextbox(o: Partial<TextboxShape> = {}): TextboxShape {
  return { ...base(), kind: 'textbox', rect: [60, 650, 200, 40], text: 'Ghi chú', fontSize: 12, color: '#1565c0', ...o };
}
