import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, makeUser, type TestApp } from '../../test/helper.ts';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ loginMaxAttempts: 3 });
});
afterAll(() => app.teardown());

describe('login', () => {
  it('signs in with the right password and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const user = await makeUser(app, { fullName: 'Trần Văn Minh' });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: user.username, fullName: 'Trần Văn Minh', role: 'delegate' });
    expect(res.json().user).not.toHaveProperty('passwordHash');
    const cookie = res.cookies.find((c) => c.name === 'ecab_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `ecab_sid=${cookie!.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(user.username);
  });

  it('refuses a wrong password with a clear Vietnamese message, and in English when asked', async () => {
    const user = await makeUser(app);
    const vi = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'SaiMatKhau1' } });
    expect(vi.statusCode).toBe(401);
    expect(vi.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    expect(vi.cookies.find((c) => c.name === 'ecab_sid')).toBeUndefined();

    const en = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en-US,en;q=0.9' }, payload: { username: user.username, password: 'SaiMatKhau1' } });
    expect(en.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Wrong username or password.' });
  });

  it('gives an unknown username the same answer as a wrong password', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong-ton-tai', password: 'whatever1' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('slows down repeated failures: after the limit even the right password waits, and failures are audited', async () => {
    const user = await makeUser(app);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: `wrong-${i}-x1` } });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 429]);
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('AUTH_TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    const failures = await app.audit.list({ limit: 50, action: 'auth.login.failed' });
    expect(failures.filter((e) => e.target === user.username)).toHaveLength(3);
    expect((await app.audit.list({ limit: 50, action: 'auth.login.throttled' })).some((e) => e.target === user.username)).toBe(true);
  });

  it('refuses a deactivated account even with the right password', async () => {
    const user = await makeUser(app);
    await app.users.update(user._id, { active: false }, new ObjectId());
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('rejects malformed bodies with field messages and changes nothing', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '', extra: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(Object.keys(res.json().fields)).toEqual(expect.arrayContaining(['/username', '/password', '/extra']));
  });
});

describe('logout and sessions', () => {
  it('logout ends the session on the server, so the old cookie stops working', async () => {
    const user = await makeUser(app);
    const cookie = await login(app, user.username, user.password);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('UNAUTHENTICATED');
    const logoutAudit = await app.audit.list({ limit: 10, action: 'auth.logout' });
    expect(logoutAudit.some((e) => e.target === user.username)).toBe(true);
  });

  it('a forged cookie is not a session', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'ecab_sid=forged-token-value' } });
    expect(me.statusCode).toBe(401);
  });
});

describe('change password', () => {
  it('needs the current password, refuses weak ones, and then only the new one works', async () => {
    const user = await makeUser(app);
    const cookie = await login(app, user.username, user.password);
    const other = await login(app, user.username, user.password);

    const wrong = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: 'nope-nope1', newPassword: 'MoiMoi2026' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'AUTH_WRONG_PASSWORD', fields: { '/currentPassword': 'Mật khẩu hiện tại không đúng.' } });

    const weak = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: user.password, newPassword: 'abcdefgh' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('AUTH_WEAK_PASSWORD');

    const ok = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: user.password, newPassword: 'MoiMoi2026' } });
    expect(ok.statusCode).toBe(204);
    // This device stays signed in; the other one is signed out.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);

    const old = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
    expect(old.statusCode).toBe(401);
    await expect(login(app, user.username, 'MoiMoi2026')).resolves.toMatch(/^ecab_sid=/);
  });

  it('remembers the language choice on the server', async () => {
    const user = await makeUser(app);
    const cookie = await login(app, user.username, user.password);
    const res = await app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: { locale: 'en' } });
    expect(res.json().user.locale).toBe('en');
    const bad = await app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: { locale: 'fr' } });
    expect(bad.statusCode).toBe(400);
    // Errors now come in the user's saved language.
    expect(bad.json().message).toBe('The request is not valid.');
  });
});
