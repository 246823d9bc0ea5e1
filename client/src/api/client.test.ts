import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '@e-cabinet/protocol';
import { setLocale } from '../i18n';
import { api, ApiRequestError, codeForStatus, onUnauthorized, parseErrorBody } from './client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('api', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
    setLocale('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends JSON with the session cookie and the UI language', async () => {
    setLocale('en');
    fetchMock.mockResolvedValue(json(200, { ok: 1 }));
    await expect(api('/api/x', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: 1 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/x');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"a":1}');
    expect(init?.headers).toMatchObject({ 'Accept-Language': 'en', 'Content-Type': 'application/json' });
  });

  it('builds a query string without empty values', async () => {
    fetchMock.mockResolvedValue(json(200, { items: [] }));
    await api('/api/users', { query: { q: 'lan anh', role: '', unitId: undefined, active: false } });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/users?q=lan+anh&active=false');
  });

  it('returns undefined for 204 and sends no Content-Type without a body', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0]![1]?.headers).not.toHaveProperty('Content-Type');
  });

  it('throws the server error with its code, message and fields', async () => {
    fetchMock.mockResolvedValue(
      json(400, { code: 'VALIDATION', message: 'Dữ liệu không hợp lệ.', fields: { '/username': 'Không được để trống.' } }),
    );
    const err = await api('/api/users', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    const apiErr = err as ApiRequestError;
    expect(apiErr.status).toBe(400);
    expect(apiErr.code).toBe(ErrorCode.VALIDATION);
    expect(apiErr.message).toBe('Dữ liệu không hợp lệ.');
    expect(apiErr.body.fields).toEqual({ '/username': 'Không được để trống.' });
  });

  it('turns a network failure into a localized UNAVAILABLE error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const err = (await api('/api/units').catch((e: unknown) => e)) as ApiRequestError;
    expect(err.status).toBe(0);
    expect(err.code).toBe(ErrorCode.UNAVAILABLE);
    expect(err.message).toMatch(/Không kết nối được/);
  });

  it('reports a 401 to the session handler, but not for a failed login', async () => {
    const handler = vi.fn();
    const off = onUnauthorized(handler);
    fetchMock.mockImplementation(() => Promise.resolve(json(401, { code: 'UNAUTHENTICATED', message: 'x' })));
    await api('/api/auth/login', { method: 'POST', body: {} }).catch(() => {});
    expect(handler).not.toHaveBeenCalled();
    await api('/api/users').catch(() => {});
    expect(handler).toHaveBeenCalledTimes(1);
    off();
    await api('/api/users').catch(() => {});
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('parseErrorBody', () => {
  it('falls back to a localized message for bodies that are not ours', () => {
    expect(parseErrorBody(502, null, 'vi')).toEqual({ code: 'UNAVAILABLE', message: 'Hệ thống tạm thời không sẵn sàng.' });
    // A framework default error: unknown code, English message.
    expect(parseErrorBody(404, { statusCode: 404, code: 'FST_ERR_NOT_FOUND', message: 'Route not found' }, 'en')).toEqual({
      code: 'NOT_FOUND',
      message: 'Not found.',
    });
  });

  it('drops non-string field messages', () => {
    const body = { code: 'VALIDATION', message: 'm', fields: { '/a': 'x', '/b': 3 } };
    expect(parseErrorBody(400, body, 'vi').fields).toEqual({ '/a': 'x' });
  });

  it('maps statuses to codes', () => {
    expect(codeForStatus(429)).toBe('RATE_LIMITED');
    expect(codeForStatus(500)).toBe('INTERNAL');
    expect(codeForStatus(422)).toBe('VALIDATION');
  });
});
