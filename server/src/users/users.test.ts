import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, connectSocket, listen, login, makeUser, once, signedIn, type TestApp } from '../../test/helper.ts';

let app: TestApp;
let baseUrl: string;
let admin: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  app = await buildTestApp();
  baseUrl = await listen(app);
  admin = await signedIn(app, { role: 'admin' });
});
afterAll(() => app.teardown());

const asAdmin = () => ({ cookie: admin.cookie });

describe('access', () => {
  it('needs a session (401) and the admin role (403)', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    const delegate = await signedIn(app, { role: 'delegate' });
    const res = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: delegate.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' });
    const create = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: delegate.cookie }, payload: { username: 'sneaky', fullName: 'X', role: 'admin', password: 'Abcdefg123' } });
    expect(create.statusCode).toBe(403);
    expect(await app.users.byUsername('sneaky')).toBeNull();
  });
});

describe('create', () => {
  it('creates a user who can then sign in, and audits it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: asAdmin(),
      payload: { username: 'nguyen.van.a', fullName: '  Nguyễn Văn A ', email: 'a@example.gov.vn', title: 'Chuyên viên', role: 'delegate', password: 'BatDau2026' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'nguyen.van.a', fullName: 'Nguyễn Văn A', active: true, role: 'delegate', locale: 'vi' });
    await expect(login(app, 'nguyen.van.a', 'BatDau2026')).resolves.toMatch(/^ecab_sid=/);
    const audit = await app.audit.list({ limit: 5, action: 'user.created' });
    expect(audit[0]).toMatchObject({ actorId: admin.user._id.toHexString(), target: res.json().id });
  });

  it('reports each invalid field in Vietnamese and stores nothing', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/users', headers: asAdmin(), payload: { username: 'Bad Name!', fullName: '   ', email: 'not-an-email', role: 'emperor', password: 'short' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.fields).toMatchObject({ '/username': 'Định dạng không hợp lệ.', '/email': 'Email không hợp lệ.', '/password': 'Cần ít nhất 8 ký tự.' });
    expect(body.fields).toHaveProperty('/fullName');
    expect(body.fields).toHaveProperty('/role');
    expect(await app.users.byUsername('bad name!')).toBeNull();
  });

  it('refuses a duplicate username with 409 and a field message', async () => {
    const existing = await makeUser(app);
    const res = await app.inject({ method: 'POST', url: '/api/users', headers: asAdmin(), payload: { username: existing.username, fullName: 'Trùng tên', role: 'delegate', password: 'Abcdefg123' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'USERNAME_TAKEN', fields: { '/username': 'Tên đăng nhập đã được sử dụng.' } });
  });

  it('refuses a unit that does not exist', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/users', headers: asAdmin(), payload: { username: 'nounit', fullName: 'Không đơn vị', role: 'delegate', password: 'Abcdefg123', unitId: 'aaaaaaaaaaaaaaaaaaaaaaaa' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('UNIT_NOT_FOUND');
    expect(await app.users.byUsername('nounit')).toBeNull();
  });
});

describe('list', () => {
  it('finds users by name without diacritics', async () => {
    const u = await makeUser(app, { fullName: 'Đặng Quốc Huy' });
    const res = await app.inject({ method: 'GET', url: '/api/users?q=dang%20quoc', headers: asAdmin() });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((x: { id: string }) => x.id)).toContain(u._id.toHexString());
    const none = await app.inject({ method: 'GET', url: '/api/users?q=zzzz-khong-co', headers: asAdmin() });
    expect(none.json().items).toEqual([]);
  });
});

describe('deactivate', () => {
  it('ends the user’s sessions and disconnects their open socket with a reason', async () => {
    const target = await signedIn(app);
    const socket = connectSocket(baseUrl, target.cookie);
    await once(socket, 'connect');
    const ended = once<{ reason: string }>(socket, 'session:ended');
    const disconnected = once<string>(socket, 'disconnect');

    const res = await app.inject({ method: 'PATCH', url: `/api/users/${target.user._id.toHexString()}`, headers: asAdmin(), payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);

    expect(await ended).toEqual({ reason: 'SESSION_REVOKED' });
    expect(await disconnected).toBe('io server disconnect');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: target.cookie } })).statusCode).toBe(401);
    const relogin = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: target.user.username, password: target.user.password } });
    expect(relogin.json().code).toBe('AUTH_ACCOUNT_DISABLED');
    expect((await app.audit.list({ limit: 5, action: 'user.deactivated' }))[0]?.target).toBe(target.user._id.toHexString());
    socket.close();
  });

  it('does not let an admin deactivate or demote themself', async () => {
    const id = admin.user._id.toHexString();
    for (const payload of [{ active: false }, { role: 'delegate' }]) {
      const res = await app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: asAdmin(), payload });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('CANNOT_DEACTIVATE_SELF');
    }
    expect((await app.users.byId(admin.user._id))?.active).toBe(true);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await app.inject({ method: 'PATCH', url: '/api/users/aaaaaaaaaaaaaaaaaaaaaaaa', headers: asAdmin(), payload: { active: false } })).statusCode).toBe(404);
    const bad = await app.inject({ method: 'PATCH', url: '/api/users/not-an-id', headers: asAdmin(), payload: { active: false } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('/params/id');
  });
});

describe('reset password', () => {
  it('sets a new password and signs the user out everywhere', async () => {
    const target = await signedIn(app);
    const res = await app.inject({ method: 'POST', url: `/api/users/${target.user._id.toHexString()}/reset-password`, headers: asAdmin(), payload: { newPassword: 'DatLai2026' } });
    expect(res.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: target.cookie } })).statusCode).toBe(401);
    await expect(login(app, target.user.username, 'DatLai2026')).resolves.toMatch(/^ecab_sid=/);
    expect((await app.audit.list({ limit: 5, action: 'user.password.reset' }))[0]?.target).toBe(target.user._id.toHexString());
  });
});
