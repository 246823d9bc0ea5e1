import { describe, expect, it } from 'vitest';
import type { MeetingSummary } from '@e-cabinet/protocol';
import { scopeOf, upsertMeeting } from './meeting-list';

const NOW = Date.parse('2026-07-01T00:00:00Z');
const makeMeeting = (over: Partial<MeetingSummary> = {}): MeetingSummary => ({
  id: 'm1',
  title: 'Họp thường kỳ tháng 7',
  kind: 'regular',
  status: 'published',
  startsAt: '2026-07-10T01:00:00.000Z',
  endsAt: '2026-07-10T04:00:00.000Z',
  place: 'Phòng họp số 1',
  myRole: 'member',
  ...over,
});

describe('scopeOf', () => {
  it('keeps a meeting upcoming until it has ended', () => {
    expect(scopeOf(makeMeeting(), NOW)).toBe('upcoming');
    expect(scopeOf(makeMeeting({ endsAt: '2026-07-01T00:00:00.000Z' }), NOW)).toBe('upcoming');
    expect(scopeOf(makeMeeting({ endsAt: '2026-06-30T23:59:00.000Z' }), NOW)).toBe('past');
  });
});

describe('upsertMeeting', () => {
  const early = makeMeeting({ id: 'a', startsAt: '2026-07-05T01:00:00.000Z' });
  const late = makeMeeting({ id: 'c', startsAt: '2026-07-20T01:00:00.000Z', endsAt: '2026-07-20T02:00:00.000Z' });

  it('adds a new meeting in start order', () => {
    const list = upsertMeeting([early, late], makeMeeting({ id: 'b' }), 'upcoming', NOW);
    expect(list.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('replaces a meeting it already has, without duplicating it', () => {
    const list = upsertMeeting([early, late], { ...early, title: 'Đổi tên', status: 'live' }, 'upcoming', NOW);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ id: 'a', title: 'Đổi tên', status: 'live' });
  });

  it('leaves out meetings of the other tab and sorts past ones newest first', () => {
    const past = makeMeeting({ id: 'p', startsAt: '2026-06-01T01:00:00.000Z', endsAt: '2026-06-01T02:00:00.000Z' });
    expect(upsertMeeting([early], past, 'upcoming', NOW).map((m) => m.id)).toEqual(['a']);
    const older = makeMeeting({ id: 'o', startsAt: '2026-05-01T01:00:00.000Z', endsAt: '2026-05-01T02:00:00.000Z' });
    expect(upsertMeeting([older], past, 'past', NOW).map((m) => m.id)).toEqual(['p', 'o']);
  });
});
