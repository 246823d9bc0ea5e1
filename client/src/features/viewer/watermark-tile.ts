/** The watermark's lines: who is reading (and their unit), and when. */
export function watermarkLines(name: string, unit: string | null, time: string): string[] {
  return [unit ? `${name} · ${unit}` : name, time];
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface WatermarkTile {
  /** A CSS `url(…)` of an SVG image, repeated over the page as a background. */
  css: string;
  width: number;
  height: number;
}

const FONT_SIZE = 16;
/** A generous average advance of a bold sans-serif character at FONT_SIZE, Vietnamese included. */
const CHAR_WIDTH = 9.5;
const LINE_HEIGHT = 22;

/**
 * One tile of the watermark, drawn at -30°: a background image rather than elements, so it
 * tiles any page at any zoom at no cost, and sits in one layer that nothing else can clear.
 * The tile grows with the longest line so a long unit name is never cut.
 */
export function watermarkTile(lines: readonly string[]): WatermarkTile {
  const longest = Math.max(1, ...lines.map((l) => [...l].length)) * CHAR_WIDTH;
  const block = lines.length * LINE_HEIGHT;
  // The bounding box of the rotated text block (cos 30° ≈ 0.87, sin 30° = 0.5), plus spacing.
  const width = Math.ceil(longest * 0.87 + block * 0.5 + 80);
  const height = Math.ceil(longest * 0.5 + block * 0.87 + 90);
  const cx = width / 2;
  const firstY = height / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2;
  const texts = lines
    .map((line, i) => `<text x="${cx}" y="${(firstY + i * LINE_HEIGHT).toFixed(1)}">${escapeXml(line)}</text>`)
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<g transform="rotate(-30 ${cx} ${height / 2})" fill="rgb(179,38,30)" fill-opacity="0.2" ` +
    `font-family="Segoe UI,Roboto,Noto Sans,Arial,sans-serif" font-size="${FONT_SIZE}" font-weight="700" ` +
    `text-anchor="middle" dominant-baseline="middle">${texts}</g></svg>`;
  return { css: `url("data:image/svg+xml,${encodeURIComponent(svg)}")`, width, height };
}
