import { describe, expect, it } from 'vitest';
import type { Meeting } from '@e-cabinet/protocol';
import { draftFromMeeting, draftToBody, emptyDraft } from './meeting-draft';

describe('meeting draft', () => {
  it('starts tomorrow morning, Vietnam time', () => {
    // 20:00 on 1 July in Hà Nội (13:00 UTC): tomorrow is 2 July.
    const draft = emptyDraft(Date.parse('2026-07-01T13:00:00Z'));
    expect(draft.startsAt).toBe('2026-07-02T08:00');
    expect(draft.endsAt).toBe('2026-07-02T11:00');
    // 01:00 on 2 July in Hà Nội is still 1 July in UTC.
    expect(emptyDraft(Date.parse('2026-07-01T18:00:00Z')).startsAt).toBe('2026-07-03T08:00');
  });

  it('builds the request body, trimming and nulling the empty link', () => {
    const check = draftToBody({
      ...emptyDraft(Date.parse('2026-07-01T00:00:00Z')),
      title: '  Họp thường kỳ  ',
      place: ' Phòng họp A ',
      participants: [{ kind: 'user', id: 'u1', name: 'Trần Văn Minh', role: 'chair' }],
    });
    expect(check).toEqual({
      ok: true,
      body: {
        title: 'Họp thường kỳ',
        kind: 'regular',
        startsAt: '2026-07-02T01:00:00.000Z',
        endsAt: '2026-07-02T04:00:00.000Z',
        place: 'Phòng họp A',
        onlineLink: null,
        participants: [{ userId: 'u1', role: 'chair' }],
      },
    });
  });

  it('refuses half-typed dates', () => {
    const check = draftToBody({ ...emptyDraft(0), startsAt: '2026-07-02', endsAt: '' });
    expect(check).toEqual({ ok: false, errors: { startsAt: 'incomplete', endsAt: 'incomplete' } });
  });

  it('round-trips an existing meeting', () => {
    const meeting = {
      title: 'Họp chuyên đề',
      kind: 'thematic',
      startsAt: '2026-07-02T07:30:00.000Z',
      endsAt: '2026-07-02T10:00:00.000Z',
      place: '',
      onlineLink: 'https://meet.example.vn/abc',
      participants: [{ userId: null, unitId: 'n1', role: 'member', name: 'Sở Y tế', substituteFor: null }],
    } as unknown as Meeting;
    const draft = draftFromMeeting(meeting);
    expect(draft).toMatchObject({ startsAt: '2026-07-02T14:30', endsAt: '2026-07-02T17:00', onlineLink: 'https://meet.example.vn/abc' });
    const check = draftToBody(draft);
    expect(check.ok && check.body.startsAt).toBe(meeting.startsAt);
    expect(check.ok && check.body.participants).toEqual([{ unitId: 'n1', role: 'member' }]);
  });
});
