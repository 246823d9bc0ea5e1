import { describe, expect, it } from 'vitest';
import { watermarkLines, watermarkTile } from './watermark-tile';

const decode = (css: string) => decodeURIComponent(css.slice('url("data:image/svg+xml,'.length, -2));

describe('watermark', () => {
  it('names the reader, their unit and the time', () => {
    expect(watermarkLines('Nguyễn Văn An', 'Sở Nội vụ', '12/05/2026 14:30')).toEqual(['Nguyễn Văn An · Sở Nội vụ', '12/05/2026 14:30']);
    expect(watermarkLines('Nguyễn Văn An', null, '12/05/2026 14:30')).toEqual(['Nguyễn Văn An', '12/05/2026 14:30']);
  });

  it('draws every line into an SVG tile, escaped', () => {
    const tile = watermarkTile(['Trần <Thị> "B" & C', '08:00']);
    const svg = decode(tile.css);
    expect(svg).toContain('Trần &#60;Thị&#62; &#34;B&#34; &#38; C');
    expect(svg).toContain('>08:00</text>');
    expect(svg).not.toMatch(/<Thị>/);
    expect(tile.css.startsWith('url("data:image/svg+xml,')).toBe(true);
    // Nothing in the URL can end the CSS string early.
    expect(tile.css.slice(5, -2)).not.toMatch(/["\n]/);
  });

  it('grows with the longest line so nothing is cut', () => {
    const short = watermarkTile(['An', '08:00']);
    const long = watermarkTile(['Nguyễn Thị Phương Thảo · Sở Kế hoạch và Đầu tư tỉnh', '08:00']);
    expect(long.width).toBeGreaterThan(short.width);
    expect(long.height).toBeGreaterThan(short.height);
  });
});
