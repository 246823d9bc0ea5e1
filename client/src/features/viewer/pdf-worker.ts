let worker: Worker | null = null;

/**
 * The one pdf.js worker of the app, started at load (main.tsx) so that opening the first
 * document does not wait for ~1 MB of worker script, and reused by every document after.
 * pdf.js itself is loaded only with the viewer; it is handed this worker as its `workerPort`.
 */
export function startPdfWorker(): Worker | null {
  if (worker || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url), { type: 'module' });
  } catch {
    // Without a worker pdf.js falls back to a slower "fake worker" on the main thread.
    worker = null;
  }
  return worker;
}
