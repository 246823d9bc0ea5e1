import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { buildTestApp, connectSocket, listen, makeMeeting, once, type MeetingCast, type TestApp } from '../../test/helper.ts';

/** A real SMTP server on loopback that hands each received message to the test. */
function startSmtp() {
  const received: ParsedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          waiters.splice(0).forEach((w) => w());
          done();
        })
        .catch(done);
    },
  });
  return new Promise<{ port: number; received: ParsedMail[]; next: () => Promise<void>; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.server.address() as AddressInfo).port,
        received,
        next: () => new Promise((r) => waiters.push(r)),
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let app: TestApp;
let baseUrl: string;
let cast: MeetingCast;
beforeAll(async () => {
  smtp = await startSmtp();
  app = await buildTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
  baseUrl = await listen(app);
  cast = await makeMeeting(app, { title: 'Họp triển khai kế hoạch năm 2027' });
});
afterAll(async () => {
  await app.teardown();
  await smtp.close();
});

describe('publishing', () => {
  it('pushes the meeting live to a delegate who is already connected, notifies, and emails an .ics', async () => {
    const socket = connectSocket(baseUrl, cast.member.cookie);
    await once(socket, 'connect');
    const pushed = once<{ meeting: { id: string; title: string; myRole: string } }>(socket, 'meeting:published');
    const notified = once<{ kind: string; meetingId: string }>(socket, 'notification:new');
    const mail = smtp.next();

    for (const [who, t] of [['secretary', 'submit'], ['chair', 'approve'], ['secretary', 'publish']] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/transitions/${t}`, headers: { cookie: cast[who].cookie } });
      expect(res.statusCode, `${t}: ${res.body}`).toBe(200);
    }

    expect((await pushed).meeting).toMatchObject({ id: cast.meetingId, title: 'Họp triển khai kế hoạch năm 2027', myRole: 'member' });
    expect(await notified).toMatchObject({ kind: 'meeting.published', meetingId: cast.meetingId });
    await mail;
    const message = smtp.received.find((m) => (m.to && 'value' in m.to ? m.to.value[0]?.address : '') === cast.member.user.email);
    expect(message?.subject).toBe('Giấy mời họp: Họp triển khai kế hoạch năm 2027');
    expect(message?.text).toContain('Báo cáo kinh tế - xã hội');
    const ics = message?.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics?.content.toString()).toMatch(/BEGIN:VEVENT[\s\S]*SUMMARY:Họp triển khai kế hoạch năm 2027[\s\S]*END:VEVENT/);
    expect(ics?.content.toString()).toContain(`UID:${cast.meetingId}@e-cabinet`);

    const list = (await app.inject({ url: '/api/notifications', headers: { cookie: cast.member.cookie } })).json();
    expect(list.unread).toBe(1);
    expect((await app.audit.list({ limit: 10, action: 'meeting.distributed' }))[0]?.data).toMatchObject({ emails: 1 });
    socket.close();
  });

  it('records answers to the invitation; a substitute gets access', async () => {
    const sub = await (await import('../../test/helper.ts')).signedIn(app);
    const before = await app.inject({ url: `/api/meetings/${cast.meetingId}`, headers: { cookie: sub.cookie } });
    expect(before.statusCode).toBe(404);
    const res = await app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/rsvp`, headers: { cookie: cast.member.cookie }, payload: { response: 'substitute', substituteUserId: sub.user._id.toHexString() } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ response: 'substitute', substituteUserId: sub.user._id.toHexString() });
    const after = await app.inject({ url: `/api/meetings/${cast.meetingId}`, headers: { cookie: sub.cookie } });
    expect(after.json()).toMatchObject({ myRole: 'member' });
    const rsvps = (await app.inject({ url: `/api/meetings/${cast.meetingId}/rsvps`, headers: { cookie: cast.secretary.cookie } })).json().items;
    expect(rsvps).toHaveLength(1);
    const decline = await app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/rsvp`, headers: { cookie: cast.invitee.cookie }, payload: { response: 'decline', note: 'Đi công tác' } });
    expect(decline.json()).toMatchObject({ response: 'decline', note: 'Đi công tác' });
  });
});
