import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type TestApp } from '../../test/helper.ts';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ bodyLimitBytes: 2048 });
});
afterAll(() => app.teardown());

describe('HTTP basics', () => {
  it('answers health and readiness', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ok' });
  });

  it('gives JSON 404s in the caller’s language, with a request id', async () => {
    const res = await app.inject({ url: '/api/nope', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Not found.' });
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
  });

  it('answers 413 to an oversized body', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'x'.repeat(5000) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 to broken JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });

  it('sends security headers and no CORS headers by default', async () => {
    const res = await app.inject({ url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('publishes an OpenAPI document covering the API', async () => {
    const doc = (await app.inject('/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users/', '/api/users/{id}', '/api/units/', '/api/audit/verify', '/readyz']));
    expect((await app.inject('/docs')).statusCode).toBeLessThan(400);
  });

  it('never sends a password hash', async () => {
    const { cookie } = await signedIn(app, { role: 'admin' });
    const res = await app.inject({ url: '/api/users', headers: { cookie } });
    expect(res.body).not.toMatch(/passwordHash|argon2/);
  });
});
