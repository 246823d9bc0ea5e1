import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { collections } from '../db/collections.ts';
import { AuditService } from '../audit/audit-service.ts';
import { SessionStore } from '../auth/session-store.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { UnitsService } from '../units/units-service.ts';
import { UsersService } from '../users/users-service.ts';
import { MeetingsService } from '../meetings/meetings-service.ts';
import { AgendaService } from '../meetings/agenda-service.ts';
import { DocumentsService } from '../documents/documents-service.ts';
import { Outbox } from '../distribution/outbox.ts';
import { createMailer } from '../distribution/mailer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    audit: AuditService;
    sessions: SessionStore;
    throttle: LoginThrottle;
    units: UnitsService;
    users: UsersService;
    meetings: MeetingsService;
    agenda: AgendaService;
    documents: DocumentsService;
    outbox: Outbox;
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
    const meetings = new MeetingsService(c);
    app.decorate('meetings', meetings);
    app.decorate('agenda', new AgendaService(c));
    app.decorate('documents', new DocumentsService(app.db, c, meetings, { uploadLimitBytes: config.uploadLimitBytes, sofficePath: config.sofficePath }));
    const mailer = createMailer(config.smtpUrl, config.mailFrom);
    if (!mailer.configured) app.log.info('SMTP_URL is not set: invitation emails stay queued in the outbox');
    const outbox = new Outbox(c, (doc) => mailer.deliver(doc), app.log);
    app.decorate('outbox', outbox);
    // Without a transport every attempt would fail; the queue waits for a configured restart.
    if (mailer.configured) app.addHook('onReady', async () => outbox.start());
    app.addHook('onClose', async () => {
      outbox.stop();
      await outbox.idle();
      mailer.close();
    });

    const sweep = setInterval(() => {
      app.sessions.sweepExpired().catch((err: unknown) => app.log.warn({ err }, 'session sweep failed'));
    }, 10 * 60_000);
    sweep.unref();
    app.addHook('onClose', async () => clearInterval(sweep));
  },
  { name: 'services', dependencies: ['mongodb'] },
);
