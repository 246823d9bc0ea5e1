import type { Locale, MeetingDocument } from '@e-cabinet/protocol';
import { ErrorCode } from '@e-cabinet/protocol';
import { ApiRequestError, buildUrl, parseErrorBody, reportUnauthorized } from '../../api/client';
import { getLocale, translate } from '../../i18n';

/** What the server converts or accepts; the picker offers only these. */
export const ACCEPTED_EXTENSIONS = ['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.ods', '.odp'] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

export const uploadUrls = {
  newDocument: (meetingId: string, itemId: string, filename: string, title?: string) =>
    buildUrl(`/api/meetings/${encodeURIComponent(meetingId)}/agenda/${encodeURIComponent(itemId)}/documents`, { filename, title }),
  newVersion: (documentId: string, filename: string) => buildUrl(`/api/documents/${encodeURIComponent(documentId)}/versions`, { filename }),
};

/** Whole percent sent, 0–100; 0 while the size is unknown. */
export function progressPercent(loaded: number, total: number): number {
  if (!(total > 0) || !(loaded > 0)) return 0;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** A file size for people: `850 KB`, `1,5 MB` (Vietnamese decimal comma) / `1.5 MB`. */
export function formatBytes(bytes: number, locale: Locale): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit]}`;
}

export type UploadPhase = { phase: 'sending'; percent: number } | { phase: 'processing' };

export interface UploadOptions {
  url: string;
  file: Blob;
  /** Bytes going up, then "processing" once they are all sent (the server converts and checks). */
  onProgress: (state: UploadPhase) => void;
  signal?: AbortSignal;
}

/** The error thrown when the user cancelled. */
export class UploadCancelled extends Error {
  override readonly name = 'UploadCancelled';
}

/**
 * Sends a file as the raw request body with XMLHttpRequest (fetch cannot report upload
 * progress), with the session cookie and the UI language. Resolves with the stored document;
 * rejects with ApiRequestError carrying the server's code and message, or UploadCancelled.
 */
export function uploadFile({ url, file, onProgress, signal }: UploadOptions): Promise<MeetingDocument> {
  const locale = getLocale();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new UploadCancelled());
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', locale);

    let processing = false;
    const toProcessing = () => {
      if (processing) return;
      processing = true;
      onProgress({ phase: 'processing' });
    };
    xhr.upload.onprogress = (e) => {
      const percent = progressPercent(e.loaded, e.lengthComputable ? e.total : file.size);
      if (percent >= 100) toProcessing();
      else onProgress({ phase: 'sending', percent });
    };
    xhr.upload.onload = toProcessing;

    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    xhr.onabort = () => {
      done();
      reject(new UploadCancelled());
    };
    xhr.onerror = () => {
      done();
      reject(new ApiRequestError(0, { code: ErrorCode.UNAVAILABLE, message: translate(locale, 'error.network') }));
    };
    xhr.onload = () => {
      done();
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as MeetingDocument);
      if (xhr.status === 401) reportUnauthorized();
      reject(new ApiRequestError(xhr.status, parseErrorBody(xhr.status, body, locale)));
    };
    onProgress({ phase: 'sending', percent: 0 });
    xhr.send(file);
  });
}
