import { describe, expect, it } from 'vitest';
import { strokeWidthAt, viewportFromPdfjs, type InkPoint } from '@e-cabinet/annotations';
import { inkParts, polylinePath, rectsPath, textboxRect } from './render';

const vp = viewportFromPdfjs({ viewBox: [0, 0, 612, 792], scale: 2, rotation: 0 });

describe('shape geometry', () => {
  it('draws a polyline in viewport pixels (y down), a single sample as a dot', () => {
    expect(polylinePath([[0, 792], [306, 396]], vp)).toBe('M0 0L612 792');
    expect(polylinePath([[10, 782]], vp)).toBe('M20 20L20 20');
    expect(polylinePath([], vp)).toBe('');
  });

  it('groups pen segments by width like the burn-in, widths in pixels at the zoom', () => {
    const even: InkPoint[] = [[0, 0, 0.5], [10, 0, 0.5], [20, 0, 0.5]];
    const parts = inkParts({ points: even, width: 2 }, vp);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.width).toBeCloseTo(strokeWidthAt(2, 0.5) * 2);

    const pressing: InkPoint[] = [[0, 0, 0.2], [10, 0, 0.2], [20, 0, 1], [30, 0, 1]];
    const varied = inkParts({ points: pressing, width: 2 }, vp);
    expect(varied.length).toBeGreaterThan(1);
    expect(varied[0]?.width).toBeLessThan(varied.at(-1)?.width ?? 0);
    // Consecutive parts join: each starts where the previous ended.
    expect(varied[1]?.d.startsWith('M20 1584')).toBe(true);
    expect(inkParts({ points: [[5, 5, 0.5]], width: 2 }, vp)).toHaveLength(1);
  });

  it('draws text-highlight rects as one path', () => {
    expect(rectsPath([[0, 782, 10, 10], [20, 772, 5, 5]], vp)).toBe('M0 0h20v20h-20ZM40 30h10v10h-10Z');
  });

  it('sizes a new text box from the tapped corner, staying on the page', () => {
    const [x, y, w, h] = textboxRect([100, 700], 'Ý kiến', 14, vp, 240);
    expect(x).toBeCloseTo(100);
    expect(y + h).toBeCloseTo(700);
    expect(w).toBeCloseTo(120);
    expect(h).toBeCloseTo(14 * 1.2);
    const nearEdge = textboxRect([600, 700], 'x', 14, vp, 240);
    expect(nearEdge[0] + nearEdge[2]).toBeLessThanOrEqual(612 + 14 * 2);
    // 240 px at 200 % and 14 pt: 17 characters a line (half an em each).
    const long = textboxRect([100, 700], 'a'.repeat(30) + '\nb', 14, vp, 240);
    expect(long[3]).toBeCloseTo(3 * 14 * 1.2);
  });
});
