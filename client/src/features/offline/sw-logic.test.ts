import { describe, expect, it } from 'vitest';
import {
  API_CACHE,
  FROM_CACHE_HEADER,
  PDF_CACHE,
  documentIdOfPdfKey,
  etagForSha256,
  fileResponseFromCopy,
  isCopyOfVersion,
  isShellCache,
  isStorableApiResponse,
  isUserDataCache,
  parseRange,
  pdfCacheUrl,
  recentlyVerified,
  routeFor,
  VERIFY_TTL_MS,
} from './sw-logic';

const ORIGIN = 'https://ecab.example.gov.vn';
const ID = '65a1b2c3d4e5f60718293a4b';
const get = (path: string, mode = 'cors') => routeFor({ method: 'GET', url: `${ORIGIN}${path}`, mode }, ORIGIN);
const kind = (path: string, mode = 'cors') => get(path, mode).kind;

describe('routeFor', () => {
  it('serves app pages from the shell and leaves files and server paths to the network', () => {
    for (const path of ['/', '/meetings', `/meetings/${ID}`, `/documents/${ID}`, '/login']) expect(kind(path, 'navigate'), path).toBe('navigate');
    for (const path of ['/sw.js', '/index.html', `/api/documents/${ID}/file?download=1`, '/docs', '/docs/json', '/healthz', `/api/meetings/${ID}`]) {
      expect(kind(path, 'navigate'), path).toBe('bypass');
    }
  });

  it('takes build files from the cache', () => {
    expect(kind('/assets/index-Bx3k9.js')).toBe('asset');
    expect(kind('/assets/pdf.worker.min-9a8b.mjs')).toBe('asset');
  });

  it('keeps answers only of the allow-listed API reads', () => {
    for (const path of ['/api/auth/me', '/api/directory', '/api/meetings', '/api/meetings?scope=upcoming', '/api/meetings?scope=past', `/api/meetings/${ID}`, `/api/meetings/${ID}/agenda`, `/api/meetings/${ID}/documents`, `/api/documents/${ID}`]) {
      expect(kind(path), path).toBe('api');
    }
    for (const path of [
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/password',
      '/api/users',
      '/api/audit',
      '/api/notifications',
      '/api/meetings?scope=upcoming&x=1',
      '/api/meetings?scope=evil',
      `/api/meetings/${ID}/rsvps`,
      `/api/meetings/${ID}/reads`,
      `/api/meetings/${ID}?x=1`,
      `/api/documents/${ID}/versions`,
      `/api/documents/${ID.toUpperCase()}`,
      '/api/documents/not-an-id',
    ]) {
      expect(kind(path), path).toBe('bypass');
    }
  });

  it('never handles writes, sockets or other origins', () => {
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE', 'HEAD']) {
      expect(routeFor({ method, url: `${ORIGIN}/api/auth/me`, mode: 'cors' }, ORIGIN).kind, method).toBe('bypass');
      expect(routeFor({ method, url: `${ORIGIN}/api/documents/${ID}/file`, mode: 'cors' }, ORIGIN).kind, method).toBe('bypass');
    }
    expect(kind('/socket.io/?EIO=4&transport=polling')).toBe('bypass');
    expect(kind(`/collab/ann:${ID}:${ID}:shared?v=1`)).toBe('bypass');
    expect(routeFor({ method: 'GET', url: `https://evil.example/api/auth/me`, mode: 'cors' }, ORIGIN).kind).toBe('bypass');
    expect(routeFor({ method: 'GET', url: `https://evil.example/`, mode: 'navigate' }, ORIGIN).kind).toBe('bypass');
  });

  it('answers the viewer’s PDF requests, but not downloads, originals or pinned versions', () => {
    expect(get(`/api/documents/${ID}/file`)).toEqual({ kind: 'pdf', documentId: ID });
    for (const query of ['?download=1', '?download=true', '?variant=original', '?version=2']) {
      expect(kind(`/api/documents/${ID}/file${query}`), query).toBe('bypass');
    }
  });
});

describe('cache names and keys', () => {
  it('tells the user’s caches from the app shell', () => {
    expect(isUserDataCache(API_CACHE)).toBe(true);
    expect(isUserDataCache(PDF_CACHE)).toBe(true);
    expect(isUserDataCache('ecab-shell-0123abcd')).toBe(false);
    expect(isShellCache('ecab-shell-0123abcd')).toBe(true);
    expect(isShellCache(PDF_CACHE)).toBe(false);
  });

  it('keys a PDF by document only, the URL the viewer asks for', () => {
    const key = pdfCacheUrl(ORIGIN, ID);
    expect(key).toBe(`${ORIGIN}/api/documents/${ID}/file`);
    expect(get(new URL(key).pathname)).toEqual({ kind: 'pdf', documentId: ID });
    expect(documentIdOfPdfKey(key)).toBe(ID);
    expect(documentIdOfPdfKey(`${key}?version=1`)).toBeNull();
    expect(documentIdOfPdfKey(`${ORIGIN}/api/documents/${ID}`)).toBeNull();
    expect(documentIdOfPdfKey('not a url')).toBeNull();
  });

  it('recognises the stored version by the server’s ETag', () => {
    const sha = 'ab'.repeat(32);
    expect(etagForSha256(sha)).toBe(`"${sha}"`);
    expect(isCopyOfVersion(`"${sha}"`, sha)).toBe(true);
    expect(isCopyOfVersion(`"${'cd'.repeat(32)}"`, sha)).toBe(false);
    expect(isCopyOfVersion(sha, sha)).toBe(false);
    expect(isCopyOfVersion(null, sha)).toBe(false);
  });

  it('trusts a confirmation for a minute and for the same copy only', () => {
    const v = { etag: '"a"', at: 1_000_000 };
    expect(recentlyVerified(v, '"a"', 1_000_000)).toBe(true);
    expect(recentlyVerified(v, '"a"', 1_000_000 + VERIFY_TTL_MS - 1)).toBe(true);
    expect(recentlyVerified(v, '"a"', 1_000_000 + VERIFY_TTL_MS)).toBe(false);
    expect(recentlyVerified(v, '"b"', 1_000_001)).toBe(false);
    expect(recentlyVerified(v, null, 1_000_001)).toBe(false);
    expect(recentlyVerified(undefined, '"a"', 1_000_001)).toBe(false);
    // A clock set back does not make an old confirmation valid for longer.
    expect(recentlyVerified(v, '"a"', 999_000)).toBe(false);
  });
});

describe('parseRange', () => {
  it('reads single byte ranges as the server does', () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange(' bytes=10-', 100)).toEqual({ start: 10, end: 99 });
    expect(parseRange('bytes=-30', 100)).toEqual({ start: 70, end: 99 });
    expect(parseRange('bytes=-300', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=99-99', 100)).toEqual({ start: 99, end: 99 });
  });

  it('sends the whole file for what it does not support', () => {
    expect(parseRange('bytes=0-9,20-29', 100)).toBeNull();
    expect(parseRange('items=0-9', 100)).toBeNull();
    expect(parseRange('bytes=-', 100)).toBeNull();
  });

  it('refuses ranges outside the file', () => {
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=50-40', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
  });
});

describe('fileResponseFromCopy', () => {
  const bytes = Uint8Array.from({ length: 200 }, (_, i) => i);
  const blob = new Blob([bytes], { type: 'application/pdf' });
  const stored = new Headers({
    'content-type': 'application/pdf',
    'content-length': '200',
    etag: '"v2"',
    'content-disposition': 'inline; filename="bao-cao.pdf"',
    'x-ecab-meeting-id': ID,
    'set-cookie': 'x=1',
  });
  const body = async (r: Response) => [...new Uint8Array(await r.arrayBuffer())];

  it('answers a plain request with the whole copy and range support', async () => {
    const res = fileResponseFromCopy(blob, stored, { range: null, ifRange: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('200');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('etag')).toBe('"v2"');
    expect(res.headers.get('content-range')).toBeNull();
    expect(res.headers.get(FROM_CACHE_HEADER)).toBe('1');
    // Only what a file answer needs: no bookkeeping headers of the cache.
    expect(res.headers.get('x-ecab-meeting-id')).toBeNull();
    expect(await body(res)).toEqual([...bytes]);
  });

  it('answers a range with 206 and exactly those bytes', async () => {
    const res = fileResponseFromCopy(blob, stored, { range: 'bytes=64-127', ifRange: null });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 64-127/200');
    expect(res.headers.get('content-length')).toBe('64');
    expect(await body(res)).toEqual([...bytes.slice(64, 128)]);
  });

  it('answers open-ended and suffix ranges up to the last byte', async () => {
    const tail = fileResponseFromCopy(blob, stored, { range: 'bytes=190-', ifRange: null });
    expect(tail.headers.get('content-range')).toBe('bytes 190-199/200');
    expect(await body(tail)).toEqual([...bytes.slice(190)]);
    const suffix = fileResponseFromCopy(blob, stored, { range: 'bytes=-5', ifRange: null });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-length')).toBe('5');
    expect(await body(suffix)).toEqual([195, 196, 197, 198, 199]);
  });

  it('answers 416 with the size for a range past the end', () => {
    const res = fileResponseFromCopy(blob, stored, { range: 'bytes=200-300', ifRange: null });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */200');
  });

  it('sends the whole file when If-Range names another version', async () => {
    const other = fileResponseFromCopy(blob, stored, { range: 'bytes=0-9', ifRange: '"v1"' });
    expect(other.status).toBe(200);
    expect((await body(other)).length).toBe(200);
    const same = fileResponseFromCopy(blob, stored, { range: 'bytes=0-9', ifRange: '"v2"' });
    expect(same.status).toBe(206);
  });
});

describe('isStorableApiResponse', () => {
  const res = (status: number, type = 'basic', contentType = 'application/json; charset=utf-8') => ({ status, type, headers: new Headers({ 'content-type': contentType }) });

  it('keeps only complete JSON successes', () => {
    expect(isStorableApiResponse(res(200))).toBe(true);
    expect(isStorableApiResponse(res(200, 'default'))).toBe(true);
    for (const status of [204, 206, 304, 401, 403, 404, 500, 503]) expect(isStorableApiResponse(res(status)), String(status)).toBe(false);
    expect(isStorableApiResponse(res(200, 'opaque'))).toBe(false);
    expect(isStorableApiResponse(res(200, 'basic', 'text/html'))).toBe(false);
  });
});
