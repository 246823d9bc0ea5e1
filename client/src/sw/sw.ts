/**
 * The service worker, built into dist/sw.js by the `ecab-service-worker` plugin in
 * vite.config.ts (which defines the two constants below). It lets a delegate whose Wi-Fi
 * dropped keep reading: the app shell is precached, a few API reads fall back to their last
 * good answer, and PDFs stored by the page (features/offline/offline-data.ts) are answered from
 * the stored copy, byte ranges included. Sockets (/socket.io, /collab) are never touched.
 */
import {
  API_CACHE,
  CLEAR_MESSAGE,
  PDF_CACHE,
  SHELL_CACHE_PREFIX,
  SHELL_INDEX,
  fileResponseFromCopy,
  isShellCache,
  isStorableApiResponse,
  isUserDataCache,
  pdfCacheUrl,
  recentlyVerified,
  routeFor,
  type Verification,
} from '../features/offline/sw-logic';

declare const __ECAB_PRECACHE__: readonly string[];
declare const __ECAB_BUILD_ID__: string;

// The DOM lib the client is typed with has no service-worker types; these are the parts used.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly navigator: { readonly onLine: boolean };
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const sw = self as unknown as ServiceWorkerScope;
const origin = sw.location.origin;
const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${__ECAB_BUILD_ID__}`;
/** A network that has not answered by then is treated as gone when a stored answer exists. */
const NETWORK_TIMEOUT_MS = 4000;

/**
 * Bumped when the user logs out: an API answer that was in flight then is not stored, so
 * nothing of the old session is written back after the caches were emptied.
 */
let generation = 0;
/** PDFs whose stored copy the server confirmed current, and when (dropped on logout). */
const verified = new Map<string, Verification>();

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      // `reload`: the HTTP cache may hold an index.html of the previous build.
      await cache.addAll([SHELL_INDEX, ...__ECAB_PRECACHE__].map((url) => new Request(url, { cache: 'reload' })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => isShellCache(n) && n !== SHELL_CACHE).map((n) => caches.delete(n)));
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type !== CLEAR_MESSAGE) return;
  generation++;
  verified.clear();
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter(isUserDataCache).map((n) => caches.delete(n)));
      event.ports[0]?.postMessage({ type: CLEAR_MESSAGE, done: true });
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const route = routeFor({ method: request.method, url: request.url, mode: request.mode }, origin);
  switch (route.kind) {
    case 'navigate':
      return event.respondWith(navigation(request));
    case 'asset':
      return event.respondWith(asset(request));
    case 'api':
      return event.respondWith(apiRead(event, request));
    case 'pdf':
      return event.respondWith(pdf(request, route.documentId));
    case 'bypass':
      return;
  }
});

/** Resolves with `promise`, or rejects after `ms` (the promise itself carries on). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** Network first, so a new deployment's page is seen at once; the precached shell otherwise. */
async function navigation(request: Request): Promise<Response> {
  try {
    const response = await within(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.status < 500) return response;
  } catch {
    // offline or too slow: the shell below
  }
  const shell = await caches.match(SHELL_INDEX, { cacheName: SHELL_CACHE });
  return shell ?? fetch(request);
}

/** Build files are named by their content: a stored one never changes. */
async function asset(request: Request): Promise<Response> {
  const stored = await caches.match(request);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, copy);
  }
  return response;
}

async function forgetApi(url: string): Promise<void> {
  if (await caches.has(API_CACHE)) await (await caches.open(API_CACHE)).delete(url);
}

/**
 * Network first; the last good answer when the network fails or is too slow. Errors are
 * passed on and never stored; a 4xx also drops the stored answer (the user lost access).
 */
async function apiRead(event: FetchEvent, request: Request): Promise<Response> {
  const started = generation;
  const network = fetch(request).then((response) => {
    if (isStorableApiResponse(response)) {
      if (started === generation) {
        const copy = response.clone();
        event.waitUntil(caches.open(API_CACHE).then((cache) => (started === generation ? cache.put(request.url, copy) : undefined)));
      }
    } else if (response.status >= 400 && response.status < 500) {
      event.waitUntil(forgetApi(request.url));
    }
    return response;
  });
  event.waitUntil(network.then(() => undefined, () => undefined));
  try {
    return await within(network, NETWORK_TIMEOUT_MS);
  } catch {
    const stored = await caches.match(request.url, { cacheName: API_CACHE });
    // Nothing stored: keep waiting for a slow network; a failed one rejects as without a worker.
    return stored ?? network;
  }
}

/**
 * Whether the stored copy is the document's current version. Offline it is all there is. Online,
 * a HEAD with `If-None-Match` asks the server (at most once a minute per document): 304 means
 * current; another answer means a newer version (or no access any more), and the copy goes. A
 * network that fails or hangs counts as offline.
 */
async function copyIsCurrent(documentId: string, etag: string | null): Promise<boolean> {
  if (!sw.navigator.onLine) return true;
  if (etag === null) return false;
  const now = Date.now();
  if (recentlyVerified(verified.get(documentId), etag, now)) return true;
  const started = generation;
  let response: Response;
  try {
    response = await within(
      fetch(pdfCacheUrl(origin, documentId), { method: 'HEAD', headers: { 'if-none-match': etag }, credentials: 'same-origin', cache: 'no-store' }),
      NETWORK_TIMEOUT_MS,
    );
  } catch {
    return true;
  }
  if (response.status === 304 || (response.ok && response.headers.get('etag') === etag)) {
    if (started === generation) verified.set(documentId, { etag, at: now });
    return true;
  }
  if (response.status >= 500) return true;
  verified.delete(documentId);
  // The page stores the new version on its next pass; until then the viewer reads from the network.
  if (started === generation && (await caches.has(PDF_CACHE))) await (await caches.open(PDF_CACHE)).delete(pdfCacheUrl(origin, documentId));
  return false;
}

async function pdf(request: Request, documentId: string): Promise<Response> {
  const stored = await caches.match(pdfCacheUrl(origin, documentId), { cacheName: PDF_CACHE, ignoreVary: true });
  if (!stored || !(await copyIsCurrent(documentId, stored.headers.get('etag')))) return fetch(request);
  const body = await stored.blob();
  return fileResponseFromCopy(body, stored.headers, { range: request.headers.get('range'), ifRange: request.headers.get('if-range') });
}
