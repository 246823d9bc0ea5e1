import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.ts';
import errors from './plugins/errors.ts';
import mongodb from './plugins/external/mongodb.ts';
import services from './plugins/services.ts';
import authHooks from './auth/auth-hooks.ts';
import socketServer from './realtime/socket-server.ts';
import collab from './collab/collab-plugin.ts';
import live from './live/live-plugin.ts';
import liveRoutes from './live/live-routes.ts';
import polls from './polls/polls-plugin.ts';
import pollsRoutes from './polls/polls-routes.ts';
import clientStatic from './plugins/client-static.ts';
import healthRoutes from './ops/health-routes.ts';
import authRoutes from './auth/auth-routes.ts';
import usersRoutes from './users/users-routes.ts';
import unitsRoutes from './units/units-routes.ts';
import auditRoutes from './audit/audit-routes.ts';
import meetingsRoutes from './meetings/meetings-routes.ts';
import agendaRoutes from './meetings/agenda-routes.ts';
import documentsRoutes from './documents/documents-routes.ts';
import directoryRoutes from './users/directory-routes.ts';
import notificationsRoutes from './distribution/notifications-routes.ts';
import delivery from './delivery/delivery-plugin.ts';
import { adminDeliveriesRoutes, meetingDeliveriesRoutes } from './delivery/delivery-routes.ts';
import tasks from './tasks/tasks-plugin.ts';
import { meetingTasksRoutes, tasksRoutes } from './tasks/tasks-routes.ts';
import conclusions from './conclusions/conclusions-plugin.ts';
import conclusionsRoutes from './conclusions/conclusions-routes.ts';

export interface AppOptions {
  config: Config;
  /** The database server's URI (from MONGODB_URI or the local database). */
  mongoUri: string;
  /** Defaults to `config.mongodbDb`; tests give each file its own database. */
  dbName?: string;
}

/** Fastify's own options for the app: logging, request ids, body limit, strict validation. */
export function serverOptions(config: Config): FastifyServerOptions {
  return {
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  };
}

/** The whole application as one plugin: external plugins, app plugins, then routes. */
export const app = fp<AppOptions>(
  async (instance, opts) => {
    const server = instance.withTypeProvider<TypeBoxTypeProvider>();
    server.addHook('onSend', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });

    await server.register(errors);
    await server.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          // Swagger UI and pdf.js need inline styles; scripts stay same-origin.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'worker-src': ["'self'", 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'upgrade-insecure-requests': opts.config.cookieSecure ? [] : null,
        },
      },
    });
    // CORS stays off unless origins are configured: the client is served from the same origin.
    if (opts.config.corsOrigins.length) await server.register(cors, { origin: opts.config.corsOrigins, credentials: true });
    await server.register(cookie);
    await server.register(rateLimit, { global: false });
    await server.register(swagger, {
      openapi: { info: { title: 'E-Cabinet API', version: '0.1.0', description: 'Paperless meetings for government bodies and boards.' } },
    });
    await server.register(swaggerUi, { routePrefix: '/docs' });
    await server.register(mongodb, { uri: opts.mongoUri, dbName: opts.dbName ?? opts.config.mongodbDb });
    await server.register(services, { config: opts.config });
    await server.register(authHooks);
    await server.register(socketServer);
    await server.register(collab);
    await server.register(live);
    await server.register(polls);
    await server.register(delivery);
    await server.register(tasks);
    await server.register(conclusions);

    await server.register(healthRoutes);
    await server.register(authRoutes, { prefix: '/api/auth' });
    await server.register(usersRoutes, { prefix: '/api/users' });
    await server.register(unitsRoutes, { prefix: '/api/units' });
    await server.register(auditRoutes, { prefix: '/api/audit' });
    await server.register(meetingsRoutes, { prefix: '/api/meetings' });
    await server.register(agendaRoutes, { prefix: '/api/meetings' });
    await server.register(liveRoutes, { prefix: '/api/meetings' });
    await server.register(pollsRoutes, { prefix: '/api/meetings' });
    await server.register(documentsRoutes, { prefix: '/api' });
    await server.register(directoryRoutes, { prefix: '/api/directory' });
    await server.register(notificationsRoutes, { prefix: '/api/notifications' });
    await server.register(meetingDeliveriesRoutes, { prefix: '/api/meetings' });
    await server.register(adminDeliveriesRoutes, { prefix: '/api/admin/deliveries' });
    await server.register(meetingTasksRoutes, { prefix: '/api/meetings' });
    await server.register(tasksRoutes, { prefix: '/api/tasks' });
    await server.register(conclusionsRoutes, { prefix: '/api/meetings' });
    if (opts.config.serveClient) await server.register(clientStatic, { root: opts.config.clientDist });
  },
  { name: 'e-cabinet' },
);

/** Builds a ready-to-listen (or ready-to-inject) Fastify instance. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const instance = Fastify(serverOptions(opts.config));
  await instance.register(app, opts);
  await instance.ready();
  return instance;
}
