import { useEffect, useState } from 'react';
import { openErrorKind, openPdf, type PDFDocumentProxy } from './pdf';
import type { PageSize } from './page-layout';

/** A4 portrait, for an empty document (and until page 1's size is known). */
export const A4: PageSize = { width: 595, height: 842 };

export type OpenFailure = ReturnType<typeof openErrorKind>;

export interface PdfDocumentState {
  doc: PDFDocumentProxy | null;
  /** Page 1's size: the layout's guess for every page not fetched yet. */
  first: PageSize;
  failure: OpenFailure | null;
  /** Changes with every attempt: what belongs to one opening (thumbnails) is keyed on it. */
  key: string;
  retry: () => void;
}

/** Opens the document (and its page 1, to lay the rest out), again on `retry`; closes it on unmount. */
export function usePdfDocument(documentId: string): PdfDocumentState {
  const [attempt, setAttempt] = useState(0);
  const key = `${documentId}:${attempt}`;
  const [opened, setOpened] = useState<{ key: string; doc: PDFDocumentProxy; first: PageSize } | null>(null);
  const [failed, setFailed] = useState<{ key: string; kind: OpenFailure } | null>(null);

  useEffect(() => {
    const opening = openPdf(documentId);
    let live = true;
    opening.promise
      .then(async (doc) => {
        const first = doc.numPages > 0 ? (await doc.getPage(1)).getViewport({ scale: 1 }) : A4;
        if (live) setOpened({ key, doc, first: { width: first.width, height: first.height } });
      })
      .catch((err: unknown) => live && setFailed({ key, kind: openErrorKind(err) }));
    return () => {
      live = false;
      opening.close();
    };
  }, [documentId, key]);

  return {
    doc: opened?.key === key ? opened.doc : null,
    first: opened?.first ?? A4,
    failure: failed?.key === key ? failed.kind : null,
    key,
    retry: () => setAttempt((n) => n + 1),
  };
}
