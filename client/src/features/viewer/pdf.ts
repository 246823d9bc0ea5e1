import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import { documentFileUrl } from '../documents/documents-api';
import { startPdfWorker } from './pdf-worker';

export type { PageViewport, PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';

export interface OpenedPdf {
  promise: Promise<PDFDocumentProxy>;
  /** Stops loading or closes the document; the shared worker stays. */
  close: () => void;
}

// pdf.js refuses a new document on the shared worker port while the previous one is still being
// destroyed ("the worker is being destroyed"): every open waits for the teardowns before it.
let teardown: Promise<void> = Promise.resolve();

/**
 * Opens a stored document's PDF with range requests: `disableStream` and `disableAutoFetch`
 * make pdf.js fetch only the 64 KB chunks it needs for the pages shown, so thirty tablets
 * opening a 50 MB scan do not each pull the whole file. Scripts in the PDF never run.
 */
export function openPdf(documentId: string): OpenedPdf {
  let task: PDFDocumentLoadingTask | null = null;
  let closed = false;
  const promise = teardown.then(() => {
    if (closed) throw new Error('closed before opening');
    const port = startPdfWorker();
    if (port && GlobalWorkerOptions.workerPort !== port) GlobalWorkerOptions.workerPort = port;
    task = getDocument({
      url: documentFileUrl(documentId),
      withCredentials: true,
      disableStream: true,
      disableAutoFetch: true,
      rangeChunkSize: 65536,
      isEvalSupported: false,
    });
    return task.promise;
  });
  const close = () => {
    if (closed) return;
    closed = true;
    const opened = task;
    if (opened) teardown = teardown.then(() => opened.destroy()).catch(() => {});
  };
  return { promise, close };
}

/** Why a document did not open, as the viewer explains it. */
export function openErrorKind(err: unknown): 'password' | 'invalid' | 'other' {
  const name = (err as Error | null)?.name;
  // `PasswordException` is not exported by pdf.js: only its name tells it apart.
  if (name === 'PasswordException') return 'password';
  if (name === 'InvalidPDFException') return 'invalid';
  return 'other';
}
