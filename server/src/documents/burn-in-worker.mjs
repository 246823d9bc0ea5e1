// Makes annotated copies in a worker thread: pdf-lib parses, draws and saves synchronously in
// long stretches (a 300-page scan blocks for over a second), which must not stall votes and
// collab on the main thread. Plain JavaScript because it has to load before any TypeScript
// loader; tsx's API then lets it import the annotations package, which ships TypeScript source
// (the parent may or may not run under tsx: under vitest it does not).
//
// Message in: { id, pdf: Uint8Array, layers: Shape[][], fontPath, watermark: string | null }.
// Message out: { id, bytes: Uint8Array } or { id, error: string }.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { burnIn } = await import('@e-cabinet/annotations/burn-in');

/** @type {Map<string, Promise<Uint8Array>>} */
const fonts = new Map();

parentPort?.on('message', async (job) => {
  try {
    if (!fonts.has(job.fontPath)) fonts.set(job.fontPath, readFile(job.fontPath).then((b) => new Uint8Array(b)));
    const font = await fonts.get(job.fontPath);
    const bytes = await burnIn(job.pdf, job.layers, { font, ...(job.watermark ? { watermark: { text: job.watermark } } : {}) });
    parentPort?.postMessage({ id: job.id, bytes }, [bytes.buffer]);
  } catch (err) {
    fonts.delete(job.fontPath); // a font that failed to load is read again next time
    parentPort?.postMessage({ id: job.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
