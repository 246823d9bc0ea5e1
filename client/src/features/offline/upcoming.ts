import type { MeetingDocument, MeetingSummary } from '@e-cabinet/protocol';
import { isCopyOfVersion } from './sw-logic';

/** Meetings starting within this window (or live now) have their documents stored for offline reading. */
export const HORIZON_MS = 7 * 24 * 60 * 60 * 1000;
/** The stored PDFs never take more than this, whatever the browser would allow. */
export const MAX_TOTAL_BYTES = 500 * 1024 * 1024;
/** A meeting that ran past its planned end keeps its copies this long before they are pruned. */
export const PRUNE_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * The meetings whose documents a delegate may want without a network: published or live, not
 * over, and live now or starting within {@link HORIZON_MS}. Soonest first, so the space cap
 * cuts the later ones.
 */
export function selectMeetingsToStore(meetings: readonly MeetingSummary[], now: number): MeetingSummary[] {
  return meetings
    .filter((m) => {
      if (m.status === 'live') return true;
      if (m.status !== 'published') return false;
      const starts = Date.parse(m.startsAt);
      const ends = Date.parse(m.endsAt);
      return Number.isFinite(starts) && Number.isFinite(ends) && ends >= now && starts <= now + HORIZON_MS;
    })
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** One document to keep a copy of: its current version, and the meeting it belongs to. */
export interface WantedPdf {
  documentId: string;
  meetingId: string;
  meetingEndsAt: string;
  version: number;
  sha256: string;
  size: number;
}

export function wantedPdf(meeting: Pick<MeetingSummary, 'id' | 'endsAt'>, doc: MeetingDocument): WantedPdf {
  return {
    documentId: doc.id,
    meetingId: meeting.id,
    meetingEndsAt: meeting.endsAt,
    version: doc.current.version,
    sha256: doc.current.pdfSha256,
    size: doc.current.pdfSize,
  };
}

/** What a stored copy says about itself (its response headers). */
export interface StoredPdf {
  documentId: string;
  etag: string | null;
  size: number;
  meetingId: string | null;
  meetingEndsAt: string | null;
}

export interface DownloadPlan {
  /** Already stored in their current version. */
  current: WantedPdf[];
  /** To download, in this order (an older version, if stored, is replaced). */
  download: WantedPdf[];
  /** Left out: they would take the stored PDFs over {@link MAX_TOTAL_BYTES}. */
  overCap: WantedPdf[];
}

/**
 * Which copies to fetch. The cap counts the copies kept plus the ones to fetch, in the order
 * given (soonest meeting first); a stale copy's bytes do not count since its replacement does.
 */
export function planDownloads(wanted: readonly WantedPdf[], stored: ReadonlyMap<string, StoredPdf>, capBytes = MAX_TOTAL_BYTES): DownloadPlan {
  const plan: DownloadPlan = { current: [], download: [], overCap: [] };
  const seen = new Set<string>();
  const unique = wanted.filter((w) => !seen.has(w.documentId) && seen.add(w.documentId));
  let total = 0;
  for (const w of unique) {
    if (isCopyOfVersion(stored.get(w.documentId)?.etag ?? null, w.sha256)) {
      plan.current.push(w);
      total += w.size;
    }
  }
  for (const w of unique) {
    if (plan.current.includes(w)) continue;
    if (total + w.size > capBytes) {
      plan.overCap.push(w);
      continue;
    }
    plan.download.push(w);
    total += w.size;
  }
  return plan;
}

/**
 * Whether a stored copy should go: its document is no longer wanted, and either its meeting is
 * still in scope (the document was removed or hidden from the user) or the meeting ended more
 * than {@link PRUNE_GRACE_MS} ago. A live meeting running late keeps its copies meanwhile,
 * although the server no longer lists it as upcoming.
 */
export function shouldPrune(copy: StoredPdf, wantedIds: ReadonlySet<string>, meetingIdsInScope: ReadonlySet<string>, now: number): boolean {
  if (wantedIds.has(copy.documentId)) return false;
  if (copy.meetingId === null || meetingIdsInScope.has(copy.meetingId)) return true;
  const ends = copy.meetingEndsAt === null ? NaN : Date.parse(copy.meetingEndsAt);
  return !Number.isFinite(ends) || ends + PRUNE_GRACE_MS < now;
}

/** Local Yjs databases (y-indexeddb names each after its collab doc: `ann:…`, `minutes:…`). */
export function isLocalCollabDatabase(name: string | undefined): name is string {
  return typeof name === 'string' && /^(ann|minutes):/.test(name);
}

/** localStorage entries about one collab doc (e.g. `ecab:collab-pending:ann:…`), which go with it. */
export function isCollabStorageKey(key: string | null): key is string {
  return key !== null && /(^|:)(ann|minutes):[0-9a-f]{24}(:|$)/.test(key);
}
