import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type MouseEvent } from 'react';
import type * as Y from 'yjs';
import { viewportFromPdfjs, type PdfjsViewportLike, type Shape } from '@e-cabinet/annotations';
import { useT } from '../../i18n';
import { isTextKind } from './actions';
import { useAnnotations, type MarkRef } from './annotation-context';
import { shapeBox } from './render';
import { shapeIndex } from './shape-index';
import { isVisible } from './shapes';
import { ShapeView } from './ShapeView';
import { isDrawingTool, type Layer } from './tools';
import { usePageGestures } from './use-page-gestures';

/** What the viewer tells each page's overlay (structurally the viewer's `PageOverlayInfo`). */
export interface OverlayPage {
  pageNumber: number;
  viewport: PdfjsViewportLike & { width: number; height: number };
  cssWidth: number;
  cssHeight: number;
}

const NO_SHAPES: readonly Shape[] = [];

/** The shapes of one page of a layer doc, re-rendering only when that page changes. */
export function usePageShapes(doc: Y.Doc | null, page: number): readonly Shape[] {
  const subscribe = useCallback((onChange: () => void) => (doc ? shapeIndex(doc).subscribe(page, onChange) : () => {}), [doc, page]);
  const get = useCallback(() => (doc ? shapeIndex(doc).page(page) : NO_SHAPES), [doc, page]);
  return useSyncExternalStore(subscribe, get, get);
}

interface Placed {
  shape: Shape;
  layer: Layer;
}

/** Both layers' marks on a page, in one drawing order (by creation), hidden ones left out. */
export function mergeLayers(privateShapes: readonly Shape[], sharedShapes: readonly Shape[], meId: string, hideOthers: boolean): Placed[] {
  const placed: Placed[] = [
    ...sharedShapes.filter((s) => isVisible('shared', s, meId, hideOthers)).map((shape) => ({ shape, layer: 'shared' as const })),
    ...privateShapes.map((shape) => ({ shape, layer: 'private' as const })),
  ];
  return placed.sort((a, b) => a.shape.createdAt - b.shape.createdAt || (a.shape.id < b.shape.id ? -1 : 1));
}

/**
 * One page's marks as an SVG over the rendered page, in the page's viewport coordinates (the
 * viewBox), so it scales with the page. While a drawing tool is active it takes the pointer;
 * otherwise only the marks themselves are hit-testable and the text layer underneath stays
 * selectable.
 */
export function AnnotationLayer({ info }: { info: OverlayPage }) {
  const t = useT();
  const ctx = useAnnotations();
  const page = info.pageNumber;
  const vp = useMemo(() => viewportFromPdfjs(info.viewport), [info.viewport]);
  const unit = info.viewport.width / (info.cssWidth || info.viewport.width);
  const privateShapes = usePageShapes(ctx.layers.private.collab.doc, page);
  const sharedShapes = usePageShapes(ctx.layers.shared.collab.doc, page);
  const placed = useMemo(() => mergeLayers(privateShapes, sharedShapes, ctx.me.id, ctx.hideOthers), [privateShapes, sharedShapes, ctx.me.id, ctx.hideOthers]);
  const gestures = usePageGestures(ctx, page, vp);
  const drawing = isDrawingTool(ctx.tool);

  const svgRef = useRef<SVGSVGElement>(null);
  const { pages } = ctx;
  useEffect(() => {
    const el = svgRef.current;
    return el ? pages.register(page, el, vp) : undefined;
  }, [pages, page, vp]);

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    if (drawing || !(e.target instanceof Element)) return;
    const hit = e.target.closest<SVGGElement>('[data-shape-id]');
    const id = hit?.dataset.shapeId;
    const layer = hit?.dataset.layer;
    if (!id || (layer !== 'private' && layer !== 'shared')) return;
    const mark: MarkRef = { layer, id };
    ctx.select(mark);
    const shape = placed.find((p) => p.layer === layer && p.shape.id === id)?.shape;
    if (shape && isTextKind(shape)) ctx.edit({ mode: 'open', ...mark });
  };

  const selected = ctx.selected && placed.find((p) => p.layer === ctx.selected?.layer && p.shape.id === ctx.selected.id);
  const outline = selected ? shapeBox(selected.shape, vp, 4 * unit) : null;

  return (
    <svg
      ref={svgRef}
      className={`annotation-layer ${drawing ? `is-drawing tool-${ctx.tool}` : 'is-selecting'}`}
      data-testid={`annotation-layer-${page}`}
      data-page-number={page}
      width={info.cssWidth}
      height={info.cssHeight}
      viewBox={`0 0 ${info.viewport.width} ${info.viewport.height}`}
      aria-hidden="true"
      onClick={onClick}
      {...(drawing ? gestures : {})}
    >
      {placed.map(({ shape, layer }) => {
        const name = ctx.authorName(shape.authorId, shape.authorName);
        const mine = shape.authorId === ctx.me.id;
        return (
          <ShapeView
            key={`${layer}:${shape.id}`}
            shape={shape}
            layer={layer}
            vp={vp}
            unit={unit}
            title={layer === 'shared' ? t('ann.title.shared', { name: mine ? t('ann.you') : name }) : t('ann.title.private')}
            label={layer === 'shared' && !mine && shape.kind === 'note' ? name : null}
          />
        );
      })}
      {outline && <rect className="ann-selection" x={outline[0]} y={outline[1]} width={outline[2]} height={outline[3]} strokeWidth={2 * unit} strokeDasharray={`${6 * unit} ${4 * unit}`} />}
    </svg>
  );
}
