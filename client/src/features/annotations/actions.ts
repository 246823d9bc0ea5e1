import { addShape, eraseShape, getShape, moveToLayer, ShapeKind, updateText, type Shape } from '@e-cabinet/annotations';
import type { AnnotationContextValue, MarkRef, TextEdit } from './annotation-context';
import { LOCAL_ORIGIN } from './history';
import { selectionToPageRects } from './selection';
import { canModify, canMoveLayer, shapeFactory } from './shapes';
import { textboxRect } from './render';
import type { Layer } from './tools';

/*
 * The one-shot annotation actions (buttons, keys, dialogs). Each is one undo step. Strokes and
 * the eraser stream in `use-page-gestures.ts`.
 */

type Ctx = Pick<AnnotationContextValue, 'me' | 'layers' | 'history' | 'docOf' | 'activeLayer' | 'settings' | 'pages' | 'select'>;

const origin = { origin: LOCAL_ORIGIN };

export function markShape(ctx: Pick<Ctx, 'docOf'>, mark: MarkRef): Shape | undefined {
  const doc = ctx.docOf(mark.layer);
  return doc ? getShape(doc, mark.id) : undefined;
}

export function canDelete(ctx: Pick<Ctx, 'docOf' | 'me' | 'layers'>, mark: MarkRef): boolean {
  const shape = markShape(ctx, mark);
  return !!shape && canModify(mark.layer, shape, ctx.me.id, ctx.layers[mark.layer].writable);
}

export function deleteMark(ctx: Ctx, mark: MarkRef): boolean {
  const doc = ctx.docOf(mark.layer);
  if (!doc || !canDelete(ctx, mark)) return false;
  const done = ctx.history.run([mark.layer], () => eraseShape(doc, mark.id, origin));
  if (done) ctx.select(null);
  return done;
}

export function canMove(ctx: Pick<Ctx, 'docOf' | 'me' | 'layers'>, mark: MarkRef): boolean {
  const shape = markShape(ctx, mark);
  return !!shape && canMoveLayer(shape, ctx.me.id, { private: ctx.layers.private.writable, shared: ctx.layers.shared.writable });
}

/** Moves the user's own mark to the other layer (one undo step over both docs). */
export function moveMark(ctx: Ctx, mark: MarkRef): boolean {
  const to: Layer = mark.layer === 'private' ? 'shared' : 'private';
  const from = ctx.docOf(mark.layer);
  const target = ctx.docOf(to);
  if (!from || !target || !canMove(ctx, mark)) return false;
  const done = ctx.history.run([mark.layer, to], () => moveToLayer(from, target, mark.id, origin));
  if (done) ctx.select({ layer: to, id: mark.id });
  return done;
}

/** Whether the document's text selection lies (at least partly) on a rendered page. */
export function selectionOnPage(selection: Selection | null): boolean {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
  const node = selection.getRangeAt(0).commonAncestorContainer;
  const el = node instanceof Element ? node : node.parentElement;
  return !!el && (!!el.closest('.pdf-page') || !!el.querySelector('.pdf-page'));
}

/**
 * "Highlight selection": the selected text's rects become one text highlight per page, in the
 * active layer and the highlighter's colour; the selection is then cleared. False when there
 * was nothing on a page to highlight.
 */
export function highlightSelection(ctx: Ctx, selection: Selection | null): boolean {
  const layer = ctx.activeLayer;
  const doc = ctx.docOf(layer);
  if (!doc || !ctx.layers[layer].writable || !selection || selection.isCollapsed) return false;
  const rects: DOMRect[] = [];
  for (let i = 0; i < selection.rangeCount; i++) rects.push(...selection.getRangeAt(i).getClientRects());
  const targets = ctx.pages.entries().map(({ page, el, vp }) => {
    const b = el.getBoundingClientRect();
    return { page, vp, box: { left: b.left, top: b.top, width: b.width, height: b.height } };
  });
  const byPage = selectionToPageRects(
    rects.map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height })),
    targets,
  );
  if (byPage.size === 0) return false;
  const make = shapeFactory(ctx.me);
  ctx.history.run([layer], () => {
    for (const [page, pageRects] of byPage) addShape(doc, make.textHighlight(page, ctx.settings.highlighter.color, pageRects.slice(0, 1000)), origin);
  });
  selection.removeAllRanges();
  return true;
}

/** Saves the text dialog: creates the note / text box, or replaces the text of an existing one. */
export function saveText(ctx: Ctx, edit: TextEdit, text: string): boolean {
  const doc = ctx.docOf(edit.layer);
  if (!doc || !ctx.layers[edit.layer].writable) return false;
  if (edit.mode === 'open') {
    const shape = getShape(doc, edit.id);
    if (!shape || !canModify(edit.layer, shape, ctx.me.id, true)) return false;
    return ctx.history.run([edit.layer], () => updateText(doc, edit.id, text, origin));
  }
  const make = shapeFactory(ctx.me);
  const shape =
    edit.kind === 'note'
      ? make.note(edit.page, ctx.settings.note.color, edit.at, text)
      : make.textbox(edit.page, ctx.settings.textbox.color, textboxRect(edit.at, text, ctx.settings.textbox.size, edit.vp), text, ctx.settings.textbox.size);
  ctx.history.run([edit.layer], () => addShape(doc, shape, origin));
  ctx.select({ layer: edit.layer, id: shape.id });
  return true;
}

/** Kinds that open in the text dialog when tapped. */
export function isTextKind(shape: Shape): boolean {
  return shape.kind === ShapeKind.NOTE || shape.kind === ShapeKind.TEXTBOX;
}
