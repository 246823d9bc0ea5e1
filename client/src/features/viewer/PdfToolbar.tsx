import { useState } from 'react';
import { useT } from '../../i18n';

interface PdfToolbarProps {
  page: number;
  pageCount: number;
  zoom: number;
  onPage: (page: number) => void;
  /** +1 zoom in, −1 zoom out, 0 back to fit width. */
  onZoom: (direction: 1 | -1 | 0) => void;
}

/** Previous / next, "Trang x / N", and zoom relative to the page width. */
export function PdfToolbar({ page, pageCount, zoom, onPage, onZoom }: PdfToolbarProps) {
  const t = useT();
  // What is typed, until Enter or leaving the field; follows the page otherwise.
  const [typed, setTyped] = useState<string | null>(null);
  const commit = () => {
    if (typed !== null && typed.trim() !== '') onPage(Number(typed));
    setTyped(null);
  };
  return (
    <div className="pdf-toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
      <div className="pdf-toolbar-group">
        <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          {t('viewer.prev')}
        </button>
        <label className="pdf-page-input">
          <span>{t('viewer.page')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={pageCount || 1}
            value={typed ?? String(page)}
            onChange={(e) => setTyped(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commit();
              }
            }}
          />
          <span>{t('viewer.of', { count: pageCount || '…' })}</span>
        </label>
        <button type="button" onClick={() => onPage(page + 1)} disabled={pageCount === 0 || page >= pageCount}>
          {t('viewer.next')}
        </button>
      </div>
      <div className="pdf-toolbar-group">
        <button type="button" onClick={() => onZoom(-1)} disabled={zoom <= 0.5}>
          {t('viewer.zoomOut')}
        </button>
        <span className="pdf-zoom" aria-live="polite">
          {t('viewer.zoomLevel', { percent: Math.round(zoom * 100) })}
        </span>
        <button type="button" onClick={() => onZoom(1)} disabled={zoom >= 3}>
          {t('viewer.zoomIn')}
        </button>
        <button type="button" onClick={() => onZoom(0)} aria-pressed={zoom === 1}>
          {t('viewer.fitWidth')}
        </button>
      </div>
    </div>
  );
}
