import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../i18n';
import { ApiRequestError } from '../../api/client';
import { formatBytes, progressPercent, uploadFile, UploadCancelled, uploadUrls, type UploadPhase } from './upload';

describe('progressPercent', () => {
  it('rounds down and caps at 100', () => {
    expect(progressPercent(0, 100)).toBe(0);
    expect(progressPercent(999, 1000)).toBe(99);
    expect(progressPercent(1000, 1000)).toBe(100);
    expect(progressPercent(1500, 1000)).toBe(100);
    expect(progressPercent(10, 0)).toBe(0);
  });
});

describe('formatBytes', () => {
  it('uses the language’s decimal mark', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(50 * 1024 * 1024, 'vi')).toBe('50 MB');
  });
});

describe('uploadUrls', () => {
  it('encodes the file name and leaves out an empty title', () => {
    expect(uploadUrls.newDocument('m1', 'i1', 'Tờ trình số 1.docx')).toBe(
      '/api/meetings/m1/agenda/i1/documents?filename=T%E1%BB%9D+tr%C3%ACnh+s%E1%BB%91+1.docx',
    );
    expect(uploadUrls.newDocument('m1', 'i1', 'a.pdf', 'Báo cáo')).toContain('&title=B%C3%A1o+c%C3%A1o');
    expect(uploadUrls.newVersion('d1', 'b.pdf')).toBe('/api/documents/d1/versions?filename=b.pdf');
  });
});

/** Just enough of XMLHttpRequest to drive uploadFile from a test. */
class FakeXhr {
  static last: FakeXhr;
  headers: Record<string, string> = {};
  method = '';
  url = '';
  body: unknown;
  status = 0;
  responseText = '';
  responseType = '';
  withCredentials = false;
  upload: { onprogress?: (e: { loaded: number; total: number; lengthComputable: boolean }) => void; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;
  onabort?: () => void;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

describe('uploadFile', () => {
  beforeEach(() => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    setLocale('en');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale('vi');
  });

  it('sends the raw file with the language, reports progress, then processing', async () => {
    const file = new Blob(['%PDF-1.7 …']);
    const states: UploadPhase[] = [];
    const promise = uploadFile({ url: '/api/x', file, onProgress: (s) => states.push(s) });
    const xhr = FakeXhr.last;
    expect(xhr.method).toBe('POST');
    expect(xhr.body).toBe(file);
    expect(xhr.headers).toMatchObject({ 'Content-Type': 'application/octet-stream', 'Accept-Language': 'en' });
    xhr.upload.onprogress?.({ loaded: 5, total: 10, lengthComputable: true });
    xhr.upload.onprogress?.({ loaded: 10, total: 10, lengthComputable: true });
    xhr.upload.onload?.();
    xhr.respond(201, { id: 'd1', title: 'Báo cáo' });
    await expect(promise).resolves.toMatchObject({ id: 'd1' });
    expect(states).toEqual([{ phase: 'sending', percent: 0 }, { phase: 'sending', percent: 50 }, { phase: 'processing' }]);
  });

  it('rejects with the server’s code and message', async () => {
    const promise = uploadFile({ url: '/api/x', file: new Blob(['x']), onProgress: () => {} });
    FakeXhr.last.respond(415, { code: 'FILE_TYPE_NOT_ALLOWED', message: 'Only PDF, Word, Excel or PowerPoint files are accepted.' });
    const err = (await promise.catch((e: unknown) => e)) as ApiRequestError;
    expect(err).toBeInstanceOf(ApiRequestError);
    expect(err.status).toBe(415);
    expect(err.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(err.message).toMatch(/Only PDF/);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const promise = uploadFile({ url: '/api/x', file: new Blob(['x']), onProgress: () => {}, signal: controller.signal });
    controller.abort();
    await expect(promise).rejects.toBeInstanceOf(UploadCancelled);
  });
});
