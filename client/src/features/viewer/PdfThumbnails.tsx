import { memo, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import type { PDFDocumentProxy } from './pdf';
import type { PageSize } from './page-layout';
import { canvasSize } from './viewer-logic';

/** CSS width of a thumbnail. */
const THUMB_WIDTH = 112;

interface PdfThumbnailsProps {
  doc: PDFDocumentProxy;
  sizes: readonly (PageSize | undefined)[];
  fallback: PageSize;
  current: number;
  onSelect: (page: number) => void;
}

/** Draws one page THUMB_WIDTH wide and returns it as a PNG object URL ('' if the browser cannot encode it). */
async function drawThumbnail(doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page = await doc.getPage(pageNumber);
  const natural = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: THUMB_WIDTH / natural.width });
  const size = canvasSize(viewport.width, viewport.height, Math.max(2, window.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  try {
    await page.render({ canvas, viewport, transform: [size.ratio, 0, 0, size.ratio, 0, 0] }).promise;
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return blob ? URL.createObjectURL(blob) : '';
  } finally {
    canvas.width = 0;
    canvas.height = 0;
    // The page's decoded images are not needed once the thumbnail is an image.
    page.cleanup();
  }
}

/**
 * The pages in small, in a sidebar: drawn only as they scroll into its view, one at a time so
 * they never hold up the page being read, and kept as small PNG images rather than canvases.
 */
export const PdfThumbnails = memo(function PdfThumbnails({ doc, sizes, fallback, current, onSelect }: PdfThumbnailsProps) {
  const t = useT();
  const listRef = useRef<HTMLOListElement>(null);
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set());
  const [images, setImages] = useState<ReadonlyMap<number, string>>(new Map());
  // What the drawing loop wants next, and how to wake it when that changes.
  const wantRef = useRef({ visible, current });
  const wakeRef = useRef<() => void>(() => {});

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setVisible((prev) => {
          const next = new Set(prev);
          for (const e of entries) {
            const page = Number((e.target as HTMLElement).dataset.thumb);
            if (e.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next;
        }),
      { root: list, rootMargin: '200px 0px' },
    );
    list.querySelectorAll('[data-thumb]').forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    wantRef.current = { visible, current };
    wakeRef.current();
  }, [visible, current]);

  useEffect(() => {
    let live = true;
    let running = false;
    const tried = new Set<number>();
    const urls: string[] = [];
    const run = async () => {
      if (running) return;
      running = true;
      while (live) {
        const { visible: seen, current: near } = wantRef.current;
        // The visible page without an image closest to the page being read.
        const next = [...seen].filter((p) => !tried.has(p)).sort((a, b) => Math.abs(a - near) - Math.abs(b - near))[0];
        if (next === undefined) break;
        tried.add(next);
        // A page that cannot be drawn keeps its numbered placeholder ('').
        const url = await drawThumbnail(doc, next).catch(() => '');
        if (!live) {
          if (url) URL.revokeObjectURL(url);
          break;
        }
        if (url) urls.push(url);
        setImages((prev) => new Map(prev).set(next, url));
      }
      running = false;
    };
    wakeRef.current = () => void run();
    void run();
    return () => {
      live = false;
      wakeRef.current = () => {};
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [doc]);

  // Keep the current page's thumbnail in the sidebar's view (without scrolling the window).
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>(`[data-thumb="${current}"]`);
    if (!list || !item) return;
    const box = item.getBoundingClientRect();
    const view = list.getBoundingClientRect();
    if (box.top < view.top || box.bottom > view.bottom) list.scrollTop += box.top - view.top - (view.height - box.height) / 2;
  }, [current]);

  return (
    <nav className="pdf-thumbs" aria-label={t('viewer.thumbnails')}>
      <ol ref={listRef}>
        {sizes.map((size, i) => {
          const page = i + 1;
          const s = size ?? fallback;
          const url = images.get(page);
          return (
            <li key={page} data-thumb={page}>
              <button
                type="button"
                aria-current={page === current ? 'page' : undefined}
                aria-label={t('viewer.thumbnailLabel', { page })}
                onClick={() => onSelect(page)}
              >
                <span className="pdf-thumb-frame" style={{ aspectRatio: `${s.width} / ${s.height}` }}>
                  {url && <img src={url} alt="" draggable={false} />}
                </span>
                <span className="pdf-thumb-number">{page}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
