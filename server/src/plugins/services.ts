import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { collections } from '../db/collections.ts';
import { AuditService } from '../audit/audit-service.ts';
import { SessionStore } from '../auth/session-store.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { UnitsService } from '../units/units-service.ts';
import { UsersService } from '../users/users-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    audit: AuditService;
    sessions: SessionStore;
    throttle: LoginThrottle;
    units: UnitsService;
    users: UsersService;
  }
}

/** Repositories and services, built once on the shared database handle. */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const c = collections(app.db);
    const units = new UnitsService(c);
    app.decorate('config', config);
    app.decorate('audit', new AuditService(app.db));
    app.decorate('sessions', new SessionStore(c, config.sessionTtlHours * 3600_000));
    app.decorate('throttle', new LoginThrottle(c, config.loginMaxAttempts));
    app.decorate('units', units);
    app.decorate('users', new UsersService(c, units));

    const sweep = setInterval(() => {
      app.sessions.sweepExpired().catch((err: unknown) => app.log.warn({ err }, 'session sweep failed'));
    }, 10 * 60_000);
    sweep.unref();
    app.addHook('onClose', async () => clearInterval(sweep));
  },
  { name: 'services', dependencies: ['mongodb'] },
);
