import type { RefObject } from 'react';
import { useT } from '../../i18n';
import type { PdfSearch } from './use-pdf-search';

interface PdfSearchBarProps {
  search: PdfSearch;
  inputRef: RefObject<HTMLInputElement | null>;
  disabled: boolean;
}

/** The search field (Enter: next hit, Shift+Enter: previous, Esc: clear) and "k / n". */
export function PdfSearchBar({ search, inputRef, disabled }: PdfSearchBarProps) {
  const t = useT();
  const { query, term, hits, current, progress, failed } = search;
  const scanning = term !== '' && progress < 1;
  let status = '';
  if (term !== '') {
    if (failed) status = t('viewer.searchFailed');
    else if (hits.length > 0) status = t('viewer.searchCount', { current: current + 1, total: hits.length });
    else if (!scanning) status = t('viewer.searchNone');
    if (scanning) status = `${status} ${t('viewer.searchProgress', { percent: Math.floor(progress * 100) })}`.trim();
  }
  return (
    <div className="pdf-toolbar-group pdf-search" role="search">
      <label className="pdf-search-field">
        <span className="visually-hidden">{t('viewer.search')}</span>
        <input
          ref={inputRef}
          type="search"
          value={query}
          disabled={disabled}
          placeholder={t('viewer.searchPlaceholder')}
          enterKeyHint="search"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              search.step(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape' && query !== '') {
              e.preventDefault();
              search.setQuery('');
            }
          }}
        />
      </label>
      <button type="button" className="pdf-tool" onClick={() => search.step(-1)} disabled={hits.length === 0} aria-label={t('viewer.searchPrev')} title={t('viewer.searchPrev')}>
        <span aria-hidden="true">▲</span>
      </button>
      <button type="button" className="pdf-tool" onClick={() => search.step(1)} disabled={hits.length === 0} aria-label={t('viewer.searchNext')} title={t('viewer.searchNext')}>
        <span aria-hidden="true">▼</span>
      </button>
      <output className="pdf-search-status" aria-live="polite">
        {status}
      </output>
    </div>
  );
}
