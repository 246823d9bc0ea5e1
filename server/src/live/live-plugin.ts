import fp from 'fastify-plugin';
import { LiveService } from './live-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveService;
  }
}

/** The live meeting service; its socket commands are registered by the socket server. */
export default fp(
  async (app) => {
    app.decorate('live', new LiveService(app));
  },
  { name: 'live', dependencies: ['services', 'socket-server'] },
);
