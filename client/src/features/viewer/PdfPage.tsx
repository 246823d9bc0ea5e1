import { memo, useEffect, useEffectEvent, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { TextLayer } from 'pdfjs-dist';
import { useT } from '../../i18n';
import type { PageOverlayInfo } from './PdfViewer';
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from './pdf';
import type { PageSize } from './page-layout';
import type { ItemRange } from './search-logic';
import { canvasSize, fitWidthScale } from './viewer-logic';
import { Watermark } from './Watermark';

export interface PdfPageProps {
  doc: PDFDocumentProxy;
  pageNumber: number;
  /** The page's box in the pages container (CSS pixels). */
  top: number;
  left: number;
  width: number;
  height: number;
  /** In the render window: drawn, with its text layer; otherwise an empty placeholder. */
  active: boolean;
  /** Search hits on this page, each as the text items it covers. */
  hits: readonly (readonly ItemRange[])[] | undefined;
  /** Index in `hits` of the selected hit, or -1. */
  selectedHit: number;
  /** Changes whenever the selected hit should be scrolled into view. */
  revealToken: number;
  watermark: { name: string; unit: string | null } | null;
  renderOverlay: ((info: PageOverlayInfo) => ReactNode) | undefined;
  onSize: (page: number, size: PageSize) => void;
  onRendered: (page: number, rendered: boolean) => void;
}

/** A canvas's backing store is freed only when its size drops to zero, not when it is detached. */
function releaseCanvas(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
}

function isCancel(err: unknown): boolean {
  const name = (err as Error | null)?.name;
  return name === 'RenderingCancelledException' || name === 'AbortException';
}

/** Centres `el` in its scroller when it is not comfortably inside it (never scrolls the window). */
function revealInScroller(el: HTMLElement): void {
  const scroller = el.closest<HTMLElement>('.pdf-scroller');
  if (!scroller) return;
  const box = el.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  const dy = box.top + box.height / 2 - (view.top + view.height / 2);
  const dx = box.left + box.width / 2 - (view.left + view.width / 2);
  const outsideY = box.top < view.top + 40 || box.bottom > view.bottom - 40;
  const outsideX = box.left < view.left || box.right > view.right;
  if (outsideY || outsideX) scroller.scrollBy({ top: outsideY ? dy : 0, left: outsideX ? dx : 0 });
}

/**
 * One page of the continuous viewer. Inactive, it is an empty box of the right size; active,
 * it fetches the page, draws it sharp for the screen's density and adds pdf.js's text layer.
 * A redraw (zoom) goes to a fresh canvas that replaces the old one when done, so the page
 * never flashes blank; leaving the window frees the canvas and the page's decoded data.
 */
export const PdfPage = memo(function PdfPage(props: PdfPageProps) {
  const { doc, pageNumber, width, active, hits, selectedHit, revealToken, watermark, renderOverlay, onSize, onRendered } = props;
  const t = useT();
  const [proxy, setProxy] = useState<PDFPageProxy | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [drawn, setDrawn] = useState<{ proxy: PDFPageProxy; scale: number } | null>(null);
  const [failure, setFailure] = useState<{ attempt: number; scale: number } | null>(null);
  const [textToken, setTextToken] = useState(0);
  const canvasHostRef = useRef<HTMLDivElement>(null);
  const textHostRef = useRef<HTMLDivElement>(null);
  const textLayerRef = useRef<TextLayer | null>(null);
  const highlightedRef = useRef<number[]>([]);
  const revealedRef = useRef(0);

  // The page proxy is cached by pdf.js: fetching it again after a release is cheap.
  const shown = active && proxy?.pageNumber === pageNumber ? proxy : null;
  // Every page fits the box's width on its own: its scale follows from its own size.
  const naturalWidth = useMemo(() => (shown ? shown.getViewport({ scale: 1 }).width : 0), [shown]);
  const scale = fitWidthScale(width, naturalWidth);

  useEffect(() => {
    if (!active) return;
    let live = true;
    doc.getPage(pageNumber).then(
      (page) => {
        if (!live) return;
        setProxy(page);
        const natural = page.getViewport({ scale: 1 });
        onSize(pageNumber, { width: natural.width, height: natural.height });
      },
      () => live && setFailure({ attempt, scale: Number.NaN }),
    );
    return () => {
      live = false;
    };
  }, [active, doc, pageNumber, attempt, onSize]);

  // Leaving the window: free the canvas, the text layer and the page's decoded images.
  useEffect(() => {
    if (!shown) return;
    const canvasHost = canvasHostRef.current;
    const textHost = textHostRef.current;
    return () => {
      canvasHost?.querySelectorAll('canvas').forEach(releaseCanvas);
      canvasHost?.replaceChildren();
      textLayerRef.current?.cancel();
      textLayerRef.current = null;
      highlightedRef.current = [];
      textHost?.replaceChildren();
      shown.cleanup();
      onRendered(pageNumber, false);
    };
  }, [shown, pageNumber, onRendered]);

  useEffect(() => {
    if (!shown) return;
    let live = true;
    const viewport = shown.getViewport({ scale });
    const size = canvasSize(viewport.width, viewport.height, window.devicePixelRatio || 1);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const task: RenderTask = shown.render({
      canvas,
      viewport,
      ...(size.ratio !== 1 ? { transform: [size.ratio, 0, 0, size.ratio, 0, 0] } : {}),
    });
    task.promise.then(
      () => {
        const host = canvasHostRef.current;
        if (!live || !host) {
          releaseCanvas(canvas);
          return;
        }
        host.querySelectorAll('canvas').forEach(releaseCanvas);
        host.replaceChildren(canvas);
        setDrawn({ proxy: shown, scale });
        onRendered(pageNumber, true);
      },
      (err: unknown) => {
        releaseCanvas(canvas);
        if (live && !isCancel(err)) setFailure({ attempt, scale });
      },
    );
    return () => {
      live = false;
      task.cancel();
    };
  }, [shown, scale, attempt, pageNumber, onRendered]);

  // The text layer is made once per activation at the scale of the moment; zooming only
  // re-lays it out (below), so a selection survives a zoom.
  const viewportNow = useEffectEvent((page: PDFPageProxy) => page.getViewport({ scale }));
  useEffect(() => {
    if (!shown) return;
    const container = document.createElement('div');
    container.className = 'textLayer';
    const layer = new TextLayer({ textContentSource: shown.streamTextContent(), container, viewport: viewportNow(shown) });
    let live = true;
    layer.render().then(
      () => {
        if (!live) return;
        textHostRef.current?.replaceChildren(container);
        textLayerRef.current = layer;
        highlightedRef.current = [];
        setTextToken((n) => n + 1);
      },
      () => {
        // Without a text layer the page still reads; only selection and highlights are missing.
      },
    );
    return () => {
      live = false;
      layer.cancel();
    };
  }, [shown]);

  useEffect(() => {
    if (shown && textToken > 0) textLayerRef.current?.update({ viewport: shown.getViewport({ scale }) });
  }, [shown, scale, textToken]);

  // Search highlights: the matched characters of each text item wrapped in marks.
  useEffect(() => {
    const layer = textLayerRef.current;
    if (!layer) return;
    const divs = layer.textDivs;
    const strs = layer.textContentItemsStr;
    for (const i of highlightedRef.current) {
      const div = divs[i];
      if (div) div.textContent = strs[i] ?? '';
    }
    highlightedRef.current = [];
    if (!hits || hits.length === 0) return;
    const byItem = new Map<number, { from: number; to: number; selected: boolean }[]>();
    hits.forEach((ranges, h) => {
      for (const r of ranges) {
        const list = byItem.get(r.item) ?? [];
        list.push({ from: r.from, to: r.to, selected: h === selectedHit });
        byItem.set(r.item, list);
      }
    });
    let selectedEl: HTMLElement | null = null;
    for (const [item, ranges] of byItem) {
      const div = divs[item];
      const str = strs[item];
      if (!div || str === undefined) continue;
      ranges.sort((a, b) => a.from - b.from);
      const parts: (Node | string)[] = [];
      let at = 0;
      for (const r of ranges) {
        if (r.from > at) parts.push(str.slice(at, r.from));
        const mark = document.createElement('span');
        mark.className = r.selected ? 'highlight selected' : 'highlight';
        mark.textContent = str.slice(Math.max(at, r.from), r.to);
        parts.push(mark);
        if (r.selected && !selectedEl) selectedEl = mark;
        at = Math.max(at, r.to);
      }
      if (at < str.length) parts.push(str.slice(at));
      div.replaceChildren(...parts);
      highlightedRef.current.push(item);
    }
    if (selectedEl && revealToken !== 0 && revealToken !== revealedRef.current) {
      revealedRef.current = revealToken;
      revealInScroller(selectedEl);
    }
  }, [textToken, hits, selectedHit, revealToken]);

  const viewport = useMemo(() => (shown ? shown.getViewport({ scale }) : null), [shown, scale]);
  const isDrawn = shown !== null && drawn?.proxy === shown && drawn.scale === scale;
  const failed = active && failure !== null && failure.attempt === attempt && (failure.scale === scale || Number.isNaN(failure.scale));
  const box: CSSProperties = { top: props.top, left: props.left, width, height: props.height };
  const style = { ...box, '--total-scale-factor': String(scale * (viewport?.userUnit ?? 1)) } as CSSProperties;

  return (
    <>
      <div
        className="pdf-page"
        data-page-number={pageNumber}
        role="img"
        aria-label={t('viewer.pageLabel', { page: pageNumber })}
        aria-busy={active && !isDrawn && !failed}
        data-rendered={isDrawn ? 'true' : 'false'}
        style={style}
      >
        <div ref={canvasHostRef} className="pdf-canvas-host" />
        <div ref={textHostRef} className="pdf-text-host" />
        {viewport && renderOverlay && (
          <div className="pdf-overlay">
            {renderOverlay({ pageNumber, viewport, cssWidth: width, cssHeight: props.height })}
          </div>
        )}
        {shown && watermark && <Watermark name={watermark.name} unit={watermark.unit} />}
        {active && !isDrawn && !failed && <span className="pdf-page-loading">{t('viewer.pageLoading')}</span>}
      </div>
      {failed && (
        // Beside the page, not in it: a page is an image to assistive technology, and this must stay operable.
        <div className="pdf-page-error" role="alert" style={box}>
          <p>{t('viewer.pageRenderFailed', { page: pageNumber })}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      )}
    </>
  );
});
