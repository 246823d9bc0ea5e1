import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, connectSocket, listen, makeMeeting, once, upload, type MeetingCast, type TestApp } from '../../test/helper.ts';
import { makePdf } from '../../test/files.ts';

let app: TestApp;
let baseUrl: string;
let a: MeetingCast;
let b: MeetingCast;
let docB: string;
beforeAll(async () => {
  app = await buildTestApp();
  baseUrl = await listen(app);
  a = await makeMeeting(app, { title: 'Họp A' });
  b = await makeMeeting(app, { title: 'Họp B (mật)' });
  docB = (await upload(app, b.secretary.cookie, b.meetingId, b.itemId, await makePdf(1))).json().id;
  for (const id of [a.meetingId, b.meetingId]) await app.db.collection('meetings').updateOne({ _id: new (await import('mongodb')).ObjectId(id) }, { $set: { status: 'published' } });
});
afterAll(() => app.teardown());

describe('IDOR sweep: meeting A’s people poke at meeting B', () => {
  it('every read of B answers 404, exactly like a meeting that does not exist', async () => {
    const ghost = 'ffffffffffffffffffffffff';
    const paths = (id: string, doc: string, item: string) => [
      `/api/meetings/${id}`,
      `/api/meetings/${id}/agenda`,
      `/api/meetings/${id}/documents`,
      `/api/meetings/${id}/reads`,
      `/api/meetings/${id}/rsvps`,
      `/api/documents/${doc}`,
      `/api/documents/${doc}/file`,
      `/api/documents/${doc}/versions`,
      `/api/meetings/${id}/documents?itemId=${item}`,
    ];
    for (const who of ['secretary', 'chair', 'member', 'observer'] as const) {
      const real = paths(b.meetingId, docB, b.itemId);
      const fake = paths(ghost, ghost, ghost);
      for (let i = 0; i < real.length; i++) {
        const r = await app.inject({ url: real[i]!, headers: { cookie: a[who].cookie } });
        const f = await app.inject({ url: fake[i]!, headers: { cookie: a[who].cookie } });
        expect(r.statusCode, `${who} GET ${real[i]}`).toBe(404);
        expect({ code: r.json().code, message: r.json().message }).toEqual({ code: f.json().code, message: f.json().message });
      }
    }
  });

  it('every write aimed at B, or mixing A’s and B’s ids, answers 404 and changes nothing', async () => {
    const cookie = a.secretary.cookie;
    const before = await app.db.collection('meetings').findOne({ title: 'Họp B (mật)' });
    const attempts = [
      app.inject({ method: 'PATCH', url: `/api/meetings/${b.meetingId}`, headers: { cookie }, payload: { title: 'hacked' } }),
      app.inject({ method: 'POST', url: `/api/meetings/${b.meetingId}/transitions/close`, headers: { cookie } }),
      app.inject({ method: 'POST', url: `/api/meetings/${b.meetingId}/agenda`, headers: { cookie }, payload: { title: 'x', durationMinutes: 1 } }),
      app.inject({ method: 'PATCH', url: `/api/documents/${docB}`, headers: { cookie }, payload: { access: 'all' } }),
      app.inject({ method: 'POST', url: `/api/documents/${docB}/open`, headers: { cookie } }),
      app.inject({ method: 'POST', url: `/api/meetings/${b.meetingId}/rsvp`, headers: { cookie }, payload: { response: 'attend' } }),
      // A's meeting with B's agenda item: the item must belong to the meeting in the URL.
      upload(app, cookie, a.meetingId, b.itemId, await makePdf(1)),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode, res.body).toBe(404);
    // On A's own URL, B's item id gets the same answer as an id that does not exist.
    const mixed = await app.inject({ method: 'DELETE', url: `/api/meetings/${a.meetingId}/agenda/${b.itemId}`, headers: { cookie } });
    const ghost = await app.inject({ method: 'DELETE', url: `/api/meetings/${a.meetingId}/agenda/ffffffffffffffffffffffff`, headers: { cookie } });
    expect([mixed.statusCode, mixed.json().code]).toEqual([ghost.statusCode, ghost.json().code]);
    expect(await app.db.collection('agendaItems').countDocuments({ title: 'Báo cáo kinh tế - xã hội' })).toBe(2);
    const after = await app.db.collection('meetings').findOne({ title: 'Họp B (mật)' });
    expect(after).toEqual(before);
    expect(await app.db.collection('documentReads').countDocuments({})).toBe(0);
  });

  it('lists only one’s own meetings', async () => {
    const list = (await app.inject({ url: '/api/meetings', headers: { cookie: a.member.cookie } })).json().items;
    expect(list.map((m: { title: string }) => m.title)).toEqual(['Họp A']);
  });

  it('cannot follow B’s room over the socket', async () => {
    const socket = connectSocket(baseUrl, a.chair.cookie);
    await once(socket, 'connect');
    expect(await socket.emitWithAck('meeting:join', { meetingId: b.meetingId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await socket.emitWithAck('meeting:join', { meetingId: 'not-an-id' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await socket.emitWithAck('meeting:join', { meetingId: a.meetingId })).toMatchObject({ ok: true });
    socket.close();
  });
});
