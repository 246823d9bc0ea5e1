import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import { MEETING_STATUSES, MEETING_TRANSITIONS, MEETING_TRANSITION_NAMES, type MeetingStatus } from '@e-cabinet/protocol';
import { buildTestApp, makeMeeting, type MeetingCast, type TestApp } from '../../test/helper.ts';

let app: TestApp;
let cast: MeetingCast;
beforeAll(async () => {
  app = await buildTestApp();
  cast = await makeMeeting(app);
});
afterAll(() => app.teardown());

const ROLES = ['chair', 'secretary', 'member', 'invitee', 'observer', 'outsider'] as const;
const DISTRIBUTED: MeetingStatus[] = ['published', 'live', 'ended', 'closed'];

async function setStatus(status: MeetingStatus) {
  await app.db.collection('meetings').updateOne({ _id: new ObjectId(cast.meetingId) }, { $set: { status } });
}
async function status(): Promise<string> {
  return (await app.db.collection('meetings').findOne({ _id: new ObjectId(cast.meetingId) }))!.status;
}

describe('lifecycle matrix: every role × every transition × every status', () => {
  for (const transition of MEETING_TRANSITION_NAMES) {
    const rule = MEETING_TRANSITIONS[transition];
    it(`${transition}: only ${rule.by.join('/')} from ${rule.from.join('/')}`, async () => {
      for (const from of MEETING_STATUSES) {
        for (const role of ROLES) {
          await setStatus(from);
          const res = await app.inject({
            method: 'POST',
            url: `/api/meetings/${cast.meetingId}/transitions/${transition}`,
            headers: { cookie: cast[role].cookie },
            payload: transition === 'return' ? { comment: 'Bổ sung báo cáo tài chính' } : {},
          });
          const allowed = (rule.from as readonly string[]).includes(from) && (rule.by as readonly string[]).includes(role);
          const where = `${transition} by ${role} from ${from}`;
          if (allowed && transition === 'close') {
            // Closing also needs signed minutes (closing with them: conclusions.test.ts).
            expect(res.json().code, where).toBe('MINUTES_NOT_SIGNED');
            expect(await status(), `${where} must change nothing`).toBe(from);
            continue;
          }
          if (allowed) {
            expect(res.statusCode, where).toBe(200);
            expect(res.json().status, where).toBe(rule.to);
            expect(await status(), where).toBe(rule.to);
            continue;
          }
          // Who cannot even see the meeting gets 404; who can gets a clear refusal.
          const sees = role !== 'outsider' && (role === 'chair' || role === 'secretary' || DISTRIBUTED.includes(from));
          expect(res.statusCode, where).toBe(sees ? 409 : 404);
          expect(res.json().code, where).toBe(sees ? 'MEETING_BAD_TRANSITION' : 'NOT_FOUND');
          expect(await status(), `${where} must change nothing`).toBe(from);
        }
      }
    });
  }
});

describe('transition rules', () => {
  it('records the chair’s comment on return and clears it on resubmission', async () => {
    await setStatus('submitted');
    const noComment = await app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/transitions/return`, headers: { cookie: cast.chair.cookie }, payload: {} });
    expect(noComment.statusCode).toBe(400);
    const returned = await app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/transitions/return`, headers: { cookie: cast.chair.cookie }, payload: { comment: 'Cần bổ sung tờ trình' } });
    expect(returned.json()).toMatchObject({ status: 'draft', returnComment: 'Cần bổ sung tờ trình' });
    const again = await app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/transitions/submit`, headers: { cookie: cast.secretary.cookie } });
    expect(again.json()).toMatchObject({ status: 'submitted', returnComment: null });
    const audit = await app.audit.list({ limit: 5, action: 'meeting.return' });
    expect(audit[0]?.data).toMatchObject({ comment: 'Cần bổ sung tờ trình', from: 'submitted', to: 'draft' });
  });

  it('will not submit without a chair or without agenda items', async () => {
    const bare = await makeMeeting(app);
    await app.db.collection('agendaItems').deleteMany({ meetingId: new ObjectId(bare.meetingId) });
    const empty = await app.inject({ method: 'POST', url: `/api/meetings/${bare.meetingId}/transitions/submit`, headers: { cookie: bare.secretary.cookie } });
    expect(empty.json().code).toBe('MEETING_EMPTY_AGENDA');
    const doc = await app.db.collection('meetings').findOne({ _id: new ObjectId(bare.meetingId) });
    await app.db.collection('meetings').updateOne({ _id: doc!._id }, { $set: { participants: doc!.participants.filter((p: { role: string }) => p.role !== 'chair') } });
    const noChair = await app.inject({ method: 'POST', url: `/api/meetings/${bare.meetingId}/transitions/submit`, headers: { cookie: bare.secretary.cookie } });
    expect(noChair.json().code).toBe('MEETING_NO_CHAIR');
  });

  it('lets exactly one of many racing transitions through, and the sequence has no gaps', async () => {
    for (let round = 0; round < 3; round++) {
      await setStatus('submitted');
      const before = (await app.db.collection('meetings').findOne({ _id: new ObjectId(cast.meetingId) }))!.seq as number;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/transitions/${i % 2 ? 'approve' : 'return'}`, headers: { cookie: cast.chair.cookie }, payload: { comment: 'x' } })),
      );
      const ok = results.filter((r) => r.statusCode === 200);
      expect(ok).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9);
      const after = (await app.db.collection('meetings').findOne({ _id: new ObjectId(cast.meetingId) }))!;
      expect(after.status).toBe(ok[0]!.json().status);
      expect(after.seq).toBe(before + 1);
    }
  });

  it('refuses edits outside draft and by anyone but the secretary', async () => {
    await setStatus('approved');
    const late = await app.inject({ method: 'PATCH', url: `/api/meetings/${cast.meetingId}`, headers: { cookie: cast.secretary.cookie }, payload: { title: 'Đổi tên' } });
    expect(late.json().code).toBe('MEETING_NOT_EDITABLE');
    await setStatus('draft');
    const byChair = await app.inject({ method: 'PATCH', url: `/api/meetings/${cast.meetingId}`, headers: { cookie: cast.chair.cookie }, payload: { title: 'Đổi tên' } });
    expect(byChair.statusCode).toBe(403);
    const badTimes = await app.inject({ method: 'PATCH', url: `/api/meetings/${cast.meetingId}`, headers: { cookie: cast.secretary.cookie }, payload: { endsAt: '2000-01-01T00:00:00.000Z' } });
    expect(badTimes.json()).toMatchObject({ code: 'MEETING_TIME_ORDER', fields: { '/endsAt': 'Thời gian kết thúc phải sau thời gian bắt đầu.' } });
    const meeting = await app.inject({ url: `/api/meetings/${cast.meetingId}`, headers: { cookie: cast.secretary.cookie } });
    expect(meeting.json().title).toBe('Phiên họp thường kỳ UBND tỉnh');
  });

  it('only the secretariat creates meetings', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/meetings', headers: { cookie: cast.member.cookie }, payload: { title: 'X', kind: 'regular', startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T02:00:00.000Z' } });
    expect(res.statusCode).toBe(403);
  });
});
