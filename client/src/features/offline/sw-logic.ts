/**
 * The pure decisions of the service worker (client/src/sw/sw.ts), kept here so they can be
 * tested without one: which requests it handles and how, cache names and keys, and answering a
 * byte-range request from a stored copy of a PDF. The page imports the names from here too.
 */

/** The app shell of one build (index.html and /assets/*); replaced when a new build installs. */
export const SHELL_CACHE_PREFIX = 'ecab-shell-';
/** Everything that belongs to the signed-in user shares this prefix, so logout finds it all. */
export const DATA_CACHE_PREFIX = 'ecab-data-';
/** JSON answers of the allow-listed API endpoints, keyed by their full URL. */
export const API_CACHE = `${DATA_CACHE_PREFIX}api-v1`;
/** One full copy of the current version of each PDF, keyed by {@link pdfCacheUrl}. */
export const PDF_CACHE = `${DATA_CACHE_PREFIX}pdf-v1`;
/** The cached index.html, answered to navigations when the network is not there. */
export const SHELL_INDEX = '/index.html';

/** The page asks the worker to forget the user's data (logout); answered on the given port. */
export const CLEAR_MESSAGE = 'ecab:clear-user-data';

/** Stored with a PDF copy: which meeting it is for and when that meeting ends, for pruning. */
export const META_MEETING_ID = 'x-ecab-meeting-id';
export const META_MEETING_ENDS = 'x-ecab-meeting-ends';
/** Marks a response the worker built from its stored copy (for diagnosis and tests). */
export const FROM_CACHE_HEADER = 'x-ecab-offline-copy';

export function isUserDataCache(name: string): boolean {
  return name.startsWith(DATA_CACHE_PREFIX);
}

export function isShellCache(name: string): boolean {
  return name.startsWith(SHELL_CACHE_PREFIX);
}

export type Route =
  /** A page of the app: network first, the cached index.html when offline. */
  | { kind: 'navigate' }
  /** A hashed build file: cache first. */
  | { kind: 'asset' }
  /** An allow-listed API read: network first, the last good answer when offline. */
  | { kind: 'api' }
  /** The viewer's PDF bytes: from the stored full copy when there is a current one. */
  | { kind: 'pdf'; documentId: string }
  /** Everything else goes to the network untouched. */
  | { kind: 'bypass' };

const ID = '[0-9a-f]{24}';

/**
 * The API reads the meeting and viewer pages need offline. Nothing else is ever stored: no
 * login, no audit, no administration, nothing with a body.
 */
const API_ALLOW_LIST: readonly { path: RegExp; query?: RegExp }[] = [
  { path: /^\/api\/auth\/me$/ },
  { path: /^\/api\/directory$/ },
  { path: /^\/api\/meetings$/, query: /^\?scope=(upcoming|past|all)$/ },
  { path: new RegExp(`^/api/meetings/${ID}$`) },
  { path: new RegExp(`^/api/meetings/${ID}/(agenda|documents)$`) },
  { path: new RegExp(`^/api/documents/${ID}$`) },
];

const PDF_PATH = new RegExp(`^/api/documents/(${ID})/file$`);

/** Paths that are never the SPA, whatever the request mode. */
const SERVER_PREFIXES = ['/api/', '/socket.io', '/collab', '/docs', '/healthz', '/readyz'];

export interface RequestInfo {
  method: string;
  url: string;
  /** `Request.mode`: `navigate` for a page load. */
  mode: string;
}

/** How the worker answers a request; `origin` is the worker's own. */
export function routeFor(request: RequestInfo, origin: string): Route {
  if (request.method !== 'GET') return { kind: 'bypass' };
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { kind: 'bypass' };
  }
  if (url.origin !== origin) return { kind: 'bypass' };
  const { pathname, search } = url;
  if (SERVER_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`))) {
    // A document download, the API docs or a socket are never cached; only the reads below.
    if (request.mode === 'navigate') return { kind: 'bypass' };
    // `?version=` (the precache's own download), `?download=1` and `?variant=` go to the network.
    const pdf = PDF_PATH.exec(pathname);
    if (pdf) return search === '' ? { kind: 'pdf', documentId: pdf[1]! } : { kind: 'bypass' };
    const allowed = API_ALLOW_LIST.some((e) => e.path.test(pathname) && (search === '' || (e.query?.test(search) ?? false)));
    return allowed ? { kind: 'api' } : { kind: 'bypass' };
  }
  if (request.mode === 'navigate') {
    // /sw.js, /index.html and other files are served as they are; every other path is the SPA.
    return /\.[a-z0-9]+$/i.test(pathname) ? { kind: 'bypass' } : { kind: 'navigate' };
  }
  if (pathname.startsWith('/assets/')) return { kind: 'asset' };
  return { kind: 'bypass' };
}

/** The one cache key of a document's stored PDF, whatever version it holds. */
export function pdfCacheUrl(origin: string, documentId: string): string {
  return `${origin}/api/documents/${documentId}/file`;
}

/** The document id of a stored PDF's key, or null for any other URL. */
export function documentIdOfPdfKey(url: string): string | null {
  try {
    const { pathname, search } = new URL(url);
    return search === '' ? (PDF_PATH.exec(pathname)?.[1] ?? null) : null;
  } catch {
    return null;
  }
}

/** The server's strong ETag of a file is its SHA-256 in quotes (server/src/documents/serve-file.ts). */
export function etagForSha256(sha256: string): string {
  return `"${sha256}"`;
}

/** Whether a stored copy (by its ETag) is the version whose PDF hash is `sha256`. */
export function isCopyOfVersion(storedEtag: string | null, sha256: string): boolean {
  return storedEtag !== null && storedEtag === etagForSha256(sha256);
}

/** A stored copy confirmed current by the server this recently is served without asking again. */
export const VERIFY_TTL_MS = 60_000;

export interface Verification {
  etag: string;
  at: number;
}

export function recentlyVerified(v: Verification | undefined, etag: string | null, now: number): boolean {
  return v !== undefined && etag !== null && v.etag === etag && now - v.at >= 0 && now - v.at < VERIFY_TTL_MS;
}

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * A `Range` header against a size, the way the server reads it: one `bytes=` range (open-ended
 * and suffix ranges allowed, the end clamped to the size); null means "send the whole file"
 * (no header, several ranges, another unit); `unsatisfiable` means answer 416.
 */
export function parseRange(header: string | null, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return null;
  let start: number;
  let end: number;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

const COPIED_HEADERS = ['content-type', 'etag', 'content-disposition', 'last-modified'];

/**
 * Answers a request for a PDF from its stored full copy: 200 with everything, or 206 with the
 * requested slice and the right `Content-Range`/`Content-Length` (pdf.js reads only the chunks it
 * needs), or 416. `If-Range` with another validator means the whole file, as on the server.
 */
export function fileResponseFromCopy(body: Blob, stored: Headers, request: { range: string | null; ifRange: string | null }): Response {
  const size = body.size;
  const headers = new Headers();
  for (const name of COPIED_HEADERS) {
    const value = stored.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set('accept-ranges', 'bytes');
  headers.set('cache-control', 'no-store');
  headers.set(FROM_CACHE_HEADER, '1');
  const etag = stored.get('etag');
  const range = request.ifRange !== null && request.ifRange !== etag ? null : parseRange(request.range, size);
  if (range === 'unsatisfiable') {
    headers.set('content-range', `bytes */${size}`);
    headers.delete('content-type');
    return new Response(null, { status: 416, headers });
  }
  if (range === null) {
    headers.set('content-length', String(size));
    return new Response(body, { status: 200, headers });
  }
  headers.set('content-length', String(range.end - range.start + 1));
  headers.set('content-range', `bytes ${range.start}-${range.end}/${size}`);
  return new Response(body.slice(range.start, range.end + 1), { status: 206, headers });
}

/** Only complete, successful JSON answers are worth keeping for offline use. */
export function isStorableApiResponse(response: { status: number; type: string; headers: Headers }): boolean {
  if (response.status !== 200 || (response.type !== 'basic' && response.type !== 'default')) return false;
  return (response.headers.get('content-type') ?? '').includes('application/json');
}
