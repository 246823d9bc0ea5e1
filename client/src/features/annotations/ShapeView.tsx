import { memo } from 'react';
import { HighlightMode, rectToViewport, ShapeKind, type Shape, type Viewport } from '@e-cabinet/annotations';
import { inkParts, noteIconBox, pdfScale, polylinePath, rectsPath } from './render';
import type { Layer } from './tools';

interface ShapeViewProps {
  shape: Shape;
  layer: Layer;
  vp: Viewport;
  /** Viewport pixels per CSS pixel, to size things meant in screen pixels (labels, hit areas). */
  unit: number;
  /** Tooltip: the layer and the author. */
  title: string;
  /** A small author label beside shared notes (other people's). */
  label: string | null;
}

/** A darker shade of `#rrggbb`, for the border of a pale note icon. */
function darker(hex: string): string {
  const v = Number.parseInt(hex.slice(1), 16);
  const c = (shift: number) => Math.round(((v >> shift) & 255) * 0.6);
  return `rgb(${c(16)} ${c(8)} ${c(0)})`;
}

/**
 * One mark, in the page's viewport coordinates. Memoised on the shape object, which the shape
 * index keeps for unchanged marks, so a stroke being drawn re-renders only itself.
 */
export const ShapeView = memo(function ShapeView({ shape, layer, vp, unit, title, label }: ShapeViewProps) {
  const common = {
    className: `ann-shape ann-${shape.kind}`,
    'data-shape-id': shape.id,
    'data-layer': layer,
    'data-author-id': shape.authorId,
    'data-kind': shape.kind,
  };
  const hit = 14 * unit;
  switch (shape.kind) {
    case ShapeKind.INK: {
      const d = polylinePath(shape.points, vp);
      return (
        <g {...common}>
          <title>{title}</title>
          {inkParts(shape, vp).map((part, i) => (
            <path key={i} d={part.d} stroke={shape.color} strokeWidth={part.width} fill="none" strokeLinecap="round" strokeLinejoin="round" />
          ))}
          <path className="ann-hit" d={d} strokeWidth={hit} />
        </g>
      );
    }
    case ShapeKind.HIGHLIGHT:
      if (shape.mode === HighlightMode.FREEHAND) {
        const d = polylinePath(shape.points, vp);
        return (
          <g {...common} className={`${common.className} ann-highlighter`}>
            <title>{title}</title>
            <path d={d} stroke={shape.color} strokeOpacity={shape.alpha} strokeWidth={shape.width * pdfScale(vp)} fill="none" strokeLinecap="round" strokeLinejoin="round" />
            <path className="ann-hit" d={d} strokeWidth={Math.max(hit, shape.width * pdfScale(vp))} />
          </g>
        );
      }
      return (
        <g {...common} className={`${common.className} ann-highlighter`}>
          <title>{title}</title>
          <path d={rectsPath(shape.rects, vp)} fill={shape.color} fillOpacity={shape.alpha} />
        </g>
      );
    case ShapeKind.NOTE: {
      const [x, y, w, h] = noteIconBox(shape.at, vp);
      // At least a finger's width on screen, however far the page is zoomed out.
      const size = Math.max(w, 28 * unit);
      const cx = x + w / 2;
      const cy = y + h / 2;
      const fold = size * 0.3;
      const left = cx - size / 2;
      const top = cy - size / 2;
      return (
        <g {...common}>
          <title>{title}</title>
          <path
            d={`M${left} ${top}h${size - fold}l${fold} ${fold}v${size - fold}h${-size}Z`}
            fill={shape.color}
            stroke={darker(shape.color)}
            strokeWidth={1.5 * unit}
          />
          <path d={`M${left + size * 0.2} ${top + size * 0.45}h${size * 0.6}M${left + size * 0.2} ${top + size * 0.68}h${size * 0.45}`} stroke={darker(shape.color)} strokeWidth={1.5 * unit} />
          {label && (
            <text className="ann-note-label" x={left + size + 4 * unit} y={cy} fontSize={11 * unit} dominantBaseline="middle">
              {label}
            </text>
          )}
        </g>
      );
    }
    case ShapeKind.TEXTBOX: {
      const [x, y, w, h] = rectToViewport(shape.rect, vp);
      return (
        <g {...common}>
          <title>{title}</title>
          <rect className="ann-textbox-frame" x={x} y={y} width={w} height={h} />
          <foreignObject x={x} y={y} width={w} height={h} overflow="visible">
            <div className="ann-textbox-text" style={{ color: shape.color, fontSize: `${shape.fontSize * pdfScale(vp)}px` }}>
              {shape.text}
            </div>
          </foreignObject>
        </g>
      );
    }
  }
});
