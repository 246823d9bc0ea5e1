import type { MeetingDocument, MeetingSummary } from '@e-cabinet/protocol';
import { reportUnauthorized } from '../../api/client';
import {
  API_CACHE,
  CLEAR_MESSAGE,
  META_MEETING_ENDS,
  META_MEETING_ID,
  PDF_CACHE,
  documentIdOfPdfKey,
  etagForSha256,
  isUserDataCache,
  pdfCacheUrl,
} from './sw-logic';
import {
  isCollabStorageKey,
  isLocalCollabDatabase,
  planDownloads,
  selectMeetingsToStore,
  shouldPrune,
  wantedPdf,
  type StoredPdf,
  type WantedPdf,
} from './upcoming';

/**
 * The page's half of offline reading: after login and on every start while online it stores a
 * full copy of each PDF the user may read in their upcoming meetings (the service worker then
 * answers the viewer from it), and on logout it wipes everything the user left on the device.
 *
 * Confidential documents are stored too: the user may read them, offline reading is the point,
 * and no download path is offered anyway (the copy is only reachable by the viewer, through
 * the worker, inside this browser profile, and goes with the logout).
 */

export interface OfflineSyncState {
  /** `stored`: started offline, so only the count of stored copies is known. */
  phase: 'idle' | 'stored' | 'syncing' | 'done' | 'error';
  /** Documents of the upcoming meetings the user may read. */
  total: number;
  /** Of those, stored in their current version. */
  saved: number;
  /** Not stored for lack of space (the size cap or the browser's quota). */
  noSpace: number;
}

const IDLE: OfflineSyncState = { phase: 'idle', total: 0, saved: 0, noSpace: 0 };
/** Whose data is on this device, so another user's login starts from a clean slate. */
const OWNER_KEY = 'ecab.offline.owner';
/** Logout waits for the wipe at most this long: it must never hang on a stuck database. */
const CLEAR_TIMEOUT_MS = 5000;
/** Leave the browser this share of its quota for everything else. */
const QUOTA_SHARE = 0.8;

let state: OfflineSyncState = IDLE;
const listeners = new Set<() => void>();

function setState(next: OfflineSyncState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeOfflineSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getOfflineSyncState(): OfflineSyncState {
  return state;
}

/** Stored copies only help through the service worker, which runs in production builds. */
export function offlineSupported(): boolean {
  return import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof caches !== 'undefined';
}

/** The session is over (a 401, already reported): stop quietly. */
class Unauthorized extends Error {}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

interface Run {
  controller: AbortController;
  done: Promise<void>;
}

let owner: string | null = null;
let current: Run | null = null;
let again = false;

/** Starts storing for this user (the shell calls it when mounted); later calls coalesce. */
export function startOfflineSync(userId: string): void {
  owner = userId;
  requestOfflineSync();
}

/** Asks for another pass (a meeting was published, the network came back); no-op when stopped. */
export function requestOfflineSync(): void {
  if (owner === null || !offlineSupported()) return;
  if (current) {
    again = true;
    return;
  }
  current = launch(owner);
}

function launch(userId: string): Run {
  const controller = new AbortController();
  const done = syncOnce(userId, controller.signal)
    .catch((err: unknown) => {
      // A 401 ends the session (reported above); aborted means logout or unmount.
      if (!controller.signal.aborted && !(err instanceof Unauthorized)) setState({ ...state, phase: 'error' });
    })
    .finally(() => {
      current = null;
      if (again && owner !== null) {
        again = false;
        current = launch(owner);
      }
    });
  return { controller, done };
}

/** Stops storing and waits until nothing more will be written. */
export async function stopOfflineSync(): Promise<void> {
  owner = null;
  again = false;
  const run = current;
  if (!run) return;
  run.controller.abort();
  await run.done;
}

async function getJson<T>(path: string, signal: AbortSignal): Promise<{ value: T; response: Response } | null> {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  if (response.status === 401) {
    reportUnauthorized();
    throw new Unauthorized();
  }
  // Gone or no longer visible to this user: nothing to store for it.
  if (response.status === 404 || response.status === 403) return null;
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return { value: (await response.clone().json()) as T, response };
}

/** Stores an API answer the way the worker does, for when this page is not controlled by it yet. */
async function keepJson(cache: Cache, path: string, response: Response): Promise<void> {
  await cache.put(new URL(path, location.origin).href, response);
}

async function storedPdfs(cache: Cache): Promise<Map<string, StoredPdf>> {
  const out = new Map<string, StoredPdf>();
  for (const request of await cache.keys()) {
    const documentId = documentIdOfPdfKey(request.url);
    const response = documentId ? await cache.match(request) : undefined;
    if (!documentId || !response) continue;
    out.set(documentId, {
      documentId,
      etag: response.headers.get('etag'),
      size: Number(response.headers.get('content-length') ?? 0),
      meetingId: response.headers.get(META_MEETING_ID),
      meetingEndsAt: response.headers.get(META_MEETING_ENDS),
    });
  }
  return out;
}

async function hasRoomFor(bytes: number): Promise<boolean> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (!estimate?.quota) return true;
  return (estimate.usage ?? 0) + bytes <= estimate.quota * QUOTA_SHARE;
}

/**
 * Downloads one version in full (`?version=` pins it, and the worker lets it through) and stores
 * it under the document's one key, with the meeting it belongs to. Returns false when the
 * document is gone or changed version meanwhile (the next pass gets the new one).
 */
async function storePdf(cache: Cache, want: WantedPdf, signal: AbortSignal): Promise<boolean> {
  const url = `/api/documents/${encodeURIComponent(want.documentId)}/file?version=${want.version}`;
  const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', signal });
  if (response.status === 401) {
    reportUnauthorized();
    throw new Unauthorized();
  }
  if (response.status === 404 || response.status === 403) return false;
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  if (response.headers.get('etag') !== etagForSha256(want.sha256)) {
    await response.body?.cancel();
    return false;
  }
  const headers = new Headers(response.headers);
  headers.set(META_MEETING_ID, want.meetingId);
  headers.set(META_MEETING_ENDS, want.meetingEndsAt);
  // Streamed into the cache, never whole in memory; an abort errors the stream and nothing is stored.
  await cache.put(pdfCacheUrl(location.origin, want.documentId), new Response(response.body, { status: 200, headers }));
  return true;
}

let persistAsked = false;

async function syncOnce(userId: string, signal: AbortSignal): Promise<void> {
  if (!navigator.onLine) {
    // Started without a network: say what can be read; the next pass online says the rest.
    if (state.phase === 'idle' && (await caches.has(PDF_CACHE))) {
      const saved = (await storedPdfs(await caches.open(PDF_CACHE))).size;
      if (!signal.aborted) setState({ phase: 'stored', total: 0, saved, noSpace: 0 });
    }
    return;
  }
  // Never settles when the worker failed to install: then there is no offline reading to prepare.
  await Promise.race([navigator.serviceWorker.ready, aborted(signal)]);
  if (signal.aborted) return;

  // Data of whoever used this browser before (a session that ended while offline) goes first.
  const previous = localStorage.getItem(OWNER_KEY);
  if (previous !== null && previous !== userId) await wipeUserData();
  localStorage.setItem(OWNER_KEY, userId);
  if (!persistAsked) {
    persistAsked = true;
    // Best effort: without it the browser may evict the copies under storage pressure.
    void navigator.storage?.persist?.().catch(() => false);
  }

  setState({ ...state, phase: 'syncing' });
  const apiCache = await caches.open(API_CACHE);
  const listPath = '/api/meetings?scope=upcoming';
  const list = await getJson<{ items: MeetingSummary[] }>(listPath, signal);
  if (!list) throw new Error('no meeting list');
  await keepJson(apiCache, listPath, list.response);
  const meetings = selectMeetingsToStore(list.value.items, Date.now());

  // Each meeting's page and its documents' viewer pages need these answers offline too.
  const wanted: WantedPdf[] = [];
  for (const meeting of meetings) {
    const base = `/api/meetings/${encodeURIComponent(meeting.id)}`;
    for (const path of [base, `${base}/agenda`]) {
      const got = await getJson<unknown>(path, signal);
      if (got) await keepJson(apiCache, path, got.response);
    }
    const docs = await getJson<{ items: MeetingDocument[] }>(`${base}/documents`, signal);
    if (!docs) continue;
    await keepJson(apiCache, `${base}/documents`, docs.response);
    for (const doc of docs.value.items) {
      // The list carries each document exactly as GET /api/documents/:id answers it.
      await keepJson(apiCache, `/api/documents/${encodeURIComponent(doc.id)}`, Response.json(doc));
      wanted.push(wantedPdf(meeting, doc));
    }
  }
  if (signal.aborted) return;

  const pdfCache = await caches.open(PDF_CACHE);
  const stored = await storedPdfs(pdfCache);
  const wantedIds = new Set(wanted.map((w) => w.documentId));
  const meetingIds = new Set(meetings.map((m) => m.id));
  for (const copy of stored.values()) {
    if (shouldPrune(copy, wantedIds, meetingIds, Date.now())) await pdfCache.delete(pdfCacheUrl(location.origin, copy.documentId));
  }

  const plan = planDownloads(wanted, stored);
  let saved = plan.current.length;
  let noSpace = plan.overCap.length;
  const total = plan.current.length + plan.download.length + plan.overCap.length;
  setState({ phase: 'syncing', total, saved, noSpace });
  // One at a time: a tablet in a meeting room shares the Wi-Fi with thirty others.
  for (const want of plan.download) {
    if (signal.aborted) return;
    if (!(await hasRoomFor(want.size))) {
      noSpace++;
    } else if (await storePdf(pdfCache, want, signal)) {
      saved++;
    }
    if (signal.aborted) return;
    setState({ phase: 'syncing', total, saved, noSpace });
  }
  setState({ phase: 'done', total, saved, noSpace });
}

/** Promise.race with a bound, for clean-up that must not hang logout. */
function bounded(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void work.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Tells the worker to drop its state and the user's caches; resolves on its answer. */
function tellWorker(): Promise<void> {
  const container = navigator.serviceWorker;
  const target = container?.controller;
  if (!target) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    target.postMessage({ type: CLEAR_MESSAGE }, [channel.port2]);
  });
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // `blocked` is not the end: it completes once the open connections close (y-indexeddb's do on
    // the version change); the caller's bound covers a connection that never closes.
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}

async function wipeUserData(): Promise<void> {
  // The worker first, so no answer still in flight is written after the caches went.
  if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) await bounded(tellWorker(), 2000);
  const jobs: Promise<unknown>[] = [];
  if (typeof caches !== 'undefined') {
    jobs.push(caches.keys().then((names) => Promise.all(names.filter(isUserDataCache).map((n) => caches.delete(n)))));
  }
  if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    jobs.push(indexedDB.databases().then((dbs) => Promise.all(dbs.map((d) => d.name).filter(isLocalCollabDatabase).map(deleteDatabase))));
  }
  await Promise.allSettled(jobs);
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    for (const key of keys.filter(isCollabStorageKey)) localStorage.removeItem(key);
  } catch {
    // storage disabled: nothing was kept in it either
  }
}

/**
 * Removes everything of the user's from this device — stored API answers and PDFs, the local
 * Yjs databases (annotations, minutes), the worker's memory — before the login page shows.
 * Never throws, and gives up after a few seconds rather than hang the logout.
 */
export async function clearOfflineData(): Promise<void> {
  await bounded(
    (async () => {
      await stopOfflineSync();
      await wipeUserData();
    })(),
    CLEAR_TIMEOUT_MS,
  );
  try {
    localStorage.removeItem(OWNER_KEY);
  } catch {
    // storage disabled: nothing was recorded either
  }
  setState(IDLE);
}
