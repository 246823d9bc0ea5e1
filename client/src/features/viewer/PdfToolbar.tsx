import { useState, type ReactNode, type RefObject } from 'react';
import { useT } from '../../i18n';
import { PdfSearchBar } from './PdfSearchBar';
import type { PdfSearch } from './use-pdf-search';
import { ZOOM_MAX, ZOOM_MIN } from './viewer-logic';

interface PdfToolbarProps {
  page: number;
  pageCount: number;
  zoom: number;
  onPage: (page: number) => void;
  /** +1 zoom in, −1 zoom out, 0 back to fit width. */
  onZoom: (direction: 1 | -1 | 0) => void;
  thumbnails: boolean;
  onThumbnails: () => void;
  search: PdfSearch;
  searchInputRef: RefObject<HTMLInputElement | null>;
  extra?: ReactNode;
}

/** Thumbnails, previous / next with "Trang x / N", zoom, search, and the caller's tools. */
export function PdfToolbar({ page, pageCount, zoom, onPage, onZoom, thumbnails, onThumbnails, search, searchInputRef, extra }: PdfToolbarProps) {
  const t = useT();
  // What is typed, until Enter or leaving the field; follows the page otherwise.
  const [typed, setTyped] = useState<string | null>(null);
  const commit = () => {
    if (typed !== null && typed.trim() !== '') onPage(Number(typed));
    setTyped(null);
  };
  const fitted = Math.abs(zoom - 1) < 1e-9;
  return (
    <div className="pdf-toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
      <div className="pdf-toolbar-group">
        <button
          type="button"
          className="pdf-tool"
          onClick={onThumbnails}
          aria-pressed={thumbnails}
          aria-label={t(thumbnails ? 'viewer.hideThumbnails' : 'viewer.showThumbnails')}
          title={t(thumbnails ? 'viewer.hideThumbnails' : 'viewer.showThumbnails')}
        >
          <span aria-hidden="true">▤</span>
        </button>
        <button type="button" className="pdf-tool" onClick={() => onPage(page - 1)} disabled={page <= 1} aria-label={t('viewer.prev')} title={t('viewer.prev')}>
          <span aria-hidden="true">‹</span>
        </button>
        <label className="pdf-page-input">
          <span className="visually-hidden">{t('viewer.goToPage')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={pageCount || 1}
            value={typed ?? String(page)}
            disabled={pageCount === 0}
            onChange={(e) => setTyped(e.target.value)}
            onFocus={(e) => e.target.select()}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit();
              } else if (e.key === 'Escape') {
                setTyped(null);
              }
            }}
          />
          <span className="pdf-page-count">{t('viewer.of', { count: pageCount || '…' })}</span>
        </label>
        <button
          type="button"
          className="pdf-tool"
          onClick={() => onPage(page + 1)}
          disabled={pageCount === 0 || page >= pageCount}
          aria-label={t('viewer.next')}
          title={t('viewer.next')}
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <div className="pdf-toolbar-group">
        <button type="button" className="pdf-tool" onClick={() => onZoom(-1)} disabled={zoom <= ZOOM_MIN + 1e-9} aria-label={t('viewer.zoomOut')} title={t('viewer.zoomOut')}>
          <span aria-hidden="true">−</span>
        </button>
        <span className="pdf-zoom" aria-live="polite">
          {t('viewer.zoomLevel', { percent: Math.round(zoom * 100) })}
        </span>
        <button type="button" className="pdf-tool" onClick={() => onZoom(1)} disabled={zoom >= ZOOM_MAX - 1e-9} aria-label={t('viewer.zoomIn')} title={t('viewer.zoomIn')}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" onClick={() => onZoom(0)} aria-pressed={fitted}>
          {t('viewer.fitWidth')}
        </button>
      </div>
      <PdfSearchBar search={search} inputRef={searchInputRef} disabled={pageCount === 0} />
      {extra && <div className="pdf-toolbar-group pdf-toolbar-extra">{extra}</div>}
    </div>
  );
}
