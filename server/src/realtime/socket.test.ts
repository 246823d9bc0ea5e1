import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, connectSocket, listen, once, signedIn, type TestApp } from '../../test/helper.ts';

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
    const ended = once(socket, 'session:ended');
    const res = await socket.emitWithAck('sys:ping', { sentAt: 1 });
    expect(res).toMatchObject({ ok: false, code: 'SESSION_REVOKED' });
    await ended;
    socket.close();
  });
});
