import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Role } from '@e-cabinet/protocol';
import type { SessionDoc, UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { SESSION_COOKIE } from './session-store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: UserDoc | null;
    session: SessionDoc | null;
  }
  interface FastifyInstance {
    /** onRequest hook: 401 unless a live session of an active user came with the request. */
    requireUser: onRequestAsyncHookHandler;
    /** onRequest hook: 401 without a session, 403 unless the user has one of the roles. */
    requireRole: (...roles: Role[]) => onRequestAsyncHookHandler;
  }
}

/** Resolves the session cookie on every request; routes opt in to requiring it. */
export default fp(
  async (app) => {
    app.decorateRequest('user', null);
    app.decorateRequest('session', null);

    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const session = await app.sessions.resolve(token);
      const user = session ? await app.users.byId(session.userId) : null;
      if (!session || !user?.active) {
        // A stale cookie is cleared so the browser stops sending it.
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return;
      }
      request.session = session;
      request.user = user;
      request.locale = user.locale;
    });

    const requireUser: onRequestAsyncHookHandler = async (request) => {
      if (!request.user) throw new AppError('UNAUTHENTICATED');
    };
    app.decorate('requireUser', requireUser);
    app.decorate('requireRole', (...roles: Role[]): onRequestAsyncHookHandler => async (request) => {
      if (!request.user) throw new AppError('UNAUTHENTICATED');
      if (!roles.includes(request.user.role)) throw new AppError('FORBIDDEN');
    });
  },
  { name: 'auth-hooks', dependencies: ['services'] },
);
