import {
  useCallback,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { PageViewport } from 'pdfjs-dist';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { PdfPage } from './PdfPage';
import { PdfThumbnails } from './PdfThumbnails';
import { PdfToolbar } from './PdfToolbar';
import {
  anchorAt,
  currentPageAt,
  layoutPages,
  PAGE_MARGIN,
  pagesInBand,
  renderWindow,
  scrollForAnchor,
  scrollTopForPage,
  type PageLayout,
  type PageSize,
  type ZoomAnchor,
} from './page-layout';
import { useNearPages } from './use-near-pages';
import { usePdfDocument } from './use-pdf-document';
import { usePdfSearch } from './use-pdf-search';
import { useElementWidth } from './use-element-width';
import { useViewerGestures } from './use-viewer-gestures';
import { clampPage, clampZoom, nextZoom, pinchZoom, swipeDirection, viewerKeyCommand, wheelZoom, windowKeyCommand } from './viewer-logic';

export interface PageOverlayInfo {
  pageNumber: number; // 1-based
  viewport: PageViewport; // the CSS-pixel viewport the page is drawn at (scale & rotation included)
  cssWidth: number;
  cssHeight: number;
}

export interface PdfViewerProps {
  documentId: string;
  /** Set for confidential documents. */
  watermark: { name: string; unit: string | null } | null;
  /**
   * Drawn over each rendered page (absolutely positioned, same size as the page), above the
   * text layer. The slot lets pointers through (text stays selectable) except while `drawing`;
   * give elements that must be clickable `pointer-events: auto`.
   */
  renderPageOverlay?: (info: PageOverlayInfo) => ReactNode;
  /** The page most in view changed (also fired once after opening). */
  onPageChange?: (page: number) => void;
  /** Jump request: scroll to this page whenever `at` changes (used by follow-the-presenter and ?page=). */
  goTo?: { page: number; at: number } | null;
  /** Extra toolbar content (the annotation tools) placed in the viewer's toolbar. */
  toolbarExtra?: React.ReactNode;
  /**
   * When true, single-finger/pen pointer gestures on pages belong to the overlay (drawing);
   * pinch still zooms. A second finger landing (a touch `pointerdown` with `isPrimary` false)
   * starts a pinch: the overlay should drop the stroke the first finger began.
   */
  drawing?: boolean;
}

/** At most this many pages hold a canvas at once (each is up to 16 M pixels). */
const MAX_RENDERED = 6;
/** Ctrl+wheel zooms are shown at once as a CSS scale and redrawn once the wheel rests. */
const WHEEL_SETTLE_MS = 150;

/**
 * The document reader: every page in one vertical scroll, drawn only around the view (a
 * 300-page document keeps at most MAX_RENDERED canvases), with thumbnails, zoom (buttons,
 * keys, pinch, Ctrl+wheel), text search that ignores Vietnamese diacritics, a watermark for
 * confidential documents and a slot over each page for annotations.
 */
export default function PdfViewer({ documentId, watermark, renderPageOverlay, onPageChange, goTo, toolbarExtra, drawing = false }: PdfViewerProps) {
  const t = useT();
  const [sizes, setSizes] = useState<readonly (PageSize | undefined)[]>([]);
  const [zoom, setZoom] = useState(1);
  const [page, setPage] = useState(1);
  const [rendered, setRendered] = useState<ReadonlySet<number>>(() => new Set());
  const [thumbnails, setThumbnails] = useState(false);
  const [printBlocked, setPrintBlocked] = useState(false);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const searchInputRef = useRef<HTMLInputElement>(null);
  const width = useElementWidth(scrollerRef);

  const { doc, first, failure: openFailure, key: openKey, retry } = usePdfDocument(documentId);

  // One object for as long as the reader and unit stay the same, so pages need not re-render.
  const watermarkName = watermark?.name;
  const watermarkUnit = watermark?.unit ?? null;
  const pageWatermark = useMemo(
    () => (watermarkName === undefined ? null : { name: watermarkName, unit: watermarkUnit }),
    [watermarkName, watermarkUnit],
  );

  const pageCount = doc?.numPages ?? 0;
  const measured = width > 0;

  const pageSizes = useMemo(() => Array.from({ length: pageCount }, (_, i) => sizes[i]), [sizes, pageCount]);
  // Zoom 1 fits every page to the width of the view.
  const pageWidth = Math.max(1, width - 2 * PAGE_MARGIN) * zoom;
  const layout = useMemo(() => layoutPages(pageCount, pageSizes, first, pageWidth, width), [pageCount, pageSizes, first, pageWidth, width]);

  const onSize = useCallback(
    (n: number, size: PageSize) =>
      setSizes((prev) => {
        const known = prev[n - 1] ?? first;
        if (Math.abs(known.width - size.width) < 0.5 && Math.abs(known.height - size.height) < 0.5) return prev;
        const next = [...prev];
        next[n - 1] = size;
        return next;
      }),
    [first],
  );
  const onRendered = useCallback(
    (n: number, yes: boolean) =>
      setRendered((prev) => {
        if (prev.has(n) === yes) return prev;
        const next = new Set(prev);
        if (yes) next.add(n);
        else next.delete(n);
        return next;
      }),
    [],
  );

  // ---- scrolling and the current page ----
  const scrollPos = useRef({ left: 0, top: 0 });
  const trackScroll = useEffectEvent(() => {
    const el = scrollerRef.current;
    if (!el) return;
    setPage((prev) => currentPageAt(layout, el.scrollTop, el.clientHeight, prev));
  });
  useEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    let frame = 0;
    const onScroll = () => {
      // Kept at once: a layout change in this frame must anchor on where the reader really is.
      scrollPos.current = { left: el.scrollLeft, top: el.scrollTop };
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          trackScroll();
        });
      }
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  const scrollToPage = useCallback(
    (target: number) => {
      const el = scrollerRef.current;
      if (!el || pageCount === 0) return;
      const p = clampPage(target, pageCount);
      setPage(p);
      el.scrollTo({ top: scrollTopForPage(layout, p), left: el.scrollLeft });
    },
    [layout, pageCount],
  );

  // Any change of layout (zoom, rotation of the tablet, a page turning out to be landscape)
  // keeps the same point of the document under the same point of the view.
  const anchorRef = useRef<ZoomAnchor | null>(null);
  const prevLayout = useRef<PageLayout | null>(null);
  useLayoutEffect(() => {
    const el = scrollerRef.current;
    const prev = prevLayout.current;
    prevLayout.current = layout;
    if (!el || !prev || prev.boxes.length === 0) return;
    const anchor = anchorRef.current ?? anchorAt(prev, scrollPos.current.left, scrollPos.current.top, 0, 0);
    anchorRef.current = null;
    if (!anchor) return;
    const next = scrollForAnchor(layout, anchor);
    el.scrollTo(next.left, next.top);
    scrollPos.current = next;
  }, [layout]);

  /** Zooms to `next`, keeping the document point under `viewX, viewY` (default: the view's centre) in place. */
  const zoomTo = (next: number, viewX?: number, viewY?: number) => {
    const el = scrollerRef.current;
    const z = clampZoom(next);
    if (!el || Math.abs(z - zoom) < 1e-6) return;
    anchorRef.current = anchorAt(layout, el.scrollLeft, el.scrollTop, viewX ?? el.clientWidth / 2, viewY ?? el.clientHeight / 2);
    setZoom(z);
  };
  const onZoom = (direction: 1 | -1 | 0) => zoomTo(direction === 0 ? 1 : nextZoom(zoom, direction));

  // ---- pages near the view and the render window ----
  const near = useNearPages(scrollerRef, doc !== null && measured, pageCount);
  const active = useMemo(() => renderWindow(near, page, MAX_RENDERED), [near, page]);

  // ---- outside requests and notifications ----
  const notifyPage = useEffectEvent((p: number) => onPageChange?.(p));
  useEffect(() => {
    if (doc && pageCount > 0) notifyPage(page);
  }, [doc, pageCount, page]);

  const appliedGoTo = useRef<number | null>(null);
  const jump = useEffectEvent((target: number) => scrollToPage(target));
  useEffect(() => {
    if (!goTo || !doc || !measured || appliedGoTo.current === goTo.at) return;
    appliedGoTo.current = goTo.at;
    jump(goTo.page);
  }, [goTo, doc, measured]);

  // ---- search ----
  const search = usePdfSearch(doc, page);
  const selectedHit = search.selected;
  const showHitPage = useEffectEvent((target: number) => {
    const el = scrollerRef.current;
    if (!el) return;
    // Only when the hit's page is out of view: the page itself then centres the hit.
    if (!pagesInBand(layout, el.scrollTop, el.scrollTop + el.clientHeight).includes(target)) scrollToPage(target);
  });
  useEffect(() => {
    if (selectedHit) showHitPage(selectedHit.page);
  }, [selectedHit, search.revealToken]);

  // ---- gestures ----
  const pinchStart = useRef(1);
  const wheel = useRef<{ zoom: number; x: number; y: number; timer: ReturnType<typeof setTimeout> | undefined } | null>(null);
  /** Shows a zoom of `ratio` at once, as a CSS scale around a point of the view; the redraw follows on release. */
  const preview = (ratio: number, clientX: number, clientY: number) => {
    const el = scrollerRef.current;
    const pages = pagesRef.current;
    if (!el || !pages) return;
    const box = el.getBoundingClientRect();
    pages.style.transformOrigin = `${el.scrollLeft + clientX - box.left}px ${el.scrollTop + clientY - box.top}px`;
    pages.style.transform = ratio === 1 ? '' : `scale(${ratio})`;
  };
  const commitZoom = (next: number, clientX: number, clientY: number) => {
    const box = scrollerRef.current?.getBoundingClientRect();
    preview(1, clientX, clientY);
    if (box) zoomTo(next, clientX - box.left, clientY - box.top);
  };
  useEffect(() => () => clearTimeout(wheel.current?.timer), []);
  useViewerGestures(scrollerRef, {
    onPinchStart: () => {
      pinchStart.current = zoom;
    },
    onPinch: (ratio, x, y) => preview(pinchZoom(pinchStart.current, 1, ratio) / pinchStart.current, x, y),
    onPinchEnd: (ratio, x, y) => commitZoom(pinchZoom(pinchStart.current, 1, ratio), x, y),
    onSwipe: (dx, dy, ms) => {
      const el = scrollerRef.current;
      if (drawing || !el) return;
      const direction = swipeDirection(dx, dy, ms, layout.width <= el.clientWidth + 1);
      if (direction !== 0) scrollToPage(page + direction);
    },
    onZoomWheel: (deltaY, x, y) => {
      const prev = wheel.current;
      clearTimeout(prev?.timer);
      // The point under the first wheel event stays put through the whole gesture.
      const next = { zoom: wheelZoom(prev?.zoom ?? zoom, deltaY), x: prev?.x ?? x, y: prev?.y ?? y };
      preview(next.zoom / zoom, next.x, next.y);
      const timer = setTimeout(() => {
        wheel.current = null;
        commitZoom(next.zoom, next.x, next.y);
      }, WHEEL_SETTLE_MS);
      wheel.current = { ...next, timer };
    },
  });

  // ---- keyboard ----
  const confidential = pageWatermark !== null;
  const onWindowKey = useEffectEvent((e: globalThis.KeyboardEvent) => {
    const command = windowKeyCommand(e, confidential);
    if (command === 'search' && doc && pageCount > 0) {
      e.preventDefault();
      searchInputRef.current?.focus();
      searchInputRef.current?.select();
    } else if (command === 'blockPrint') {
      e.preventDefault();
      e.stopPropagation();
      setPrintBlocked(true);
    }
  });
  useEffect(() => {
    const listener = (e: globalThis.KeyboardEvent) => onWindowKey(e);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    // Typing, and dialogs (an annotation's text), keep their keys.
    if (target.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
    const el = scrollerRef.current;
    if (!el) return;
    const command = viewerKeyCommand(e, layout.width <= el.clientWidth + 1, target === el);
    if (!command) return;
    e.preventDefault();
    if (command.kind === 'page') scrollToPage(page + command.delta);
    else if (command.kind === 'first') scrollToPage(1);
    else if (command.kind === 'last') scrollToPage(pageCount);
    else if (command.kind === 'scroll') el.scrollBy({ top: command.dy });
    else onZoom(command.direction);
  };

  const renderedPage = rendered.has(page) ? page : undefined;

  return (
    <div
      className="pdf-viewer"
      data-rendered-page={renderedPage}
      data-confidential={confidential || undefined}
      data-drawing={drawing || undefined}
      onKeyDown={onKeyDown}
      onContextMenu={confidential ? (e) => e.preventDefault() : undefined}
    >
      <PdfToolbar
        page={page}
        pageCount={pageCount}
        zoom={zoom}
        onPage={scrollToPage}
        onZoom={onZoom}
        thumbnails={thumbnails}
        onThumbnails={() => setThumbnails((v) => !v)}
        search={search}
        searchInputRef={searchInputRef}
        extra={toolbarExtra}
      />
      {printBlocked && (
        <div role="alert" className="alert alert-warning pdf-print-alert">
          <p>{t('viewer.printBlocked')}</p>
          <button type="button" onClick={() => setPrintBlocked(false)}>
            {t('viewer.dismiss')}
          </button>
        </div>
      )}
      <div className="pdf-body">
        {thumbnails && doc && pageCount > 0 && (
          <PdfThumbnails key={openKey} doc={doc} sizes={pageSizes} fallback={first} current={page} onSelect={scrollToPage} />
        )}
        <div ref={scrollerRef} className="pdf-scroller" tabIndex={0} role="region" aria-label={t('viewer.pageArea')}>
          {openFailure ? (
            <ErrorAlert message={t(openFailure === 'password' ? 'viewer.passwordProtected' : openFailure === 'invalid' ? 'viewer.invalidPdf' : 'viewer.openFailed')}>
              <button type="button" onClick={retry}>
                {t('common.retry')}
              </button>
            </ErrorAlert>
          ) : !doc ? (
            <p className="pdf-status">{t('viewer.opening')}</p>
          ) : pageCount === 0 ? (
            <p className="pdf-status">{t('viewer.empty')}</p>
          ) : null}
          {doc && measured && pageCount > 0 && (
            <div ref={pagesRef} className="pdf-pages" style={{ width: layout.width, height: layout.height }}>
              {layout.boxes.map((box, i) => {
                const n = i + 1;
                const selectedHere = selectedHit?.page === n;
                return (
                  <PdfPage
                    key={n}
                    doc={doc}
                    pageNumber={n}
                    top={box.top}
                    left={box.left}
                    width={box.width}
                    height={box.height}
                    active={active.has(n)}
                    hits={search.byPage.get(n)}
                    selectedHit={selectedHere ? selectedHit.index : -1}
                    revealToken={selectedHere ? search.revealToken : 0}
                    watermark={pageWatermark}
                    renderOverlay={renderPageOverlay}
                    onSize={onSize}
                    onRendered={onRendered}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
      {confidential && <p className="pdf-print-notice">{t('viewer.printBlocked')}</p>}
    </div>
  );
}
