/**
 * Where every page of a continuous document sits, computed rather than measured: pages are
 * positioned absolutely from this layout, so scrolling, "which page is current" and keeping a
 * point still while zooming never read the DOM, and a 300-page document costs one array.
 */

/** A page's size in PDF points at scale 1, its rotation applied. */
export interface PageSize {
  width: number;
  height: number;
}

/** A page's box in CSS pixels inside the pages container. */
export interface PageBox {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface PageLayout {
  boxes: readonly PageBox[];
  /** The container's size: at least the viewport's width, wider when zoomed in. */
  width: number;
  height: number;
}

/** Space between pages and around them, in CSS pixels. */
export const PAGE_GAP = 12;
export const PAGE_MARGIN = 12;

/**
 * Stacks `count` pages, each `pageWidth` CSS pixels wide (every page fits the width on its
 * own, so one landscape page in a portrait document neither shrinks the others nor makes the
 * whole document scroll sideways), centred in `viewportWidth`. A page whose size is not known
 * yet (`sizes[i]` undefined) takes `fallback`, page 1's size: most documents are uniform, and
 * a wrong guess only moves later pages once that page is fetched.
 */
export function layoutPages(
  count: number,
  sizes: readonly (PageSize | undefined)[],
  fallback: PageSize,
  pageWidth: number,
  viewportWidth: number,
): PageLayout {
  // Whole pixels, like the canvas and pdf.js's text layer, so all three line up.
  const width = Math.max(1, Math.floor(pageWidth));
  const containerWidth = Math.max(viewportWidth, width + 2 * PAGE_MARGIN);
  const left = Math.max(PAGE_MARGIN, Math.floor((containerWidth - width) / 2));
  const boxes: PageBox[] = [];
  let top = PAGE_MARGIN;
  for (let i = 0; i < count; i++) {
    const size = sizes[i] ?? fallback;
    const height = Math.max(1, Math.floor((width * size.height) / size.width));
    boxes.push({ top, left, width, height });
    top += height + PAGE_GAP;
  }
  const height = count > 0 ? top - PAGE_GAP + PAGE_MARGIN : 0;
  return { boxes, width: containerWidth, height };
}

/** Index of the first box whose bottom is below `y` (binary search; boxes are in order). */
function firstBelow(boxes: readonly PageBox[], y: number): number {
  let lo = 0;
  let hi = boxes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const box = boxes[mid]!;
    if (box.top + box.height <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The pages (1-based) that intersect the band `top…bottom`, in order. */
export function pagesInBand(layout: PageLayout, top: number, bottom: number): number[] {
  const pages: number[] = [];
  for (let i = firstBelow(layout.boxes, top); i < layout.boxes.length; i++) {
    if (layout.boxes[i]!.top >= bottom) break;
    pages.push(i + 1);
  }
  return pages;
}

/**
 * The page being read: the one with the largest share of itself on screen (a page that is
 * wholly visible wins over one cut off), except that the previous current page stays current
 * while it is wholly visible — so "go to page 300" keeps 300 even when 299 shows in full too.
 */
export function currentPageAt(layout: PageLayout, scrollTop: number, viewHeight: number, previous: number): number {
  const bottom = scrollTop + viewHeight;
  let best = 0;
  let bestShare = -1;
  for (const page of pagesInBand(layout, scrollTop, bottom)) {
    const box = layout.boxes[page - 1]!;
    const visible = Math.min(bottom, box.top + box.height) - Math.max(scrollTop, box.top);
    const share = visible / box.height;
    if (page === previous && share >= 0.999) return page;
    if (share > bestShare + 1e-9) {
      best = page;
      bestShare = share;
    }
  }
  if (best > 0) return best;
  // Scrolled into a gap or past the end: the nearest page.
  const i = Math.min(firstBelow(layout.boxes, scrollTop), layout.boxes.length - 1);
  return Math.max(1, i + 1);
}

/**
 * The pages to keep drawn: those near the view, the closest to the current page first, at most
 * `max` — so zooming far out or a fast fling never holds more than `max` canvases.
 */
export function renderWindow(nearPages: Iterable<number>, current: number, max: number): Set<number> {
  const sorted = [...nearPages].sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
  return new Set(sorted.slice(0, Math.max(0, max)));
}

/** A point of the document, as a page and a position within it (fractions of its box). */
export interface ZoomAnchor {
  page: number;
  fx: number;
  fy: number;
  /** Where that point is in the scroller's visible area, CSS pixels from its top left. */
  viewX: number;
  viewY: number;
}

/** The document point under `viewX, viewY` of the scroller. */
export function anchorAt(layout: PageLayout, scrollLeft: number, scrollTop: number, viewX: number, viewY: number): ZoomAnchor | null {
  if (layout.boxes.length === 0) return null;
  const x = scrollLeft + viewX;
  const y = scrollTop + viewY;
  // The page under the point, or the one just above it when the point is in a gap.
  let i = Math.min(firstBelow(layout.boxes, y), layout.boxes.length - 1);
  if (layout.boxes[i]!.top > y && i > 0) i -= 1;
  const box = layout.boxes[i]!;
  return { page: i + 1, fx: (x - box.left) / box.width, fy: (y - box.top) / box.height, viewX, viewY };
}

/** The scroll position that puts `anchor`'s document point back under its view point. */
export function scrollForAnchor(layout: PageLayout, anchor: ZoomAnchor): { left: number; top: number } {
  const box = layout.boxes[anchor.page - 1];
  if (!box) return { left: 0, top: 0 };
  return {
    left: Math.max(0, box.left + anchor.fx * box.width - anchor.viewX),
    top: Math.max(0, box.top + anchor.fy * box.height - anchor.viewY),
  };
}

/** The scroll position that shows `page` from its top edge (with a little of the gap above). */
export function scrollTopForPage(layout: PageLayout, page: number): number {
  const box = layout.boxes[page - 1];
  return box ? Math.max(0, box.top - PAGE_GAP / 2) : 0;
}
