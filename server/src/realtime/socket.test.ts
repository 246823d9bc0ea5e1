import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import { buildTestApp, connectSocket, listen, once, signedIn, type TestApp } from '../../test/helper.ts';
import { SOCKET_AUTH_TTL_MS } from './socket-auth-cache.ts';

let app: TestApp;
let baseUrl: string;
beforeAll(async () => {
  app = await buildTestApp();
  baseUrl = await listen(app);
});
afterAll(() => app.teardown());

type ConnectError = Error & { data?: { code: string; message: string } };

describe('socket handshake', () => {
  it('refuses a connection without a session cookie', async () => {
    const socket = connectSocket(baseUrl, null);
    const err = await once<ConnectError>(socket, 'connect_error');
    expect(err.data).toEqual({ code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập.' });
    socket.close();
  });

  it('tells an old client why it cannot connect', async () => {
    const { cookie } = await signedIn(app);
    const socket = connectSocket(baseUrl, cookie, 0);
    const err = await once<ConnectError>(socket, 'connect_error');
    expect(err.data?.code).toBe('PROTOCOL_MISMATCH');
    expect(err.data?.message).toMatch(/phiên bản mới/);
    socket.close();
  });

  it('accepts a signed-in client and answers commands through acks, refusing bad payloads', async () => {
    const { cookie } = await signedIn(app);
    const socket = connectSocket(baseUrl, cookie);
    await once(socket, 'connect');
    const ok = await socket.emitWithAck('sys:ping', { sentAt: 1 });
    expect(ok).toMatchObject({ ok: true });
    const bad = await socket.emitWithAck('sys:ping', { sentAt: 'yesterday' } as never);
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    socket.close();
  });

  it('refuses commands once the session is gone, even if the socket missed the revocation', async () => {
    const { user, cookie } = await signedIn(app);
    const socket = connectSocket(baseUrl, cookie);
    await once(socket, 'connect');
    // Delete the session behind the socket's back, as another process would.
    await app.sessions.deleteForUser(user._id);
    // Commands trust what was read for a short while (no reads per command)…
    expect(await socket.emitWithAck('sys:ping', { sentAt: 1 })).toMatchObject({ ok: true });
    // …and read again once it is older than that.
    const now = Date.now();
    app.socketAuth.clock = () => now + SOCKET_AUTH_TTL_MS;
    try {
      const ended = once(socket, 'session:ended');
      const res = await socket.emitWithAck('sys:ping', { sentAt: 1 });
      expect(res).toMatchObject({ ok: false, code: 'SESSION_REVOKED' });
      await ended;
    } finally {
      app.socketAuth.clock = Date.now;
      socket.close();
    }
  });

  it('refuses at once a command racing a revocation made in this process, before the socket is disconnected', async () => {
    for (const revoke of ['user', 'session'] as const) {
      const { user, cookie } = await signedIn(app);
      const socket = connectSocket(baseUrl, cookie);
      await once(socket, 'connect');
      expect(await socket.emitWithAck('sys:ping', { sentAt: 1 })).toMatchObject({ ok: true });
      // What `revoke.ts` does before it tells the sockets (sign-out, password change, deactivation).
      const [session] = await app.db.collection('sessions').find({ userId: user._id }).toArray();
      if (revoke === 'user') {
        await app.sessions.deleteForUser(user._id);
        app.socketAuth.forgetUser(user._id.toHexString());
      } else {
        await app.sessions.delete(String(session!._id));
        app.socketAuth.forgetSession(String(session!._id));
      }
      const ended = once(socket, 'session:ended');
      expect([revoke, await socket.emitWithAck('sys:ping', { sentAt: 1 })]).toEqual([revoke, expect.objectContaining({ ok: false, code: 'SESSION_REVOKED' })]);
      await ended;
      socket.close();
    }
  });

  it('refuses the commands of a user deactivated in this process at once', async () => {
    const { user, cookie } = await signedIn(app);
    const socket = connectSocket(baseUrl, cookie);
    await once(socket, 'connect');
    await app.users.update(user._id, { active: false }, new ObjectId());
    // The session stays (a missed disconnect), but the user record is read again at once.
    app.socketAuth.forgetUser(user._id.toHexString(), String((await app.db.collection('sessions').findOne({ userId: user._id }))!._id));
    expect(await socket.emitWithAck('presenter:stop', { meetingId: '0123456789abcdef01234567' })).toMatchObject({ ok: false, code: 'SESSION_REVOKED' });
    socket.close();
  });
});
