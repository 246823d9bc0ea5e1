import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GridFSBucket, ObjectId } from 'mongodb';
import { AppError } from '../http/app-error.ts';

export interface ServedFile {
  fileId: ObjectId;
  size: number;
  sha256: string;
  contentType: string;
  filename: string;
  download: boolean;
}

/** Parses a single `bytes=` range against a size; null means "whole file", throws when unsatisfiable. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Multiple ranges or other units: serve the whole file, which is allowed (RFC 9110 §14.2).
  if (!m) return null;
  const [, a = '', b = ''] = m;
  let start: number;
  let end: number;
  if (a === '' && b === '') return null;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) throw new AppError('RANGE_NOT_SATISFIABLE', undefined, { 'content-range': `bytes */${size}` });
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) throw new AppError('RANGE_NOT_SATISFIABLE', undefined, { 'content-range': `bytes */${size}` });
  return { start, end };
}

/** RFC 5987 `ext-value` characters: encodeURIComponent leaves `'()*` alone, which it must not. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII fallback `filename` for old clients plus the exact UTF-8 `filename*`. */
export function contentDisposition(filename: string, download: boolean): string {
  const nfc = filename.normalize('NFC');
  // đ/Đ have no decomposition: spelled d/D so "Đề án" falls back to "De an", not "e an".
  const ascii = nfc.replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'document';
  return `${download ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(nfc)}`;
}

/**
 * Sends a stored file the way pdf.js needs it: byte ranges with a real 206, Accept-Ranges,
 * Content-Length, a strong ETag, and no compression (a compressed response hides its length
 * and pdf.js then downloads everything).
 */
export function serveFile(request: FastifyRequest, reply: FastifyReply, bucket: GridFSBucket, file: ServedFile) {
  const etag = `"${file.sha256}"`;
  void reply.headers({
    'accept-ranges': 'bytes',
    etag,
    'content-type': file.contentType,
    'content-disposition': contentDisposition(file.filename, file.download),
    'cache-control': 'private, no-transform, max-age=0, must-revalidate',
    'content-encoding': 'identity',
  });
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  const ifRange = request.headers['if-range'];
  const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.range, file.size);
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  void reply.header('content-length', String(end - start + 1));
  if (range) void reply.status(206).header('content-range', `bytes ${start}-${end}/${file.size}`);
  if (request.method === 'HEAD') return reply.send();
  return reply.send(bucket.openDownloadStream(file.fileId, { start, end: end + 1 }));
}
