import { describe, expect, it } from 'vitest';
import {
  anchorAt,
  currentPageAt,
  layoutPages,
  PAGE_GAP,
  PAGE_MARGIN,
  pagesInBand,
  renderWindow,
  scrollForAnchor,
  scrollTopForPage,
  type PageSize,
} from './page-layout';

const A4: PageSize = { width: 595, height: 842 };
const LANDSCAPE: PageSize = { width: 842, height: 595 };

describe('layoutPages', () => {
  it('stacks pages with gaps and margins, each fitted to the width, using page 1 for unknown sizes', () => {
    const layout = layoutPages(3, [A4, LANDSCAPE], A4, 595, 1000);
    const left = Math.floor((1000 - 595) / 2);
    const landscapeHeight = Math.floor((595 * 595) / 842);
    expect(layout.boxes).toEqual([
      { top: PAGE_MARGIN, left, width: 595, height: 842 },
      { top: PAGE_MARGIN + 842 + PAGE_GAP, left, width: 595, height: landscapeHeight },
      { top: PAGE_MARGIN + 842 + landscapeHeight + 2 * PAGE_GAP, left, width: 595, height: 842 },
    ]);
    expect(layout.height).toBe(2 * PAGE_MARGIN + 842 * 2 + landscapeHeight + 2 * PAGE_GAP);
    expect(layout.width).toBe(1000);
  });

  it('grows wider than the viewport when zoomed in, the pages starting at the margin', () => {
    const layout = layoutPages(1, [], A4, 1190, 800);
    expect(layout.width).toBe(1190 + 2 * PAGE_MARGIN);
    expect(layout.boxes[0]).toMatchObject({ left: PAGE_MARGIN, width: 1190, height: 1684 });
  });

  it('floors page sizes to whole pixels like the canvas', () => {
    const layout = layoutPages(1, [], A4, 734.5, 800);
    expect(layout.boxes[0]).toMatchObject({ width: 734, height: Math.floor((734 * 842) / 595) });
  });

  it('is empty for an empty document', () => {
    expect(layoutPages(0, [], A4, 595, 800)).toEqual({ boxes: [], width: 800, height: 0 });
  });

  it('lays out 300 pages, the last one where the sum of the others puts it', () => {
    const layout = layoutPages(300, [], A4, 595, 800);
    expect(layout.boxes).toHaveLength(300);
    expect(layout.boxes[299]!.top).toBe(PAGE_MARGIN + 299 * (842 + PAGE_GAP));
  });
});

describe('pagesInBand', () => {
  const layout = layoutPages(300, [], A4, 595, 800);
  const step = 842 + PAGE_GAP;

  it('finds the pages that intersect a band, however deep in the document', () => {
    expect(pagesInBand(layout, 0, 500)).toEqual([1]);
    expect(pagesInBand(layout, 0, PAGE_MARGIN + step + 1)).toEqual([1, 2]);
    expect(pagesInBand(layout, 150 * step, 152 * step)).toEqual([151, 152]);
    expect(pagesInBand(layout, 150 * step, 152 * step + PAGE_MARGIN + 1)).toEqual([151, 152, 153]);
    expect(pagesInBand(layout, layout.height - 10, layout.height + 5000)).toEqual([]);
    expect(pagesInBand(layout, layout.height - 500, layout.height)).toEqual([300]);
  });

  it('does not count a page that ends exactly where the band starts', () => {
    const end = PAGE_MARGIN + 842;
    expect(pagesInBand(layout, end, end + 1)).toEqual([]);
    expect(pagesInBand(layout, end - 1, end + 1)).toEqual([1]);
  });
});

describe('currentPageAt', () => {
  const layout = layoutPages(300, [], A4, 595, 800);
  const step = 842 + PAGE_GAP;

  it('is the page most in view', () => {
    expect(currentPageAt(layout, 0, 700, 1)).toBe(1);
    // Two thirds of page 2 and a sliver of page 1.
    expect(currentPageAt(layout, PAGE_MARGIN + step - 100, 700, 1)).toBe(2);
    expect(currentPageAt(layout, PAGE_MARGIN + 99 * step, 700, 1)).toBe(100);
  });

  it('keeps the previous page while it is wholly visible', () => {
    // Zoomed out: pages 1 and 2 both fit in a 2000 px tall view.
    expect(currentPageAt(layout, 0, 2000, 2)).toBe(2);
    expect(currentPageAt(layout, 0, 2000, 5)).toBe(1);
  });

  it('prefers a wholly visible page over one cut off', () => {
    const mixed = layoutPages(2, [{ width: 595, height: 200 }, A4], A4, 595, 800);
    // All of page 1 (200 px) and 400 px of page 2.
    expect(currentPageAt(mixed, 0, PAGE_MARGIN + 200 + PAGE_GAP + 400, 2)).toBe(1);
  });

  it('falls back to the nearest page when scrolled past the end', () => {
    expect(currentPageAt(layout, layout.height + 100, 700, 1)).toBe(300);
  });
});

describe('renderWindow', () => {
  it('keeps the near pages closest to the current one, at most `max`', () => {
    expect([...renderWindow([4, 5, 6, 7, 8, 9, 10], 7, 3)].sort((a, b) => a - b)).toEqual([6, 7, 8]);
    expect([...renderWindow([1, 2, 3], 2, 10)].sort((a, b) => a - b)).toEqual([1, 2, 3]);
    // Ties go to the earlier page.
    expect([...renderWindow([1, 2, 3, 4], 2, 2)].sort((a, b) => a - b)).toEqual([1, 2]);
  });

  it('draws nothing when nothing is near', () => {
    expect(renderWindow([], 5, 6).size).toBe(0);
  });

  it('stays bounded while reading through 300 pages', () => {
    for (let current = 1; current <= 300; current += 7) {
      const near = Array.from({ length: 20 }, (_, i) => current - 10 + i).filter((p) => p >= 1 && p <= 300);
      expect(renderWindow(near, current, 6).size).toBeLessThanOrEqual(6);
      expect(renderWindow(near, current, 6).has(current)).toBe(true);
    }
  });
});

describe('zoom anchoring', () => {
  it('keeps the document point under the pinch centre where it was', () => {
    const before = layoutPages(10, [], A4, 595, 800);
    const scroll = { left: 0, top: 3 * (842 + PAGE_GAP) + 100 };
    const anchor = anchorAt(before, scroll.left, scroll.top, 400, 300)!;
    expect(anchor.page).toBe(4);
    const after = layoutPages(10, [], A4, 1190, 800);
    const next = scrollForAnchor(after, anchor);
    const again = anchorAt(after, next.left, next.top, 400, 300)!;
    expect(again.page).toBe(4);
    expect(again.fx).toBeCloseTo(anchor.fx, 2);
    expect(again.fy).toBeCloseTo(anchor.fy, 2);
  });

  it('takes the page above when the point is in a gap', () => {
    const layout = layoutPages(3, [], A4, 595, 800);
    const gapY = PAGE_MARGIN + 842 + PAGE_GAP / 2;
    expect(anchorAt(layout, 0, gapY, 10, 0)!.page).toBe(1);
  });

  it('never scrolls before the start', () => {
    const layout = layoutPages(3, [], A4, 595, 800);
    expect(scrollForAnchor(layout, { page: 1, fx: 0, fy: 0, viewX: 500, viewY: 500 })).toEqual({ left: 0, top: 0 });
    expect(anchorAt(layoutPages(0, [], A4, 595, 800), 0, 0, 0, 0)).toBeNull();
  });

  it('scrolls to a page with a little of the gap above it', () => {
    const layout = layoutPages(3, [], A4, 595, 800);
    expect(scrollTopForPage(layout, 2)).toBe(PAGE_MARGIN + 842 + PAGE_GAP / 2);
    expect(scrollTopForPage(layout, 1)).toBe(PAGE_MARGIN - PAGE_GAP / 2);
    expect(scrollTopForPage(layout, 99)).toBe(0);
  });
});
