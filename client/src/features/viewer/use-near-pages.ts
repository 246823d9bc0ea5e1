import { useEffect, useState, type RefObject } from 'react';

/**
 * The pages (`.pdf-page[data-page-number]` inside the scroller) within half a screen of the
 * view, kept by an IntersectionObserver: the browser reports pages entering and leaving, so
 * nothing runs per scroll event and a 300-page document costs nothing while it scrolls.
 * `generation` re-observes when the set of page elements changes.
 */
export function useNearPages(scrollerRef: RefObject<HTMLElement | null>, enabled: boolean, generation: unknown): ReadonlySet<number> {
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set());
  useEffect(() => {
    const root = scrollerRef.current;
    if (!root || !enabled) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setNear((prev) => {
          const next = new Set(prev);
          for (const e of entries) {
            const n = Number((e.target as HTMLElement).dataset.pageNumber);
            if (e.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        }),
      // The next page is usually drawn before it scrolls in.
      { root, rootMargin: '50% 0px' },
    );
    root.querySelectorAll('.pdf-page').forEach((p) => observer.observe(p));
    return () => observer.disconnect();
  }, [scrollerRef, enabled, generation]);
  return near;
}
