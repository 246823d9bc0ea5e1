import { describe, expect, it } from 'vitest';
import { viewportFromPdfjs } from '@e-cabinet/annotations';
import { mergeLineRects, selectionToPageRects } from './selection';

describe('text selection → highlight rects', () => {
  it('joins the spans of a line into one rect and keeps lines apart', () => {
    const merged = mergeLineRects([
      { left: 10, top: 100, width: 40, height: 12 },
      { left: 51, top: 100.5, width: 30, height: 11 },
      { left: 30, top: 100, width: 10, height: 12 }, // inside the first
      { left: 10, top: 114, width: 60, height: 12 }, // next line
      { left: 200, top: 100, width: 20, height: 12 }, // same line, far away: a separate run
      { left: 0, top: 0, width: 0, height: 12 }, // empty, as browsers report at line ends
    ]);
    expect(merged).toEqual([
      { left: 10, top: 100, width: 71, height: 12 },
      { left: 200, top: 100, width: 20, height: 12 },
      { left: 10, top: 114, width: 60, height: 12 },
    ]);
  });

  it('assigns rects to the page under them, clipped, in PDF space', () => {
    // Two A4-ish pages at 100 %, one below the other with a gap.
    const vp = viewportFromPdfjs({ viewBox: [0, 0, 600, 800], scale: 1, rotation: 0 });
    const pages = [
      { page: 1, vp, box: { left: 0, top: 0, width: 600, height: 800 } },
      { page: 2, vp, box: { left: 0, top: 820, width: 600, height: 800 } },
    ];
    const byPage = selectionToPageRects(
      [
        { left: 100, top: 780, width: 200, height: 30 }, // runs past page 1's bottom: clipped
        { left: 100, top: 830, width: 50, height: 10 },
        { left: 100, top: 805, width: 50, height: 10 }, // in the gap: on no page
      ],
      pages,
    );
    expect([...byPage.keys()]).toEqual([1, 2]);
    expect(byPage.get(1)).toEqual([[100, 0, 200, 20]]);
    expect(byPage.get(2)).toEqual([[100, 780, 50, 10]]);
  });
});
