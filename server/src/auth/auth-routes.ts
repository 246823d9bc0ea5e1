import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiErrorSchema, ChangePasswordSchema, LoginSchema, MeSchema, UpdatePreferencesSchema } from '@e-cabinet/protocol';
import { AppError } from '../http/app-error.ts';
import { burnVerify, verifyPassword } from './password.ts';
import { SESSION_COOKIE } from './session-store.ts';
import { toUser, requireStrong } from '../users/users-service.ts';
import { endSession, revokeUserSessions } from '../realtime/revoke.ts';
import { errorResponses } from '../http/error-responses.ts';

const errors = errorResponses(400, 401, 403, 429);

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.config.cookieSecure,
    maxAge: app.config.sessionTtlHours * 3600,
  };

  app.post(
    '/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in', body: LoginSchema, response: { 200: MeSchema, ...errors } },
      config: { rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
      const lockedMs = await app.throttle.lockedFor(username);
      if (lockedMs > 0) {
        await app.audit.append({ actorId: null, action: 'auth.login.throttled', target: username.slice(0, 64), data: { ip: meta.ip } });
        throw new AppError('AUTH_TOO_MANY_ATTEMPTS', undefined, { 'retry-after': String(Math.ceil(lockedMs / 1000)) });
      }
      const user = await app.users.byUsername(username);
      const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnVerify(password), false);
      if (!user || !ok) {
        const { failures, lockedMs: nowLocked } = await app.throttle.fail(username);
        await app.audit.append({ actorId: null, action: 'auth.login.failed', target: username.slice(0, 64), data: { ip: meta.ip, failures } });
        request.log.warn({ username: username.slice(0, 64), failures }, 'failed login');
        if (nowLocked > 0) throw new AppError('AUTH_TOO_MANY_ATTEMPTS', undefined, { 'retry-after': String(Math.ceil(nowLocked / 1000)) });
        throw new AppError('AUTH_INVALID_CREDENTIALS');
      }
      if (!user.active) {
        await app.audit.append({ actorId: user._id.toHexString(), action: 'auth.login.disabled', target: user.username, data: { ip: meta.ip } });
        throw new AppError('AUTH_ACCOUNT_DISABLED');
      }
      await app.throttle.reset(username);
      const { token } = await app.sessions.create(user._id, meta);
      await app.audit.append({ actorId: user._id.toHexString(), action: 'auth.login', target: user.username, data: { ip: meta.ip } });
      void reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return { user: toUser(user) };
    },
  );

  app.post('/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null() } } }, async (request, reply) => {
    if (request.session && request.user) {
      await endSession(app, request.session._id);
      await app.audit.append({ actorId: request.user._id.toHexString(), action: 'auth.logout', target: request.user.username });
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/me', { onRequest: app.requireUser, schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: MeSchema, 401: ApiErrorSchema } } }, async (request) => {
    return { user: toUser(request.user!) };
  });

  app.patch(
    '/me',
    { onRequest: app.requireUser, schema: { tags: ['auth'], summary: 'Update own preferences', body: UpdatePreferencesSchema, response: { 200: MeSchema, ...errors } } },
    async (request) => {
      const user = await app.users.setLocale(request.user!._id, request.body.locale);
      return { user: toUser(user) };
    },
  );

  app.post(
    '/password',
    { onRequest: app.requireUser, schema: { tags: ['auth'], summary: 'Change own password', body: ChangePasswordSchema, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const user = request.user!;
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new AppError('AUTH_WRONG_PASSWORD', { '/currentPassword': 'AUTH_WRONG_PASSWORD' });
      }
      requireStrong(request.body.newPassword, '/newPassword');
      await app.users.setPassword(user._id, request.body.newPassword, '/newPassword');
      // Other devices signed in with the old password are signed out; this one stays.
      await revokeUserSessions(app, user._id, { exceptSessionId: request.session!._id });
      await app.audit.append({ actorId: user._id.toHexString(), action: 'auth.password.changed', target: user.username });
      return reply.status(204).send(null);
    },
  );
};

export default authRoutes;
