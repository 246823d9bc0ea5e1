import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { PDFDocumentProxy } from './pdf';
import { findInPage, foldQuery, pageText, stepHit, type ItemRange, type PageText } from './search-logic';

/** Folded page texts per document, kept for the next query (text is small next to images). */
const textCache = new WeakMap<PDFDocumentProxy, Map<number, PageText>>();

async function textOf(doc: PDFDocumentProxy, page: number): Promise<PageText> {
  let pages = textCache.get(doc);
  if (!pages) textCache.set(doc, (pages = new Map()));
  const cached = pages.get(page);
  if (cached) return cached;
  const proxy = await doc.getPage(page);
  const content = await proxy.getTextContent();
  // The same items, in the same order, as the text layer's elements (marked content excluded).
  const items = content.items.filter((item): item is TextItem => 'str' in item);
  const text = pageText(items);
  pages.set(page, text);
  return text;
}

/** Scan order: from the page being read to the end, then from the start. */
function scanOrder(count: number, from: number): number[] {
  const pages: number[] = [];
  for (let p = from; p <= count; p++) pages.push(p);
  for (let p = 1; p < from; p++) pages.push(p);
  return pages;
}

export interface HitRef {
  page: number;
  /** Index among the page's hits. */
  index: number;
}

interface Results {
  term: string;
  /** Hits per scanned page; the inner arrays never change once set, so pages can memoise. */
  byPage: ReadonlyMap<number, readonly (readonly ItemRange[])[]>;
  scanned: number;
  failed: boolean;
}

export interface PdfSearch {
  query: string;
  setQuery: (query: string) => void;
  /** The folded query being searched ('' when none). */
  term: string;
  byPage: ReadonlyMap<number, readonly (readonly ItemRange[])[]>;
  /** Every hit in document order. */
  hits: readonly HitRef[];
  /** Index of the selected hit in `hits`, -1 for none. */
  current: number;
  selected: HitRef | null;
  /** Bumped on every selection change: the viewer scrolls the selected hit into view. */
  revealToken: number;
  step: (direction: 1 | -1) => void;
  /** 0…1 while scanning; 1 when done. */
  progress: number;
  failed: boolean;
}

const EMPTY = new Map<number, readonly (readonly ItemRange[])[]>();
/** Typing pauses this long before a new scan starts. */
const DEBOUNCE_MS = 250;

/**
 * Searches the document page by page through `getTextContent`, from the page being read
 * onwards, publishing hits as they are found; a new query cancels the running scan.
 */
export function usePdfSearch(doc: PDFDocumentProxy | null, currentPage: number): PdfSearch {
  const [query, setQuery] = useState('');
  const [term, setTerm] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [selection, setSelection] = useState<{ term: string; hit: HitRef; token: number } | null>(null);
  const pageCount = doc?.numPages ?? 0;

  useEffect(() => {
    const next = foldQuery(query);
    const timer = setTimeout(() => setTerm(next), next === '' ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const startPage = useEffectEvent(() => currentPage);
  useEffect(() => {
    if (!doc || term === '') return;
    let live = true;
    const byPage = new Map<number, readonly (readonly ItemRange[])[]>();
    const order = scanOrder(doc.numPages, Math.min(Math.max(1, startPage()), doc.numPages));
    let selected = false;
    (async () => {
      let scanned = 0;
      let lastPublish = 0;
      for (const page of order) {
        const hits = findInPage(await textOf(doc, page), term);
        if (!live) return;
        scanned++;
        if (hits.length > 0) byPage.set(page, hits);
        // Publishing copies the map: do it on a find, or every few pages to show progress.
        if (hits.length > 0 || scanned - lastPublish >= 10 || scanned === order.length) {
          lastPublish = scanned;
          setResults({ term, byPage: new Map(byPage), scanned, failed: false });
        }
        if (!selected && hits.length > 0) {
          selected = true;
          setSelection((s) => ({ term, hit: { page, index: 0 }, token: (s?.token ?? 0) + 1 }));
        }
      }
    })().catch(() => {
      if (live) setResults({ term, byPage: new Map(byPage), scanned: order.length, failed: true });
    });
    return () => {
      live = false;
    };
  }, [doc, term]);

  const current = results && results.term === term ? results : null;
  const byPage = current?.byPage ?? EMPTY;
  const hits = useMemo(() => {
    const list: HitRef[] = [];
    for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
      const count = byPage.get(page)?.length ?? 0;
      for (let index = 0; index < count; index++) list.push({ page, index });
    }
    return list;
  }, [byPage]);
  const selected = selection && selection.term === term ? selection.hit : null;
  const currentIndex = selected ? hits.findIndex((h) => h.page === selected.page && h.index === selected.index) : -1;

  const step = (direction: 1 | -1) => {
    const next = hits[stepHit(currentIndex, hits.length, direction)];
    if (next) setSelection((s) => ({ term, hit: next, token: (s?.token ?? 0) + 1 }));
  };

  return {
    query,
    setQuery,
    term,
    byPage,
    hits,
    current: currentIndex,
    selected,
    revealToken: selection?.token ?? 0,
    step,
    progress: term === '' || pageCount === 0 ? 1 : (current?.scanned ?? 0) / pageCount,
    failed: current?.failed ?? false,
  };
}
