import { rectFromPoints, type Rect, type Viewport } from '@e-cabinet/annotations';
import { clientToPdf, type ScreenBox } from './pointer';

/** A rendered page as the selection sees it: its annotation layer's box and viewport. */
export interface PageTarget {
  page: number;
  box: ScreenBox;
  vp: Viewport;
}

const overlapY = (a: ScreenBox, b: ScreenBox) => Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);

/**
 * Joins the client rects of a text selection into one rect per run of text on a line. A
 * selection reports a rect per text span, often overlapping and with gaps of a pixel or two
 * between words; a highlight made of those would show seams and darker overlaps. Rects that
 * share most of their height and touch (within `gap` px) become their union.
 */
export function mergeLineRects(rects: readonly ScreenBox[], gap = 3): ScreenBox[] {
  const sorted = rects.filter((r) => r.width >= 1 && r.height >= 1).sort((a, b) => a.top - b.top || a.left - b.left);
  const out: ScreenBox[] = [];
  for (const r of sorted) {
    const same = out.find(
      (o) => overlapY(o, r) >= 0.5 * Math.min(o.height, r.height) && r.left <= o.left + o.width + gap && o.left <= r.left + r.width + gap,
    );
    if (!same) {
      out.push({ ...r });
      continue;
    }
    const right = Math.max(same.left + same.width, r.left + r.width);
    const bottom = Math.max(same.top + same.height, r.top + r.height);
    same.left = Math.min(same.left, r.left);
    same.top = Math.min(same.top, r.top);
    same.width = right - same.left;
    same.height = bottom - same.top;
  }
  return out;
}

function clip(r: ScreenBox, box: ScreenBox): ScreenBox | null {
  const left = Math.max(r.left, box.left);
  const top = Math.max(r.top, box.top);
  const right = Math.min(r.left + r.width, box.left + box.width);
  const bottom = Math.min(r.top + r.height, box.top + box.height);
  return right - left >= 1 && bottom - top >= 1 ? { left, top, width: right - left, height: bottom - top } : null;
}

/**
 * The client rects of a text selection → PDF rects per page (a selection may span pages). Each
 * rect goes to the page under its centre and is clipped to it; rects on no page are dropped.
 */
export function selectionToPageRects(clientRects: readonly ScreenBox[], pages: readonly PageTarget[]): Map<number, Rect[]> {
  const byPage = new Map<number, ScreenBox[]>();
  for (const r of clientRects) {
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const target = pages.find(({ box }) => cx >= box.left && cx <= box.left + box.width && cy >= box.top && cy <= box.top + box.height);
    const clipped = target && clip(r, target.box);
    if (!target || !clipped) continue;
    const list = byPage.get(target.page) ?? [];
    list.push(clipped);
    byPage.set(target.page, list);
  }
  const out = new Map<number, Rect[]>();
  for (const [page, rects] of byPage) {
    const target = pages.find((p) => p.page === page);
    if (!target) continue;
    const pdfRects = mergeLineRects(rects).map((r) =>
      rectFromPoints(clientToPdf(r.left, r.top, target.box, target.vp), clientToPdf(r.left + r.width, r.top + r.height, target.box, target.vp)),
    );
    const valid = pdfRects.filter(([, , w, h]) => w > 0 && h > 0);
    if (valid.length) out.set(page, valid);
  }
  return out;
}
