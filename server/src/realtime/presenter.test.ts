import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenterState } from '@e-cabinet/protocol';
import { buildTestApp, connectSocket, listen, makeMeeting, once, upload, type MeetingCast, type TestApp } from '../../test/helper.ts';
import { makePdf } from '../../test/files.ts';

let app: TestApp;
let baseUrl: string;
let cast: MeetingCast;
let docId: string;
beforeAll(async () => {
  app = await buildTestApp();
  baseUrl = await listen(app);
  cast = await makeMeeting(app);
  docId = (await upload(app, cast.secretary.cookie, cast.meetingId, cast.itemId, await makePdf(3))).json().id;
  await app.db.collection('meetings').updateOne({ _id: new (await import('mongodb')).ObjectId(cast.meetingId) }, { $set: { status: 'live' } });
});
afterAll(() => app.teardown());

async function joined(cookie: string) {
  const socket = connectSocket(baseUrl, cookie);
  await once(socket, 'connect');
  const ack = await socket.emitWithAck('meeting:join', { meetingId: cast.meetingId });
  return { socket, ack };
}

describe('follow the presenter', () => {
  it('broadcasts the chair’s page to followers, and a late joiner catches up from the join ack', async () => {
    const chair = await joined(cast.chair.cookie);
    const member = await joined(cast.member.cookie);
    const moved = once<PresenterState>(member.socket, 'presenter:state');
    const res = await chair.socket.emitWithAck('presenter:update', { meetingId: cast.meetingId, documentId: docId, page: 2 });
    expect(res).toMatchObject({ ok: true, state: { documentId: docId, page: 2, presenterId: cast.chair.user._id.toHexString() } });
    expect(await moved).toMatchObject({ documentId: docId, page: 2 });

    const late = await joined(cast.invitee.cookie);
    expect(late.ack).toMatchObject({ ok: true, presenter: { documentId: docId, page: 2 } });

    const stopped = once<PresenterState>(member.socket, 'presenter:state');
    expect(await chair.socket.emitWithAck('presenter:stop', { meetingId: cast.meetingId })).toEqual({ ok: true });
    expect(await stopped).toMatchObject({ presenterId: null, documentId: null });
    for (const s of [chair, member, late]) s.socket.close();
  });

  it('refuses members, bad pages and another meeting’s document', async () => {
    const member = await joined(cast.member.cookie);
    expect(await member.socket.emitWithAck('presenter:update', { meetingId: cast.meetingId, documentId: docId, page: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const chair = await joined(cast.chair.cookie);
    expect(await chair.socket.emitWithAck('presenter:update', { meetingId: cast.meetingId, documentId: docId, page: 0 })).toMatchObject({ ok: false, code: 'VALIDATION' });
    const other = await makeMeeting(app);
    const otherDoc = (await upload(app, other.secretary.cookie, other.meetingId, other.itemId, await makePdf(1))).json().id;
    expect(await chair.socket.emitWithAck('presenter:update', { meetingId: cast.meetingId, documentId: otherDoc, page: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    member.socket.close();
    chair.socket.close();
  });
});
