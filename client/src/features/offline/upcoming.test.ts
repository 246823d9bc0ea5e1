import { describe, expect, it } from 'vitest';
import { docNames, type MeetingStatus, type MeetingSummary } from '@e-cabinet/protocol';
import {
  HORIZON_MS,
  PRUNE_GRACE_MS,
  isCollabStorageKey,
  isLocalCollabDatabase,
  planDownloads,
  selectMeetingsToStore,
  shouldPrune,
  type StoredPdf,
  type WantedPdf,
} from './upcoming';

const NOW = Date.parse('2026-03-02T08:00:00Z');
const HOUR = 3_600_000;
let n = 0;

function meeting(status: MeetingStatus, startsInMs: number, lastsMs = 2 * HOUR): MeetingSummary {
  n++;
  return {
    id: n.toString(16).padStart(24, '0'),
    title: `Họp ${n}`,
    kind: 'regular',
    status,
    startsAt: new Date(NOW + startsInMs).toISOString(),
    endsAt: new Date(NOW + startsInMs + lastsMs).toISOString(),
    place: '',
    myRole: 'member',
  };
}

describe('selectMeetingsToStore', () => {
  it('takes published meetings starting within seven days and live ones, soonest first', () => {
    const later = meeting('published', 3 * 24 * HOUR);
    const soon = meeting('published', HOUR);
    const edge = meeting('published', HORIZON_MS);
    const started = meeting('published', -HOUR);
    const live = meeting('live', -3 * HOUR, 2 * HOUR); // running past its planned end
    expect(selectMeetingsToStore([later, edge, soon, live, started], NOW).map((m) => m.id)).toEqual([live.id, started.id, soon.id, later.id, edge.id]);
  });

  it('leaves out drafts, unpublished, finished and far-away meetings', () => {
    const out = [
      meeting('draft', HOUR),
      meeting('submitted', HOUR),
      meeting('approved', HOUR),
      meeting('ended', -HOUR),
      meeting('closed', -HOUR),
      meeting('published', HORIZON_MS + 1),
      meeting('published', -3 * HOUR, 2 * HOUR), // never started, already over
    ];
    expect(selectMeetingsToStore(out, NOW)).toEqual([]);
  });
});

function want(id: string, size: number, sha = `sha-${id}`): WantedPdf {
  return { documentId: id, meetingId: 'm1', meetingEndsAt: new Date(NOW).toISOString(), version: 1, sha256: sha, size };
}
function stored(id: string, sha: string | null, size = 10): StoredPdf {
  return { documentId: id, etag: sha === null ? null : `"${sha}"`, size, meetingId: 'm1', meetingEndsAt: new Date(NOW).toISOString() };
}

describe('planDownloads', () => {
  it('skips current copies and fetches missing and outdated ones, in order', () => {
    const wanted = [want('a', 10), want('b', 10, 'sha-b-v2'), want('c', 10)];
    const have = new Map([
      ['a', stored('a', 'sha-a')],
      ['b', stored('b', 'sha-b')], // version 1 stored, version 2 is current
    ]);
    const plan = planDownloads(wanted, have, 1000);
    expect(plan.current.map((w) => w.documentId)).toEqual(['a']);
    expect(plan.download.map((w) => w.documentId)).toEqual(['b', 'c']);
    expect(plan.overCap).toEqual([]);
  });

  it('keeps the total under the cap, counting kept copies and leaving later ones out', () => {
    const wanted = [want('a', 40), want('b', 50), want('c', 30), want('d', 10)];
    const plan = planDownloads(wanted, new Map([['c', stored('c', 'sha-c', 30)]]), 100);
    expect(plan.current.map((w) => w.documentId)).toEqual(['c']);
    expect(plan.download.map((w) => w.documentId)).toEqual(['a', 'd']);
    expect(plan.overCap.map((w) => w.documentId)).toEqual(['b']);
  });

  it('plans a document listed twice once', () => {
    const plan = planDownloads([want('a', 10), want('a', 10)], new Map(), 100);
    expect(plan.download).toHaveLength(1);
  });
});

describe('shouldPrune', () => {
  const copy = (documentId: string, meetingId: string | null, endsIn: number): StoredPdf => ({
    documentId,
    etag: '"x"',
    size: 1,
    meetingId,
    meetingEndsAt: new Date(NOW + endsIn).toISOString(),
  });

  it('keeps wanted documents', () => {
    expect(shouldPrune(copy('a', 'm1', -10 * PRUNE_GRACE_MS), new Set(['a']), new Set(), NOW)).toBe(false);
  });

  it('drops a document removed from (or hidden in) a meeting still in scope', () => {
    expect(shouldPrune(copy('a', 'm1', HOUR), new Set(['b']), new Set(['m1']), NOW)).toBe(true);
  });

  it('keeps a meeting’s copies for a day after its planned end, then drops them', () => {
    expect(shouldPrune(copy('a', 'm1', -HOUR), new Set(), new Set(), NOW)).toBe(false);
    expect(shouldPrune(copy('a', 'm1', -PRUNE_GRACE_MS - 1), new Set(), new Set(), NOW)).toBe(true);
  });

  it('drops copies it cannot place', () => {
    expect(shouldPrune(copy('a', null, HOUR), new Set(), new Set(), NOW)).toBe(true);
    expect(shouldPrune({ ...copy('a', 'm1', HOUR), meetingEndsAt: null }, new Set(), new Set(), NOW)).toBe(true);
  });
});

describe('isLocalCollabDatabase', () => {
  const m = '65a1b2c3d4e5f60718293a4b';
  const v = '65a1b2c3d4e5f60718293a4c';
  const u = '65a1b2c3d4e5f60718293a4d';

  it('matches the databases y-indexeddb names after collab docs', () => {
    for (const name of [docNames.annShared(m, v), docNames.annPrivate(m, v, u), docNames.minutes(m)]) expect(isLocalCollabDatabase(name), name).toBe(true);
  });

  it('leaves other databases alone', () => {
    for (const name of ['keyval-store', 'annotations', 'ecab', undefined]) expect(isLocalCollabDatabase(name), String(name)).toBe(false);
  });

  it('finds local-storage entries about a collab doc, and only those', () => {
    for (const key of [`ecab:collab-pending:${docNames.annPrivate(m, v, u)}`, `ecab:collab-pending:${docNames.minutes(m)}`, docNames.annShared(m, v)]) {
      expect(isCollabStorageKey(key), key).toBe(true);
    }
    for (const key of ['ecab.locale', 'ecab.offline.owner', 'annotations:tool', 'ecab:banner:minutes:seen', null]) expect(isCollabStorageKey(key), String(key)).toBe(false);
  });
});
