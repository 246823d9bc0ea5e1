import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { openPdf, type PDFDocumentProxy, type RenderTask } from './pdf';
import { PdfToolbar } from './PdfToolbar';
import { useElementWidth } from './use-element-width';
import { canvasSize, clampPage, fitWidthScale, nextZoom } from './viewer-logic';
import { Watermark } from './Watermark';

interface PdfViewerProps {
  documentId: string;
  /** Set for confidential documents: the name to watermark the pages with. */
  watermarkName: string | null;
}

/**
 * Shows one page at a time, fitted to the width (times the zoom), sharp on high-density
 * screens. Each render goes to a fresh canvas that replaces the old one when done, so the
 * page never flashes blank and a cancelled render cannot collide with the next.
 */
export default function PdfViewer({ documentId, watermarkName }: PdfViewerProps) {
  const t = useT();
  const [attempt, setAttempt] = useState(0);
  const [pdf, setPdf] = useState<{ id: string; attempt: number; doc: PDFDocumentProxy } | null>(null);
  const [failed, setFailed] = useState<{ id: string; attempt: number } | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [rendered, setRendered] = useState<number | null>(null);
  const [renderFailed, setRenderFailed] = useState(false);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollerRef);

  useEffect(() => {
    const opened = openPdf(documentId);
    let live = true;
    opened.promise.then(
      (doc) => live && setPdf({ id: documentId, attempt, doc }),
      () => live && setFailed({ id: documentId, attempt }),
    );
    return () => {
      live = false;
      opened.close();
    };
  }, [documentId, attempt]);

  const doc = pdf && pdf.id === documentId && pdf.attempt === attempt ? pdf.doc : null;
  const openFailed = failed !== null && failed.id === documentId && failed.attempt === attempt;
  const pageCount = doc?.numPages ?? 0;

  useEffect(() => {
    if (!doc || width <= 0) return;
    let live = true;
    let task: RenderTask | null = null;
    (async () => {
      const pdfPage = await doc.getPage(page);
      if (!live) return;
      const natural = pdfPage.getViewport({ scale: 1 });
      const viewport = pdfPage.getViewport({ scale: fitWidthScale(width, natural.width, zoom) });
      const size = canvasSize(viewport.width, viewport.height, window.devicePixelRatio || 1);
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      canvas.style.width = `${size.cssWidth}px`;
      canvas.style.height = `${size.cssHeight}px`;
      task = pdfPage.render({ canvas, viewport, ...(size.ratio !== 1 ? { transform: [size.ratio, 0, 0, size.ratio, 0, 0] } : {}) });
      await task.promise;
      if (!live) return;
      hostRef.current?.replaceChildren(canvas);
      setRenderFailed(false);
      setRendered(page);
    })().catch((err: unknown) => {
      if (live && (err as Error | null)?.name !== 'RenderingCancelledException') setRenderFailed(true);
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, page, width, zoom]);

  const go = (next: number) => setPage(clampPage(next, pageCount));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement) return;
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(page - 1);
    else if (e.key === 'ArrowRight' || e.key === 'PageDown') go(page + 1);
    else return;
    e.preventDefault();
  };

  if (openFailed) {
    return (
      <ErrorAlert message={t('viewer.openFailed')}>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.retry')}
        </button>
      </ErrorAlert>
    );
  }

  return (
    <div className="pdf-viewer" onKeyDown={onKeyDown}>
      <PdfToolbar
        page={page}
        pageCount={pageCount}
        zoom={zoom}
        onPage={go}
        onZoom={(direction) => setZoom((z) => (direction === 0 ? 1 : nextZoom(z, direction)))}
      />
      {renderFailed && <ErrorAlert message={t('viewer.renderFailed')} />}
      <div ref={scrollerRef} className="pdf-scroller" tabIndex={0} role="region" aria-label={t('viewer.pageArea')}>
        {!doc && <p className="muted pdf-loading">{t('viewer.opening')}</p>}
        <div className="pdf-page" role="img" aria-label={t('viewer.pageLabel', { page })} data-rendered-page={rendered ?? undefined} aria-busy={rendered !== page}>
          <div ref={hostRef} className="pdf-canvas-host" />
          {watermarkName && <Watermark name={watermarkName} />}
        </div>
      </div>
    </div>
  );
}
